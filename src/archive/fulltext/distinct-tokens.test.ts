import { describe, expect, it } from 'vitest';
import { DistinctTokens } from './distinct-tokens.js';

/** Token text of `n` distinct pairs of kanji, from `from` on. */
function pairs(from: number, n: number): string {
  const tokens: string[] = [];
  for (let i = from; i < from + n; i += 1)
    tokens.push(String.fromCharCode(0x4e00 + (i % 2000), 0x4e00 + Math.floor(i / 2000)));
  return tokens.join(' ');
}

describe('DistinctTokens', () => {
  it('counts every token and estimates the distinct ones within a few per cent', () => {
    const sketch = new DistinctTokens();
    // 30,000 distinct pairs, each added three times, in texts of 1,000.
    for (let round = 0; round < 3; round += 1)
      for (let from = 0; from < 30_000; from += 1000) sketch.add(pairs(from, 1000));
    expect(sketch.tokens).toBe(90_000);
    expect(sketch.estimate()).toBeGreaterThan(29_000);
    expect(sketch.estimate()).toBeLessThan(31_000);
  });

  it('reads runs of spaces and the ends of a text as no token', () => {
    const sketch = new DistinctTokens();
    sketch.add('  停戦  戦協 協議 議 ');
    sketch.add('');
    sketch.add('議');
    expect(sketch.tokens).toBe(5);
    expect(Math.round(sketch.estimate())).toBe(4);
  });

  it('forgets everything on reset', () => {
    const sketch = new DistinctTokens();
    sketch.add(pairs(0, 5000));
    sketch.reset();
    expect(sketch.tokens).toBe(0);
    expect(sketch.estimate()).toBe(0);
    sketch.add(pairs(0, 10));
    expect(Math.round(sketch.estimate())).toBe(10);
  });
});
