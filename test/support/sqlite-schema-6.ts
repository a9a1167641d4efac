import type { Database } from 'better-sqlite3';
import { asSchema8 } from './sqlite-schema-8.js';
import { decodeEntryDoc } from '../../src/archive/sqlite/entry-docs.js';
import { entryIndexText } from '../../src/archive/sqlite/import-batch.js';

/**
 * Takes back what schema 7 changed in a SQLite archive — the distinct characters in a table of
 * their own — and sets the version to 6: `entries_fts` again has `chars` as its first column
 * (with positions), `entries_chars` is gone and the index format is `bigram-chars-v1`. For
 * tests that make an archive of schema 6 and watch it migrate.
 *
 * @example
 * asSchema6(new Database(path)); // then openSqliteArchive(path) migrates it again
 */
export function asSchema6(db: Database): void {
  asSchema8(db);
  const rows = db.prepare('SELECT entry, doc FROM entry_docs ORDER BY entry').all() as {
    entry: number;
    doc: unknown;
  }[];
  db.transaction(() => {
    db.exec(`CREATE VIRTUAL TABLE entries_fts_6 USING fts5 (
      chars, post, body, summary,
      content = '', contentless_delete = 1, tokenize = 'ascii', detail = full)`);
    const index = db.prepare(
      'INSERT INTO entries_fts_6 (rowid, chars, post, body, summary) VALUES (?, ?, ?, ?, ?)',
    );
    for (const { entry, doc } of rows) {
      const t = entryIndexText(decodeEntryDoc(doc));
      index.run(entry, t.chars, t.post, t.body, t.summary);
    }
    db.exec('DROP TABLE entries_fts; ALTER TABLE entries_fts_6 RENAME TO entries_fts');
    db.exec('DROP TABLE entries_chars');
    db.exec("UPDATE meta SET value = 'bigram-chars-v1' WHERE key = 'fulltext_format'");
    db.pragma('user_version = 6');
  })();
}
