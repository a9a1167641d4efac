import type { Database, Statement } from 'better-sqlite3';
import { entryIndexText } from './import-batch.js';
import type { ImportStatements } from './import-statements.js';
import { decodeEntryDoc } from './entry-docs.js';

interface Filed {
  rowid: number;
  day: string;
  date: string;
  handleId: number | null;
  story: string | null;
  doc: unknown;
}

/** What is left of a removed entry: what its successor inherits. */
export interface RemovedEntry {
  rowid: number;
  /** The removed entry's story (its own id when it had none). */
  story: string;
  /** Its identity keys, plus `id:<its id>`. */
  keys: string[];
  /** The length its full-text row added to the BM25 total. */
  length: number;
}

/**
 * Takes a superseded entry out of the archive, inside the importer's transaction: its row and
 * everything hanging off it (document, tags, people, keys — by foreign-key cascade), and the
 * counts it added to its day, date, account and tags. The full-text row is left to the caller,
 * which deletes it together with its other full-text writes (see `Importer.store`).
 */
export class EntryRemover {
  private readonly filed: Statement;
  private readonly keysOf: Statement;
  private readonly day: Statement;
  private readonly date: Statement;
  private readonly handle: Statement;
  private readonly remove: Statement;

  constructor(
    db: Database,
    private readonly s: ImportStatements,
  ) {
    this.filed = db.prepare(
      `SELECT e.rowid AS rowid, e.day AS day, e.date AS date, e.handle_id AS handleId,
         e.story AS story, d.doc AS doc
       FROM entries e JOIN entry_docs d ON d.entry = e.rowid WHERE e.id = ?`,
    );
    this.keysOf = db.prepare('SELECT key FROM entry_keys WHERE entry = ?').pluck();
    this.day = db.prepare(
      `UPDATE days SET entry_count = entry_count - 1, summary_line_count = summary_line_count - ?
       WHERE day = ?`,
    );
    this.date = db.prepare('UPDATE dates SET entry_count = entry_count - 1 WHERE date = ?');
    this.handle = db.prepare('UPDATE handles SET entry_count = entry_count - 1 WHERE id = ?');
    this.remove = db.prepare('DELETE FROM entries WHERE rowid = ?');
  }

  /** Removes the entry with this id; `null` when there is none. */
  removeEntry(id: string): RemovedEntry | null {
    const row = this.filed.get(id) as Filed | undefined;
    if (!row) return null;
    const entry = decodeEntryDoc(row.doc);
    const keys = [...new Set([`id:${id}`, ...(this.keysOf.all(row.rowid) as string[])])];
    this.day.run(entry.summaries.length, row.day);
    this.date.run(row.date);
    if (row.handleId !== null) this.handle.run(row.handleId);
    const tags = this.s.uncountTags.all(row.rowid) as number[];
    this.remove.run(row.rowid);
    for (const tag of tags) this.s.dropUnusedTag.run({ tag });
    return {
      rowid: row.rowid,
      story: row.story ?? id,
      keys,
      length: entryIndexText(entry).length,
    };
  }
}
