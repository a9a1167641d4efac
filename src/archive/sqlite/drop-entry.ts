import type { Database, Statement } from 'better-sqlite3';
import { KirinukiError } from '../../model/index.js';
import { importStatements, type ImportStatements } from './import-statements.js';
import { EntryRemover } from './remove-entry.js';

/**
 * Removes one entry at the curator's request (see `Archive.removeEntry`), in one transaction:
 * what `EntryRemover` takes out for a superseded entry (its rows and the counts it added),
 * then its full-text row and its share of the BM25 length total, and its account when no
 * entry is left from it.
 */
export class EntryDropper {
  private readonly s: ImportStatements;
  private readonly remover: EntryRemover;
  private readonly handleOf: Statement;
  private readonly dropHandle: Statement;
  private readonly run: (id: string) => boolean;

  constructor(db: Database) {
    this.s = importStatements(db);
    this.remover = new EntryRemover(db, this.s);
    this.handleOf = db.prepare('SELECT handle_id FROM entries WHERE id = ?').pluck();
    // An account no entry is filed from any more leaves the stats, as an unused tag does.
    this.dropHandle = db.prepare(
      `DELETE FROM handles WHERE id = @handle AND entry_count <= 0
       AND NOT EXISTS (SELECT 1 FROM entries WHERE handle_id = @handle)`,
    );
    this.run = db.transaction((id: string) => {
      const handle = this.handleOf.get(id) as number | null | undefined;
      const removed = this.remover.removeEntry(id);
      if (!removed) return false;
      if (handle !== null && handle !== undefined) this.dropHandle.run({ handle });
      this.s.fulltext.unindex(removed.rowid);
      this.s.length.run(-removed.length);
      return true;
    });
  }

  /** Removes the entry with exactly this id; false when there is none. */
  drop(id: string): boolean {
    try {
      return this.run(id);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new KirinukiError('archive', `removing entry ${id} failed: ${why}`, { cause: e });
    }
  }
}
