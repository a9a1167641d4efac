import { KirinukiError, type Entry, type Result } from '../model/index.js';
import type { AuditInput } from './postgres/accounts.js';
import type { QueryError } from './query/query-ast.js';

/** An entry as the archive keeps it: the entry plus where and when it was filed. */
export interface StoredEntry {
  entry: Entry;
  /** The digest day the entry was filed under (`YYYY-MM-DD`). */
  day: string;
  /** Position of the entry within its day: filing order, unless the day was reordered. */
  seq: number;
  /** The source the entry was imported from (file path, URL, `-`). */
  source: string;
  /**
   * The story the entry belongs to: the id of the story's first entry, the entry's own id
   * when no other entry tells the same news.
   */
  story: string;
}

/** One file's worth of entries, imported all-or-nothing. */
export interface ImportBatch {
  source: string;
  /** The digest day the entries are filed under. */
  day: string;
  entries: Entry[];
  /** Document-level tag lines (`#NATOexpansion`), kept for the day's digest. */
  documentTagLines: string[];
  /**
   * People found in the entries' text by the annotation layer, by entry id: who is quoted
   * (`speaker:`, `person:`) and who is mentioned (`person:`). Names are stored as given; pass
   * the canonical name and the surface as written where they differ.
   */
  people?: Record<string, EntryPeople>;
  /**
   * Identity keys by entry id (see `identityOf` in ingest/dedupe): filed with the entry so
   * that a later capture of the same post or article is found by `findByKeys`.
   */
  keys?: Record<string, string[]>;
  /**
   * Entries already filed that entries of this batch supersede — the full text of a truncated
   * post, the article of a feed item, the digest's clip of a captured post — by the id of
   * the superseding entry (which may be its own id: a new version of an entry). The old
   * entries are removed and their ids become keys (`id:<old id>`) of the new one, so
   * `findEntry(oldId)` still finds it.
   */
  replaces?: Record<string, string[]>;
  /** Story ids by entry id; an entry not listed is a story of its own. */
  stories?: Record<string, string>;
  /** Stories joined by this batch: every entry filed under `from` moves to `to`. */
  storyMerges?: { from: string; to: string }[];
  /**
   * Positions within the day by entry id, for a restore (`kirinuki import` of an archive
   * dump): an entry listed takes this `seq` when no other entry of the day holds it, else the
   * next free one after the day's last; an entry not listed is filed after the day's last.
   */
  seqs?: Record<string, number>;
}

/**
 * A stored entry with what the archive derived and kept beside it: what an archive dump
 * (`kirinuki export --format jsonl`) writes so a restore needs no re-annotation.
 */
export interface EntryRecord {
  stored: StoredEntry;
  /** Its identity keys, sorted (`ImportBatch.keys`), `id:` keys of superseded entries included. */
  keys: string[];
  /** The people filed from its text (not its summary lines'), names sorted. */
  people: EntryPeople;
}

/** A day as the archive keeps it, with or without entries. */
export interface DayRecord {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Its document tag lines, in order. */
  documentTagLines: string[];
}

/** What `updateDerived` rewrites of one entry. */
export interface DerivedData {
  id: string;
  keys?: string[];
  people?: EntryPeople;
  /** The entry's story; its own id for a story of its own. */
  story?: string;
}

/** The people of one entry's text: quoted speakers and mentioned persons. */
export interface EntryPeople {
  speakers: string[];
  mentions: string[];
}

export interface ImportReport {
  /** Entries that were new. */
  inserted: number;
  /** Entries already in the archive (same id): importing twice is a no-op. */
  unchanged: number;
  /** Entries filed earlier that were superseded by a more complete copy (`replaces`). */
  replaced: number;
}

/** A highlighted excerpt: `[start, end)` UTF-16 ranges into `text` mark the matched terms. */
export interface Snippet {
  text: string;
  highlights: [number, number][];
  /**
   * Where `text` starts in `entrySearchText(entry)` (post, body and summary lines joined by
   * newlines), so a UI knows whether to show a leading `…`.
   */
  offset: number;
}

export interface SearchHit {
  stored: StoredEntry;
  score: number;
  snippet: Snippet;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /**
   * Count matches exactly up to this many (default 1,000). Beyond it, `total` is an estimate
   * and `totalExact` is false: counting a word found in most clips exactly costs as much as
   * the archive is large. `count()` is always exact.
   */
  totalLimit?: number;
  /**
   * The alternatives of a search term (aliases, spelling variants), the term included or not:
   * a term matches when any alternative does, a negated term excludes them all, and
   * `speaker:`/`person:` values are expanded too. The archive knows no names itself; callers
   * pass e.g. `(t) => aliasesOf(t, knowledge)`.
   */
  expandTerm?: (term: string) => string[];
  /**
   * Also give the stored entries of the best this many matches, from the first, in the order of
   * the results and without snippets (`SearchResults.ranked`): what a page's facets are counted
   * on, without cutting a snippet for every one of them.
   */
  rankedEntries?: number;
  /**
   * `rank` (default): best first, by BM25 over all matches blended with recency (the rule in
   * `fulltext/ranking.ts`); `date`: newest post date first. Filter-only queries are always by
   * date.
   */
  sort?: 'rank' | 'date';
}

