import type { Bracket } from './brackets.js';

/** 。！？!? and the line feed end a sentence. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;
}

/** Whether `text[from, to)` holds nothing but whitespace. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (!/\s/u.test(text.charAt(i))) return false;
  return true;
}

/**
 * Sentence boundaries that ignore 。 inside quotations: `starts[i]` is where sentence i begins.
 * Finding the sentence of an offset is a binary search.
 */
export class Sentences {
  readonly starts: number[] = [0];
  constructor(
    private readonly text: string,
    brackets: readonly Bracket[],
  ) {
    let b = 0;
    for (let i = 0; i < text.length; i += 1) {
      const br = brackets[b];
      if (br && i === br.open) {
        i = br.close;
        b += 1;
        continue;
      }
      if (!isSentenceEnd(text.charCodeAt(i))) continue;
      // `。\n` and blank lines end one sentence, not two: an empty one would count as a
      // sentence between two quotes, and carrying a speaker counts sentences.
      const last = this.starts.length - 1;
      if (isBlank(text, this.starts[last] ?? 0, i)) this.starts[last] = i + 1;
      else this.starts.push(i + 1);
    }
  }

  /** Index of the sentence holding offset `at`. */
  indexOf(at: number): number {
    return lastStartAtOrBefore(this.starts, at);
  }

  /** `[start, end)` of sentence `i`, its final 。 included. */
  bounds(i: number): { start: number; end: number } {
    return { start: this.starts[i] ?? 0, end: this.starts[i + 1] ?? this.text.length };
  }
}

/**
 * The index of the last of ascending `starts` at or before `at` (0 when none is): which
 * sentence or line holds an offset, by binary search.
 *
 * @example
 * lastStartAtOrBefore([0, 5, 9], 6); // 1
 */
export function lastStartAtOrBefore(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
