import type { Entry, Post } from '../../model/index.js';
import { entryId, htmlToLines, htmlToText, statusIdFromUrl, toIsoDate } from '../shared/index.js';
import { analysePostText, dateFromStatusId } from './post-text.js';

const ATTRIBUTION = /^[—–-]\s*(.+?)\s*\(@([A-Za-z0-9_]{1,15})\)\s*(.*)$/su;
const HREF = /<a\s[^>]*?href\s*=\s*["']([^"']+)["']/gi;

/**
 * One `<blockquote class="twitter-tweet">` as an entry whose head is the post, or the reason it
 * could not be read. The embed keeps the post in `<p>` and the attribution after it:
 * `&mdash; Name (@handle) <a href="…/status/ID">January 18, 2024</a>`. The first paragraph
 * becomes the head lines and the rest the tail, as a clip document lays a post out.
 *
 * @example
 * postEntryFromEmbed('<blockquote class="twitter-tweet"><p>本文</p>&mdash; ロイター ' +
 *   '(@ReutersJapan) <a href="https://twitter.com/ReutersJapan/status/1747871244170555421">' +
 *   'January 18, 2024</a></blockquote>');
 * // { ok: true, entry: { id: 'x:1747871244170555421', post: { handle: 'ReutersJapan', … } } }
 */
export function postEntryFromEmbed(
  html: string,
): { ok: true; entry: Entry } | { ok: false; reason: string } {
  const inner = html.replace(/^<blockquote[^>]*>/i, '').replace(/<\/blockquote>\s*$/i, '');
  const split = splitAttribution(inner);
  const attribution = ATTRIBUTION.exec(htmlToText(split.attribution).replace(/\n/g, ' '));
  const status = [...split.attribution.matchAll(HREF)]
    .map((m) => statusIdFromUrl(decodeHref(m[1] ?? '')))
    .find((s) => s !== null);
  if (!attribution || !status)
    return { ok: false, reason: 'embed without "— Name (@handle) date" and status link' };
  const [, authorName = '', handle = '', dateText = ''] = attribution;
  const date = toIsoDate(dateText)?.slice(0, 10) ?? dateFromStatusId(status.id);
  if (date === undefined) return { ok: false, reason: `embed date "${dateText}" not understood` };
  const post = buildPost(htmlToLines(split.text), { authorName, handle, date, dateText });
  const url = `https://x.com/${status.handle}/status/${status.id}`;
  const entry: Entry = {
    id: entryId({ statusId: status.id }),
    post,
    bodyKind: 'article',
    body: [],
    summaries: [],
    origin: { kind: 'embed', url, author: authorName, published: date },
  };
  return { ok: true, entry };
}

/** The post text is in `<p>`; when the `<p>` is missing the attribution starts at the dash. */
function splitAttribution(inner: string): { text: string; attribution: string } {
  const end = inner.toLowerCase().lastIndexOf('</p>');
  if (end !== -1) return { text: inner.slice(0, end + 4), attribution: inner.slice(end + 4) };
  const dash = Math.max(inner.lastIndexOf('&mdash;'), inner.lastIndexOf('—'));
  if (dash === -1) return { text: inner, attribution: '' };
  return { text: inner.slice(0, dash), attribution: inner.slice(dash) };
}

function decodeHref(href: string): string {
  return href.replace(/&amp;/g, '&');
}

interface Attribution {
  authorName: string;
  handle: string;
  date: string;
  dateText: string;
}

function buildPost(lines: string[], a: Attribution): Post {
  const blank = lines.indexOf('');
  const headLines = blank === -1 ? lines : lines.slice(0, blank);
  const tailLines = blank === -1 ? [] : lines.slice(blank + 1).filter((l) => l !== '');
  const derived = analysePostText([...headLines, ...tailLines]);
  return {
    platform: 'x',
    headLines,
    attribution: `— ${a.authorName} (@${a.handle}) ${a.dateText}`.trimEnd(),
    tailLines,
    ...derived,
    authorName: a.authorName,
    handle: a.handle,
    date: a.date,
  };
}
