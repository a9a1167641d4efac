/**
 * CLI cold start: wall time of a fresh `node bin/kirinuki.js …` process for `search`, `show` and
 * `--help`, against bare `node -e 0` on the same machine at the same moment. Runs are interleaved
 * (one of each case per round, after one warm-up round) so load on the machine hits every case
 * alike; the figure that matters is the difference to bare node. Each process also reports its
 * own CPU time (user + system, all threads, up to its `exit` event) from a one-line `--require`
 * preload: on a busy machine that moves far less than wall time. Needs a build (`npm run build`).
 * Called by `bench/run.ts`; runnable alone with `npx tsx bench/cold-start.ts [--runs 15] [--archive PATH]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, childEnv, requireBuild, ROOT, usageOf, USAGE_PRELOAD } from './cli-process.js';
import { ms, table } from './measure.js';

const SEARCH_WORD = '停戦';

export interface ColdStartOptions {
  /** Timed runs of each case (default 15). */
  runs?: number;
  /**
   * An archive to search and show from instead of `samples/` imported into a temporary file:
   * e.g. the 100,000-entry archive `bench/server.ts` leaves in bench/out, for issue 14's
   * "cold `search` on a large archive".
   */
  archive?: string;
  log?: (line: string) => void;
}

export interface ColdStartCase {
  name: string;
  args: string[];
  samples: number[];
  median: number;
  p90: number;
  /** CPU time (user + system) of each run, ms. */
  cpu: number[];
  cpuMedian: number;
  /** ES modules the process loaded (files and built-ins), from a load hook in a separate run. */
  modules: number;
}

export interface ColdStartResult {
  runs: number;
  archive: string;
  cases: ColdStartCase[];
  loadBefore: number[];
  loadAfter: number[];
}

/** Runs the cold-start benchmark and returns the figures. */
export function measureColdStart(options: ColdStartOptions = {}): ColdStartResult {
  const runs = options.runs ?? 15;
  const log = options.log ?? ((): void => undefined);
  requireBuild('cold-start');
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-cold-'));
  try {
    const db = options.archive ?? join(dir, 'archive.db');
    const preload = join(dir, 'usage.cjs');
    writeFileSync(preload, USAGE_PRELOAD);
    if (options.archive === undefined) node([BIN, '--db', db, 'import', join(ROOT, 'samples')]);
    else if (!existsSync(db)) throw new Error(`bench: no archive at ${db}`);
    const found = JSON.parse(
      node([BIN, '--db', db, '--json', 'search', SEARCH_WORD, '--limit', '1']),
    ) as { hits: { id: string }[] };
    const id = found.hits[0]?.id;
    if (!id) throw new Error(`bench: no sample entry matches ${SEARCH_WORD}`);
    const sentence = join(dir, 'sentence.txt');
    writeFileSync(sentence, 'ロシアのプーチン大統領は16日、「主導権は我々にある」と主張した。\n');
    const cases = [
      { name: 'node -e 0 (bare)', args: ['-e', '0'] },
      { name: 'kirinuki --help', args: [BIN, '--help'] },
      // Start-up to the first annotation: knowledge loaded and compiled, one sentence annotated.
      { name: 'kirinuki annotate (one sentence)', args: [BIN, 'annotate', sentence] },
      { name: `kirinuki search ${SEARCH_WORD}`, args: [BIN, '--db', db, 'search', SEARCH_WORD] },
      { name: 'kirinuki show ID', args: [BIN, '--db', db, 'show', id] },
    ];
    const loadBefore = loadavg();
    const samples = cases.map((): number[] => []);
    const cpu = cases.map((): number[] => []);
    for (let round = -1; round < runs; round += 1) {
      cases.forEach((c, i) => {
        const t = performance.now();
        const r = spawn(['--require', preload, ...c.args]);
        const wall = performance.now() - t;
        if (round < 0) return;
        samples[i]?.push(wall);
        cpu[i]?.push(usageOf(r.stderr).cpuMs);
      });
      if (round >= 0) log(`cold-start: round ${round + 1}/${runs}`);
    }
    const loadAfter = loadavg();
    return {
      runs,
      archive: options.archive ?? '`samples/` imported into a temporary file',
      loadBefore,
      loadAfter,
      cases: cases.map((c, i) => {
        const s = samples[i] ?? [];
        return {
          ...c,
          samples: s,
          median: quantile(s, 0.5),
          p90: quantile(s, 0.9),
          cpu: cpu[i] ?? [],
          cpuMedian: quantile(cpu[i] ?? [], 0.5),
          modules: modulesLoaded(c.args),
        };
      }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cold-start benchmark as a markdown section (what `bench/run.ts` prints). */
export async function runColdStartBench(options: ColdStartOptions = {}): Promise<string> {
  return coldStartReport(measureColdStart(options));
}

export function coldStartReport(r: ColdStartResult): string {
  const bare = r.cases[0];
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  const bundle = existsSync(join(ROOT, 'dist/bundle/cli/kirinuki.mjs'))
    ? 'dist/bundle/cli (esbuild bundle)'
    : 'dist/cli (tsc output, no bundle)';
  const over = (c: ColdStartCase, x: number, b: number | undefined): string =>
    c === bare || b === undefined ? '—' : `${x >= b ? '+' : '−'}${ms(Math.abs(x - b))}`;
  const rows = r.cases.map((c) => [
    c.name,
    ms(c.median),
    ms(c.p90),
    over(c, c.median, bare?.median),
    ms(c.cpuMedian),
    over(c, c.cpuMedian, bare?.cpuMedian),
    String(c.modules),
  ]);
  return [
    '## CLI cold start',
    '',
    `Wall time of a fresh process, ${r.runs} interleaved runs per case after a warm-up round; ` +
      `Node ${process.version}; CLI from ${bundle}; load average ${load(r.loadBefore)} before, ` +
      `${load(r.loadAfter)} after. Archive: ${r.archive}.`,
    '',
    table(
      [
        'command',
        'wall median ms',
        'wall p90 ms',
        'wall median over bare node',
        'CPU median ms',
        'CPU median over bare node',
        'ES modules loaded',
      ],
      rows,
    ),
  ].join('\n');
}

/** Runs node with `args`, throwing on a non-zero exit; returns stdout. */
function node(args: string[]): string {
  return spawn(args).stdout;
}

function spawn(args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: childEnv() });
  if (r.status !== 0)
    throw new Error(`bench: node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

/** A load hook that writes one marker line to stderr for every ES module loaded. */
const COUNT_HOOK = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(
  "import { writeSync } from 'node:fs';" +
  "export async function load(url, context, next) {" +
  "  writeSync(2, 'kirinuki-bench-load ' + url + '\\\\n'); return next(url, context); }"));`,
)}`;

function modulesLoaded(args: string[]): number {
  const r = spawnSync(process.execPath, ['--import', COUNT_HOOK, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: childEnv(),
  });
  return r.stderr.split('\n').filter((l) => l.startsWith('kirinuki-bench-load ')).length;
}

/** Nearest-rank quantile. */
function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : undefined;
  const a = process.argv.indexOf('--archive');
  const archive = a >= 0 ? process.argv[a + 1] : undefined;
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  console.log(
    await runColdStartBench({
      log,
      ...(runs === undefined ? {} : { runs }),
      ...(archive === undefined ? {} : { archive }),
    }),
  );
}