/** What `count()` takes of `SearchOptions`. */
export type CountOptions = Pick<SearchOptions, 'expandTerm'>;

export interface SearchResults {
  /**
   * Matches for the query, not only those returned: exact when `totalExact`, else an estimate
   * (more than `SearchOptions.totalLimit`) from how densely the newest matches are filed.
   */
  total: number;
  /** False when there are more than `SearchOptions.totalLimit` matches. */
  totalExact: boolean;
  hits: SearchHit[];
  /** With `SearchOptions.rankedEntries`: the best matches' entries, in order. */
  ranked?: StoredEntry[];
}

/**
 * What an archive that versions its entries adds (PostgreSQL, where several curators and
 * servers share one archive): saving an edit only over the version it started from.
 */
export interface VersionedEntries {
  /** The entry's version (1 when filed, one more per rewrite), or null when there is none. */
  entryVersion(id: string): number | null;
  /**
   * `updateEntries`, but an entry listed in `versions` is saved only while its stored version
   * is still that one; a stale one throws `EntryVersionConflict` and nothing is stored.
   */
  updateEntriesIfUnchanged(
    entries: readonly Entry[],
    versions: ReadonlyMap<string, number>,
  ): number;
}

/**
 * Whether the archive versions its entries (see {@link VersionedEntries}).
 *
 * @example
 * if (hasEntryVersions(archive)) archive.updateEntriesIfUnchanged([entry], new Map([[entry.id, 3]]));
 */
export function hasEntryVersions(archive: Archive): archive is Archive & VersionedEntries {
  const a = archive as Partial<VersionedEntries>;
  return typeof a.entryVersion === 'function' && typeof a.updateEntriesIfUnchanged === 'function';
}

/**
 * What an archive that keeps the workbench's audit log in its own database adds (PostgreSQL,
 * whose account tables live beside the archive's): an edit and its audit records stored in one
 * transaction of the archive's connection, so neither is ever kept without the other.
 */
export interface AuditedTransactions {
  /**
   * Runs `work` in one transaction: every write inside it — the archive's own and
   * `recordAudit`'s — is stored together, or none when `work` throws. Nested calls join it.
   */
  transaction<T>(work: () => T): T;
  /**
   * Writes audit records on the archive's connection (`writeAuditRecords`): inside
   * `transaction`, with the edit they record. An author who is no longer a user throws
   * `AuditAuthorGone`, and the transaction stores nothing.
   */
  recordAudit(records: readonly AuditInput[]): void;
}

/**
 * Whether the archive can store an edit and its audit records in one transaction (see
 * {@link AuditedTransactions}).
 *
 * @example
 * if (hasAuditedTransactions(archive)) archive.transaction(() => { edit(); archive.recordAudit(records); });
 */
export function hasAuditedTransactions(archive: Archive): archive is Archive & AuditedTransactions {
  const a = archive as Partial<AuditedTransactions>;
  return typeof a.transaction === 'function' && typeof a.recordAudit === 'function';
}

/**
 * Several `importBatches` calls filed with one commit: a write transaction they all join.
 * `commit` stores every batch filed since the group opened; `rollback`, or a process that
 * ends before `commit`, stores none. A call that throws inside a group leaves it to be rolled
 * back. While a group is open, the connection's reads see what it filed.
 */
export interface ImportGroup {
  /** Entries filed in the group so far. */
  entries(): number;
  commit(): void;
  rollback(): void;
}

/** An archive that can file many small files with one commit (see {@link ImportGroup}). */
export interface ImportGroups {
  /**
   * Opens a group; `ArchiveBusyError` when another process holds the write lock. At most one
   * group is open at a time.
   */
  openImportGroup(): ImportGroup;
}

/**
 * Whether the archive can file many small files with one commit.
 *
 * @example
 * if (hasImportGroups(archive)) { const g = archive.openImportGroup(); file(); g.commit(); }
 */
export function hasImportGroups(archive: Archive): archive is Archive & ImportGroups {
  return typeof (archive as Partial<ImportGroups>).openImportGroup === 'function';
}

/** Whether a blog post is public or a draft, in the words of the WordPress REST API. */
export type PublishedStatus = 'draft' | 'publish';

