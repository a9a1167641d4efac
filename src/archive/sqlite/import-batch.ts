import type { Database } from 'better-sqlite3';
import { describeBatches, ownField, summarySpeakers } from '../batch-fields.js';
import { KirinukiError, type Entry } from '../../model/index.js';
import { ArchiveBusyError, type ImportBatch, type ImportReport } from '../archive.js';
import { indexChars, indexText } from '../fulltext/bigram-tokens.js';
import { documentLength } from '../fulltext/bm25.js';
import { entrySections, type EntrySections } from '../fulltext/entry-text.js';
import { normaliseForMatch } from '../../text/index.js';
import { fileTextPeople, importStatements, type ImportStatements } from './import-statements.js';
import { encodeEntryDoc } from './entry-docs.js';
import { EntryRemover, type RemovedEntry } from './remove-entry.js';
import { PendingFulltext } from './pending-fulltext.js';
import { BULK_CACHE_KIB, setPragmas } from './pragmas.js';

/**
 * WAL pages an import lets gather before a checkpoint copies them into the file (80 MB at
 * 8 KiB pages; SQLite's default is 1,000). An import's commits rewrite the same index pages
 * again and again, and each checkpoint wrote them into the file once more: 20,000 clips
 * through the CLI took 13.9–14.1 s with the default and 12.2–12.8 s with this
 * (docs/benchmarks.md).
 */
const IMPORT_WAL_PAGES = 10_000;

/** Imports batches: one transaction each, idempotent per entry id — or many in one group. */
export class Importer {
  private readonly s: ImportStatements;
  private readonly remover: EntryRemover;
  private readonly run: (batches: readonly ImportBatch[]) => ImportReport;
  /** The open import group: its full-text writes and how many entries it filed. */
  private group: { fulltext: PendingFulltext; entries: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly onIndexed?: (units: number) => void,
  ) {
    this.s = importStatements(db);
    this.remover = new EntryRemover(db, this.s);
    this.run = db.transaction((batches: readonly ImportBatch[]) => {
      const fulltext = new PendingFulltext();
      const total = this.storeAll(batches, fulltext);
      // Full-text writes last, for all batches at once (see `store`).
      fulltext.write(this.s, entryIndexText, onIndexed);
      return total;
    });
  }

  /**
   * Stores batches in one transaction; any failure rolls all of them back and throws. While it
   * runs, the connection reads through a small page cache and no memory map: an import touches
   * most of the index as it merges segments, and through the map every page it touched stayed
   * in the process's memory (an import of 100,000 entries peaked near 500 MB, 200 without).
   * WAL checkpoints wait for `IMPORT_WAL_PAGES`. All three are put back afterwards. Inside an
   * open group (`openGroup`) the batches join its transaction instead, and their full-text rows
   * wait for its commit.
   */
  importBatches(batches: readonly ImportBatch[]): ImportReport {
    const group = this.group;
    if (group) {
      try {
        const report = this.storeAll(batches, group.fulltext);
        group.entries += report.inserted;
        return report;
      } catch (e) {
        throw this.failure(e, batches);
      }
    }
    const restore = this.importSettings();
    try {
      return this.run(batches);
    } catch (e) {
      throw this.failure(e, batches);
    } finally {
      restore();
    }
  }

