import { lastStartAtOrBefore } from './sentences.js';

/**
 * Line boundaries of a text: `starts[i]` is where line i begins. Finding the line of an
 * offset is a binary search, so asking for it once per quote stays linear overall even when a
 * whole text is one line.
 */
export class Lines {
  readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Index of the line holding offset `at`. */
  indexOf(at: number): number {
    return lastStartAtOrBefore(this.starts, at);
  }

  /** `[start, end)` of line `i`, without its line feed. */
  bounds(i: number): { start: number; end: number } {
    const start = this.starts[i] ?? this.text.length;
    const next = this.starts[i + 1];
    return { start, end: next === undefined ? this.text.length : next - 1 };
  }
}
