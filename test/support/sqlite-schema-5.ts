import type { Database } from 'better-sqlite3';
import { asSchema8 } from './sqlite-schema-8.js';
import { decodeEntryDoc } from '../../src/archive/sqlite/entry-docs.js';
import { entryIndexText } from '../../src/archive/sqlite/import-batch.js';

/**
 * Takes back what schemas 6 and 7 changed in a SQLite archive — entries stored as JSON text in
 * `entry_docs.json` again, and the full-text index with `chars` as its last column (no table
 * of characters of its own) — and sets
 * the version to 5, so that tests can make an archive of an older schema and watch it migrate.
 * The caller lowers `user_version` further after taking back older migrations.
 *
 * @example
 * asSchema5(new Database(path)); // then openSqliteArchive(path) migrates it again
 */
export function asSchema5(db: Database): void {
  asSchema8(db);
  const rows = db.prepare('SELECT entry, doc FROM entry_docs').all() as {
    entry: number;
    doc: unknown;
  }[];
  const set = db.prepare('UPDATE entry_docs SET doc = ? WHERE entry = ?');
  db.transaction(() => {
    db.exec(`CREATE VIRTUAL TABLE entries_fts_5 USING fts5 (
      post, body, summary, chars,
      content = '', contentless_delete = 1, tokenize = 'ascii', detail = full)`);
    const index = db.prepare(
      'INSERT INTO entries_fts_5 (rowid, post, body, summary, chars) VALUES (?, ?, ?, ?, ?)',
    );
    for (const { entry, doc } of rows) {
      const decoded = decodeEntryDoc(doc);
      set.run(JSON.stringify(decoded), entry);
      const t = entryIndexText(decoded);
      index.run(entry, t.post, t.body, t.summary, t.chars);
    }
    db.exec('DROP TABLE entries_fts; ALTER TABLE entries_fts_5 RENAME TO entries_fts');
    // Schema 7's table of characters did not exist yet.
    db.exec('DROP TABLE IF EXISTS entries_chars');
    db.exec("UPDATE meta SET value = 'bigram-chars-v1' WHERE key = 'fulltext_format'");
    db.exec('ALTER TABLE entry_docs RENAME COLUMN doc TO json');
    db.pragma('user_version = 5');
  })();
}
