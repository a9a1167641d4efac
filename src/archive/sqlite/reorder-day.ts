import type { Database, Statement } from 'better-sqlite3';
import { KirinukiError } from '../../model/index.js';

/**
 * A day's digest order (see `Archive.reorderDay`): an entry's `seq` is its place in its day,
 * which every by-day read orders by, so a new order is new `seq`s, 0 to n − 1, in one
 * transaction. `UNIQUE (day, seq)` is checked row by row, so the day's positions are first
 * moved out of the way (to −1 − seq, all negative and distinct), then set.
 */
export class DayOrder {
  private readonly idsOfDay: Statement;
  private readonly park: Statement;
  private readonly place: Statement;
  private readonly run: (day: string, ids: readonly string[]) => boolean;

  constructor(db: Database) {
    this.idsOfDay = db.prepare('SELECT id FROM entries WHERE day = ?').pluck();
    this.park = db.prepare('UPDATE entries SET seq = -1 - seq WHERE day = ?');
    this.place = db.prepare('UPDATE entries SET seq = ? WHERE day = ? AND id = ?');
    this.run = db.transaction((day: string, ids: readonly string[]) => {
      const filed = new Set(this.idsOfDay.all(day) as string[]);
      const given = new Set(ids);
      if (given.size !== ids.length || given.size !== filed.size) return false;
      for (const id of given) if (!filed.has(id)) return false;
      this.park.run(day);
      ids.forEach((id, seq) => this.place.run(seq, day, id));
      return true;
    });
  }

  /** Orders the day as `ids`; false, changing nothing, unless they are the day's ids, each once. */
  reorder(day: string, ids: readonly string[]): boolean {
    try {
      return this.run(day, ids);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new KirinukiError('archive', `reordering ${day} failed: ${why}`, { cause: e });
    }
  }
}
