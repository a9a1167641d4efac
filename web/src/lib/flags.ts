import type { QuoteFlag } from '../api/types.js';
import { tagOfLine } from './summary-line.js';

/** What a flag points at in a line: its quote, or for a speaker flag the speaker's name. */
const needleOf = (flag: QuoteFlag): string =>
  flag.kind === 'quote' ? (flag.quote ?? '') : (flag.speaker ?? '');

/**
 * Places the quote check's flags of one entry beside the summary lines they are about: the
 * first line of the flag's tag that holds its quote (a speaker flag: its speaker), else the
 * first line of that tag, else the first line holding it; flags no line matches come apart.
 *
 * @example
 *   flagsByLine(['#A(x「一」)', '#B(y「二」)'], [{ kind: 'quote', quote: '二', tag: 'B', … }]);
 *   // { byLine: [[], [flag]], unmatched: [] }
 */
export function flagsByLine(
  lines: readonly string[],
  flags: readonly QuoteFlag[],
): { byLine: QuoteFlag[][]; unmatched: QuoteFlag[] } {
  const byLine: QuoteFlag[][] = lines.map(() => []);
  const unmatched: QuoteFlag[] = [];
  for (const flag of flags) {
    const needle = needleOf(flag);
    const holds = (line: string): boolean => needle !== '' && line.includes(needle);
    const ofTag = (line: string): boolean => tagOfLine(line) === flag.tag;
    let index = lines.findIndex((line) => ofTag(line) && holds(line));
    if (index < 0) index = lines.findIndex(ofTag);
    if (index < 0) index = lines.findIndex(holds);
    const slot = byLine[index];
    if (slot) slot.push(flag);
    else unmatched.push(flag);
  }
  return { byLine, unmatched };
}

/**
 * A flag in words, in Japanese: the speaker and quote it is about, and why — the pieces of the
 * quote the text lacks and the nearest passage, from the flag's fields (its `reason` is the
 * API's English for other tools).
 *
 * @example
 *   flagText({ kind: 'speaker', speaker: '報道官', quote: null, missing: [], nearest: null, … });
 *   // '報道官 — 本文に名前が出てこない話者'
 */
export function flagText(flag: QuoteFlag): string {
  const who = flag.speaker ?? '';
  if (flag.kind === 'speaker') return `${who || `#${flag.tag}`} — 本文に名前が出てこない話者`;
  const what = flag.quote !== null ? `${who}「${flag.quote}」` : who || `#${flag.tag}`;
  const missing =
    flag.missing.length > 0 && flag.quote !== null && flag.missing.join('') !== flag.quote
      ? `（欠けている部分：${flag.missing.map((m) => `「${m}」`).join('')}）`
      : '';
  const nearest =
    flag.nearest === null
      ? '近い箇所もありません'
      : `最も近い箇所（類似度 ${flag.nearest.similarity.toFixed(2)}）：「${flag.nearest.text}」`;
  return `${what} — 本文にない引用${missing}。${nearest}`;
}
