/**
 * Each parser's two worst known inputs at 10 KB, 100 KB and 1 MB: no tenfold step may cost over
 * 30× in CPU time (unless V8's own cost of keeping a linear parse's objects grows as much at that
 * step: see scripts/fuzz/linear-time.ts). Linear is 10×, quadratic 100×. `npm run fuzz` holds
 * the steps to 15× and goes on to 10 MB; here, beside the rest of a test run on two cores, a
 * linear parser's step has read up to 14× in CPU time (and 30× on the wall clock), so the line
 * is drawn where only a parser worse than n^1.5 crosses it.
 */
import { describe, expect, it } from 'vitest';
import { allocationBaseline, growthOf } from '../../scripts/fuzz/linear-time.js';
import type { FuzzTarget } from '../../scripts/fuzz/target.js';
import { FUZZ_TARGETS } from '../../scripts/fuzz/targets/index.js';

const SIZES = [10_000, 100_000, 1_000_000];
const MAX_STEP_RATIO_IN_TESTS = 30;

describe('time linear in input size', () => {
  // The first two patterns of each parser (the rows come first); `npm run fuzz` times all.
  const patterns = FUZZ_TARGETS.flatMap((t) =>
    t.worst.slice(0, 2).map((p) => [t.name, p.name, t, p] as const),
  );

  it.each(patterns)('%s: %s', (_, __, target, pattern) => {
    // A pattern that takes long at 100 KB (a whole page through Readability) stops there.
    const growth = growthOf(target, pattern, {
      sizes: SIZES,
      runs: 3,
      // Timed again while a step reads over the line, keeping each size's fastest: in one CI run
      // of 2026-12-07 a linear parser's 10 KB → 100 KB step read 38× after three attempts, and
      // passed alone three times. A parser worse than n^1.5 stays over it however often it is timed.
      attempts: 6,
      minLoopMs: 40,
      maxMsPerSize: 400,
      maxStepRatio: MAX_STEP_RATIO_IN_TESTS,
    });
    const steps = growth.steps.map(
      (s) => `${s.from}→${s.to}: ${s.ratio.toFixed(1)}× (baseline ${s.baseline.toFixed(1)}×)`,
    );
    expect(growth.linear, steps.join('; ')).toBe(true);
    expect(growth.steps.length).toBeGreaterThan(0);
  });

  it('fails a quadratic parser', () => {
    const quadratic: FuzzTarget = {
      name: 'quadratic',
      module: 'test',
      input: undefined as never,
      parse: (s) => {
        let n = 0;
        for (let i = 0; i < s.length; i += 50) n += s.indexOf('!', i) === -1 ? 1 : 0;
        return n;
      },
      check: () => undefined,
      worst: [],
      share: 0,
    };
    const pattern = { name: "'x' × N", make: (n: number) => 'x'.repeat(n) };
    // Up to three measurements: on a loaded machine a stall in the baseline's larger run can
    // raise its step as much as the parser's (seen once, with a million-entry export alongside).
    const measure = () =>
      growthOf(quadratic, pattern, {
        sizes: [10_000, 100_000],
        runs: 2,
        attempts: 1,
        maxStepRatio: MAX_STEP_RATIO_IN_TESTS,
      });
    let growth = measure();
    for (let tries = 1; tries < 3 && growth.linear; tries += 1) growth = measure();
    expect(growth.worst.ratio).toBeGreaterThan(MAX_STEP_RATIO_IN_TESTS);
    expect(growth.linear).toBe(false);
    expect(allocationBaseline('abcd')).toEqual([
      { at: 0, text: 'ab' },
      { at: 2, text: 'cd' },
    ]);
  });
});
