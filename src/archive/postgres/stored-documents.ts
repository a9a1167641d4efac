import { PgConnection, pgText, pgTextArray, type PgRow } from './connection.js';

/**
 * The table of named documents, apart from the archive's migrations (`migrations.ts`): created
 * when the store opens, so an archive that never keeps a document never has it. The body is
 * text, not jsonb: the bytes a reader gets back are the bytes written (jsonb would reorder keys
 * and refuse \u0000). A row with a NULL body is a name that has been locked but never written.
 */
export const STORED_DOCUMENTS_SQL = `
  CREATE TABLE IF NOT EXISTS kirinuki_documents (
    name text PRIMARY KEY,
    body text,
    version bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
`;

/** The advisory lock key the table is created under ('kirinuki' 'documents'). */
const DOCUMENTS_LOCK = 4_271_120_016;

/** One stored document as read: its text, how many times it was written, and when last. */
export interface StoredDocument {
  body: string;
  version: number;
  /** ISO 8601, UTC. */
  updatedAt: string;
}

/**
 * Named JSON documents in a PostgreSQL archive's database — what every server and worker of a
 * team shares besides the entries (the taxonomy, the tag model, the learned style). Each write
 * raises the document's version, so a reader that kept a copy can tell it is stale by comparing
 * versions (`versions`). A read-modify-write runs in `locked`: the rows are held with
 * `SELECT … FOR UPDATE` until it returns, so two processes changing one document at once run
 * one after the other, and neither loses the other's change.
 *
 * One synchronous connection of its own (as `AccountStore`), on the URL's search path.
 */
export class StoredDocuments {
  private constructor(private readonly c: PgConnection) {}

  /**
   * Connects to the database at `url` and creates the documents table when missing.
   *
   * @example
   * const docs = StoredDocuments.open('postgres://kirinuki@db/k');
   */
  static open(url: string): StoredDocuments {
    const c = PgConnection.open(url.trim(), undefined, true);
    try {
      c.transaction(() => {
        c.query(`SELECT pg_advisory_xact_lock(${DOCUMENTS_LOCK})`);
        c.query(STORED_DOCUMENTS_SQL);
      });
    } catch (e) {
      c.close();
      throw e;
    }
    return new StoredDocuments(c);
  }

  /**
   * The document named `name`, or null when none was ever written. Inside `locked`, the
   * latest committed text (the lock is held: nobody else can change it meanwhile).
   *
   * @example
   * docs.read('tag-model')?.version; // 3
   */
  read(name: string): StoredDocument | null {
    const row = this.c.run(
      'SELECT body, version::text AS version, updated_at FROM kirinuki_documents WHERE name = $1',
      [name],
    )[0];
    return row === undefined ? null : documentOf(row);
  }

  /**
   * Writes the document's text, raising its version; gives the new version.
   *
   * @example
   * docs.write('taxonomy', '{"version":1,"tags":[]}\n'); // 1
   */
  write(name: string, body: string): number {
    const row = this.c.run(
      `INSERT INTO kirinuki_documents (name, body, version, updated_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (name) DO UPDATE
         SET body = EXCLUDED.body, version = kirinuki_documents.version + 1, updated_at = now()
       RETURNING version::text AS version`,
      [name, pgText(body)],
    )[0];
    return Number(row?.version);
  }

  /**
   * Writes the document only when it has never been written (a first import of a file kept
   * elsewhere before): true when this call wrote it, false when the database already had one.
   *
   * @example
   * docs.writeIfAbsent('style', text); // true the first time, false after
   */
  writeIfAbsent(name: string, body: string): boolean {
    return this.locked([name], () => {
      if (this.read(name) !== null) return false;
      this.write(name, body);
      return true;
    });
  }

  /**
   * Runs `work` in one transaction with the rows of `names` locked (`SELECT … FOR UPDATE`, in
   * name order so two callers locking several names cannot deadlock): reads and writes made in
   * `work` see and change the latest versions, and another process's `locked` on any of the
   * same names waits until this one has committed. Rolled back when `work` throws.
   *
   * @example
   * docs.locked(['tag-model'], () => docs.write('tag-model', learn(docs.read('tag-model'))));
   */
  locked<T>(names: readonly string[], work: () => T): T {
    const sorted = [...new Set(names)].sort();
    return this.c.transaction(() => {
      // A row must exist to be locked: a name never written gets an empty row first (its body
      // NULL), or two first writers would both find nothing to lock.
      for (const name of sorted)
        this.c.run(
          `INSERT INTO kirinuki_documents (name, body, version) VALUES ($1, NULL, 0)
           ON CONFLICT (name) DO NOTHING`,
          [name],
        );
      this.c.run(
        'SELECT name FROM kirinuki_documents WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE',
        [pgTextArray(sorted)],
      );
      return work();
    });
  }

  /**
   * The version of every written document, by name: what a reader that kept copies compares
   * to know which are stale (one small query, cheaper than reading any document).
   *
   * @example
   * docs.versions(); // { style: 2, 'tag-model': 7, taxonomy: 1 }
   */
  versions(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const row of this.c.run(
      'SELECT name, version::text AS version FROM kirinuki_documents WHERE body IS NOT NULL',
    ))
      out[String(row.name)] = Number(row.version);
    return out;
  }

  close(): void {
    this.c.close();
  }
}

/**
 * Makes the documents of `schema` the given ones, inside the caller's transaction on `c` (a
 * restore's, so the documents change with the entries or not at all): each named document
 * with a text is written, each named with null is cleared (a document the restored archive
 * never had), names not given are left alone. A document whose text changes gets a higher
 * version than any it had — never the restored copy's own count — so a reader that kept a
 * copy sees it is stale. Waits for another process's `locked` on the same names. Gives how
 * many documents changed.
 *
 * @example
 * c.transaction(() => replaceStoredDocuments(c, 'public', { taxonomy: text, 'tag-model': null }));
 */
export function replaceStoredDocuments(
  c: PgConnection,
  schema: string,
  documents: Readonly<Record<string, string | null>>,
): number {
  const names = Object.keys(documents).sort();
  if (names.length === 0) return 0;
  const table = `${c.escapeIdentifier(schema)}.kirinuki_documents`;
  c.query(`SELECT pg_advisory_xact_lock(${DOCUMENTS_LOCK})`);
  c.query(STORED_DOCUMENTS_SQL.replace('kirinuki_documents', table));
  for (const name of names)
    c.query(
      `INSERT INTO ${table} (name, body, version) VALUES ($1, NULL, 0) ON CONFLICT (name) DO NOTHING`,
      [name],
    );
  c.query(`SELECT name FROM ${table} WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE`, [
    pgTextArray(names),
  ]);
  let changed = 0;
  for (const name of names) {
    const body = documents[name] ?? null;
    const rows = c.query(
      `UPDATE ${table} SET body = $2, version = version + 1, updated_at = now()
        WHERE name = $1 AND body IS DISTINCT FROM $2 RETURNING 1 AS changed`,
      [name, body === null ? null : pgText(body)],
    );
    changed += rows.length;
  }
  return changed;
}

function documentOf(row: PgRow): StoredDocument | null {
  if (row.body === null || row.body === undefined) return null;
  const at = row.updated_at;
  return {
    body: String(row.body),
    version: Number(row.version),
    updatedAt: at instanceof Date ? at.toISOString() : String(at),
  };
}
