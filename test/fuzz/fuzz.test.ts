/**
 * A small, seeded run of the fuzzer over every parser (`npm run fuzz` runs a million cases):
 * structure-aware inputs, no exception, the clip format's round trip, no invented markup. And
 * the fuzzer's own parts, each shown to catch what it is there to catch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzTarget } from '../../scripts/fuzz/fuzz-target.js';
import { inventedMarkup, stringsOf } from '../../scripts/fuzz/invented-markup.js';
import { minimiseInput } from '../../scripts/fuzz/minimise.js';
import { applyMutations, fuzzInputs } from '../../scripts/fuzz/mutate.js';
import { expectThat, type FuzzTarget } from '../../scripts/fuzz/target.js';
import { FUZZ_TARGETS } from '../../scripts/fuzz/targets/index.js';

const SEED = 20261206;
// Article pages go through Readability and a DOM (about 10 ms a case); the rest are fast.
const CASES: Record<string, number> = { article: 100, feed: 200 };

describe('every parser, fuzzed with a fixed seed', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('%s', (_, target) => {
    const report = fuzzTarget(target, { cases: CASES[target.name] ?? 300, seed: SEED });
    expect(report.counterexample?.minimal).toBeUndefined();
    expect(report.failures).toBe(0);
    expect(report.cases).toBe(CASES[target.name] ?? 300);
  });

  it('covers every parser the issue names', () => {
    expect(FUZZ_TARGETS.map((t) => t.name).sort()).toEqual([
      'article',
      'clip',
      'embed',
      'feed',
      'movable-type',
      'paste',
      'query',
      'telegram',
      'wxr',
    ]);
    expect(FUZZ_TARGETS.reduce((sum, t) => sum + t.share, 0)).toBeCloseTo(1, 6);
    for (const t of FUZZ_TARGETS) expect(t.worst.length).toBeGreaterThan(0);
  });
});

describe('the fuzzer', () => {
  const brittle: FuzzTarget = {
    name: 'brittle',
    module: 'test',
    input: fuzzInputs(fc.constantFrom('<p>本文</p>', 'text'), ['<', '>', 'x']),
    parse: (s) => s,
    check: (s) => {
      if (s.includes('<x')) throw new TypeError('brittle: cannot read <x');
    },
    worst: [],
    share: 0,
  };

  it('reports a failing parser with its seed and the input cut down to the failure', () => {
    const report = fuzzTarget(brittle, { cases: 2_000, seed: 7 });
    expect(report.failures).toBe(1);
    expect(report.seed).toBe(7);
    expect(report.counterexample?.minimal).toBe('<x');
    expect(report.counterexample?.error).toMatch(/^TypeError: brittle: cannot read <x/);
    const replayed = fuzzTarget(brittle, {
      cases: 1,
      seed: 7,
      path: report.counterexample?.path ?? '',
    });
    expect(replayed.counterexample?.input).toBe(report.counterexample?.input);
  });

  it('mutates by inserting, deleting, repeating, cutting and swapping', () => {
    expect(
      applyMutations('abcdef', [
        { kind: 'insert', at: 1, text: 'X' },
        { kind: 'delete', at: 3, length: 2 },
        { kind: 'repeat', at: 0, length: 2, times: 2 },
        { kind: 'swap', at: 0, other: 4, length: 1 },
        { kind: 'truncate', at: 6 },
      ]),
    ).toBe('bXaXae');
  });

  it('cuts an input down only while it fails the same way', () => {
    const check = (s: string): void => expectThat(!s.includes('<b>'), 'holds <b>');
    expect(minimiseInput(check, 'あ<p>x<b>y</b></p>')).toBe('<b>');
    expect(minimiseInput(check, 'clean')).toBe('clean');
  });

  it('finds a tag the input never held, and only such a tag', () => {
    expect(inventedMarkup('本文', ['<p>本文</p>'])).toBe('<p>');
    expect(inventedMarkup('<p>a', ['<p>a'])).toBeNull();
    expect(inventedMarkup('&lt;script&gt;x', ['<script>x'])).toBeNull();
    expect(inventedMarkup('&amp;lt;p&amp;gt;', ['<p>'])).toBeNull();
    expect(inventedMarkup('<b>&lt;</b>p>', ['<p>'])).toBeNull();
    expect(inventedMarkup('<a href="https://t.co/x">', ['<a href="">'])).toBeNull();
    expect(inventedMarkup('a\nb', ['a<br>b'])).toBe('<br>');
    expect(inventedMarkup('<<![CDATA[a>', ['<a>'])).toBeNull();
    expect(inventedMarkup('{"text":"<b\\">"', ['<b">'])).toBeNull();
    expect(inventedMarkup('{"html":"<b\\n>"}', ['<b >'])).toBeNull();
    expect([...stringsOf({ a: ['x', { b: 'y' }], n: 1 })]).toEqual(['x', 'y']);
  });
});
