/**
 * `npx tsx bench/ranking.ts [--db bench/out/server-archive-100000.db] [--repeat 10] [--recall 4]
 *   [--no-fts] [--work PATH] [--build]` (or `npm run bench -- --only ranking`)
 *
 * Ranking over all matches, per query class of `bench/queries.ts`, on a copy of an archive
 * (`--work`, default in the temp directory; opened writable once, so that it is migrated, and
 * `optimize()`d to build its champion lists when new or with `--build`):
 *
 * - `search` top 20 with snippets, by rank and by date: p50/p95/p99;
 * - SQLite FTS5's own ranking on kirinuki's tokens (`ORDER BY bm25(entries_fts, 1, 2, 3)
 *   LIMIT 20` on the query's MATCH), the alternative measured first;
 * - recall@20 of `search` against ranking every match by the same rule, by brute force, for the
 *   first `--recall` queries of each class.
 *
 * Prints a markdown table.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteArchive, type Archive } from '../src/archive/index.js';
import { entrySections } from '../src/archive/fulltext/entry-text.js';
import { rankIdf, rankScore } from '../src/archive/fulltext/ranking.js';
import { parseQuery } from '../src/archive/query/parse-query.js';
import { compileQuery, type CompiledQuery } from '../src/archive/sqlite/compile-query.js';
import { decodeEntryDoc } from '../src/archive/sqlite/entry-docs.js';
import { PersonNames } from '../src/archive/sqlite/person-names.js';
import { QueryRunner } from '../src/archive/sqlite/run-query.js';
import { normaliseForMatch } from '../src/text/index.js';
import { latency, ms, timeRuns, type Latency } from './measure.js';
import { queryClasses } from './queries.js';

interface Args {
  db: string;
  repeat: number;
  recall: number;
  fts: boolean;
  /** Where the measured copy is kept. */
  work: string;
  /** Build the champion lists again (`optimize()`) even when the copy exists. */
  build: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    db: 'bench/out/server-archive-100000.db',
    repeat: 10,
    recall: 4,
    fts: true,
    work: '',
    build: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = (): string => argv[++i] ?? '';
    if (a === '--db') args.db = next();
    else if (a === '--repeat') args.repeat = Number(next());
    else if (a === '--recall') args.recall = Number(next());
    else if (a === '--no-fts') args.fts = false;
    else if (a === '--work') args.work = next();
    else if (a === '--build') args.build = true;
    else throw new Error(`bench: unknown argument ${a}`);
  }
  args.work ||= join(tmpdir(), `kirinuki-ranking-${basename(args.db)}`);
  return args;
}

interface ClassRow {
  name: string;
  rank: Latency;
  date: Latency;
  fts: Latency | null;
  /** Mean share of the exhaustive top 20 that `search` found, over the sampled queries. */
  recall: number;
  sampled: number;
}

/**
 * A copy of `source` at `path`, migrated, with champion lists: the archive the bench measures,
 * leaving the source as other benchmarks expect it. `optimize()` runs when the copy is new or
 * `build` is set; the time it took is returned (`null`: not run).
 */
