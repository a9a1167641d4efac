import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { checkSqliteArchive } from './doctor.js';
import { err, KirinukiError, ok, type Entry, type Result } from '../../model/index.js';
import type {
  Archive,
  ArchiveCheck,
  ArchiveStats,
  CountOptions,
  DayRecord,
  DayTally,
  DerivedData,
  EntryRecord,
  FiledDay,
  ImportBatch,
  ImportGroup,
  ImportGroups,
  ImportReport,
  NameQuery,
  OptimizeOptions,
  OptimizeReport,
  PersonName,
  PublishedPost,
  SearchOptions,
  SearchResults,
  StoredEntry,
} from '../archive.js';
import { sectionsText } from '../fulltext/entry-text.js';
import { normaliseForMatch } from '../../text/index.js';
import { parseQuery } from '../query/parse-query.js';
import type { QueryError } from '../query/query-ast.js';
import { compileQuery, CONTAINS_FUNCTION, type QueryLookups } from './compile-query.js';
import { countWithDenseSets } from '../fulltext/dense-count.js';
import { sqliteDenseSource } from './dense-count.js';
import { fileBlockSpill } from '../block-spill.js';
import { DenseSetBuilder } from '../fulltext/dense-set-builder.js';
import { addFilterSets, DenseTermSets, mineDenseTerms, storeDenseSets } from './dense-terms.js';
import {
  DEFAULT_DENSE_TERM_OPTIONS,
  denseThresholds,
  type DenseTermOptions,
} from '../fulltext/dense-terms.js';
import { Importer } from './import-batch.js';
import { DerivedUpdater } from './update-derived.js';
import { EntryDropper } from './drop-entry.js';
import { EntryRecords } from './entry-records.js';
import { FiledDays } from './filed-days.js';
import { NameTagCounts } from './name-tag-counts.js';
import { DayOrder } from './reorder-day.js';
import { Updater } from './update-entries.js';
import { checkSchema, migrate } from './migrations.js';
import { PAGE_SIZE, vacuumFile } from './vacuum-file.js';
import { BULK_CACHE_KIB, setPragmas, SharedPragmas, TEMP_STORE_FILE } from './pragmas.js';
import { checkNormalisation, renormalise } from './renormalise.js';
import { rankedSearch } from './ranked-search.js';
import { buildChampions, CHAMPION_MIN_DF, ChampionLists, refreshChampions } from './champions.js';
import { PersonNames } from './person-names.js';
import { PublishedPosts } from './published-posts.js';
import { QueryRunner } from './run-query.js';
import { ENTRY_COLUMNS, ENTRY_TABLES, EntryCandidate, storedEntry, type EntryRow } from './rows.js';
import { decodeEntrySections } from './entry-docs.js';
import { archiveStats } from './stats.js';

export interface SqliteArchiveOptions {
  /** Open without writing: no migrations, imports fail. */
  readonly?: boolean;
  /** SQLite page cache in MiB; default 64. */
  cacheMiB?: number;
  /** Memory-mapped I/O in MiB; default 256 (0 turns it off). */
  mmapMiB?: number;
  /**
   * How many of a query's newest matches `search` always scores, besides the champions of its
   * terms; default 100 (see `ranked-search.ts`).
   */
  rankCandidates?: number;
  /** How long a write waits for another process's lock before it fails busy; default 5000 ms. */
  busyTimeoutMs?: number;
  /**
   * Told, as an import indexes each entry, how many units of text it indexed: indexing makes
   * garbage in proportion to the text, which a bulk caller may want to pace collections by.
   */
  onIndexed?: (units: number) => void;
  /**
   * Which words and filters `optimize()` keeps sets of, for fast counts
   * (`fulltext/dense-terms.ts`); by default words held by at least 5,000 entries and 5 % of the
   * archive, at most 512, and tags, authors and speakers of at least 5,000 entries and 1 %.
   */
  denseTerms?: Partial<DenseTermOptions>;
}

/**
 * Opens (creating if needed) the archive in one SQLite file: WAL journal, foreign keys on,
 * schema migrated to the current version, and the search index normalised again if it was
 * built by older normalisation rules (`renormalise`).
 *
 * @example
 * const archive = openSqliteArchive(defaultArchivePath());
 * archive.importBatch({ source: 'digest.txt', day: '2024-01-18', entries, documentTagLines: [] });
 * const r = archive.search('停戦 from:@ReutersJapan');
 * archive.close();
 */
