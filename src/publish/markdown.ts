import { tagsOfLine } from '../format/index.js';
import type { SummaryLine } from '../model/index.js';
import { entryView, type DigestDay, type EntryView } from './digest-day.js';

/** What the curator chooses about the Markdown of a digest. */
export interface MarkdownOptions {
  /** The URL a tag (of a summary line or of the document) links to; without it tags are text. */
  tagUrl?: (tag: string) => string;
}

/**
 * What a Markdown dialect built on this one changes (Hatena Blog's Markdown mode): the rest of
 * the document is written exactly as {@link renderDigestMarkdown} writes it.
 */
export interface MarkdownDialect {
  /** A block written in place of the post's quotation (an embed), or `null` to quote the post. */
  postEmbed?: (view: EntryView) => string | null;
  /**
   * Whether the character of clip text at `index` must be written as a numeric character
   * reference (`&#91;`) — literal in CommonMark, and opaque to a dialect's own syntax.
   */
  charRef?: (text: string, index: number) => boolean;
}

/**
 * A day's digest as CommonMark to paste into a blog editor (WordPress, note, Zenn): each post
 * as a blockquote with its text and a line naming its author, handle, date and links (its
 * status URL when known, else every link it carries), the captured page's link, the article
 * body a paragraph a line, each summary line as written, then the document tags. Entries are
 * parted by thematic breaks. Every piece of clip text is escaped so that a Markdown renderer
 * shows exactly the curator's characters and builds no element from them.
 *
 * @example
 * renderDigestMarkdown(day, { tagUrl: (t) => `https://example.com/tag/${encodeURIComponent(t)}` });
 * // '> ロシア軍、ハリコフ州の集落制圧と主張 … https://t.co/b84qe8LkbC\n>\n> — ロイター (@ReutersJapan) 2024-03-04 · <https://t.co/b84qe8LkbC>\n\n…'
 */
export function renderDigestMarkdown(
  day: DigestDay,
  options: MarkdownOptions = {},
  dialect: MarkdownDialect = {},
): string {
  const text = (s: string): string => markdownText(s, dialect.charRef);
  const blocks: string[] = [];
  day.entries.forEach((entry, i) => {
    if (i > 0) blocks.push('---');
    const view = entryView(entry);
    const embed = dialect.postEmbed?.(view) ?? null;
    if (embed !== null) blocks.push(embed);
    else if (view.postLines.length > 0) blocks.push(quotePost(view, text));
    else if (view.articleUrl !== null) blocks.push(pageLink(view, view.articleUrl, text));
    if (view.articleUrl !== null && (embed !== null || view.postLines.length > 0))
      blocks.push(markdownLink(view.articleUrl, text));
    for (const line of view.bodyLines) if (line.trim() !== '') blocks.push(text(line));
    for (const s of view.summaries) blocks.push(summaryLine(s, options.tagUrl, text));
  });
  const tagLines = day.documentTagLines.filter((l) => l.trim() !== '');
  if (tagLines.length > 0 && blocks.length > 0) blocks.push('---');
  for (const line of tagLines) blocks.push(tagLine(line, options.tagUrl, text));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** Clip text as Markdown: see {@link markdownText}. */
type TextWriter = (text: string) => string;

/** The post as a blockquote: its lines as written, then `— Name (@handle) date · links`. */
function quotePost(view: EntryView, text: TextWriter): string {
  const lines = view.postLines.filter((l) => l.trim() !== '').map((l) => `> ${text(l)}`);
  const who = [
    view.authorName !== null ? text(view.authorName) : null,
    view.handle !== null ? `(@${text(view.handle)})` : null,
    view.date !== null ? text(view.date) : null,
  ].filter((p) => p !== null);
  const links = view.statusUrl !== null ? [view.statusUrl] : view.postLinks;
  const byline = [`— ${who.join(' ')}`, ...links.map((l) => markdownLink(l, text))].join(' · ');
  return [...lines, `> ${byline}`].join('\n>\n');
}

/** A captured page without a post: its headline linking to it, then its author and date. */
function pageLink(view: EntryView, url: string, text: TextWriter): string {
  const byline = [view.authorName, view.date].filter((p) => p !== null).map(text);
  const link = `[${text(view.headline.trim() || url)}](${linkDestination(url)})`;
  return byline.length > 0 ? `${link} — ${byline.join(' ')}` : link;
}

/** A summary line as written, its `#Tag` a link when the curator gave tag URLs. */
function summaryLine(s: SummaryLine, tagUrl: MarkdownOptions['tagUrl'], text: TextWriter): string {
  const hash = s.raw.search(/\S/);
  const tagEnd = hash + 1 + s.tag.length;
  if (tagUrl === undefined || hash < 0 || s.raw.slice(hash + 1, tagEnd) !== s.tag)
    return text(s.raw);
  const link = `[${text(s.raw.slice(hash, tagEnd))}](${linkDestination(tagUrl(s.tag))})`;
  return `${text(s.raw.slice(0, hash))}${link}${text(s.raw.slice(tagEnd))}`;
}

/** A document tag line (`#反ロシア#対中露戦`) as written, each tag a link when asked. */
function tagLine(line: string, tagUrl: MarkdownOptions['tagUrl'], text: TextWriter): string {
  if (tagUrl === undefined) return text(line);
  const tags = tagsOfLine(line);
  let out = '';
  let last = 0;
  for (const m of line.matchAll(/[#＃]([^\s#＃()（）]+)/gu)) {
    const tag = m[1] ?? '';
    if (!tags.includes(tag)) continue;
    out += text(line.slice(last, m.index));
    out += `[${text(m[0])}](${linkDestination(tagUrl(tag))})`;
    last = m.index + m[0].length;
  }
  return out + text(line.slice(last));
}

// Characters escaped wherever they stand: CommonMark's inline syntax (code, emphasis, links,
// raw HTML and autolinks, blockquote), the GFM table and strikethrough markdown-it turns on by
// default, and `$` for the math of Zenn and other markdown-it setups.
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '$']);
// Characters that start a block only at the start of a line: ATX heading, list items, setext
// underline and thematic break, and the `: definition` of Markdown Extra (WordPress).
const LINE_START = new Set(['#', '-', '+', '=', ':']);
// An entity or numeric character reference, which CommonMark decodes (`&amp;`, `&#42;`).
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
// An ordered list marker: up to nine digits and `.` or `)`.
const ORDERED = /^[0-9]{1,9}[.)]/;

