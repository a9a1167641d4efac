import { tagsOfLine } from '../format/index.js';
import type { SummaryLine } from '../model/index.js';
import { entryView, type DigestDay, type EntryView } from './digest-day.js';
import { renderDigestMarkdown } from './markdown.js';

/*
 * Hatena Blog notation ("はてな記法") as relied on here — from the grammar of Text::Hatena 0.20
 * (Hatena's reference parser of the notation) and Hatena's help tables of the notation as the
 * Emacs hatena-diary-mode help transcribes them; not tried against Hatena itself:
 * - a line starting with `*` is a heading, `-`/`+` a list item, `:` a definition, `|` a table
 *   row, `====`/`=====` the "read more" fold, `>>`…`<<` a quotation (`>URL>` one with a
 *   source), `>|`…`|<` and `>||`…`||<` preformatted text, `><`…`><` a block without `<p>`;
 * - inline, `((…))` is a footnote (`)((…))(` its escape), `[…]` a notation (`[http://…:title]`,
 *   `[google:…]`, `[tex:…]`, `[]…[]` stops auto-links), and `id:…`, `question:…`, `b:id:…`,
 *   `mailto:…`, `isbn:…` and the like link by themselves; `http(s)://…` autolinks;
 * - raw HTML passes through, so `<`, `>` and `&` are markup; each line is a paragraph, two
 *   blank lines a `<br>`.
 * Clip text is neutralised with HTML character references, which the notation parser does not
 * read and the browser shows as the characters: `&amp; &lt; &gt;` always, `&#91; &#93;` for
 * brackets, the second of `((` / `))`, a `:` after a Latin letter (not `://`), and a line's
 * first character when it is one of `* - + : | =`. Keyword auto-linking of plain words is a
 * setting of the blog, not notation, and is left to it.
 * Hatena's Markdown mode reads `[…:embed]` and footnotes too: there the Markdown of
 * renderDigestMarkdown is written with the same brackets, `((`, `))` and `x:` as references.
 */

/** Which of Hatena Blog's editing modes to write for. */
export interface HatenaOptions {
  /** `hatena`: Hatena notation; `markdown`: Hatena Blog's Markdown mode. */
  mode: 'hatena' | 'markdown';
  /** The URL a tag (of a summary line or of the document) links to; without it tags are text. */
  tagUrl?: (tag: string) => string;
}

/**
 * A day's digest for Hatena Blog: each post whose status URL is known as Hatena's embed
 * (`[https://twitter.com/…/status/…:embed]`), any other as a quotation with its author, handle,
 * date and links; the captured page's link, the body and the summary lines a paragraph a line;
 * the document tags last. In `markdown` mode, the Markdown of {@link renderDigestMarkdown} with
 * the same embeds.
 *
 * @example
 * renderDigestHatena(day, { mode: 'hatena' });
 * // '[https://twitter.com/ReutersJapan/status/1764…:embed]\n\nロシア国防省は3日、…\n'
 */
export function renderDigestHatena(day: DigestDay, options: HatenaOptions): string {
  if (options.mode === 'markdown')
    return renderDigestMarkdown(
      day,
      { tagUrl: options.tagUrl },
      { postEmbed: hatenaEmbed, charRef: isHatenaSyntax },
    );
  const blocks: string[] = [];
  for (const entry of day.entries) {
    const view = entryView(entry);
    const embed = hatenaEmbed(view);
    if (embed !== null) blocks.push(embed);
    else if (view.postLines.length > 0) blocks.push(quotePost(view));
    if (view.articleUrl !== null) blocks.push(pageLink(view, view.articleUrl));
    for (const line of view.bodyLines) if (line.trim() !== '') blocks.push(hatenaText(line));
    for (const s of view.summaries) blocks.push(summaryLine(s, options.tagUrl));
  }
  for (const line of day.documentTagLines)
    if (line.trim() !== '') blocks.push(tagLine(line, options.tagUrl));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

const STATUS = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w{1,15})\/status\/(\d+)/;

/**
 * Hatena's embed of a post with a known status URL, on the `twitter.com` host its help shows
 * for posts (an `x.com` URL names the same post); `null` without one.
 */
function hatenaEmbed(view: EntryView): string | null {
  const m = view.statusUrl === null ? null : STATUS.exec(view.statusUrl);
  return m === null ? null : `[https://twitter.com/${m[1]}/status/${m[2]}:embed]`;
}