export function openSqliteArchive(path: string, options: SqliteArchiveOptions = {}): Archive {
  // Processes opening a new archive at the same moment meet SQLITE_BUSY where SQLite does not
  // wait (turning on WAL, reading the schema while another process converts the file): the
  // whole open — configure, migrate, renormalise, each safe to repeat — is tried again until
  // the busy timeout.
  const deadline = Date.now() + Math.max(0, options.busyTimeoutMs ?? 5000);
  for (;;) {
    try {
      return openOnce(path, options);
    } catch (e) {
      if (!isBusy(e) || Date.now() >= deadline) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}

/** Whether an error, or one of its causes, is SQLite's "database is locked" (any SQLITE_BUSY_*). */
function isBusy(e: unknown): boolean {
  for (let x = e; x instanceof Error; x = x.cause)
    if (String((x as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return true;
  return false;
}

function openOnce(path: string, options: SqliteArchiveOptions): Archive {
  let db: Database.Database;
  try {
    if (path !== ':memory:' && path !== '' && !options.readonly)
      mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly: options.readonly ?? false });
  } catch (e) {
    throw new KirinukiError('archive', `cannot open ${path}`, { cause: e });
  }
  try {
    configure(db, path, options);
    if (options.readonly) {
      checkSchema(db);
      checkNormalisation(db);
    } else {
      migrate(db);
      renormalise(db);
    }
    // Mapped only now: a migration writes every page of the archive once, and pages written
    // through the map stay resident (the 100,000-entry migration 6 peaked at 608 MB with it).
    db.pragma(`mmap_size = ${1024 * 1024 * (options.mmapMiB ?? 256)}`);
    const dense = { ...DEFAULT_DENSE_TERM_OPTIONS, ...options.denseTerms };
    return new SqliteArchive(db, path, options.rankCandidates ?? 100, dense, options.onIndexed);
  } catch (e) {
    db.close();
    throw e instanceof KirinukiError
      ? e
      : new KirinukiError('archive', `cannot open ${path}`, { cause: e });
  }
}

function configure(db: Database.Database, path: string, options: SqliteArchiveOptions): void {
  // Stored entries are 1–3 KB (entry-docs.ts): 4 KiB pages hold one and leave the rest of the
  // page empty, 8 KiB pages hold three or four (entry_docs 16 % smaller, benchmark corpus).
  // Only a new file takes it; an existing archive keeps its page size.
  if (!options.readonly) db.pragma(`page_size = ${PAGE_SIZE}`);
  if (path !== ':memory:' && !options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  db.pragma(`cache_size = ${-1024 * (options.cacheMiB ?? 64)}`);
  db.pragma('temp_store = MEMORY');
  db.function(CONTAINS_FUNCTION, { deterministic: true }, (doc: unknown, term: unknown) => {
    const text = sectionsText(decodeEntrySections(doc));
    return normaliseForMatch(text).includes(String(term)) ? 1 : 0;
  });
}

class SqliteArchive implements Archive, ImportGroups {
  private readonly importer: Importer;
  private readonly updater: Updater;
  private readonly derived: DerivedUpdater;
  private readonly runner: QueryRunner;
  private readonly champions: ChampionLists;
  private readonly dense: DenseTermSets;
  private readonly byId: Database.Statement;
  private readonly byIdFrom: Database.Statement;
  private readonly ofDay: Database.Statement;
  private readonly tagLines: Database.Statement;
  private readonly after: Database.Statement;
  private readonly ofDays: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly byKeys: Database.Statement;
  private readonly ofStory: Database.Statement;

  private readonly byRowids: Database.Statement;
  private readonly persons: PersonNames;
  private readonly published: PublishedPosts;
  private readonly days: FiledDays;
  private readonly counts: NameTagCounts;
  private readonly dropper: EntryDropper;
  private readonly order: DayOrder;
  private readonly records: EntryRecords;
  /**
   * A stream over every entry reads each page once: through the 256 MiB memory map, the pages
   * read stayed resident (a dump of a million entries peaked at 507 MB of RSS, 202 MB without).
   */
  private readonly wholeReads: SharedPragmas;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly rankCandidates: number,
    private readonly denseOptions: DenseTermOptions,
    onIndexed?: (units: number) => void,
  ) {
    this.dense = new DenseTermSets(db);
    this.importer = new Importer(db, onIndexed);
    this.updater = new Updater(db);
    this.derived = new DerivedUpdater(db);
    this.runner = new QueryRunner(db);
    this.champions = new ChampionLists(db);
    this.persons = new PersonNames(db);
    this.published = new PublishedPosts(db);
    this.days = new FiledDays(db);
    this.counts = new NameTagCounts(db);
    this.dropper = new EntryDropper(db);
    this.order = new DayOrder(db);
    this.records = new EntryRecords(db);
    this.wholeReads = new SharedPragmas(db, { cache_size: BULK_CACHE_KIB, mmap_size: 0 });
    this.byId = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_TABLES} WHERE e.id = ?`);
    this.byRowids = db.prepare(
      `SELECT ${ENTRY_COLUMNS}, e.date AS date FROM json_each(?) j JOIN entries e ON e.rowid = j.value
       JOIN entry_docs d ON d.entry = e.rowid`,
    );
    this.byIdFrom = db.prepare(
      `SELECT ${ENTRY_COLUMNS}, e.id AS id FROM ${ENTRY_TABLES} WHERE e.id >= ? ORDER BY e.id LIMIT 2`,
    );
    this.ofDay = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_TABLES} WHERE e.day = ? ORDER BY e.seq`,
    );
    this.tagLines = db
      .prepare('SELECT line FROM day_tag_lines WHERE day = ? ORDER BY position')
      .pluck();
    this.ofDays = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_TABLES} WHERE e.day BETWEEN ? AND ? ORDER BY e.day, e.seq`,
    );
    this.byKey = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM entry_keys k JOIN entries e ON e.rowid = k.entry
       JOIN entry_docs d ON d.entry = e.rowid WHERE k.key = ? LIMIT ?`,
    );
    // One look-up for many keys: the primary key serves each value of the list, and the
    // window keeps a key shared by thousands of entries (a common opening) to `limit`.
    this.byKeys = db.prepare(
      `SELECT m.key AS key, ${ENTRY_COLUMNS} FROM (
         SELECT k.key AS key, k.entry AS entry,
           row_number() OVER (PARTITION BY k.key ORDER BY k.entry) AS n
         FROM json_each(?) j JOIN entry_keys k ON k.key = j.value) m
       JOIN entries e ON e.rowid = m.entry JOIN entry_docs d ON d.entry = e.rowid
       WHERE m.n <= ?`,
    );
    this.ofStory = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_TABLES} WHERE e.rowid IN (
         SELECT rowid FROM entries WHERE story = @story
         UNION SELECT rowid FROM entries WHERE id = @story AND story IS NULL)
       ORDER BY e.day, e.seq`,
    );
    this.after = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_TABLES} WHERE (e.day, e.seq) > (?, ?) ORDER BY e.day, e.seq LIMIT ?`,
    );
  }

  importBatch(batch: ImportBatch): ImportReport {
    return this.importBatches([batch]);
  }

  importBatches(batches: readonly ImportBatch[]): ImportReport {
    return this.importer.importBatches(batches);
  }

  openImportGroup(): ImportGroup {
    return this.importer.openGroup();
  }

  updateEntries(entries: readonly Entry[]): number {
    return this.updater.updateEntries(entries);
  }

  updateDerived(rows: readonly DerivedData[]): number {
    return this.derived.updateDerived(rows);
  }

  findEntry(idOrPrefix: string): StoredEntry | null {
    const exact = this.byId.get(idOrPrefix) as EntryRow | undefined;
    if (exact) return storedEntry(exact);
    const heir = this.byKey.get(`id:${idOrPrefix}`, 1) as EntryRow | undefined;
    if (heir) return storedEntry(heir);
    if ([...idOrPrefix].length < 6) return null;
    const rows = (this.byIdFrom.all(idOrPrefix) as (EntryRow & { id: string })[]).filter((r) =>
      r.id.startsWith(idOrPrefix),
    );
    return rows.length === 1 ? storedEntry(rows[0] as EntryRow) : null;
  }

  search(query: string, options: SearchOptions = {}): Result<SearchResults, QueryError> {
    const parsed = parseQuery(query);
    if (!parsed.ok) return err(parsed.error);
    const lookups = this.lookups(options.expandTerm);
    const compiled = compileQuery(parsed.value, lookups);
    const o = {
      limit: options.limit ?? 20,
      offset: options.offset ?? 0,
      totalLimit: options.totalLimit ?? 1000,
      candidates: this.rankCandidates,
      rankedEntries: options.rankedEntries ?? 0,
      sort: options.sort ?? 'rank',
    };
    const fetch = (rowids: readonly number[]): Map<number, EntryCandidate> => this.fetch(rowids);
    if (o.sort === 'rank') this.refreshChampions();
    return ok(
      this.guard(query, () =>
        this.runner.answering(() => {
          const results = rankedSearch(this.runner, fetch, this.champions, compiled, o);
          if (results.totalExact) return results;
          // Beyond totalLimit the total is an estimate; the dense sets, where the query's
          // words and filters have them, give it exactly in a millisecond or so.
          const sets = this.dense.snapshot();
          const source = sqliteDenseSource(this.runner, lookups, parsed.value, compiled);
          const exact = countWithDenseSets(parsed.value, source, sets, true);
          return exact === null ? results : { ...results, total: exact, totalExact: true };
        }),
      ),
    );
  }

  count(query: string, options: CountOptions = {}): Result<number, QueryError> {
    const parsed = parseQuery(query);
    if (!parsed.ok) return err(parsed.error);
    const lookups = this.lookups(options.expandTerm);
    const compiled = compileQuery(parsed.value, lookups);
    return ok(
      this.guard(query, () =>
        this.runner.answering(
          () =>
            countWithDenseSets(
              parsed.value,
              sqliteDenseSource(this.runner, lookups, parsed.value, compiled),
              this.dense.snapshot(),
            ) ?? this.runner.count(compiled),
        ),
      ),
    );
  }

  entriesOfDay(day: string): StoredEntry[] {
    return (this.ofDay.all(day) as EntryRow[]).map(storedEntry);
  }

  entriesOfDays(from: string, to: string): StoredEntry[] {
    return (this.ofDays.all(from, to) as EntryRow[]).map(storedEntry);
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
    const parsed = new Map<number, StoredEntry>();
    for (const row of this.byKeys.all(JSON.stringify(distinct), limit) as (EntryRow & {
      key: string;
    })[]) {
      const stored = parsed.get(row.rowid) ?? storedEntry(row);
      parsed.set(row.rowid, stored);
      out.set(row.key, [...(out.get(row.key) ?? []), stored]);
    }
    return out;
  }

  entriesOfStory(story: string): StoredEntry[] {
    return (this.ofStory.all({ story }) as EntryRow[]).map(storedEntry);
  }

  documentTagLinesOfDay(day: string): string[] {
    return this.tagLines.all(day) as string[];
  }

  publishedPost(day: string, target: string): PublishedPost | null {
    return this.published.get(day, target);
  }

  recordPublished(post: PublishedPost): void {
    this.published.record(post);
  }

  filedDays(): FiledDay[] {
    return this.days.all();
  }

  removeEntry(id: string): boolean {
    return this.dropper.drop(id);
  }

  reorderDay(day: string, ids: readonly string[]): boolean {
    return this.order.reorder(day, ids);
  }

  personNames(): PersonName[] {
    return this.counts.personNames();
  }

  daysNaming(query: NameQuery): DayTally[] {
    return this.counts.daysNaming(query);
  }

  entriesNaming(query: NameQuery, limit: number): StoredEntry[] {
    return this.counts.entriesNaming(query, limit);
  }

  tagDays(tag: string): DayTally[] {
    return this.counts.tagDays(tag);
  }

  entriesOfTag(tag: string, limit: number): StoredEntry[] {
    return this.counts.entriesOfTag(tag, limit);
  }

  /**
   * Reads in pages of 500 by (day, seq), so the connection stays usable while iterating; as
   * every whole-archive stream, without the memory map and with a bulk pass's page cache.
   */
  allEntries(): IterableIterator<StoredEntry> {
    return this.wholeReads.during(this.entryPages());
  }

  private *entryPages(): IterableIterator<StoredEntry> {
    let day = '';
    let seq = -1;
    for (;;) {
      const rows = this.after.all(day, seq, 500) as EntryRow[];
      for (const row of rows) yield storedEntry(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < 500) return;
      day = last.day;
      seq = last.seq;
    }
  }

  allEntryRecords(): IterableIterator<EntryRecord> {
    return this.wholeReads.during(this.records.all());
  }

  allDays(): DayRecord[] {
    return this.records.allDays();
  }

  allPublishedPosts(): PublishedPost[] {
    return this.published.all();
  }

  stats(): ArchiveStats {
    return archiveStats(this.db, this.path);
  }

  check(): ArchiveCheck[] {
    return checkSqliteArchive(this.db);
  }

  async backup(path: string): Promise<void> {
    try {
      await this.db.backup(path);
    } catch (e) {
      throw new KirinukiError('archive', `backup of ${this.path} to ${path} failed`, { cause: e });
    }
  }

  optimize(options: OptimizeOptions = {}): OptimizeReport {
    // One pass over the whole file, each page read about once: through a small page cache, not
    // mapped, so that the pages read do not stay in the process (as fast; at 100,000 entries
    // 240 MB less without the map and 50 MB less with 16 MiB of cache instead of 64). Temporary
    // files on disk: replacing the sets in the pass's transaction keeps the old sets' pages in
    // a statement journal, which in memory added 190 MB at a million entries.
    const restore = setPragmas(this.db, {
      cache_size: BULK_CACHE_KIB,
      mmap_size: 0,
      temp_store: TEMP_STORE_FILE,
    });
    try {
      this.db.exec("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')");
      this.db.exec("INSERT INTO entries_chars (entries_chars) VALUES ('optimize')");
      this.db.exec('ANALYZE');
      this.buildSets();
      if (this.path !== ':memory:') this.db.pragma('wal_checkpoint(TRUNCATE)');
      return { vacuumed: options.vacuum === true && vacuumFile(this.db) };
    } catch (e) {
      throw new KirinukiError('archive', `optimize of ${this.path} failed`, { cause: e });
    } finally {
      restore();
    }
  }

  /**
   * The champion lists and the dense terms' sets, in one pass over the entries and one write
   * transaction: an entry removed or rewritten meanwhile by another process would otherwise be
   * missed by both (the sets' `dense_stale` starts empty when they are stored).
   */
  private buildSets(): void {
    this.db
      .transaction(() => {
        const entries = this.runner.entryCount();
        const dense = new DenseSetBuilder(
          mineDenseTerms(this.db, entries, this.denseOptions),
          // Beside the archive: its disk has room for what the sets add to it.
          fileBlockSpill(this.path === ':memory:' ? tmpdir() : dirname(resolve(this.path))),
        );
        try {
          buildChampions(this.db, CHAMPION_MIN_DF, (rowid, text) => dense.add(rowid, text));
          const thresholds = denseThresholds(entries, this.denseOptions);
          addFilterSets(this.db, dense, thresholds.filters);
          storeDenseSets(this.db, dense, thresholds);
        } finally {
          dense.close();
        }
      })
      .immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Entries filed since the champion lists were built or merged join them before a ranked
   * search (not at import, which stays as fast as it was): once per import, a fraction of a
   * second. A read-only archive, a write lock held elsewhere or too many new entries
   * (`optimize()` then) leave the lists as they are.
   */
  private refreshChampions(): void {
    if (this.db.readonly) return;
    try {
      refreshChampions(this.db);
    } catch {
      // Busy: the next search tries again; ranking works with the lists as they are.
    }
  }

  private fetch(rowids: readonly number[]): Map<number, EntryCandidate> {
    const rows = this.byRowids.all(JSON.stringify(rowids)) as (EntryRow & { date: string })[];
    return new Map(rows.map((r) => [r.rowid, new EntryCandidate(r)]));
  }

  private lookups(expandTerm?: (term: string) => string[]): QueryLookups {
    return { speakerIds: (norm) => this.persons.matching(norm), expandTerm };
  }

  /** Query text never reaches SQL unbound, so a failure here is a bug or a broken database. */
  private guard<T>(query: string, run: () => T): T {
    try {
      return run();
    } catch (e) {
      throw new KirinukiError('archive', `query failed: ${JSON.stringify(query)}`, { cause: e });
    }
  }
}