/**
 * One line of clip text as Markdown that renders as exactly that text and builds no element:
 * syntax characters are backslash-escaped (ASCII punctuation always may be), `&` only where it
 * would start a character reference, and white space at either end of the line — which
 * Markdown strips, or reads as indented code — is written as numeric character references.
 * `charRef` picks further characters to write as references, for dialects. The line must hold
 * no line break.
 *
 * @example
 * markdownText('#NATO(委員長「*予見可能*」)'); // '\\#NATO(委員長「\\*予見可能\\*」)'
 */
export function markdownText(
  text: string,
  charRef?: (text: string, index: number) => boolean,
): string {
  const lead = text.length - text.trimStart().length;
  const trail = text.trimEnd().length;
  const ordered = ORDERED.exec(text.slice(lead));
  const orderedMark = ordered === null ? -1 : lead + ordered[0].length - 1;
  let out = '';
  let i = 0;
  for (const ch of text) {
    if (i < lead || i >= trail || charRef?.(text, i) === true) out += `&#${ch.codePointAt(0)};`;
    else if (ALWAYS.has(ch)) out += `\\${ch}`;
    else if (ch === '&' && ENTITY.test(text.slice(i))) out += '\\&';
    else if ((i === lead && LINE_START.has(ch)) || i === orderedMark) out += `\\${ch}`;
    else out += ch;
    i += ch.length;
  }
  return out;
}

// A CommonMark autolink (`<https://…>`): a scheme, then no space, control character or `<>`.
const AUTOLINK = /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\p{Cc} ]*$/u;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * A link as Markdown showing the link itself: an autolink where it has a scheme, else
 * (`pic.twitter.com/…`, as posts carry them) a link to its `https://` form.
 *
 * @example
 * markdownLink('https://t.co/b84qe8LkbC'); // '<https://t.co/b84qe8LkbC>'
 * markdownLink('pic.twitter.com/iGWwJMbZj4');
 * // '[pic.twitter.com/iGWwJMbZj4](https://pic.twitter.com/iGWwJMbZj4)'
 */
export function markdownLink(link: string, text: TextWriter = markdownText): string {
  if (AUTOLINK.test(link)) return `<${link}>`;
  const href = SCHEME.test(link) ? link : `https://${link}`;
  return `[${text(link)}](${linkDestination(href)})`;
}

/** A URL as a link destination: as it is when plain, else in `<…>` with its specials escaped. */
function linkDestination(url: string): string {
  if (/^[^\p{Cc} ()<>\\&]*$/u.test(url)) return url;
  const escaped = url
    .replace(/[<>\\&]/g, (c) => `\\${c}`)
    .replace(/[\r\n]/g, (c) => encodeURIComponent(c));
  return `<${escaped}>`;
}
