/**
 * Time linear in input size: a parser's worst pattern timed at sizes ten times apart; each step
 * may cost at most 15 times the one before (linear is 10; quadratic would be 100). Each size is
 * the fastest of a few runs, and a small input is run many times so that its time is measurable
 * at all; a pattern that fails is timed again (the machine is shared: another job's burst is not
 * the parser's), each size keeping its fastest time of all attempts.
 *
 * A linear parser that keeps a million small objects is still not linear in wall time under
 * V8: on this machine a loop that only allocates one object per two characters and keeps them
 * takes 50× longer at 1 MB than at 100 KB (the objects outgrow the young generation and the
 * caches). That loop is timed beside the parsers as the baseline of each step, and a step fails
 * when it is over 15× *and* over 1.5 times the baseline's step: growing faster than the
 * runtime's own cost of keeping what a linear parse keeps.
 *
 * Times are the process's CPU time, not the wall clock: on a machine of two cores another job
 * (the rest of a test run, in CI) takes the processor away for whole runs at a time, and the
 * wall clock counts that against the parser — a linear parser's 100 KB → 1 MB step read 26–30×
 * in one CI run where its CPU time had grown 12×.
 */
import type { FuzzTarget, WorstPattern } from './target.js';

/** The largest time ratio one tenfold step may show (unless the baseline shows as much). */
export const MAX_STEP_RATIO = 15;
/** How much faster than the baseline's a step may grow once it is over `MAX_STEP_RATIO`. */
export const MAX_OVER_BASELINE = 1.5;

export interface GrowthStep {
  from: number;
  to: number;
  /** ms(to) / ms(from). */
  ratio: number;
  /** The same step of the allocation baseline. */
  baseline: number;
  linear: boolean;
}

export interface Growth {
  target: string;
  pattern: string;
  /** Input size (characters) → ms of one parse, the fastest of the runs. */
  ms: Map<number, number>;
  steps: GrowthStep[];
  worst: GrowthStep;
  linear: boolean;
}

export interface GrowthOptions {
  sizes: readonly number[];
  /** Runs per size at least; the fastest counts. */
  runs?: number;
  /** Parses of one size go on for at least this long: many runs of a small input. */
  minLoopMs?: number;
  /** Times a failing pattern is timed in all, at most. Default 3. */
  attempts?: number;
  /**
   * The largest ratio a tenfold step may show before the baseline is asked. Default
   * `MAX_STEP_RATIO`; `npm test` allows more (see test/fuzz/linear-time.test.ts).
   */
  maxStepRatio?: number;
  /**
   * Leave out the sizes whose one parse would take longer than this (judged from the size
   * before, times 15), to keep a test run short. Default: every size.
   */
  maxMsPerSize?: number;
}

/**
 * A linear pass that keeps one small object per two characters: what the runtime costs at each
 * size for a parse that is linear but keeps what it read.
 *
 * @example
 * allocationBaseline('abcd').length; // 2
 */
export function allocationBaseline(input: string): { at: number; text: string }[] {
  const kept: { at: number; text: string }[] = [];
  for (let i = 0; i < input.length; i += 2) kept.push({ at: i, text: input.slice(i, i + 2) });
  return kept;
}

const BASELINE: FuzzTarget = {
  name: 'baseline',
  module: 'scripts/fuzz/linear-time.ts',
  input: undefined as never,
  parse: allocationBaseline,
  check: () => undefined,
  worst: [],
  share: 0,
};

/**
 * Times one worst pattern of a parser at each size, and the baseline at the same sizes.
 *
 * @example
 * const g = growthOf(clipTarget, clipTarget.worst[0], { sizes: [10_000, 100_000, 1_000_000] });
 * g.linear; // true when no step is over 15× and over 1.5 times the baseline's step
 */
export function growthOf(
  target: FuzzTarget,
  pattern: WorstPattern,
  options: GrowthOptions,
): Growth {
  const runs = options.runs ?? 3;
  const minLoopMs = options.minLoopMs ?? 30;
  const maxStepRatio = options.maxStepRatio ?? MAX_STEP_RATIO;
  const ms = new Map<number, number>();
  const base = new Map<number, number>();
  let growth: Growth | undefined;
  let sizes = options.sizes;
  for (let attempt = 0; attempt < (options.attempts ?? 3) && !growth?.linear; attempt++) {
    for (const [i, size] of sizes.entries()) {
      const before = i < 2 ? 0 : (ms.get(sizes[i - 1] ?? -1) ?? 0);
      if (before * maxStepRatio > (options.maxMsPerSize ?? Infinity)) {
        sizes = sizes.slice(0, i);
        break;
      }
      const t = timeOne(target, pattern.make(size), runs, minLoopMs);
      ms.set(size, Math.min(t, ms.get(size) ?? Infinity));
      // The baseline is timed beside the parser, not once for all: what slowed one (another
      // job, a colder cache) slows the other alike.
      const b = timeOne(BASELINE, 'ab'.repeat(size / 2), runs, minLoopMs);
      base.set(size, Math.min(b, base.get(size) ?? Infinity));
    }
    growth = growthFrom(target, pattern, sizes, ms, base, maxStepRatio);
  }
  return growth ?? growthFrom(target, pattern, sizes, ms, base, maxStepRatio);
}

function growthFrom(
  target: FuzzTarget,
  pattern: WorstPattern,
  sizes: readonly number[],
  ms: Map<number, number>,
  base: Map<number, number>,
  maxStepRatio: number,
): Growth {
  const steps: GrowthStep[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const from = sizes[i - 1] as number;
    const to = sizes[i] as number;
    const ratio = (ms.get(to) ?? 0) / Math.max(ms.get(from) ?? 0, 1e-3);
    const baseline = (base.get(to) ?? 0) / Math.max(base.get(from) ?? 0, 1e-3);
    const linear = ratio <= maxStepRatio || ratio <= MAX_OVER_BASELINE * baseline;
    steps.push({ from, to, ratio, baseline, linear });
  }
  const none: GrowthStep = { from: 0, to: 0, ratio: 0, baseline: 0, linear: true };
  const worst = steps.reduce((a, b) => (b.ratio > a.ratio ? b : a), steps[0] ?? none);
  return {
    target: target.name,
    pattern: pattern.name,
    ms: new Map(ms),
    steps,
    worst,
    linear: steps.every((s) => s.linear),
  };
}

/**
 * CPU ms of one parse of `input`: the fastest of at least `runs` parses and of as many as fit in
 * `minLoopMs` — the fastest, not the mean, so a pause for another job on the machine does not
 * count against this one.
 */
function timeOne(target: FuzzTarget, input: string, runs: number, minLoopMs: number): number {
  // Warm up (compiled, the input flattened) where one parse is cheap; a 10 MB one is warm.
  if (input.length < 1_000_000) target.parse(input);
  let best = Infinity;
  const started = cpuMs();
  for (let count = 0; count < runs || cpuMs() - started < minLoopMs; count++) {
    const t0 = cpuMs();
    target.parse(input);
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}

/** The process's user and system CPU time so far, in ms (microsecond resolution). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