function preparedCopy(source: string, path: string, build: boolean): number | null {
  const fresh = !existsSync(path);
  if (fresh) {
    for (const f of [`${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    copyFileSync(source, path);
  }
  const archive = openSqliteArchive(path);
  if (!fresh && !build) {
    archive.close();
    return null;
  }
  const t = performance.now();
  archive.optimize();
  const buildMs = performance.now() - t;
  archive.close();
  return buildMs;
}

/** The top 20 of every match by the ranking rule, scored one by one. */
function exhaustiveTop(db: Database.Database, runner: QueryRunner, q: CompiledQuery): number[] {
  const all = runner.newest(q, Number.MAX_SAFE_INTEGER);
  const documents = runner.entryCount();
  const context = {
    documents,
    averageLength: runner.lengthTotal() / documents,
    newest: runner.newestDate(),
  };
  const terms = q.highlight.map((normalised, i) => {
    const match = q.termMatches[i] ?? null;
    return {
      normalised,
      idf: rankIdf(documents, match === null ? documents : runner.estimateMatches(match)),
    };
  });
  const read = db.prepare(
    'SELECT date, doc FROM entries JOIN entry_docs ON entry = rowid WHERE rowid = ?',
  );
  const scored = all.map((rowid) => {
    const row = read.get(rowid) as { date: string; doc: unknown };
    const s = entrySections(decodeEntryDoc(row.doc));
    const sections = {
      post: normaliseForMatch(s.post),
      body: normaliseForMatch(s.body),
      summary: normaliseForMatch(s.summary),
    };
    return { rowid, score: rankScore(sections, row.date, terms, context) };
  });
  scored.sort((a, b) => b.score - a.score || b.rowid - a.rowid);
  return scored.slice(0, 20).map((s) => s.rowid);
}

function measure(args: Args, path: string): ClassRow[] {
  const archive: Archive = openSqliteArchive(path, { readonly: true });
  const db = new Database(path, { readonly: true });
  db.pragma('mmap_size = 268435456');
  db.pragma('cache_size = -65536');
  const runner = new QueryRunner(db);
  const persons = new PersonNames(db);
  const compile = (query: string): CompiledQuery => {
    const parsed = parseQuery(query);
    if (!parsed.ok) throw new Error(`bench: ${parsed.error.message}`);
    return compileQuery(parsed.value, { speakerIds: (n) => persons.matching(n) });
  };
  const ftsRank = db
    .prepare(
      'SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts, 1, 2, 3) LIMIT 20',
    )
    .pluck();
  const ids = db.prepare('SELECT rowid FROM entries WHERE id = ?').pluck();
  const rows: ClassRow[] = [];
  for (const c of queryClasses()) {
    const rank: number[] = [];
    const date: number[] = [];
    const fts: number[] = [];
    let recall = 0;
    let sampled = 0;
    c.queries.forEach((query, i) => {
      rank.push(...timeRuns(args.repeat, () => archive.search(query, { limit: 20 })));
      date.push(...timeRuns(args.repeat, () => archive.search(query, { limit: 20, sort: 'date' })));
      const q = compile(query);
      if (args.fts && q.match !== null)
        fts.push(...timeRuns(Math.max(1, Math.floor(args.repeat / 3)), () => ftsRank.all(q.match)));
      if (i < args.recall && q.highlight.length > 0) {
        const want = exhaustiveTop(db, runner, q);
        const got = archive.search(query, { limit: 20 });
        if (!got.ok) throw new Error(`bench: ${got.error.message}`);
        const found = new Set(got.value.hits.map((h) => ids.get(h.stored.entry.id) as number));
        if (want.length > 0) {
          recall += want.filter((r) => found.has(r)).length / want.length;
          sampled += 1;
        }
      }
    });
    rows.push({
      name: c.name,
      rank: latency(rank),
      date: latency(date),
      fts: fts.length > 0 ? latency(fts) : null,
      recall: sampled > 0 ? recall / sampled : NaN,
      sampled,
    });
    process.stderr.write(`bench: ranking: ${c.name} done\n`);
  }
  archive.close();
  db.close();
  return rows;
}

function table(rows: readonly ClassRow[]): string {
  const l = (x: Latency | null): string =>
    x === null ? '—' : `${ms(x.p50)} / ${ms(x.p95)} / ${ms(x.p99)}`;
  const lines = [
    '| class | search by rank, p50 / p95 / p99 ms | by date | FTS5 `ORDER BY bm25()` | recall@20 vs every match scored |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${l(r.rank)} | ${l(r.date)} | ${l(r.fts)} | ${Number.isNaN(r.recall) ? '—' : `${(100 * r.recall).toFixed(0)} % (${r.sampled} queries)`} |`,
    ),
  ];
  return lines.join('\n');
}

/**
 * The ranking benchmark as markdown (what `npm run bench -- --only ranking` prints).
 *
 * @example
 * process.stdout.write(benchRanking(['--db', 'bench/out/server-archive-100000.db']));
 */
export function benchRanking(argv: string[]): string {
  const args = parseArgs(argv);
  if (!existsSync(args.db))
    return `## Ranking over all matches\n\nSkipped: no archive at ${args.db} (\`npm run bench -- --only server\` builds it).\n`;
  const buildMs = preparedCopy(args.db, args.work, args.build);
  const built =
    buildMs === null
      ? ''
      : `optimize() (FTS5 merge, ANALYZE, champion lists): ${(buildMs / 1000).toFixed(1)} s\n\n`;
  process.stderr.write(`bench: ranking: ${args.work} ${built}`);
  const rows = measure(args, args.work);
  return `## Ranking over all matches\n\nload before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}\n\n${built}${table(rows)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.stdout.write(benchRanking(process.argv.slice(2)));