/** The post as a `>>`…`<<` quotation: its lines, then `— Name (@handle) date links`. */
function quotePost(view: EntryView): string {
  const lines = view.postLines.filter((l) => l.trim() !== '').map((l) => hatenaText(l));
  const who = [
    view.authorName !== null ? hatenaText(view.authorName, false) : null,
    view.handle !== null ? `(@${hatenaText(view.handle, false)})` : null,
    view.date !== null ? hatenaText(view.date, false) : null,
  ].filter((p) => p !== null);
  const byline = [`— ${who.join(' ')}`, ...view.postLinks.map((l) => hatenaLink(l))].join(' ');
  return ['>>', ...lines, byline, '<<'].join('\n');
}

/** The captured page's link, with its headline when there is no post to stand for it. */
function pageLink(view: EntryView, url: string): string {
  if (view.postLines.length > 0 || view.statusUrl !== null) return hatenaLink(url);
  const byline = [view.authorName, view.date]
    .filter((p) => p !== null)
    .map((p) => hatenaText(p, false));
  const link = hatenaLink(url, view.headline.trim() || url);
  return byline.length > 0 ? `${link} — ${byline.join(' ')}` : link;
}

/** A summary line as written, its `#Tag` a link when the curator gave tag URLs. */
function summaryLine(s: SummaryLine, tagUrl: HatenaOptions['tagUrl']): string {
  const hash = s.raw.search(/\S/);
  const tagEnd = hash + 1 + s.tag.length;
  if (tagUrl === undefined || hash < 0 || s.raw.slice(hash + 1, tagEnd) !== s.tag)
    return hatenaText(s.raw);
  return (
    hatenaText(s.raw.slice(0, hash)) +
    anchor(tagUrl(s.tag), s.raw.slice(hash, tagEnd)) +
    hatenaText(s.raw.slice(tagEnd), false)
  );
}

/** A document tag line as written, each tag a link when asked. */
function tagLine(line: string, tagUrl: HatenaOptions['tagUrl']): string {
  if (tagUrl === undefined) return hatenaText(line);
  const tags = tagsOfLine(line);
  let out = '';
  let last = 0;
  for (const m of line.matchAll(/[#＃]([^\s#＃()（）]+)/gu)) {
    const tag = m[1] ?? '';
    if (!tags.includes(tag)) continue;
    out += hatenaText(line.slice(last, m.index), last === 0);
    out += anchor(tagUrl(tag), m[0]);
    last = m.index + m[0].length;
  }
  return out + hatenaText(line.slice(last), last === 0);
}

// Hatena's own autolink of a bare URL (Text::Hatena's `http` rule): only these characters.
const HATENA_URL = /^https?:\/\/[A-Za-z0-9~/._?&=\-%#+:;,@']+$/;

/**
 * A link in Hatena notation: bare where Hatena autolinks all of it, else an HTML anchor (raw
 * HTML passes through the notation) showing the link as written.
 */
function hatenaLink(link: string, label: string = link): string {
  if (label === link && HATENA_URL.test(link)) return link;
  const href = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(link) ? link : `https://${link}`;
  return anchor(href, label);
}

function anchor(href: string, label: string): string {
  return `<a href="${htmlAttribute(href)}">${hatenaText(label, false)}</a>`;
}

function htmlAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Characters that are markup wherever they stand: raw HTML and character references.
const ALWAYS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// Characters that open a block at the start of a line.
const LINE_START = new Set(['*', '-', '+', ':', '|', '=']);

/**
 * One line of clip text in Hatena notation, shown as written with none of its notation
 * working (the rules are at the top of this file): HTML character references for markup
 * characters. `lineStart` says whether the text begins a line.
 *
 * @example
 * hatenaText('*見出し [google:ロシア] ((脚注)) id:hatena');
 * // '&#42;見出し &#91;google&#58;ロシア&#93; (&#40;脚注)&#41; id&#58;hatena'
 */
export function hatenaText(text: string, lineStart = true): string {
  let out = '';
  let i = 0;
  for (const ch of text) {
    const always = ALWAYS[ch];
    if (always !== undefined) out += always;
    else if ((lineStart && i === 0 && LINE_START.has(ch)) || isHatenaSyntax(text, i))
      out += `&#${ch.codePointAt(0)};`;
    else out += ch;
    i += ch.length;
  }
  return out;
}

/**
 * Whether the character at `index` would take part in Hatena notation inside a line: a
 * bracket, the second `(` of `((` or `)` of `))` (footnotes), or a `:` after a Latin letter
 * that does not start `://` (`id:…`, `google:…`, `mailto:…`).
 */
function isHatenaSyntax(text: string, index: number): boolean {
  const ch = text[index];
  const before = index > 0 ? text[index - 1] : undefined;
  if (ch === '[' || ch === ']') return true;
  if (ch === '(' || ch === ')') return before === ch;
  if (ch === ':')
    return before !== undefined && /[A-Za-z]/.test(before) && !text.startsWith('://', index);
  return false;
}
