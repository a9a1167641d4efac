import { KirinukiError } from '../model/index.js';
import { digestEntryId } from './atom-id.js';
import { documentTags, entryView, type DigestDay } from './digest-day.js';
import { escapeMarkup } from './html-escape.js';
import { renderDigestHtml } from './html.js';

/** The feed's own data and how each day becomes an entry. */
export interface DigestFeed {
  /** The feed's permanent id, an absolute IRI (`tag:example.org,2024:kirinuki`, a URL). */
  id: string;
  title: string;
  /** The page the feed stands for (the site's home): the feed's `rel="alternate"` link. */
  link: string;
  /** Where the feed itself is served: its `rel="self"` link, which RFC 4287 recommends. */
  self?: string;
  /** The feed's author (the curator), the author of every entry. */
  author: string;
  /** The page of a day's digest: the entry's `rel="alternate"` link. */
  entryUrl: (day: DigestDay) => string;
  /** When a day's entry last changed, RFC 3339; by default the end of the day in Japan. */
  updated?: (day: DigestDay) => string;
  /** A day's HTML for the entry's content; by default the fragment of renderDigestHtml. */
  render?: (day: DigestDay) => string;
  /** A day's entry title; by default the day, `2024-03-04`. */
  entryTitle?: (day: DigestDay) => string;
}

const ATOM_NS = 'http://www.w3.org/2005/Atom';
// RFC 3339 as RFC 4287 §3.3 narrows it: upper-case T and Z, seconds always there.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
// Written when there are no days at all, so that even an empty feed is stable across runs.
const NEVER_UPDATED = '1970-01-01T00:00:00Z';

/**
 * The digests as an Atom feed (RFC 4287): one entry per day, newest first. Each entry's id is
 * a name-based UUID of the feed id and the day, so it is the same on every run and differs
 * between feeds; `updated` is the end of the day in Japan unless `feed.updated` says
 * otherwise, and the feed's `updated` is its newest entry's. The content is the day's HTML,
 * escaped as `type="html"`; the categories are the document tags and the summary-line tags.
 *
 * @example
 * renderDigestAtom(days, {
 *   id: 'tag:example.org,2024:kirinuki', title: '切り抜き', link: 'https://example.org/',
 *   author: 'curator', entryUrl: (d) => `https://example.org/days/${d.day}.html`,
 * }); // '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" …'
 */
export function renderDigestAtom(days: readonly DigestDay[], feed: DigestFeed): string {
  const newestFirst = [...days].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  // Two entries of one day would share an id: the caller merged its days wrongly.
  const twice = newestFirst.find((d, i) => newestFirst[i + 1]?.day === d.day);
  if (twice) throw new KirinukiError('publish', `atom: the day ${twice.day} is given twice`);
  const entries = newestFirst.map((day) => ({ day, updated: updatedOf(day, feed) }));
  const feedUpdated = entries.reduce(
    (newest, e) => (Date.parse(e.updated) > Date.parse(newest) ? e.updated : newest),
    entries[0]?.updated ?? NEVER_UPDATED,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${ATOM_NS}" xml:lang="ja">`,
    `  <id>${escapeMarkup(feed.id)}</id>`,
    `  <title>${escapeMarkup(feed.title)}</title>`,
    `  <updated>${feedUpdated}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(feed.link)}"/>`,
    ...(feed.self === undefined
      ? []
      : [`  <link rel="self" type="application/atom+xml" href="${escapeMarkup(feed.self)}"/>`]),
    `  <author><name>${escapeMarkup(feed.author)}</name></author>`,
    '  <generator>kirinuki</generator>',
    ...entries.flatMap(({ day, updated }) => entryLines(day, updated, feed)),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

function entryLines(day: DigestDay, updated: string, feed: DigestFeed): string[] {
  const html = (feed.render ?? ((d: DigestDay) => renderDigestHtml(d)))(day);
  const title = feed.entryTitle ? feed.entryTitle(day) : day.day;
  return [
    '  <entry>',
    `    <id>${digestEntryId(feed.id, day.day)}</id>`,
    `    <title>${escapeMarkup(title)}</title>`,
    `    <updated>${updated}</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeMarkup(feed.entryUrl(day))}"/>`,
    ...categoriesOf(day).map((term) => `    <category term="${escapeMarkup(term)}"/>`),
    `    <content type="html">${escapeMarkup(html)}</content>`,
    '  </entry>',
  ];
}

function updatedOf(day: DigestDay, feed: DigestFeed): string {
  const updated = feed.updated ? feed.updated(day) : `${day.day}T23:59:59+09:00`;
  // A wrong date is the caller's bug, not the data's: readers drop or misorder such entries.
  if (!RFC3339.test(updated) || Number.isNaN(Date.parse(updated)))
    throw new KirinukiError('publish', `atom: updated of ${day.day} is not RFC 3339: ${updated}`);
  return updated;
}

/** The document tags, then the summary-line tags of every entry, each once. */
function categoriesOf(day: DigestDay): string[] {
  const terms = documentTags(day);
  for (const entry of day.entries)
    for (const tag of entryView(entry).tags) if (!terms.includes(tag)) terms.push(tag);
  return terms;
}
