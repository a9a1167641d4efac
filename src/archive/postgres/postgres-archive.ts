import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { err, KirinukiError, ok, type Entry, type Result } from '../../model/index.js';
import type {
  Archive,
  ArchiveCheck,
  AuditedTransactions,
  ArchiveStats,
  CountOptions,
  DayRecord,
  DayTally,
  DerivedData,
  EntryRecord,
  FiledDay,
  ImportBatch,
  ImportReport,
  NameQuery,
  OptimizeReport,
  PersonName,
  PublishedPost,
  SearchOptions,
  SearchResults,
  StoredEntry,
} from '../archive.js';
import { parseQuery } from '../query/parse-query.js';
import type { ParsedQuery, QueryError } from '../query/query-ast.js';
import { openSqliteArchive } from '../sqlite/sqlite-archive.js';
import { writeAuditRecords, type AuditInput } from './accounts.js';
import { buildPgChampions, PG_CHAMPION_MIN_DF } from './champions.js';
import { compilePgQuery, type PgQuery, type PgQueryOptions } from './compile-query.js';
import { pgDenseSource } from './dense-count.js';
import {
  addPgFilterSets,
  beginPgDenseBuild,
  minePgDenseTerms,
  PgDenseTermSets,
  storePgDenseSets,
} from './dense-terms.js';
import {
  countWithDenseSets,
  newestWithDenseSets,
  type DenseCountSource,
  type DenseSnapshot,
} from '../fulltext/dense-count.js';
import { fileBlockSpill } from '../block-spill.js';
import { DenseSetBuilder } from '../fulltext/dense-set-builder.js';
import {
  DEFAULT_DENSE_TERM_OPTIONS,
  denseThresholds,
  type DenseTermOptions,
} from '../fulltext/dense-terms.js';
import { PgConnection, pgTextArray, type PgRow } from './connection.js';

export { PgConnectError, redactUrl as redactArchiveUrl } from './connection.js';
export { EntryVersionConflict } from './write-entries.js';
import { checkPostgresArchive } from './doctor.js';
import { checkPgSchema, migratePostgres, PG_SCHEMA_VERSION } from './migrations.js';
import { PublishedPostsTable } from './published-posts.js';
import { ENTRY_COLUMNS, ridOf, storedEntry } from './rows.js';
import { newestAsked, PgSearch, type PgSearchOptions } from './search.js';
import { EntryWriter } from './write-entries.js';

export interface PostgresArchiveOptions {
  /**
   * The schema the archive lives in, created if need be: several archives can share one
   * database, each in its own schema. Default: the connection's search path (`public`).
   */
  schema?: string;
  /** Open without migrating: the schema must be current (`kirinuki migrate`). */
  migrate?: boolean;
  /**
   * `search` scores every match of a query with at most this many, else this many of its
   * newest and the champions of its terms (see search.ts); default 300.
   */
  rankCandidates?: number;
  /**
   * Which words and filters `optimize()` keeps sets of entries for, to count them at once
   * (`fulltext/dense-terms.ts`); default `DEFAULT_DENSE_TERM_OPTIONS`, as SQLite's.
   */
  denseTerms?: Partial<DenseTermOptions>;
}

/**
 * The PostgreSQL archive: the `Archive` interface, plus optimistic versioning of entries for
 * several curators editing at once. Every rewrite of an entry adds one to its version; an edit
 * saved with `updateEntriesIfUnchanged` names the version it started from, and fails with
 * `EntryVersionConflict`, saving nothing, when someone saved the entry in between.
 */
export interface PostgresArchive extends Archive, AuditedTransactions {
  /** The entry's version (1 when filed, one more per rewrite), or null when there is none. */
  entryVersion(id: string): number | null;
  /**
   * `updateEntries`, but each entry is saved only if its stored version is still the one in
   * `versions` (entries not listed are saved as they are): a stale one throws
   * `EntryVersionConflict` and nothing of the call is stored.
   */
  updateEntriesIfUnchanged(
    entries: readonly Entry[],
    versions: ReadonlyMap<string, number>,
  ): number;
  /**
   * Runs `work`, reads of this archive, in one snapshot: counts, searches and pages read there
   * agree with each other whatever other processes file meanwhile (a digest, a page of the
   * workbench built from several queries). Each count and search runs in one by itself.
   */
  readConsistently<T>(work: () => T): T;
}

