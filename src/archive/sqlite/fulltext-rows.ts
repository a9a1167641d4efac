import type { Database, Statement } from 'better-sqlite3';

/** An entry's index text: the bigram tokens of each section, and its distinct characters. */
export interface IndexRow {
  post: string;
  body: string;
  summary: string;
  chars: string;
}

/**
 * The `hashsize` (how much term data FTS5 holds in memory before it writes a segment) for text
 * whose pairs of characters are nearly all new, as in a paste of random kanji. The migrations
 * set 32 MiB, which cut an import's work by about a fifth against FTS5's default of 1 MiB; but
 * FTS5 counts only a term's data against `hashsize` and allocates at least 128 bytes for each
 * new term, so millions of distinct terms made the pending table several times the 32 MiB, and
 * slow to fill: such a paste imported in 32.6 s and 304 MB at 32 MiB, 17.4 s and 218 MB at
 * 1 MiB.
 */
export const DISTINCT_TEXT_HASH_BYTES = 1024 * 1024;

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
  private readonly setTextHash: Statement;
  private readonly textHash: Statement;

  constructor(db: Database, text = 'entries_fts', chars = 'entries_chars') {
    this.insertText = db.prepare(
      `INSERT INTO ${text} (rowid, post, body, summary) VALUES (?, ?, ?, ?)`,
    );
    this.insertChars = db.prepare(`INSERT INTO ${chars} (rowid, chars) VALUES (?, ?)`);
    this.deleteText = db.prepare(`DELETE FROM ${text} WHERE rowid = ?`);
    this.deleteChars = db.prepare(`DELETE FROM ${chars} WHERE rowid = ?`);
    // better-sqlite3 binds a number as REAL, and FTS5 takes only an integer here.
    this.setTextHash = db.prepare(
      `INSERT INTO ${text} (${text}, rank) VALUES ('hashsize', CAST(? AS INTEGER))`,
    );
    this.textHash = db.prepare(`SELECT v FROM ${text}_config WHERE k = 'hashsize'`).pluck();
  }

  /**
   * Sets how much term data the text table holds in memory before writing a segment, and
   * returns the value it had. The value is stored in the table's configuration, inside the open
   * transaction: a writer puts the old one back before it commits.
   *
   * @example
   * const was = rows.textHashBytes(DISTINCT_TEXT_HASH_BYTES); // … rows …; rows.textHashBytes(was);
   */
  textHashBytes(bytes: number): number {
    const was: unknown = this.textHash.get();
    this.setTextHash.run(bytes);
    // FTS5's default when the table was made without one.
    return typeof was === 'number' ? was : DISTINCT_TEXT_HASH_BYTES;
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
