/**
 * `npx tsx bench/workers.ts [--entries 10000] [--per-doc 100] [--workers 1,2,4] [--archive sqlite|postgres] [--out bench/out]`
 *
 * Worker scaling: the same day documents of the bench corpus imported by 1, 2 and 4
 * `kirinuki worker` processes (`node --import tsx`, as the worker tests start them) from a
 * pg-boss queue in a private PostgreSQL cluster, into a fresh archive each run — a SQLite file
 * the workers share (WAL) or the PostgreSQL archive in the queue's database. Timed from the
 * first job sent, with every worker started and idle, to the last job completed. Reports
 * entries/s, documents/s, the speed-up over one worker and the load average at the end
 * (`uptime`), to stdout and `bench/out/workers.md`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresArchive, openSqliteArchive, type Archive } from '../src/archive/index.js';
import { importJobOf, openJobQueue, type ImportJob } from '../src/queue/index.js';
import { startPostgresCluster } from '../test/support/postgres-cluster.js';
import { eventually, startWorker } from '../test/e2e/worker-harness.js';
import { generateCorpus, renderCorpusDay } from './corpus.js';
import { table } from './measure.js';

interface Args {
  entries: number;
  perDoc: number;
  workers: number[];
  archive: 'sqlite' | 'postgres';
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    entries: 10_000,
    perDoc: 100,
    workers: [1, 2, 4],
    archive: 'sqlite',
    out: 'bench/out',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = (): string => argv[++i] ?? '';
    if (a === '--entries') args.entries = Number(next().replaceAll('_', ''));
    else if (a === '--per-doc') args.perDoc = Number(next());
    else if (a === '--workers') args.workers = next().split(',').map(Number);
    else if (a === '--archive') {
      const v = next();
      if (v !== 'sqlite' && v !== 'postgres') throw new Error('bench: --archive sqlite|postgres');
      args.archive = v;
    } else if (a === '--out') args.out = next();
    else throw new Error(`bench: unknown argument ${a}`);
  }
  return args;
}

interface Run {
  workers: number;
  seconds: number;
  entries: number;
  docs: number;
  load: string;
  /** Attempts that failed and were retried. */
  retried: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = startPostgresCluster();
  if (!started.ok) throw new Error(`bench: workers: ${started.why}`);
  const { cluster } = started;
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-bench-workers-'));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  try {
    const days = Math.ceil(args.entries / args.perDoc);
    const jobs: ImportJob[] = [...generateCorpus({ size: args.entries, days, seed: 4 })].map(
      (day) =>
        importJobOf(`${day.day}.txt`, Buffer.from(renderCorpusDay(day)), { today: '2024-01-01' }),
    );
    log(`bench: workers: ${jobs.length} documents of ${args.perDoc} entries, ${args.archive}`);
    const runs: Run[] = [];
    for (const [k, n] of args.workers.entries()) {
      const url = cluster.createDatabase(`bench_workers_${k}`);
      const db = args.archive === 'postgres' ? url : join(dir, `archive-${k}.db`);
      const archive: Archive =
        args.archive === 'postgres' ? openPostgresArchive(url) : openSqliteArchive(db);
      archive.close();
      const opened = await openJobQueue(url, { supervise: false });
      if (!opened.ok) throw new Error(opened.error);
      const queue = opened.value;
      const workers = Array.from({ length: n }, () => startWorker({ queue: url, db }));
      await Promise.all(workers.map((w) => w.ready(60_000)));
      const t0 = performance.now();
      for (const job of jobs) {
        const sent = await queue.enqueue(job);
        if (!sent.ok || sent.value === null) throw new Error(`bench: not sent: ${job.name}`);
      }
      await eventually(
        async () => {
          const c = await queue.counts();
          return (c.completed ?? 0) + (c.failed ?? 0) >= jobs.length ? true : undefined;
        },
        'every job done',
        3_600_000,
      );
      const seconds = (performance.now() - t0) / 1000;
      const load = execFileSync('uptime', { encoding: 'utf8' }).trim();
      const failed = (await queue.counts()).failed ?? 0;
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
      // Attempts that failed and went back to the queue: each costs its retry delay.
      const failures = workers.flatMap((w) => w.events.filter((e) => e.type === 'failed'));
      for (const f of failures.slice(0, 3))
        log(
          `bench: ${n} worker(s): an attempt failed: ${'message' in f ? f.message.slice(0, 300) : ''}`,
        );
      const check: Archive =
        args.archive === 'postgres' ? openPostgresArchive(url) : openSqliteArchive(db);
      const entries = check.stats().entries;
      check.close();
      if (failed > 0) throw new Error(`bench: ${failed} jobs failed with ${n} workers`);
      runs.push({
        workers: n,
        seconds,
        entries,
        docs: jobs.length,
        load,
        retried: failures.length,
      });
      log(`bench: ${n} worker(s): ${seconds.toFixed(1)} s, ${entries} entries; ${load}`);
    }
    const one = runs[0];
    const rows = runs.map((r) => [
      String(r.workers),
      `${r.seconds.toFixed(1)} s`,
      Math.round(r.entries / r.seconds).toLocaleString('en'),
      (r.docs / r.seconds).toFixed(2),
      one ? `${(one.seconds / r.seconds).toFixed(2)}×` : '',
      String(r.retried),
      r.load.replace(/^.*load average: /, ''),
    ]);
    const md = [
      `## Worker scaling (${args.archive} archive)`,
      '',
      `${jobs.length} day documents × ${args.perDoc} generated clips (${runs[0]?.entries.toLocaleString('en')} entries filed), imported by N \`kirinuki worker\` processes from one pg-boss queue; ${cpus().length} CPU cores shared with PostgreSQL. \`npx tsx bench/workers.ts ${process.argv.slice(2).join(' ')}\``,
      '',
      table(
        [
          'workers',
          'time',
          'entries/s',
          'documents/s',
          'speed-up',
          'attempts retried',
          'load average at the end (1, 5, 15 min)',
        ],
        rows,
      ),
      '',
    ].join('\n');
    process.stdout.write(md);
    mkdirSync(args.out, { recursive: true });
    writeFileSync(join(args.out, `workers-${args.archive}.md`), md);
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