/**
 * Opens the archive in a PostgreSQL database (`postgres://…` or `postgresql://…`, any libpq
 * connection string), migrating its schema unless told not to. Synchronous, like the SQLite
 * archive: every call blocks until the server answers (see README.md).
 *
 * @example
 * const archive = openPostgresArchive('postgres://kirinuki@db.example/kirinuki');
 * archive.search('停戦 from:@ReutersJapan');
 * archive.close();
 */
export function openPostgresArchive(
  url: string,
  options: PostgresArchiveOptions = {},
): PostgresArchive {
  const migrate = options.migrate ?? true;
  const c = PgConnection.open(url, options.schema, migrate);
  try {
    if (migrate) migratePostgres(c);
    else checkPgSchema(c);
    // A term is found through the GIN index of tokens, never by testing each row's token
    // array: `@>` compares the query's tokens with every element of an entry's array (~500),
    // 16 µs a row, so the sequential scan the planner picks for a common word costs 20 times
    // the bitmap scan (count of 停戦 in 15,000 of 20,000 entries: 410 ms against 11 ms).
    // That makes every plan with a sequential scan (a 6-page table, a count) cost 10^10, above
    // jit_above_cost: JIT would then compile each for 100 ms. Short queries never gain from it.
    c.query('SET enable_seqscan = off');
    c.query('SET jit = off');
    const dense = { ...DEFAULT_DENSE_TERM_OPTIONS, ...options.denseTerms };
    return new PostgresArchiveImpl(c, options.rankCandidates ?? 300, dense);
  } catch (e) {
    c.close();
    throw e;
  }
}

/**
 * Brings a PostgreSQL archive's schema up to date without opening the archive
 * (`kirinuki migrate`); running it again changes nothing.
 *
 * @example
 * migratePostgresArchive('postgres://kirinuki@db/k'); // { version: 1, applied: [1] }, then applied: []
 */
export function migratePostgresArchive(
  url: string,
  options: Pick<PostgresArchiveOptions, 'schema'> = {},
): { version: number; applied: number[] } {
  const c = PgConnection.open(url, options.schema, true);
  try {
    const applied = migratePostgres(c);
    return { version: PG_SCHEMA_VERSION, applied };
  } finally {
    c.close();
  }
}

/**
 * Whether an archive location names a PostgreSQL server rather than a SQLite file.
 *
 * @example
 * isPostgresUrl('postgresql://db/k'); // true
 * isPostgresUrl('archive.db'); // false
 */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

class PostgresArchiveImpl implements PostgresArchive {
  private readonly writer: EntryWriter;
  private readonly searcher: PgSearch;
  private readonly published: PublishedPostsTable;
  private readonly dense: PgDenseTermSets;

  constructor(
    private readonly c: PgConnection,
    private readonly rankCandidates: number,
    private readonly denseOptions: DenseTermOptions,
  ) {
    this.writer = new EntryWriter(c);
    this.searcher = new PgSearch(c);
    this.dense = new PgDenseTermSets(c);
    this.published = new PublishedPostsTable(c);
  }

  importBatch(batch: ImportBatch): ImportReport {
    return this.writer.importBatches([batch]);
  }

  importBatches(batches: readonly ImportBatch[]): ImportReport {
    return this.writer.importBatches(batches);
  }

  updateEntries(entries: readonly Entry[]): number {
    return this.writer.updateEntries(entries);
  }

  entryVersion(id: string): number | null {
    const v = this.c.value('SELECT version FROM entries WHERE id = $1', [id]);
    return v === undefined ? null : Number(v);
  }

  updateEntriesIfUnchanged(
    entries: readonly Entry[],
    versions: ReadonlyMap<string, number>,
  ): number {
    return this.writer.updateEntries(entries, versions);
  }

  updateDerived(rows: readonly DerivedData[]): number {
    return this.writer.updateDerived(rows);
  }

  findEntry(idOrPrefix: string): StoredEntry | null {
    const exact = this.entries(`WHERE e.id = $1`, [idOrPrefix])[0];
    if (exact) return exact;
    const heir = this.c.run(
      `SELECT ${ENTRY_COLUMNS} FROM entry_keys k JOIN entries e ON e.rid = k.entry
       WHERE k.key = $1 LIMIT 1`,
      [`id:${idOrPrefix}`],
    )[0];
    if (heir) return storedEntry(heir);
    if ([...idOrPrefix].length < 6) return null;
    const rows = this.c
      .run(
        `SELECT ${ENTRY_COLUMNS}, e.id AS id FROM entries e WHERE (e.id COLLATE "C") >= $1
         ORDER BY (e.id COLLATE "C") LIMIT 2`,
        [idOrPrefix],
      )
      .filter((r) => String(r.id).startsWith(idOrPrefix));
    return rows.length === 1 ? storedEntry(rows[0] as PgRow) : null;
  }

