import type { Database } from 'better-sqlite3';
import { setPragmas, TEMP_STORE_FILE } from './pragmas.js';

/** The page size of a new archive (see `configure` in sqlite-archive.ts). */
export const PAGE_SIZE = 8192;

/**
 * Gives the pages a migration freed back to the file system, and brings the file to
 * {@link PAGE_SIZE}-byte pages while at it: migration 6 rewrites every stored entry and the
 * whole full-text index, which would otherwise leave the file half as large again as before
 * the archive got smaller (100,000 entries: 1.19 GB, 0.65 GB after). A page size changes only
 * outside WAL mode, which needs the only connection to the file: when another process has the
 * archive open this does nothing and says so, and a later `kirinuki optimize --vacuum` does
 * it. `VACUUM` writes a copy of the archive to the temporary directory first, so it needs that
 * much free disk there.
 *
 * @example
 * vacuumFile(db); // true: the file was rewritten
 */
export function vacuumFile(db: Database): boolean {
  if (db.memory || db.readonly) return false;
  let mode: unknown;
  try {
    mode = db.pragma('journal_mode = DELETE', { simple: true });
  } catch {
    return false; // busy: another connection
  }
  try {
    if (mode !== 'delete') return false;
    db.pragma(`page_size = ${PAGE_SIZE}`);
    // VACUUM builds the new file in a temporary database: in memory, as the archive's other
    // temporary tables are, it would hold the whole archive (1.1 GB peak at 100,000 entries).
    const restore = setPragmas(db, { temp_store: TEMP_STORE_FILE });
    try {
      db.exec('VACUUM');
    } finally {
      restore();
    }
    return true;
  } finally {
    db.pragma('journal_mode = WAL');
  }
}
