import type { Diagnostic, Entry, Result } from '../model/index.js';

/** An entry as the archive keeps it: the entry plus where and when it was filed. */
export interface StoredEntry {
  entry: Entry;
  /** The digest day the entry was filed under (`YYYY-MM-DD`). */
  day: string;
  /** Position of the entry within its day, in filing order. */
  seq: number;
  /** The source the entry was imported from (file path, URL, `-`). */
  source: string;
}

/** One file's worth of entries, imported all-or-nothing. */
export interface ImportBatch {
  source: string;
  /** The digest day the entries are filed under. */
  day: string;
  entries: Entry[];
  /** Document-level tag lines (`#NATOexpansion`), kept for the day's digest. */
  documentTagLines: string[];
}

export interface ImportReport {
  /** Entries that were new. */
  inserted: number;
  /** Entries already in the archive (same id): importing twice is a no-op. */
  unchanged: number;
}

/** A highlighted excerpt: `[start, end)` UTF-16 ranges into `text` mark the matched terms. */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

export interface SearchHit {
  stored: StoredEntry;
  score: number;
  snippet: Snippet;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
}

export interface SearchResults {
  /** Total matches for the query, not only those returned. */
  total: number;
  hits: SearchHit[];
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
  /** An entry by its id, or by a unique prefix of at least 6 characters. */
  findEntry(idOrPrefix: string): StoredEntry | null;
  /** Ranked search with snippets; the query syntax is in docs/format.md. */
  search(query: string, options?: SearchOptions): Result<SearchResults, Diagnostic>;
  /** Number of entries matching the query, without ranking or snippets. */
  count(query: string): Result<number, Diagnostic>;
  /** A day's entries in filing order. */
  entriesOfDay(day: string): StoredEntry[];
  /** The document-level tag lines filed for a day, in order, without duplicates. */
  documentTagLinesOfDay(day: string): string[];
  /** Every entry, by day then filing order; streams, so it works on a million entries. */
  allEntries(): IterableIterator<StoredEntry>;
  stats(): ArchiveStats;
  close(): void;
}
