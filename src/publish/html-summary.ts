import type { Segment, SummaryLine } from '../model/index.js';
import { escapeMarkup } from './html-escape.js';

/** Where a tag links (a tag page of a site); without it tags are plain text. */
export type TagHref = (tag: string) => string;

/**
 * A tag as `#Tag`, in a `<span class="kirinuki-tag">`, or an `<a class="kirinuki-tag">` when
 * `tagHref` is given. `mark` is the hash sign as written (`#` or `＃`).
 *
 * @example
 * tagHtml('露朝', '#'); // '<span class="kirinuki-tag">#露朝</span>'
 */
export function tagHtml(tag: string, mark: string, tagHref?: TagHref): string {
  const text = escapeMarkup(mark + tag);
  return tagHref
    ? `<a class="kirinuki-tag" href="${escapeMarkup(tagHref(tag))}">${text}</a>`
    : `<span class="kirinuki-tag">${text}</span>`;
}

/**
 * The curator's summary line as a `<p class="kirinuki-line">`: the tag, then each context in a
 * `kirinuki-context` span and each speaker and quote in `kirinuki-speaker` and `kirinuki-quote`
 * spans, with the brackets, `・` and parentheses as written between them. Its text is the raw
 * line, character for character — the parts are found in `raw` and checked against it, and a
 * line whose parts do not spell it out (never the parser's own) falls back to plain text.
 *
 * @example
 * summaryLineHtml(parseSummaryLine('#露朝(会談・外相「協力する」)')!);
 * // '<p class="kirinuki-line"><span class="kirinuki-tag">#露朝</span>(<span class="kirinuki-context">会談</span>・
 * //  <span class="kirinuki-speaker">外相</span>「<span class="kirinuki-quote">協力する</span>」)</p>'
 */
export function summaryLineHtml(line: SummaryLine, tagHref?: TagHref): string {
  return `<p class="kirinuki-line">${summaryLineInnerHtml(line, tagHref)}</p>`;
}

function summaryLineInnerHtml(line: SummaryLine, tagHref?: TagHref): string {
  const { raw, tag, content } = line;
  const hash = raw.search(/\S/);
  const open = hash + 1 + tag.length;
  const close = open + 1 + content.length;
  const mark = raw[hash] ?? '';
  const spelled =
    (mark === '#' || mark === '＃') &&
    raw.slice(hash + 1, open) === tag &&
    raw.slice(open + 1, close) === content &&
    line.segments.map(segmentText).join('・') === content;
  if (!spelled) return escapeMarkup(raw);
  return (
    escapeMarkup(raw.slice(0, hash)) +
    tagHtml(tag, mark, tagHref) +
    escapeMarkup(raw[open] ?? '') +
    line.segments.map(segmentHtml).join('・') +
    escapeMarkup(raw.slice(close))
  );
}

/** A segment as the curator wrote it. */
function segmentText(s: Segment): string {
  if (s.kind === 'context') return s.text;
  return `${s.speaker ?? ''}${s.quotes.map((q) => `「${q}」`).join('')}${s.rest}`;
}

function segmentHtml(s: Segment): string {
  if (s.kind === 'context') return span('kirinuki-context', s.text);
  const speaker = s.speaker === null ? '' : span('kirinuki-speaker', s.speaker);
  const quotes = s.quotes.map((q) => `「${span('kirinuki-quote', q)}」`).join('');
  return speaker + quotes + (s.rest === '' ? '' : span('kirinuki-context', s.rest));
}

function span(className: string, text: string): string {
  return text === '' ? '' : `<span class="${className}">${escapeMarkup(text)}</span>`;
}

/**
 * A document tag line (`#反ロシア#対中露戦`) as a `<p class="kirinuki-tags">`, each tag marked
 * up as in summary lines and whatever stands between them kept as written.
 *
 * @example
 * tagLineHtml('#反ロシア#対中露戦');
 * // '<p class="kirinuki-tags"><span class="kirinuki-tag">#反ロシア</span><span class="kirinuki-tag">#対中露戦</span></p>'
 */
export function tagLineHtml(line: string, tagHref?: TagHref): string {
  let html = '';
  let last = 0;
  // The expression of tagsOfLine (src/format), so that the tags marked are those documentTags lists.
  for (const m of line.matchAll(/([#＃])([^\s#＃()（）]+)/gu)) {
    html += escapeMarkup(line.slice(last, m.index)) + tagHtml(m[2] ?? '', m[1] ?? '#', tagHref);
    last = m.index + m[0].length;
  }
  return `<p class="kirinuki-tags">${html}${escapeMarkup(line.slice(last))}</p>`;
}
