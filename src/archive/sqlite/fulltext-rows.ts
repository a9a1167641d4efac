import type { Database, Statement } from 'better-sqlite3';

/** An entry's index text: the bigram tokens of each section, and its distinct characters. */
export interface IndexRow {
  post: string;
  body: string;
  summary: string;
  chars: string;
}

/**
 * The full-text rows of entries, kept in step in both tables since schema 7: `entries_fts`
 * (the bigram tokens of post, body and summary) and `entries_chars` (the distinct characters,
 * `detail = none`). Both are contentless, so a changed row is deleted and inserted again.
 * `text` and `chars` name the tables written to, for a migration that fills new ones.
 */
export class FulltextRows {
  private readonly insertText: Statement;
  private readonly insertChars: Statement;
  private readonly deleteText: Statement;
  private readonly deleteChars: Statement;

  constructor(db: Database, text = 'entries_fts', chars = 'entries_chars') {
    this.insertText = db.prepare(
      `INSERT INTO ${text} (rowid, post, body, summary) VALUES (?, ?, ?, ?)`,
    );
    this.insertChars = db.prepare(`INSERT INTO ${chars} (rowid, chars) VALUES (?, ?)`);
    this.deleteText = db.prepare(`DELETE FROM ${text} WHERE rowid = ?`);
    this.deleteChars = db.prepare(`DELETE FROM ${chars} WHERE rowid = ?`);
  }

  /**
   * Indexes a new entry in both tables.
   *
   * @example
   * rows.index(7, entryIndexText(entry));
   */
  index(rowid: number, row: IndexRow): void {
    this.insertText.run(rowid, row.post, row.body, row.summary);
    this.insertChars.run(rowid, row.chars);
  }

  /**
   * Takes an entry out of both tables.
   *
   * @example
   * rows.unindex(7);
   */
  unindex(rowid: number): void {
    this.deleteText.run(rowid);
    this.deleteChars.run(rowid);
  }

  /**
   * Writes again only the tables whose part of the row changed.
   *
   * @example
   * rows.reindex(7, entryIndexText(old), entryIndexText(entry)); // false: nothing changed
   */
  reindex(rowid: number, was: IndexRow, now: IndexRow): boolean {
    const text = was.post !== now.post || was.body !== now.body || was.summary !== now.summary;
    if (text) {
      this.deleteText.run(rowid);
      this.insertText.run(rowid, now.post, now.body, now.summary);
    }
    if (was.chars !== now.chars) {
      this.deleteChars.run(rowid);
      this.insertChars.run(rowid, now.chars);
    }
    return text || was.chars !== now.chars;
  }
}
