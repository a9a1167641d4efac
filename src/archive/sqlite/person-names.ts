import type { Database, Statement } from 'better-sqlite3';

/**
 * The normalised names of the `persons` table, kept in memory to answer `speaker:` (a
 * substring of a name) without scanning the table with `instr()` in every statement of a
 * search. New rows are read incrementally; rows are never deleted or renamed.
 */
export class PersonNames {
  private readonly ids: number[] = [];
  private readonly norms: string[] = [];
  private lastId = 0;
  private readonly newer: Statement;

  constructor(db: Database) {
    this.newer = db.prepare('SELECT id, norm FROM persons WHERE id > ? ORDER BY id').raw();
  }

  /**
   * Ids of the persons whose normalised name contains `norm`, as a JSON array for
   * `json_each(?)`.
   *
   * @example
   * names.matching('ゼレンスキ'); // '[3,17]'
   */
  matching(norm: string): string {
    for (const [id, name] of this.newer.all(this.lastId) as [number, string][]) {
      this.ids.push(id);
      this.norms.push(name);
      this.lastId = id;
    }
    const found: number[] = [];
    this.norms.forEach((name, i) => {
      if (name.includes(norm)) found.push(this.ids[i] as number);
    });
    return JSON.stringify(found);
  }
}
