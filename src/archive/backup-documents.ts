import Database from 'better-sqlite3';
import { KirinukiError } from '../model/index.js';

/**
 * The table of a backup file (`kirinuki backup`: a SQLite archive) that holds the named
 * documents kept beside the archive's entries — the tag store. A table of its own, apart from
 * the archive's migrations: it belongs to the backup, not to a live archive (a restore into
 * SQLite takes it out again), and its presence says the backup carries the documents, even
 * none, where a backup from an older kirinuki has no table at all. Bodies are kept as text, the
 * bytes written.
 */
const BACKUP_DOCUMENTS_TABLE = 'kirinuki_backup_documents';

/** Documents by name, each its text. */
export type NamedDocuments = Readonly<Record<string, string>>;

/**
 * Writes `documents` into the backup file at `path` (a SQLite archive that `backup` has just
 * written, closed): the table is created if need be and holds exactly these documents after,
 * in one transaction.
 *
 * @example
 * writeBackupDocuments('/tmp/backup.db.partial', { taxonomy: '{"version":1,"tags":[]}\n' });
 */
export function writeBackupDocuments(path: string, documents: NamedDocuments): void {
  const db = openFile(path, false);
  try {
    db.transaction(() => {
      db.exec(
        `CREATE TABLE IF NOT EXISTS ${BACKUP_DOCUMENTS_TABLE} (name TEXT PRIMARY KEY, body TEXT NOT NULL)`,
      );
      db.exec(`DELETE FROM ${BACKUP_DOCUMENTS_TABLE}`);
      const insert = db.prepare(`INSERT INTO ${BACKUP_DOCUMENTS_TABLE} (name, body) VALUES (?, ?)`);
      for (const [name, body] of Object.entries(documents)) insert.run(name, body);
    })();
  } catch (e) {
    throw new KirinukiError('archive', `cannot write the documents of backup ${path}`, {
      cause: e,
    });
  } finally {
    db.close();
  }
}

/**
 * The documents a backup file carries, by name, or null when it carries none at all (a backup
 * written before backups kept them: nothing can be said about them). Read-only.
 *
 * @example
 * readBackupDocuments('archive-2024-03-06.db'); // { 'tag-model': '{…}', taxonomy: '{…}' }
 * readBackupDocuments('old-backup.db'); // null
 */
export function readBackupDocuments(path: string): NamedDocuments | null {
  const db = openFile(path, true);
  try {
    const table = db
      .prepare("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(BACKUP_DOCUMENTS_TABLE);
    if (table === undefined) return null;
    const rows = db
      .prepare(`SELECT name, body FROM ${BACKUP_DOCUMENTS_TABLE} ORDER BY name`)
      .all() as { name: unknown; body: unknown }[];
    // Without a prototype: a document's name is data.
    const documents = Object.create(null) as Record<string, string>;
    for (const row of rows) documents[String(row.name)] = String(row.body);
    return documents;
  } catch (e) {
    throw new KirinukiError('archive', `cannot read the documents of backup ${path}`, {
      cause: e,
    });
  } finally {
    db.close();
  }
}

/**
 * Takes the documents' table out of a restored copy before it becomes a live archive: a live
 * SQLite archive keeps its documents beside it, and a stale copy inside would mislead.
 *
 * @example
 * dropBackupDocuments('/data/archive.db.restoring');
 */
export function dropBackupDocuments(path: string): void {
  const db = openFile(path, false);
  try {
    db.exec(`DROP TABLE IF EXISTS ${BACKUP_DOCUMENTS_TABLE}`);
  } catch (e) {
    throw new KirinukiError('archive', `cannot clear the documents of ${path}`, { cause: e });
  } finally {
    db.close();
  }
}

function openFile(path: string, readonly: boolean): Database.Database {
  try {
    const db = new Database(path, { readonly, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (e) {
    throw new KirinukiError('archive', `cannot open backup ${path}`, { cause: e });
  }
}
