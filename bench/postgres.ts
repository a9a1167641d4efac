/**
 * The archive on both backends side by side: the same generated corpus (bench/corpus.ts)
 * imported into a SQLite file and into PostgreSQL (a private cluster, test/support), then every
 * query class of bench/queries.ts counted and searched (top 20 with snippets) on each.
 *
 *   npx tsx bench/postgres.ts [size=100000] [repeat=5] [backends=sqlite,postgres] [--without-sets]
 *
 * `--without-sets` then forgets each archive's dense terms' sets (built by `optimize()`) and
 * counts every query again on the same archive, checking each count is the same: the sets'
 * worth, measured with everything else equal.
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
import { dropPgDenseSets } from '../src/archive/postgres/dense-terms.js';
import { dropDenseSets } from '../src/archive/sqlite/dense-terms.js';
import { startPostgresCluster } from '../test/support/postgres-cluster.js';
import { generateCorpus } from './corpus.js';
import { latency, mb, ms, table, timeRuns } from './measure.js';
import { queryClasses } from './queries.js';

const size = Number(process.argv[2] ?? 100_000);
const repeat = Number(process.argv[3] ?? 5);
const wanted = (process.argv[4] ?? 'sqlite,postgres').split(',');
const withoutSets = process.argv.includes('--without-sets');

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
 * Counts and searches (top 20) every query of each class `repeat` times: one row per class.
 * With `counted`, each count must be the one given.
 */
function timeClasses(
  archive: Archive,
  backend: string,
  counted?: ReadonlyMap<string, unknown>,
): string[][] {
  const rows: string[][] = [];
  for (const c of queryClasses()) {
    const count: number[] = [];
    const search: number[] = [];
    for (const q of c.queries) {
      count.push(...timeRuns(repeat, () => archive.count(q)));
      search.push(...timeRuns(repeat, () => archive.search(q, { limit: 20 })));
      const [was, now] = [counted?.get(q), archive.count(q)];
      if (counted && JSON.stringify(was) !== JSON.stringify(now))
        throw new Error(
          `bench: ${backend} counts ${q} as ${JSON.stringify(now)}, before as ${JSON.stringify(was)}`,
        );
    }
    const [lc, ls] = [latency(count), latency(search)];
    const row = [c.name, backend, ...[lc.p50, lc.p95, lc.p99, ls.p50, ls.p95, ls.p99].map(ms)];
    rows.push(row);
    console.error(`| ${row.join(' | ')} | load ${load()}`);
  }
  return rows;
}

function main(): void {
  const started = startPostgresCluster();
  if (!started.ok) throw new Error(`bench: ${started.why}`);
  const { cluster } = started;
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-bench-pg-'));
  try {
    const pgUrl = cluster.createDatabase('bench');
    const open: Record<string, () => Archive> = {
      sqlite: () => openSqliteArchive(join(dir, 'archive.db')),
      postgres: () => openPostgresArchive(pgUrl),
    };
    const dropSets: Record<string, () => void> = {
      sqlite: () => {
        const db = new Database(join(dir, 'archive.db'));
        dropDenseSets(db);
        db.close();
      },
      postgres: () => {
        const c = PgConnection.open(pgUrl, undefined, false);
        dropPgDenseSets(c);
        c.close();
      },
    };
    const rows: string[][] = [];
    const summary: string[][] = [];
    for (const name of wanted) {
      const opener = open[name];
      if (opener === undefined) throw new Error(`bench: no backend ${name}`);
      const archive = opener();
      const rate = importCorpus(archive);
      const t = performance.now();
      archive.optimize();
      const optimize = performance.now() - t;
      const stats = archive.stats();
      summary.push([
        name,
        `${Math.round(rate)}/s`,
        `${(optimize / 1000).toFixed(1)} s`,
        mb(stats.bytesOnDisk),
      ]);
      console.error(
        `${name}: imported ${stats.entries} at ${Math.round(rate)}/s, optimize ${(optimize / 1000).toFixed(1)} s, ${mb(stats.bytesOnDisk)} (load ${load()})`,
      );
      rows.push(...timeClasses(archive, name));
      if (withoutSets) {
        const counted = new Map(
          queryClasses().flatMap((c) => c.queries.map((q) => [q, archive.count(q)] as const)),
        );
        dropSets[name]?.();
        rows.push(...timeClasses(archive, `${name} without sets`, counted));
      }
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
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
