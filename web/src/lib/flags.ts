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
 * A flag in words: the speaker and quote it is about, and why.
 *
 * @example
 *   flagText({ kind: 'speaker', speaker: '報道官', quote: null, reason: 'the text never names them', … });
 *   // '報道官 — the text never names them'
 */
export function flagText(flag: QuoteFlag): string {
  const who = flag.speaker ?? '';
  const what =
    flag.kind === 'quote' && flag.quote !== null
      ? `${who}「${flag.quote}」`
      : who || `#${flag.tag}`;
  return `${what} — ${flag.reason}`;
}
