import type { Database } from 'better-sqlite3';
import { decodeEntryDoc } from './entry-docs.js';
import { FulltextRows } from './fulltext-rows.js';
import { entryIndexText } from './import-batch.js';

/** Entries read per statement: better-sqlite3 cannot write while a SELECT is iterated. */
const PAGE = 1000;

/**
 * Migration 7, in the caller's transaction, page by page so that memory stays bounded: every
 * stored entry is indexed again into `entries_fts_7` (the text columns only) and
 * `entries_chars` (its distinct characters, without positions), and `entries_fts_7` then
 * replaces `entries_fts`. The tokens are those of schema 6, so the BM25 length total stands.
 * One pass over the archive; the old index's pages are freed, and `VACUUM` gives them back.
 *
 * @example
 * db.transaction(() => splitCharsIndex(db))(); // after migration 7's SQL
 */
export function splitCharsIndex(db: Database): void {
  const page = db.prepare(
    'SELECT entry, doc FROM entry_docs WHERE entry > ? ORDER BY entry LIMIT ?',
  );
  const rows = new FulltextRows(db, 'entries_fts_7', 'entries_chars');
  for (let last = 0; ;) {
    const docs = page.all(last, PAGE) as { entry: number; doc: unknown }[];
    if (docs.length === 0) break;
    for (const { entry, doc } of docs) {
      rows.index(entry, entryIndexText(decodeEntryDoc(doc)));
      last = entry;
    }
  }
  db.exec('DROP TABLE entries_fts; ALTER TABLE entries_fts_7 RENAME TO entries_fts;');
}
