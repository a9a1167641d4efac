import { describe, expect, it } from 'vitest';
import { KeyFilter } from './key-filter.js';

/** Key numbers as the champion lists' pass makes them: a code point, or first × 0x110000 + second. */
function pair(first: number, second: number): number {
  return first * 0x110000 + second;
}

describe('KeyFilter', () => {
  it('says yes for every key added, and rarely for one never added', () => {
    const filter = new KeyFilter();
    const added: number[] = [];
    // A million pairs of kanji and kana, and characters alone.
    for (let i = 0; i < 1_000_000; i += 1)
      added.push(pair(0x4e00 + (i % 20_000), 0x3041 + ((i / 20_000) | 0)));
    for (let cp = 0x3041; cp < 0x3100; cp += 1) added.push(cp);
    for (const key of added) filter.add(key);
    expect(added.every((key) => filter.has(key))).toBe(true);
    let yes = 0;
    const others = 200_000;
    for (let i = 0; i < others; i += 1)
      if (filter.has(pair(0x4e00 + (i % 20_000), 0x30a1 + ((i / 20_000) | 0)))) yes += 1;
    // Three probes into 2^26 bits after a million keys: about 1 in 12,000 by the formula.
    expect(yes / others).toBeLessThan(0.002);
  });
});