/**
 * Where a day's digest was posted on a blog (`kirinuki publish`): what publishing the same
 * day again needs to update that post rather than add another.
 */
export interface PublishedPost {
  /** The digest day, `YYYY-MM-DD`. */
  day: string;
  /** The kind of blog: `hatena`, `wordpress`. */
  target: string;
  /** Which blog of that kind: its AtomPub collection, its site's REST root. */
  blog: string;
  /** The post's id on the blog: Hatena's entry id, WordPress's post id. */
  remoteId: string;
  /** Where the post is read and updated through the blog's API. */
  editUrl: string;
  /** The post's page on the blog, when the blog said. */
  url: string | null;
  status: PublishedStatus;
  /** When the post was first made (ISO 8601); kept while later publishing updates it. */
  firstPostedAt: string;
  /** When it was last posted or updated (ISO 8601). */
  lastPostedAt: string;
}

/** A filed day and how many entries it holds (`Archive.filedDays`). */
export interface FiledDay {
  /** `YYYY-MM-DD`. */
  day: string;
  entries: number;
}

/** A day and how many of some entries were filed under it. */
export interface DayTally {
  /** `YYYY-MM-DD`. */
  day: string;
  count: number;
}

/** A person's name as filed (`Archive.personNames`). */
export interface PersonName {
  /** As filed: a summary line's speaker as written, or a name found in the text. */
  name: string;
  /** Entries whose summary lines quote someone by this name (0: only found in the text). */
  quoted: number;
}

/** Entries filing any of these person names: quoted in a summary line, or named at all. */
export interface NameQuery {
  names: readonly string[];
  /** Only entries whose summary lines quote one of them (`speaker:` of the summary lines). */
  quotedOnly: boolean;
}

export interface ArchiveStats {
  entries: number;
  days: number;
  summaryLines: number;
  tags: { tag: string; count: number }[];
  handles: { handle: string; count: number }[];
  firstDay: string | null;
  lastDay: string | null;
  bytesOnDisk: number;
}

/**
 * The archive: every backend (SQLite by default, PostgreSQL for teams later) implements this and
 * passes the same contract suite (`test/contract/archive-contract.ts`).
 *
 * Expected failures (a malformed query) are `Result` values; unexpected ones throw
 * `KirinukiError('archive', …)`.
 */
