/** One fuzzing run of one parser: its cases, the first failure shrunk, the seed to replay. */
import fc from 'fast-check';
import { minimiseInput } from './minimise.js';
import type { FuzzTarget } from './target.js';

export interface FuzzReport {
  target: string;
  /** Cases run (fewer than asked when one failed: fast-check stops at the first). */
  cases: number;
  failures: number;
  seed: number;
  ms: number;
  /**
   * The input that failed as fast-check shrank it (`input`, replayable with the seed and path),
   * cut down further (`minimal`), and what went wrong with the minimal one.
   */
  counterexample?: { input: string; minimal: string; error: string; path: string };
}

export interface FuzzRunOptions {
  cases: number;
  seed: number;
  /** Replays one case of an earlier failure (fast-check's path); needs that run's seed. */
  path?: string;
}

/**
 * Runs `cases` generated inputs through one parser's checks with a fixed seed; the first input
 * that throws is shrunk to a small one.
 *
 * @example
 * const report = fuzzTarget(clipTarget, { cases: 10_000, seed: 42 });
 * report.failures; // 0
 */
export function fuzzTarget(target: FuzzTarget, options: FuzzRunOptions): FuzzReport {
  const started = performance.now();
  const details = fc.check(
    fc.property(target.input, (input) => {
      target.check(input);
    }),
    {
      numRuns: options.cases,
      seed: options.seed,
      ...(options.path ? { path: options.path } : {}),
    },
  );
  const ms = performance.now() - started;
  const report: FuzzReport = {
    target: target.name,
    cases: details.numRuns,
    failures: details.failed ? 1 : 0,
    seed: details.seed,
    ms,
  };
  if (details.failed && details.counterexample) {
    const [input] = details.counterexample;
    const minimal = minimiseInput(target.check, input);
    let error: unknown = details.errorInstance;
    try {
      target.check(minimal);
    } catch (e) {
      error = e;
    }
    report.counterexample = {
      input,
      minimal,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      path: details.counterexamplePath ?? '',
    };
  }
  return report;
}
