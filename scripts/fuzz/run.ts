/**
 * `npm run fuzz [-- --cases N] [--seed S] [--only clip,feed] [--max-size N] [--no-timing]`:
 * fuzzes every parser kirinuki reads text with — 1,000,000 generated cases by default, shared
 * among the parsers by what one case costs — then times each parser's worst known inputs at
 * 10 KB, 100 KB, 1 MB and 10 MB. Prints, per parser, the cases, failures, seed and time, and
 * the worst time ratio per tenfold step; exits 1 on any failure (with the input, cut down, and
 * the seed and path that replay it) or on a step over 15×. `npm test` runs a small seeded
 * version (test/fuzz/).
 */
import { parseArgs } from 'node:util';
import { fuzzTarget, type FuzzReport } from './fuzz-target.js';
import { growthOf, MAX_OVER_BASELINE, MAX_STEP_RATIO, type Growth } from './linear-time.js';
import type { FuzzTarget } from './target.js';
import { FUZZ_TARGETS } from './targets/index.js';

const SIZES = [10_000, 100_000, 1_000_000, 10_000_000];

interface RunOptions {
  cases: number;
  seed: number;
  only: string[];
  maxSize: number;
  timing: boolean;
  path: string | undefined;
}

function readOptions(argv: string[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string', default: '1000000' },
      seed: { type: 'string' },
      only: { type: 'string' },
      'max-size': { type: 'string', default: String(SIZES[SIZES.length - 1]) },
      'no-timing': { type: 'boolean', default: false },
      path: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'npm run fuzz -- [--cases N] [--seed S] [--only clip,feed,…] [--path P] [--max-size N] [--no-timing]\n' +
        `parsers: ${FUZZ_TARGETS.map((t) => t.name).join(', ')}`,
    );
    process.exit(0);
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [];
  const unknown = only.filter((n) => !FUZZ_TARGETS.some((t) => t.name === n));
  if (unknown.length > 0) {
    console.error(
      `fuzz: unknown parser ${unknown.join(', ')}; one of ${FUZZ_TARGETS.map((t) => t.name).join(', ')}`,
    );
    process.exit(1);
  }
  const number = (name: string, text: string): number => {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 0) {
      console.error(`fuzz: --${name} must be a whole number, not ${JSON.stringify(text)}`);
      process.exit(1);
    }
    return n;
  };
  return {
    cases: number('cases', values.cases),
    // A fresh seed each run finds new inputs; it is printed, so any run can be replayed.
    seed: values.seed === undefined ? Date.now() % 2 ** 31 : number('seed', values.seed),
    only,
    maxSize: number('max-size', values['max-size']),
    timing: !values['no-timing'],
    path: values.path,
  };
}

/** Cases for one target: its share of the run, or all of them when it runs alone. */
function casesFor(target: FuzzTarget, targets: readonly FuzzTarget[], cases: number): number {
  const total = targets.reduce((sum, t) => sum + t.share, 0);
  return Math.ceil((cases * target.share) / total);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const size = (n: number): string =>
  n >= 1_000_000 ? `${n / 1_000_000} MB` : n >= 1_000 ? `${n / 1_000} KB` : `${n} B`;

function printReport(r: FuzzReport, target: FuzzTarget): void {
  console.log(
    `${target.name.padEnd(13)} ${String(r.cases).padStart(9)} cases  ${String(r.failures).padStart(2)} failures  seed ${r.seed}  ${seconds(r.ms).padStart(8)}  (${target.module})`,
  );
  if (!r.counterexample) return;
  console.log(`  FAILED on ${JSON.stringify(r.counterexample.minimal)}`);
  if (r.counterexample.minimal !== r.counterexample.input)
    console.log(`  (as generated: ${JSON.stringify(r.counterexample.input).slice(0, 2_000)})`);
  console.log(`  ${r.counterexample.error.split('\n').slice(0, 8).join('\n  ')}`);
  console.log(
    `  replay: npm run fuzz -- --only ${target.name} --seed ${r.seed} --path ${r.counterexample.path} --no-timing`,
  );
}

function printGrowth(g: Growth): void {
  const times = [...g.ms].map(
    ([n, ms]) => `${size(n)} ${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`,
  );
  const bad = g.steps.filter((s) => !s.linear);
  const verdict =
    bad.length === 0
      ? 'ok'
      : `NOT LINEAR at ${bad.map((s) => `${size(s.from)} → ${size(s.to)}`).join(', ')}`;
  console.log(
    `  ${g.pattern.padEnd(44)} worst ${g.worst.ratio.toFixed(1).padStart(5)}× (${size(g.worst.from)} → ${size(g.worst.to)}; baseline ${g.worst.baseline.toFixed(1)}×) ${verdict}; ${times.join(', ')}`,
  );
}

function main(): number {
  const options = readOptions(process.argv.slice(2));
  const targets = FUZZ_TARGETS.filter(
    (t) => options.only.length === 0 || options.only.includes(t.name),
  );
  const started = performance.now();
  let failed = false;
  let total = 0;
  console.log(`fuzz: ${options.cases} cases, seed ${options.seed}`);
  // `--cases 0` times the parsers only.
  for (const target of options.cases === 0 ? [] : targets) {
    const report = fuzzTarget(target, {
      cases: casesFor(target, targets, options.cases),
      seed: options.seed,
      ...(options.path ? { path: options.path } : {}),
    });
    total += report.cases;
    failed ||= report.failures > 0;
    printReport(report, target);
  }
  console.log(`fuzz: ${total} cases in ${seconds(performance.now() - started)}`);
  if (options.timing) {
    const sizes = SIZES.filter((n) => n <= options.maxSize);
    console.log(
      `\nCPU time per tenfold step (fastest of 2 runs, a failing pattern timed twice; a step over ${MAX_STEP_RATIO}× and over ${MAX_OVER_BASELINE} times the allocation baseline's fails):`,
    );
    for (const target of targets) {
      console.log(`${target.name} (${target.module})`);
      for (const pattern of target.worst) {
        const growth = growthOf(target, pattern, { sizes, runs: 2, attempts: 2 });
        failed ||= !growth.linear;
        printGrowth(growth);
      }
    }
  }
  console.log(`\nfuzz: ${failed ? 'FAILED' : 'ok'} in ${seconds(performance.now() - started)}`);
  return failed ? 1 : 0;
}

process.exitCode = main();
