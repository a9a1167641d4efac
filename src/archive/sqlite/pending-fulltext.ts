import type { Entry } from '../../model/index.js';
import type { EntrySections } from '../fulltext/entry-text.js';
import type { ImportStatements } from './import-statements.js';
import { TextHashSwitch } from './text-hash-switch.js';

/** What an entry's full-text row holds (`entryIndexText`). */
export type IndexText = (entry: Entry) => EntrySections & { chars: string; length: number };

/**
 * The full-text writes of a transaction, made after its relational writes (see
 * `Importer.store`). Rows hold the entry, not its index text: the token text of a large
 * transaction (a 50 MB paste) is several times the text itself, so each row's tokens are made
 * when it is written and dropped after. An entry filed and then superseded in the same
 * transaction — a file of an import group replacing an earlier file's clip with a fuller copy —
 * is never written at all: its row is dropped here, and its length was never counted.
 *
 * @example
 * const pending = new PendingFulltext();
 * pending.add(7, entry);
 * pending.remove(7); // false: row 7 was never written, nothing to delete
 * pending.write(statements, entryIndexText);
 */
export class PendingFulltext {
  private readonly rows = new Map<number, Entry>();
  private readonly removed: number[] = [];

  /** Entries waiting to be indexed. */
  get size(): number {
    return this.rows.size;
  }

  add(rowid: number, entry: Entry): void {
    this.rows.set(rowid, entry);
  }

  /**
   * Takes a removed entry's row out of the index: true when the row was written before this
   * transaction (its length counted, its row to delete), false when it was still pending.
   */
  remove(rowid: number): boolean {
    if (this.rows.delete(rowid)) return false;
    this.removed.push(rowid);
    return true;
  }

  /**
   * Deletes the removed rows, then writes the new ones back to back, and adds their length.
   * FTS5's in-memory table is sized for the text as it comes (`TextHashSwitch`).
   */
  write(s: ImportStatements, indexText: IndexText, onIndexed?: (units: number) => void): void {
    for (const rowid of this.removed) s.fulltext.unindex(rowid);
    let length = 0;
    // A failure rolls the transaction back, the size with it: nothing to put back then.
    const hash = new TextHashSwitch(s.fulltext);
    for (const [rowid, entry] of this.rows) {
      const index = indexText(entry);
      hash.read(index);
      s.fulltext.index(rowid, index);
      length += index.length;
      onIndexed?.(index.length);
    }
    hash.finish();
    if (length !== 0) s.length.run(length);
    this.rows.clear();
    this.removed.length = 0;
  }
}
