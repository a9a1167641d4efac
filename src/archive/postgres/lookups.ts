import type { PgConnection } from './connection.js';

/**
 * Ids of the small lookup tables (handles, tags, persons) by exact name, created on first use,
 * remembered for one transaction, with the entry counts it adds written once at its end (as
 * `sqlite/import-statements.ts` `Lookup` does). Forgotten after a rollback, as its new rows are.
 */
export class PgLookup {
  private readonly ids = new Map<string, number>();
  private readonly counts = new Map<number, number>();
  private readonly find: string;
  private readonly insert: string;
  private readonly addCount: string | null;

  constructor(
    private readonly c: PgConnection,
    table: 'handles' | 'tags' | 'persons',
    column: string,
  ) {
    this.find = `SELECT id FROM ${table} WHERE ${column} = $1`;
    // ON CONFLICT: another writer may have filed the same name since `find`.
    this.insert = `INSERT INTO ${table} (${column}, norm) VALUES ($1, $2)
      ON CONFLICT (${column}) DO UPDATE SET norm = EXCLUDED.norm RETURNING id`;
    this.addCount =
      table === 'persons'
        ? null
        : `UPDATE ${table} SET entry_count = entry_count + $1 WHERE id = $2`;
  }

  /** The id of `name` (inserted with `norm` if new), counting one more entry for it. */
  id(name: string, norm: () => string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      const found = this.c.value(this.find, [name]) ?? this.c.value(this.insert, [name, norm()]);
      id = Number(found);
      this.ids.set(name, id);
    }
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    return id;
  }

  /** Writes the counts; call once at the end, inside the transaction. */
  flush(): void {
    if (this.addCount) for (const [id, n] of this.counts) this.c.run(this.addCount, [n, id]);
    this.reset();
  }

  reset(): void {
    this.ids.clear();
    this.counts.clear();
  }
}
