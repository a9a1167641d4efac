import Database from 'better-sqlite3';

/**
 * The entries another connection sees in a SQLite archive file: what was committed, whatever a
 * write transaction open on the archive's own connection holds.
 *
 * @example
 * expect(committedEntries(path)).toBe(0); // a group is open, nothing committed yet
 */
export function committedEntries(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
  } finally {
    db.close();
  }
}
