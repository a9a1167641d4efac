import type { Segment, SummaryLine } from '../../model/index.js';
import { splitSegments } from './segments.js';

// `#Tag(…)`; pasted lines may use full-width `＃（）`. The content runs to the last `)`, so
// parentheses inside quotes — 「(ロシアと)交渉したくない…」 — stay in the content.
const SUMMARY_LINE = /^\s*[#＃]([^\s#＃()（）]+)[(（](.*)[)）]\s*$/u;
const TAG_ONLY_LINE = /^\s*(?:[#＃][^\s#＃()（）]+\s*)+$/u;

/**
 * Parses a summary line `#Tag(context・speaker「quote」…)`; `null` when the line is not one.
 *
 * @example
 * parseSummaryLine('#露朝(会談・プーチン大統領「協力する」)')?.segments;
 * // [{ kind: 'context', text: '会談' },
 * //  { kind: 'quote', speaker: 'プーチン大統領', quotes: ['協力する'], rest: '' }]
 */
export function parseSummaryLine(line: string): SummaryLine | null {
  const m = SUMMARY_LINE.exec(line);
  if (!m) return null;
  const [, tag = '', content = ''] = m;
  return { raw: line, tag, content, segments: splitSegments(content) };
}

/** Whether the line is only hashtags, like the document tags `#反ロシア#対中露戦`. */
export function isTagOnlyLine(line: string): boolean {
  return TAG_ONLY_LINE.test(line);
}

/** The tags of a tag-only line, without `#`. */
export function tagsOfLine(line: string): string[] {
  return [...line.matchAll(/[#＃]([^\s#＃()（）]+)/gu)].map((m) => m[1] ?? '');
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