  search(query: string, options: SearchOptions = {}): Result<SearchResults, QueryError> {
    const compiled = this.compile(query, options.expandTerm);
    if (!compiled.ok) return compiled;
    const o = {
      limit: options.limit ?? 20,
      offset: options.offset ?? 0,
      totalLimit: options.totalLimit ?? 1000,
      candidates: this.rankCandidates,
      rankedEntries: options.rankedEntries ?? 0,
      sort: options.sort ?? 'rank',
    };
    const q = compiled.value;
    const source = pgDenseSource(this.c, this.searcher, q.options, q.parsed, q.query);
    return ok(
      this.c.readSnapshot(() => {
        // A search the sets answer whole takes its total and its newest matches from them.
        const known = knownFromSets(q, source, this.dense.snapshot(), o);
        return this.searcher.search(q.query, known === undefined ? o : { ...o, known });
      }),
    );
  }

  readConsistently<T>(work: () => T): T {
    return this.c.readSnapshot(work);
  }

  count(query: string, options: CountOptions = {}): Result<number, QueryError> {
    const compiled = this.compile(query, options.expandTerm);
    if (!compiled.ok) return compiled;
    // The sets' state, their bits and what the tables answer for the rest: one snapshot.
    const q = compiled.value;
    return ok(this.c.readSnapshot(() => this.countWithSets(q) ?? this.searcher.count(q.query)));
  }

  /** The count from the dense sets (`fulltext/dense-count.ts`), or `null` where they do not help. */
  private countWithSets(q: CompiledPgQuery, setsOnly = false): number | null {
    const source = pgDenseSource(this.c, this.searcher, q.options, q.parsed, q.query);
    return countWithDenseSets(q.parsed, source, this.dense.snapshot(), setsOnly);
  }

  entriesOfDay(day: string): StoredEntry[] {
    return this.entries('WHERE e.day = $1 ORDER BY e.seq', [day]);
  }

  entriesOfDays(from: string, to: string): StoredEntry[] {
    return this.entries('WHERE e.day BETWEEN $1 AND $2 ORDER BY e.day, e.seq', [from, to]);
  }

  findByKeys(keys: readonly string[], limit = 20): StoredEntry[] {
    const found = new Map<string, StoredEntry>();
    for (const list of this.matchKeys(keys, limit).values())
      for (const s of list) if (!found.has(s.entry.id)) found.set(s.entry.id, s);
    return [...found.values()].sort((a, b) => a.day.localeCompare(b.day) || a.seq - b.seq);
  }

  matchKeys(keys: readonly string[], limit = 20): Map<string, StoredEntry[]> {
    const distinct = [...new Set(keys)];
    const out = new Map<string, StoredEntry[]>();
    if (distinct.length === 0) return out;
    const rows = this.c.run(
      `SELECT m.key AS key, ${ENTRY_COLUMNS} FROM (
         SELECT k.key, k.entry, row_number() OVER (PARTITION BY k.key ORDER BY k.entry) AS n
         FROM entry_keys k WHERE k.key = ANY($1::text[])) m
       JOIN entries e ON e.rid = m.entry WHERE m.n <= $2 ORDER BY m.key, m.entry`,
      [pgTextArray(distinct), limit],
    );
    const parsed = new Map<number, StoredEntry>();
    for (const row of rows) {
      const stored = parsed.get(ridOf(row)) ?? storedEntry(row);
      parsed.set(ridOf(row), stored);
      const key = String(row.key);
      out.set(key, [...(out.get(key) ?? []), stored]);
    }
    return out;
  }

  entriesOfStory(story: string): StoredEntry[] {
    return this.entries(
      'WHERE e.story = $1 OR (e.id = $1 AND e.story IS NULL) ORDER BY e.day, e.seq',
      [story],
    );
  }

  documentTagLinesOfDay(day: string): string[] {
    return this.c
      .run('SELECT line FROM day_tag_lines WHERE day = $1 ORDER BY position', [day])
      .map((r) => String(r.line));
  }

  publishedPost(day: string, target: string): PublishedPost | null {
    return this.published.get(day, target);
  }

