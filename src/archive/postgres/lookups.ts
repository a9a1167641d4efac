import { pgTextArray, type PgConnection } from './connection.js';

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
  private readonly insertMany: string;
  private readonly findMany: string;

  constructor(
    private readonly c: PgConnection,
    table: 'handles' | 'tags' | 'persons',
    column: string,
  ) {
    this.find = `SELECT id FROM ${table} WHERE ${column} = $1`;
    // In one order for every writer: two imports filing the same new names wait for each
    // other instead of each holding a name the other needs (a deadlock, the job retried).
    this.insertMany = `INSERT INTO ${table} (${column}, norm)
      SELECT n, m FROM unnest($1::text[], $2::text[]) AS x (n, m) ORDER BY n
      ON CONFLICT (${column}) DO NOTHING`;
    this.findMany = `SELECT ${column} AS name, id FROM ${table} WHERE ${column} = ANY($1::text[])`;
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

  /** Counts one entry fewer for `id` (an entry taken out), written with the rest at the end. */
  uncount(id: number): void {
    this.counts.set(id, (this.counts.get(id) ?? 0) - 1);
  }

  /**
   * Files the names a transaction will use, all at once and in order, at its start; `id`
   * then finds them without inserting.
   */
  register(names: ReadonlyMap<string, string>): void {
    const missing = [...names]
      .filter(([name]) => !this.ids.has(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (missing.length === 0) return;
    const written = pgTextArray(missing.map(([name]) => name));
    this.c.run(this.insertMany, [written, pgTextArray(missing.map(([, norm]) => norm))]);
    for (const row of this.c.run(this.findMany, [written]))
      this.ids.set(String(row.name), Number(row.id));
  }

  /** Writes the counts in the order of their ids (as every writer does); once, at the end. */
  flush(): void {
    if (this.addCount)
      for (const [id, n] of [...this.counts].sort(([a], [b]) => a - b))
        if (n !== 0) this.c.run(this.addCount, [n, id]);
    this.reset();
  }

  reset(): void {
    this.ids.clear();
    this.counts.clear();
  }
}
