import type { Database, Statement } from 'better-sqlite3';
import type { FiledDay } from '../archive.js';

/**
 * The `days` counters as a list (see `Archive.filedDays`): one small row per day, so the list
 * costs the number of days, not of entries. A day whose entries were all removed keeps its row
 * (its document tag lines hang off it) with a count of 0, and is left out.
 */
export class FiledDays {
  private readonly list: Statement;

  constructor(db: Database) {
    this.list = db.prepare(
      'SELECT day, entry_count AS entries FROM days WHERE entry_count > 0 ORDER BY day DESC',
    );
  }

  all(): FiledDay[] {
    return this.list.all() as FiledDay[];
  }
}