  recordPublished(post: PublishedPost): void {
    this.published.record(post);
  }

  filedDays(): FiledDay[] {
    return this.c
      .run('SELECT day, entry_count FROM days WHERE entry_count > 0 ORDER BY day DESC')
      .map((r) => ({ day: String(r.day), entries: Number(r.entry_count) }));
  }

  removeEntry(id: string): boolean {
    return this.writer.removeEntry(id);
  }

  reorderDay(day: string, ids: readonly string[]): boolean {
    return this.writer.reorderDay(day, ids);
  }

  personNames(): PersonName[] {
    return this.c
      .run(
        `SELECT p.name AS name,
           (SELECT count(*) FROM entry_persons ep WHERE ep.person = p.id
             AND ep.role = 'speaker' AND ep.source = 'summary')::int AS quoted
         FROM persons p WHERE EXISTS (SELECT 1 FROM entry_persons ep WHERE ep.person = p.id)
         ORDER BY quoted DESC, p.name COLLATE "C"`,
      )
      .map((r) => ({ name: String(r.name), quoted: Number(r.quoted) }));
  }

  daysNaming(query: NameQuery): DayTally[] {
    return this.c
      .run(
        `SELECT e.day AS day, count(*)::int AS count FROM entries e
         WHERE e.rid IN (${NAMING}) GROUP BY e.day ORDER BY e.day`,
        [pgTextArray(query.names), query.quotedOnly ? 1 : 0],
      )
      .map(tally);
  }

  entriesNaming(query: NameQuery, limit: number): StoredEntry[] {
    return this.entries(`WHERE e.rid IN (${NAMING}) ORDER BY e.day DESC, e.seq DESC LIMIT $3`, [
      pgTextArray(query.names),
      query.quotedOnly ? 1 : 0,
      limit,
    ]);
  }

  tagDays(tag: string): DayTally[] {
    return this.c
      .run(
        `SELECT e.day AS day, count(*)::int AS count FROM entries e
         WHERE e.rid IN (${TAGGED}) GROUP BY e.day ORDER BY e.day`,
        [tag],
      )
      .map(tally);
  }

  entriesOfTag(tag: string, limit: number): StoredEntry[] {
    return this.entries(`WHERE e.rid IN (${TAGGED}) ORDER BY e.day DESC, e.seq DESC LIMIT $2`, [
      tag,
      limit,
    ]);
  }

  /** Reads in pages of 500 by (day, seq), so other calls can run while iterating. */
  *allEntries(): IterableIterator<StoredEntry> {
    for (const page of this.pages()) yield* page.map(storedEntry);
  }

  *allEntryRecords(): IterableIterator<EntryRecord> {
    for (const page of this.pages()) {
      const rids = `{${page.map(ridOf).join(',')}}`;
      const keys = new Map<number, string[]>();
      for (const r of this.c.run(
        `SELECT entry, key FROM entry_keys WHERE entry = ANY($1::bigint[]) ORDER BY key COLLATE "C"`,
        [rids],
      ))
        keys.set(Number(r.entry), [...(keys.get(Number(r.entry)) ?? []), String(r.key)]);
      const people = new Map<number, { speakers: string[]; mentions: string[] }>();
      for (const r of this.c.run(
        `SELECT ep.entry AS entry, p.name AS name, ep.role AS role FROM entry_persons ep
         JOIN persons p ON p.id = ep.person
         WHERE ep.entry = ANY($1::bigint[]) AND ep.source = 'text' ORDER BY p.name COLLATE "C"`,
        [rids],
      )) {
        const of = people.get(Number(r.entry)) ?? { speakers: [], mentions: [] };
        (r.role === 'speaker' ? of.speakers : of.mentions).push(String(r.name));
        people.set(Number(r.entry), of);
      }
      for (const row of page)
        yield {
          stored: storedEntry(row),
          keys: keys.get(ridOf(row)) ?? [],
          people: people.get(ridOf(row)) ?? { speakers: [], mentions: [] },
        };
    }
  }

  allDays(): DayRecord[] {
    const lines = new Map<string, string[]>();
    for (const r of this.c.run('SELECT day, line FROM day_tag_lines ORDER BY day, position'))
      lines.set(String(r.day), [...(lines.get(String(r.day)) ?? []), String(r.line)]);
    return this.c
      .run(
        `SELECT day FROM days WHERE entry_count > 0
           OR EXISTS (SELECT 1 FROM day_tag_lines t WHERE t.day = days.day) ORDER BY day`,
      )
      .map((r) => ({ day: String(r.day), documentTagLines: lines.get(String(r.day)) ?? [] }));
  }

