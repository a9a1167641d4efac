import type { Segment, SummaryLine } from '../../model/index.js';
import { firstNonSpace, isSpace, lastNonSpace } from './lines.js';
import { splitSegments } from './segments.js';

// `#Tag(…)`; pasted lines may use full-width `＃（）`. The content runs to the last `)`, so
// parentheses inside quotes — 「(ロシアと)交渉したくない…」 — stay in the content.
// parseSummaryLine matches exactly `/^\s*[#＃]([^\s#＃()（）]+)[(（](.*)[)）]\s*$/u`, scanning by
// hand because it runs on every summary line of an archive: the expression backtracks from the
// end of the line and builds a match array for each one.
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * Parses a summary line `#Tag(context・speaker「quote」…)`; `null` when the line is not one.
 *
 * @example
 * parseSummaryLine('#露朝(会談・プーチン大統領「協力する」)')?.segments;
 * // [{ kind: 'context', text: '会談' },
 * //  { kind: 'quote', speaker: 'プーチン大統領', quotes: ['協力する'], rest: '' }]
 */
export function parseSummaryLine(line: string): SummaryLine | null {
  const hash = firstNonSpace(line);
  const h = line.charCodeAt(hash); // NaN when the line is blank
  if (h !== 0x23 /* # */ && h !== 0xff03 /* ＃ */) return null;
  // The tag runs to the first space, `#` or bracket, which must be an opening bracket.
  let open = hash + 1;
  while (open < line.length && !endsTag(line.charCodeAt(open))) open += 1;
  const o = line.charCodeAt(open);
  if (open === hash + 1 || (o !== 0x28 /* ( */ && o !== 0xff08) /* （ */) return null;
  // The content runs to the last visible character, which must be a closing bracket.
  const close = lastNonSpace(line);
  const k = line.charCodeAt(close);
  if (close <= open || (k !== 0x29 /* ) */ && k !== 0xff09) /* ） */) return null;
  const content = line.slice(open + 1, close);
  // `.` does not match line terminators: content holding one is not a summary line.
  if (LINE_TERMINATOR.test(content)) return null;
  return { raw: line, tag: line.slice(hash + 1, open), content, segments: splitSegments(content) };
}

/** Characters that cannot be part of a tag: white space, `#＃` and the brackets `()（）`. */
function endsTag(c: number): boolean {
  return (
    c === 0x23 ||
    c === 0xff03 ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0xff08 ||
    c === 0xff09 ||
    isSpace(c)
  );
}

/** Whether the line is only hashtags, like the document tags `#反ロシア#対中露戦`. */
export function isTagOnlyLine(line: string): boolean {
  // `/^\s*(?:[#＃][^\s#＃()（）]+\s*)+$/u` read by hand: the pattern took quadratic time on
  // ` #a #a … !`.
  let i = firstNonSpace(line);
  if (i < 0) return false;
  while (i < line.length) {
    const h = line.charCodeAt(i);
    if (h !== 0x23 /* # */ && h !== 0xff03 /* ＃ */) return false;
    const tagStart = (i += 1);
    while (i < line.length && !endsTag(line.charCodeAt(i))) i += 1;
    if (i === tagStart) return false;
    while (i < line.length && isSpace(line.charCodeAt(i))) i += 1;
  }
  return true;
}

/**
 * The tags of a tag-only line, without `#`. Whole matches, each cut after its `#` (one code
 * unit, `＃` too): a match object with its capture for each of five million tags (a 10 MB line
 * of `#a`) cost 7 s, most of it the garbage collector's.
 *
 * @example
 * tagsOfLine('#NATOexpansion ＃反ロシア'); // ['NATOexpansion', '反ロシア']
 */
export function tagsOfLine(line: string): string[] {
  return (line.match(/[#＃][^\s#＃()（）]+/gu) ?? []).map((tag) => tag.slice(1));
}

/**
 * Writes a summary line in the curator's shape from a tag and segments.
 *
 * @example
 * renderSummaryLine('露朝', [{ kind: 'context', text: '会談' }]); // '#露朝(会談)'
 */
export function renderSummaryLine(tag: string, segments: readonly Segment[]): string {
  const body = segments
    .map((s) =>
      s.kind === 'context'
        ? s.text
        : `${s.speaker ?? ''}${s.quotes.map((q) => `「${q}」`).join('')}${s.rest}`,
    )
    .join('・');
  return `#${tag}(${body})`;
}
