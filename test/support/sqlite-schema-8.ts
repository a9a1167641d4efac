import type { Database } from 'better-sqlite3';

/**
 * Takes back what schema 9 added to a SQLite archive — the dense terms' tables and the
 * triggers that keep `dense_stale` — and sets the version to 8, so that tests can make an
 * archive of an older schema and watch it migrate. The older `asSchema…` helpers call it first.
 *
 * @example
 * asSchema8(new Database(path)); // then openSqliteArchive(path) migrates it again
 */
export function asSchema8(db: Database): void {
  db.transaction(() => {
    db.exec(`DROP TRIGGER IF EXISTS dense_stale_removed;
      DROP TRIGGER IF EXISTS dense_stale_rewritten;
      DROP TABLE IF EXISTS dense_stale;
      DROP TABLE IF EXISTS dense_blocks;
      DROP TABLE IF EXISTS dense_terms;
      DELETE FROM meta WHERE key LIKE 'dense_%';`);
    db.pragma('user_version = 8');
  })();
}