  allPublishedPosts(): PublishedPost[] {
    return this.published.all();
  }

  stats(): ArchiveStats {
    const totals = this.c.run(
      `SELECT coalesce(sum(entry_count), 0)::int AS entries, count(*)::int AS days,
         coalesce(sum(summary_line_count), 0)::int AS lines, min(day) AS first, max(day) AS last
       FROM days WHERE entry_count > 0`,
    )[0] as PgRow;
    const tags = this.c
      .run('SELECT tag, entry_count FROM tags ORDER BY entry_count DESC, tag COLLATE "C"')
      .map((r) => ({ tag: String(r.tag), count: Number(r.entry_count) }));
    const handles = this.c
      .run('SELECT handle, entry_count FROM handles ORDER BY entry_count DESC, handle COLLATE "C"')
      .map((r) => ({ handle: String(r.handle), count: Number(r.entry_count) }));
    const bytes = this.c.value(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::float8 AS n FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
    );
    return {
      entries: Number(totals.entries),
      days: Number(totals.days),
      summaryLines: Number(totals.lines),
      tags,
      handles,
      firstDay: totals.first === null ? null : String(totals.first),
      lastDay: totals.last === null ? null : String(totals.last),
      bytesOnDisk: Number(bytes ?? 0),
    };
  }

  /**
   * Champion lists for ranking common words and the dense terms' sets for counting them, in
   * one pass over the entries; then the planner's statistics.
   */
  optimize(): OptimizeReport {
    const entries = this.searcher.entryCount();
    const o = this.denseOptions;
    const through = beginPgDenseBuild(this.c);
    const dense = new DenseSetBuilder(
      minePgDenseTerms(this.c, entries, o),
      fileBlockSpill(tmpdir()),
    );
    try {
      buildPgChampions(this.c, PG_CHAMPION_MIN_DF, (rid, sections) => {
        if (rid <= through) dense.add(rid, sections);
      });
      const thresholds = denseThresholds(entries, o);
      addPgFilterSets(this.c, dense, thresholds.filters, through);
      storePgDenseSets(this.c, dense, thresholds);
    } finally {
      dense.close();
    }
    // VACUUM cannot run inside a transaction; each call is its own.
    this.c.query(
      'VACUUM (ANALYZE) entries, entry_search, entry_tokens, entry_tags, entry_persons, entry_keys, rank_champions, days, meta',
    );
    return { vacuumed: true };
  }

  check(): ArchiveCheck[] {
    return checkPostgresArchive(this.c);
  }

  /**
   * A consistent copy as a SQLite archive file at `path`: every record read in one
   * repeatable-read snapshot, filed with its place, keys, people and story, as an archive dump
   * restores them. `kirinuki backup` of a PostgreSQL archive thus gives a file any kirinuki
   * opens; for the server itself, pg_dump is the tool.
   */
  async backup(path: string): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    const copy = openSqliteArchive(path);
    try {
      this.c.readSnapshot(() => copyInto(copy, this));
    } catch (e) {
      throw new KirinukiError('archive', `backup of ${this.c.where} to ${path} failed`, {
        cause: e,
      });
    } finally {
      copy.close();
    }
    await Promise.resolve();
  }

  transaction<T>(work: () => T): T {
    return this.c.transaction(work);
  }

  recordAudit(records: readonly AuditInput[]): void {
    this.c.transaction(() => writeAuditRecords(this.c, records));
  }

  close(): void {
    this.c.close();
  }

  private entries(where: string, params: (string | number)[]): StoredEntry[] {
    return this.c.run(`SELECT ${ENTRY_COLUMNS} FROM entries e ${where}`, params).map(storedEntry);
  }

  /** Every entry row in pages of 500 by (day, seq). */
  private *pages(): IterableIterator<PgRow[]> {
    let day = '';
    let seq = -1;
    for (;;) {
      const rows = this.c.run(
        `SELECT ${ENTRY_COLUMNS} FROM entries e WHERE (e.day, e.seq) > ($1, $2)
         ORDER BY e.day, e.seq LIMIT 500`,
        [day, seq],
      );
      if (rows.length > 0) yield rows;
      const last = rows[rows.length - 1];
      if (!last || rows.length < 500) return;
      day = String(last.day);
      seq = Number(last.seq);
    }
  }

  private compile(
    query: string,
    expandTerm?: (term: string) => string[],
  ): Result<CompiledPgQuery, QueryError> {
    const parsed = parseQuery(query);
    if (!parsed.ok) return err(parsed.error);
    const personIds = (norms: readonly string[]): number[] =>
      this.c
        .run(
          `SELECT p.id FROM persons p WHERE EXISTS (
             SELECT 1 FROM unnest($1::text[]) AS q (norm) WHERE strpos(p.norm, q.norm) > 0)`,
          [pgTextArray(norms)],
        )
        .map((r) => Number(r.id));
    const options = { expandTerm, personIds };
    return ok({ parsed: parsed.value, options, query: compilePgQuery(parsed.value, options) });
  }
}