  /**
   * Opens one write transaction that the next `importBatches` calls join, so that many small
   * files are filed with one commit: SQLite and FTS5 write the index once for all of them
   * (`Archive` `openImportGroup`). `commit` stores them all, `rollback` none.
   */
  openGroup(): { entries: () => number; commit: () => void; rollback: () => void } {
    if (this.group) throw new KirinukiError('archive', 'an import group is already open');
    const restore = this.importSettings();
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      restore();
      throw this.failure(e, []);
    }
    const group = { fulltext: new PendingFulltext(), entries: 0 };
    this.group = group;
    const close = (): void => {
      this.group = null;
      restore();
    };
    return {
      entries: () => group.entries,
      commit: () => {
        if (this.group !== group) return;
        try {
          group.fulltext.write(this.s, entryIndexText, this.onIndexed);
          this.db.exec('COMMIT');
        } catch (e) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          this.resetLookups();
          throw this.failure(e, []);
        } finally {
          close();
        }
      },
      rollback: () => {
        if (this.group !== group) return;
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.resetLookups();
        close();
      },
    };
  }

  private storeAll(batches: readonly ImportBatch[], fulltext: PendingFulltext): ImportReport {
    const total: ImportReport = { inserted: 0, unchanged: 0, replaced: 0 };
    for (const batch of batches) {
      const r = this.store(batch, fulltext);
      total.inserted += r.inserted;
      total.unchanged += r.unchanged;
      total.replaced += r.replaced;
    }
    return total;
  }

  /** The import's page cache, memory map and checkpoint interval; returns what puts them back. */
  private importSettings(): () => void {
    const walPages = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    return setPragmas(this.db, {
      cache_size: BULK_CACHE_KIB,
      mmap_size: 0,
      wal_autocheckpoint: Math.max(walPages, IMPORT_WAL_PAGES),
    });
  }

  /** Names cached by id are forgotten when what wrote them is rolled back. */
  private resetLookups(): void {
    for (const lookup of [this.s.handles, this.s.tags, this.s.persons]) lookup.reset();
  }

  /** The error an import failure is reported as: busy, or what failed and that nothing was stored. */
  private failure(e: unknown, batches: readonly ImportBatch[]): Error {
    if (!this.group) this.resetLookups();
    if (e instanceof KirinukiError) return e;
    const what = batches.length > 0 ? describeBatches(batches) : 'an import group';
    // SQLITE_BUSY after busy_timeout: another process holds the write lock; a retry may do.
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY')
      return new ArchiveBusyError(`cannot file ${what}`, { cause: e });
    const why = e instanceof Error ? e.message : String(e);
    return new KirinukiError('archive', `import of ${what} failed, nothing was stored: ${why}`, {
      cause: e,
    });
  }

  /**
   * All relational writes first, then the full-text rows back to back. The order matters for
   * speed: a statement that needs a statement journal (an upsert, an INSERT … SELECT) opens a
   * savepoint, and FTS5 flushes its pending in-memory index to disk at every savepoint, so
   * interleaving them with full-text inserts wrote one tiny index segment per entry — and
   * writing them after each batch, one segment per batch. So the caller writes the full-text
   * rows of all batches after all relational writes.
   */
  private store(batch: ImportBatch, fulltext: PendingFulltext): ImportReport {
    const report: ImportReport = { inserted: 0, unchanged: 0, replaced: 0 };
    const removed = this.removeSuperseded(batch);
    this.s.ensureDay.run(batch.day);
    let seq = this.s.nextSeq.get(batch.day) as number;
    let summaryLines = 0;
    // What the removed entries added to the index's length (none for one filed in this same
    // transaction, whose row was never written); the new rows add theirs when indexed.
    const removedLength = removed.reduce(
      (sum, r) => sum + (fulltext.remove(r.rowid) ? r.length : 0),
      0,
    );
    const dates = new Map<string, [count: number, min: number, max: number]>();
    const heirs = new Map(removed.map((r) => [r.heir, r]));
    for (const entry of batch.entries) {
      if (this.s.exists.get(entry.id) !== undefined) {
        report.unchanged += 1;
        continue;
      }
      // A restore names each entry's place; one already taken files it after the day's last.
      const given = ownField(batch.seqs, entry.id);
      const at =
        given !== undefined && this.s.seqTaken.get(batch.day, given) === undefined ? given : seq;
      const { rowid, date } = this.insertEntry(entry, batch, at, heirs);
      fulltext.add(rowid, entry);
      countDate(dates, date, rowid);
      seq = Math.max(seq, at + 1); // the day's last seq + 1
      report.inserted += 1;
      summaryLines += entry.summaries.length;
    }
    for (const lookup of [this.s.handles, this.s.tags, this.s.persons]) lookup.flush();
    this.s.countDay.run(report.inserted, summaryLines, batch.day);
    for (const [date, [count, min, max]] of dates) this.s.date.run(date, count, min, max);
    if (removedLength > 0) this.s.length.run(-removedLength);
    for (const line of batch.documentTagLines) this.s.tagLine.run({ day: batch.day, line });
    for (const { from, to } of batch.storyMerges ?? []) this.s.mergeStory.run({ from, to });
    report.replaced = removed.length;
    return report;
  }

  /** Takes out the entries the batch supersedes, remembering which new entry inherits each. */
  private removeSuperseded(batch: ImportBatch): (RemovedEntry & { heir: string })[] {
    const removed: (RemovedEntry & { heir: string })[] = [];
    for (const [heir, olds] of Object.entries(batch.replaces ?? {}))
      for (const old of olds) {
        const r = this.remover.removeEntry(old);
        if (r) removed.push({ ...r, heir });
      }
    return removed;
  }

  /** The entry's row, tags, summary-line speakers and the people found in its text. */
  private insertEntry(
    entry: Entry,
    batch: ImportBatch,
    seq: number,
    heirs: ReadonlyMap<string, RemovedEntry>,
  ): { rowid: number; date: string } {
    const post = entry.post;
    const handleId = post ? this.s.handles.id(post.handle, () => post.handle.toLowerCase()) : null;
    const date = post?.date ?? batch.day;
    const inherited = heirs.get(entry.id);
    const story = ownField(batch.stories, entry.id) ?? inherited?.story ?? entry.id;
    const info = this.s.entry.run(
      entry.id,
      batch.day,
      seq,
      batch.source,
      date,
      handleId,
      story === entry.id ? null : story,
    );
    const rowid = Number(info.lastInsertRowid);
    this.s.doc.run(rowid, encodeEntryDoc(entry));
    for (const key of new Set([
      ...(ownField(batch.keys, entry.id) ?? []),
      ...(inherited?.keys ?? []),
    ]))
      this.s.key.run(key, rowid);
    for (const tag of new Set(entry.summaries.map((s) => s.tag)))
      this.s.entryTag.run(
        rowid,
        this.s.tags.id(tag, () => normaliseForMatch(tag)),
      );
    for (const name of summarySpeakers(entry))
      this.s.entryPerson.run(
        rowid,
        this.s.persons.id(name, () => normaliseForMatch(name)),
      );
    const people = ownField(batch.people, entry.id);
    if (people) fileTextPeople(this.s, rowid, people);
    return { rowid, date };
  }
}

/** The index token text of each section and of `chars`, and the entry's length for BM25. */
export function entryIndexText(entry: Entry): EntrySections & { chars: string; length: number } {
  const s = entrySections(entry);
  const post = normaliseForMatch(s.post);
  const body = normaliseForMatch(s.body);
  const summary = normaliseForMatch(s.summary);
  return {
    post: indexText(post),
    body: indexText(body),
    summary: indexText(summary),
    chars: indexChars([post, body, summary]),
    length: documentLength({ post, body, summary }),
  };
}

function countDate(
  dates: Map<string, [number, number, number]>,
  date: string,
  rowid: number,
): void {
  const d = dates.get(date);
  if (d) dates.set(date, [d[0] + 1, Math.min(d[1], rowid), Math.max(d[2], rowid)]);
  else dates.set(date, [1, rowid, rowid]);
}