export interface Archive {
  /** Stores a batch in one transaction: all of it or none of it. Idempotent per entry id. */
  importBatch(batch: ImportBatch): ImportReport;
  /**
   * Stores several batches — one file whose entries span several days — in one transaction:
   * all of them or none. The report adds up the batches'.
   */
  importBatches(batches: readonly ImportBatch[]): ImportReport;
  /**
   * Replaces stored entries (matched by id) with new versions — a tag renamed or merged — in
   * one transaction: their JSON, tags and tag counts, summary-line speakers and full-text row.
   * Where and when each was filed stays as imported. Ids not in the archive are skipped; returns
   * how many entries were replaced.
   */
  updateEntries(entries: readonly Entry[]): number;
  /**
   * Replaces what was derived from stored entries — identity keys, the people found in their
   * text, their story — in one transaction, for an archive filed before these existed or
   * after the rules that derive them changed. A field left out is kept as it is; ids not in
   * the archive are skipped. Returns how many entries were updated.
   */
  updateDerived(rows: readonly DerivedData[]): number;
  /**
   * An entry by its id, or by a unique prefix of at least 6 characters, or by the id of an
   * entry it superseded.
   */
  findEntry(idOrPrefix: string): StoredEntry | null;
  /**
   * Ranked search with snippets; the query syntax is in docs/format.md and `parseQuery`. A
   * malformed query is an error value with the character offset of the fault.
   */
  search(query: string, options?: SearchOptions): Result<SearchResults, QueryError>;
  /** Number of entries matching the query, without ranking or snippets. */
  count(query: string, options?: CountOptions): Result<number, QueryError>;
  /** A day's entries in filing order. */
  entriesOfDay(day: string): StoredEntry[];
  /** The entries filed from day `from` to day `to` (both included), by day then filing order. */
  entriesOfDays(from: string, to: string): StoredEntry[];
  /**
   * Entries filed with any of these identity keys (see `ImportBatch.keys`), each once, at most
   * `limit` (default 20) times the number of keys: candidates for "already in the archive",
   * to be confirmed by the caller.
   */
  findByKeys(keys: readonly string[], limit?: number): StoredEntry[];
  /**
   * For each of these keys that any entry is filed with, those entries (at most `limit`,
   * default 20, per key): the same look-up as `findByKeys` for a whole batch at once, saying
   * which key found which entry.
   */
  matchKeys(keys: readonly string[], limit?: number): Map<string, StoredEntry[]>;
  /** The entries of a story, by day then filing order. */
  entriesOfStory(story: string): StoredEntry[];
  /** The document-level tag lines filed for a day, in order, without duplicates. */
  documentTagLinesOfDay(day: string): string[];
  /** Where the day's digest was posted on this kind of blog, or null if it never was. */
  publishedPost(day: string, target: string): PublishedPost | null;
  /**
   * Remembers where a day's digest was posted, replacing what was remembered for the same day
   * and target. `firstPostedAt` stays as first recorded while the post (blog and remote id)
   * is the same one; a different post replaces it.
   */
  recordPublished(post: PublishedPost): void;
  /** The days with entries filed, newest first, each with how many (the curator's day list). */
  filedDays(): FiledDay[];
  /**
   * Removes one entry, by its exact id, in one transaction: its stored JSON, tags, people,
   * identity keys and full-text row, and what it added to the counts (`stats`, `tag:`). The
   * other entries of its story stay in that story. False when there is no such entry.
   */
  removeEntry(id: string): boolean;
  /**
   * Puts a day's entries in a new digest order: `ids` must name every entry filed under the
   * day exactly once; each entry's `seq` becomes its position, so every by-day read
   * (`entriesOfDay`, `allEntries`, the digest) follows the order. False, changing nothing,
   * when `ids` are not exactly the day's entries.
   */
  reorderDay(day: string, ids: readonly string[]): boolean;
  /**
   * Every person name the archive files — summary-line speakers as written and the people
   * found in the text — with how many entries quote it in a summary line; most quoted first.
   */
  personNames(): PersonName[];
  /** How many entries filing any of the names each day holds, oldest day first. */
  daysNaming(query: NameQuery): DayTally[];
  /** The newest entries filing any of the names, newest day first, at most `limit`. */
  entriesNaming(query: NameQuery, limit: number): StoredEntry[];
  /** How many entries with a summary line of this tag each day holds, oldest day first. */
  tagDays(tag: string): DayTally[];
  /** The newest entries with a summary line of this tag, newest day first, at most `limit`. */
  entriesOfTag(tag: string, limit: number): StoredEntry[];
  /** Every entry, by day then filing order; streams, so it works on a million entries. */
  allEntries(): IterableIterator<StoredEntry>;
  /**
   * Every entry with its identity keys and the people filed from its text, by day then
   * filing order; streams like `allEntries`. What an archive dump is written from.
   */
  allEntryRecords(): IterableIterator<EntryRecord>;
  /**
   * Every day the archive holds — those whose entries were all removed too, when they keep
   * document tag lines — oldest first, with its document tag lines.
   */
  allDays(): DayRecord[];
  /** Every remembered blog post of a day's digest (`recordPublished`), by day then target. */
  allPublishedPosts(): PublishedPost[];
  stats(): ArchiveStats;
  /**
   * Compacts the full-text index and refreshes the query planner's statistics. Searches are
   * correct without it; after a large import they are faster with it (for SQLite, about twice
   * as fast on common words). Takes a while: seconds per 100,000 entries.
   */
  optimize(options?: OptimizeOptions): OptimizeReport;
  /**
   * Checks the archive's consistency (`kirinuki doctor`): storage integrity, the search index
   * against the entries, partial entries, the counts kept per day, tag and account. Read-only.
   */
  check(): ArchiveCheck[];
  /**
   * Writes a consistent copy of the whole archive to `path` (a new file), while other
   * processes may go on writing to it.
   */
  backup(path: string): Promise<void>;
  /** Closes the archive; closing twice is harmless. */
  close(): void;
}

/**
 * Another process held the archive's write lock for longer than the archive waits (a large
 * import running beside this one): nothing of this write was stored, and trying again later
 * may succeed.
 */
/** What `optimize` does besides compacting the index and refreshing statistics. */
export interface OptimizeOptions {
  /**
   * Give the space freed by deletions and migrations back to the file system. SQLite: `VACUUM`
   * (it writes a copy of the archive first, and needs the archive to itself to bring it to
   * 8 KiB pages); PostgreSQL vacuums every time.
   */
  vacuum?: boolean;
}

export interface OptimizeReport {
  /** Whether the freed space was given back. */
  vacuumed: boolean;
}

export class ArchiveBusyError extends KirinukiError {
  constructor(what: string, options?: { cause?: unknown }) {
    super(
      'archive',
      `${what}: another process is writing to the archive; try again when it is done`,
      options,
    );
  }
}

/** One consistency check of `Archive.check`. */
export interface ArchiveCheck {
  name: string;
  ok: boolean;
  /** `ok`, or what is wrong. */
  detail: string;
}