/** A date-ordered search lists every match from the sets when there are at most this many. */
const LISTED_BY_DATE_AT_MOST = 20_000;

/**
 * What the dense sets tell a search of its matches, when they answer the whole query: its
 * total, and its newest matches (ranked) or all of them (newest posts first, when few) — a
 * common word's or a large filter's matches are most of the archive, which the index would
 * read. `undefined` when they do not answer it.
 */
function knownFromSets(
  q: CompiledPgQuery,
  source: DenseCountSource,
  sets: DenseSnapshot | null,
  o: PgSearchOptions,
): PgSearchOptions['known'] {
  const total = countWithDenseSets(q.parsed, source, sets, true);
  if (total === null) return undefined;
  if (o.sort === 'rank' && q.query.highlight.length > 0) {
    const newest = newestWithDenseSets(q.parsed, source, sets, newestAsked(o));
    return newest === null ? { total } : { total, newest };
  }
  const all =
    total <= LISTED_BY_DATE_AT_MOST ? newestWithDenseSets(q.parsed, source, sets, total) : null;
  return all === null ? { total } : { total, newest: all, all: true };
}

/** A query parsed, and compiled with the options it was compiled with. */
interface CompiledPgQuery {
  parsed: ParsedQuery;
  options: PgQueryOptions;
  query: PgQuery;
}

/** Entries filing any of the names ($1, a text[]): quoted in a summary line ($2 = 1), or at all. */
const NAMING = `SELECT DISTINCT ep.entry FROM persons p JOIN entry_persons ep ON ep.person = p.id
  WHERE p.name = ANY($1::text[]) AND ($2 = 0 OR (ep.role = 'speaker' AND ep.source = 'summary'))`;

/** Entries with a summary line of tag $1, as written. */
const TAGGED = 'SELECT et.entry FROM tags t JOIN entry_tags et ON et.tag = t.id WHERE t.tag = $1';

function tally(r: PgRow): DayTally {
  return { day: String(r.day), count: Number(r.count) };
}

/** Files every record of `from` into `to`, a day's records of one source a batch, as a restore does. */
function copyInto(to: Archive, from: Archive): void {
  const lines = new Map(from.allDays().map((d) => [d.day, d.documentTagLines]));
  let batch: Required<ImportBatch> | null = null;
  for (const { stored, keys, people } of from.allEntryRecords()) {
    if (batch === null || batch.day !== stored.day || batch.source !== stored.source) {
      if (batch !== null) to.importBatch(batch);
      batch = restoreBatch(stored.day, stored.source, lines.get(stored.day) ?? []);
      lines.delete(stored.day);
    }
    const id = stored.entry.id;
    batch.entries.push(stored.entry);
    batch.seqs[id] = stored.seq;
    batch.keys[id] = keys;
    batch.people[id] = people;
    batch.stories[id] = stored.story;
  }
  if (batch !== null) to.importBatch(batch);
  // Days whose entries were all removed keep their document tag lines.
  for (const [day, documentTagLines] of lines)
    to.importBatch({ source: 'backup', day, entries: [], documentTagLines });
  for (const post of from.allPublishedPosts()) to.recordPublished(post);
}

function restoreBatch(day: string, source: string, lines: string[]): Required<ImportBatch> {
  return {
    source,
    day,
    entries: [],
    documentTagLines: lines,
    // Without a prototype: an entry id may be `__proto__`.
    seqs: Object.create(null) as Record<string, number>,
    keys: Object.create(null) as Record<string, string[]>,
    people: Object.create(null) as Record<string, EntryRecord['people']>,
    stories: Object.create(null) as Record<string, string>,
    replaces: {},
    storyMerges: [],
  };
}
