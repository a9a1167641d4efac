import type { Database } from 'better-sqlite3';
import { decodeEntryDoc, encodeEntryDoc } from './entry-docs.js';
import { entryIndexText } from './import-batch.js';

/** Rows converted per statement: better-sqlite3 cannot write while a SELECT is iterated. */
const PAGE = 1000;

/**
 * Migration 6, in the caller's transaction, page by page so that memory stays bounded: every
 * entry stored as JSON text is rewritten in the compact form of `entry-docs.ts`, and every
 * entry is indexed into `entries_fts_6` (the same tokens, `chars` first), which then replaces
 * `entries_fts`. One pass over the archive: about 40 s at 100,000 entries. The space freed is
 * reused by later imports; `VACUUM` gives it back to the file system.
 *
 * @example
 * db.transaction(() => compactEntryDocs(db))(); // after migration 6's SQL
 */
export function compactEntryDocs(db: Database): void {
  const page = db.prepare(
    'SELECT entry, doc FROM entry_docs WHERE entry > ? ORDER BY entry LIMIT ?',
  );
  const update = db.prepare('UPDATE entry_docs SET doc = ? WHERE entry = ?');
  const index = db.prepare(
    'INSERT INTO entries_fts_6 (rowid, chars, post, body, summary) VALUES (?, ?, ?, ?, ?)',
  );
  for (let last = 0; ;) {
    const rows = page.all(last, PAGE) as { entry: number; doc: unknown }[];
    if (rows.length === 0) break;
    for (const { entry, doc } of rows) {
      const decoded = decodeEntryDoc(doc);
      if (typeof doc === 'string') update.run(encodeEntryDoc(decoded), entry);
      const t = entryIndexText(decoded);
      index.run(entry, t.chars, t.post, t.body, t.summary);
      last = entry;
    }
  }
  db.exec('DROP TABLE entries_fts; ALTER TABLE entries_fts_6 RENAME TO entries_fts;');
}
