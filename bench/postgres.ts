/**
 * The archive on both backends side by side: the same generated corpus (bench/corpus.ts)
 * imported into a SQLite file and into PostgreSQL (a private cluster, test/support), then every
 * query class of bench/queries.ts counted and searched (top 20 with snippets) on each.
 *
 *   npx tsx bench/postgres.ts [size=100000] [repeat=5] [backends=sqlite,postgres] [--without-sets]
 *     [--url postgres://…]
 *
 * `--url` measures the PostgreSQL archive already at that URL (filed and optimised before, by
 * a process that keeps its server up) instead of a new one: no import, no optimize.
 * `--without-sets` times each query with each archive's dense terms' sets (built by
 * `optimize()`) and without them, on the same archive, in alternating order, checking each
 * count is the same: the sets' worth, measured with everything else equal.
 *
 * Prints the import rate, the size on disk and p50/p95/p99 per class and backend, as markdown,
 * and each row on stderr as soon as it is measured (with the load average: the machine is
 * shared), so a run of an hour at 1,000,000 entries shows its figures as it goes. Both
 * archives live under the system's temporary folder (about 10 GB each at 1,000,000 entries)
 * and are removed afterwards; the cluster runs with fsync off.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  openPostgresArchive,
  openSqliteArchive,
  type Archive,
  type ImportBatch,
} from '../src/archive/index.js';
import Database from 'better-sqlite3';
import { PgConnection } from '../src/archive/postgres/connection.js';
import { startPostgresCluster } from '../test/support/postgres-cluster.js';
import { generateCorpus } from './corpus.js';
import { latency, mb, ms, table } from './measure.js';
import { queryClasses } from './queries.js';

const size = Number(process.argv[2] ?? 100_000);
const repeat = Number(process.argv[3] ?? 5);
const wanted = (process.argv[4] ?? 'sqlite,postgres').split(',');
const withoutSets = process.argv.includes('--without-sets');
const urlAt = process.argv.indexOf('--url');
const givenUrl = urlAt < 0 ? undefined : process.argv[urlAt + 1];

/** The 1-minute load average: every figure is taken on a machine others share. */
function load(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?';
}

function importCorpus(archive: Archive): number {
  const started = performance.now();
  let batches: ImportBatch[] = [];
  for (const day of generateCorpus({ size })) {
    batches.push({ source: `corpus/${day.day}.txt`, ...day });
    // About a thousand entries a transaction, as an import of a folder of digests files them.
    if (batches.reduce((n, b) => n + b.entries.length, 0) >= 1000) {
      archive.importBatches(batches);
      batches = [];
    }
  }
  if (batches.length > 0) archive.importBatches(batches);
  return (size / (performance.now() - started)) * 1000;
}

/**
 * Counts and searches (top 20) every query of each class `repeat` times after a warm-up: one
 * row per class. With `useSets` (`--without-sets`), each run of a query is timed with the
 * dense sets and without them, in alternating order, each count checked to be the same: two
 * rows per class.
 */
function timeClasses(
  archive: Archive,
  backend: string,
  useSets?: (on: boolean) => void,
): string[][] {
  const modes = useSets ? [true, false] : [true];
  const rows: string[][] = [];
  for (const c of queryClasses()) {
    const times = modes.map(() => ({ count: [] as number[], search: [] as number[] }));
    for (const q of c.queries) {
      const counts = new Set<string>();
      for (let run = 0; run <= repeat; run += 1)
        for (const i of run % 2 === 0 ? modes.keys() : [...modes.keys()].reverse()) {
          useSets?.(modes[i] as boolean);
          let t = performance.now();
          counts.add(JSON.stringify(archive.count(q)));
          const counted = performance.now() - t;
          t = performance.now();
          archive.search(q, { limit: 20 });
          const searched = performance.now() - t;
          // The first run of each is the warm-up.
          if (run === 0) continue;
          times[i]?.count.push(counted);
          times[i]?.search.push(searched);
        }
      if (counts.size !== 1)
        throw new Error(`bench: ${backend} counts ${q} differently: ${[...counts].join(', ')}`);
    }
    for (const [i, t] of times.entries()) {
      const [lc, ls] = [latency(t.count), latency(t.search)];
      const label = modes[i] ? backend : `${backend} without sets`;
      const row = [c.name, label, ...[lc.p50, lc.p95, lc.p99, ls.p50, ls.p95, ls.p99].map(ms)];
      rows.push(row);
      console.error(`| ${row.join(' | ')} | load ${load()}`);
    }
  }
  useSets?.(true);
  return rows;
}

function main(): void {
  const started = givenUrl === undefined ? startPostgresCluster() : null;
  if (started && !started.ok) throw new Error(`bench: ${started.why}`);
  const cluster = started?.ok ? started.cluster : null;
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-bench-pg-'));
  try {
    const pgUrl = givenUrl ?? cluster?.createDatabase('bench') ?? '';
    const open: Record<string, () => Archive> = {
      sqlite: () => openSqliteArchive(join(dir, 'archive.db')),
      postgres: () => openPostgresArchive(pgUrl),
    };
    // The sets are used while meta.dense_through names what they cover; 0 turns them off.
    const through = new Map<string, string>();
    const useSets: Record<string, (on: boolean) => void> = {
      sqlite: (on) => {
        const db = new Database(join(dir, 'archive.db'));
        const meta = "SELECT value FROM meta WHERE key = 'dense_through'";
        if (!through.has('sqlite')) through.set('sqlite', String(db.prepare(meta).pluck().get()));
        db.prepare("UPDATE meta SET value = ? WHERE key = 'dense_through'").run(
          on ? through.get('sqlite') : '0',
        );
        db.close();
      },
      postgres: (on) => {
        const c = PgConnection.open(pgUrl, undefined, false);
        const meta = "SELECT value FROM meta WHERE key = 'dense_through'";
        if (!through.has('postgres')) through.set('postgres', String(c.value(meta)));
        c.run("UPDATE meta SET value = $1 WHERE key = 'dense_through'", [
          on ? (through.get('postgres') ?? '0') : '0',
        ]);
        c.close();
      },
    };
    const rows: string[][] = [];
    const summary: string[][] = [];
    for (const name of wanted) {
      const opener = open[name];
      if (opener === undefined) throw new Error(`bench: no backend ${name}`);
      const archive = opener();
      const existing = name === 'postgres' && givenUrl !== undefined;
      const rate = existing ? NaN : importCorpus(archive);
      const t = performance.now();
      if (!existing) archive.optimize();
      const optimize = existing ? NaN : performance.now() - t;
      const stats = archive.stats();
      summary.push([
        name,
        existing ? 'existing' : `${Math.round(rate)}/s`,
        existing ? '—' : `${(optimize / 1000).toFixed(1)} s`,
        mb(stats.bytesOnDisk),
      ]);
      console.error(
        `${name}: imported ${stats.entries} at ${Math.round(rate)}/s, optimize ${(optimize / 1000).toFixed(1)} s, ${mb(stats.bytesOnDisk)} (load ${load()})`,
      );
      rows.push(...timeClasses(archive, name, withoutSets ? useSets[name] : undefined));
      archive.close();
    }
    console.log(`## ${size.toLocaleString('en')} entries, ${repeat} runs per query\n`);
    console.log(table(['backend', 'import', 'optimize', 'on disk'], summary));
    console.log();
    console.log(
      table(
        ['class', 'backend', 'count p50', 'p95', 'p99', 'search p50', 'p95', 'p99'],
        rows.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? '')),
      ),
    );
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
