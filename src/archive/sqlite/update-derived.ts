import type { Database, Statement } from 'better-sqlite3';
import { KirinukiError } from '../../model/index.js';
import type { DerivedData } from '../archive.js';
import { staleMarker } from './dense-terms.js';
import { fileTextPeople, importStatements, type ImportStatements } from './import-statements.js';

/**
 * Rewrites the derived data of stored entries (see `Archive.updateDerived`): identity keys,
 * the people found in the text (source `text`; summary-line speakers stay), and the story.
 * The full-text index is untouched: none of these are in it.
 */
export class DerivedUpdater {
  private readonly rowid: Statement;
  private readonly dropKeys: Statement;
  private readonly key: Statement;
  private readonly dropPeople: Statement;
  private readonly story: Statement;
  /** Speakers are in the dense sets (`dense-terms.ts`): a changed entry is checked apart. */
  private readonly stale: (rowid: number) => void;
  private readonly s: ImportStatements;
  private readonly run: (rows: readonly DerivedData[]) => number;

  constructor(db: Database) {
    this.rowid = db.prepare('SELECT rowid FROM entries WHERE id = ?').pluck();
    // The `id:` keys record superseded entries: they are history, not derived, and stay.
    this.dropKeys = db.prepare("DELETE FROM entry_keys WHERE entry = ? AND key NOT LIKE 'id:%'");
    this.key = db.prepare('INSERT OR IGNORE INTO entry_keys (key, entry) VALUES (?, ?)');
    this.dropPeople = db.prepare("DELETE FROM entry_persons WHERE entry = ? AND source = 'text'");
    this.story = db.prepare('UPDATE entries SET story = nullif(?, id) WHERE rowid = ?');
    this.stale = staleMarker(db);
    this.s = importStatements(db);
    this.run = db.transaction((rows: readonly DerivedData[]) => this.store(rows));
  }

  updateDerived(rows: readonly DerivedData[]): number {
    try {
      return this.run(rows);
    } catch (e) {
      this.s.persons.reset();
      const why = e instanceof Error ? e.message : String(e);
      throw new KirinukiError('archive', `update of ${rows.length} entries failed: ${why}`, {
        cause: e,
      });
    }
  }

  private store(rows: readonly DerivedData[]): number {
    let updated = 0;
    for (const row of rows) {
      const rowid = this.rowid.get(row.id) as number | undefined;
      if (rowid === undefined) continue;
      if (row.keys) {
        this.dropKeys.run(rowid);
        for (const key of new Set(row.keys)) this.key.run(key, rowid);
      }
      if (row.people) {
        this.dropPeople.run(rowid);
        fileTextPeople(this.s, rowid, row.people);
        this.stale(rowid);
      }
      if (row.story !== undefined) this.story.run(row.story, rowid);
      updated += 1;
    }
    this.s.persons.flush();
    return updated;
  }
}
