import { KirinukiError } from '../../model/index.js';
import { PgConnection, type PgRow } from './connection.js';
import { replaceStoredDocuments } from './stored-documents.js';

/** What `replacePostgresContents` copied and changed. */
export interface ReplacedContents {
  tables: number;
  rows: number;
  /** Named documents (`kirinuki_documents`) written or cleared. */
  documents: number;
}

/** A table of the staging schema as the copy needs it: its name and the columns it writes. */
interface CopiedTable {
  name: string;
  /** Columns a row is written with: every column but generated ones. */
  columns: string[];
  /** Identity columns, whose sequences must go on after the copied rows. */
  identities: string[];
  /** Tables of the copy this one refers to (foreign keys): filled first. */
  refersTo: string[];
}

/**
 * Replaces the contents of the archive at `url` (the schema its connection uses, as
 * `openPostgresArchive(url)` opens it) with the archive in schema `staging` of the same
 * database, in ONE transaction: every table of the staging archive is emptied in the target
 * and filled from the staging copy, so another connection sees the old archive or the new one,
 * never a mix, and a failure (a crash, a lost connection) leaves the old one as it was.
 *
 * The tables are read from the catalog rather than listed here, so the copy follows the
 * archive's migrations; both schemas must be at the same schema version (both opened by this
 * kirinuki). Tables that are not the archive's — the accounts, the audit log, the queue — are
 * not in the staging schema and are left alone.
 *
 * The named documents shared beside the entries (`kirinuki_documents`: the tag store) are no
 * table of the staging archive; `documents` names those to write (a text) or clear (null) in
 * the same transaction (`replaceStoredDocuments`), so a restore brings back the entries and
 * the tag store together or neither. Documents not named are left alone.
 *
 * @example
 * const staging = openPostgresArchive(url, { schema: 'kirinuki_restore_1' });
 * // …fill and check it, close it…
 * replacePostgresContents(url, 'kirinuki_restore_1', { taxonomy: text, 'tag-model': null });
 * // { tables: 15, rows: 4211, documents: 2 }
 */
export function replacePostgresContents(
  url: string,
  staging: string,
  documents: Readonly<Record<string, string | null>> = {},
): ReplacedContents {
  const c = PgConnection.open(url, undefined, false);
  try {
    return c.transaction(() => {
      const target = String(c.value('SELECT current_schema() AS s'));
      if (target === staging)
        throw new KirinukiError('archive', `restore: the staging schema is the archive's own`);
      const from = c.escapeIdentifier(staging);
      const to = c.escapeIdentifier(target);
      const versions = c.run(
        `SELECT (SELECT max(version) FROM ${from}.kirinuki_schema) AS staged,
                (SELECT max(version) FROM ${to}.kirinuki_schema) AS live`,
      )[0];
      if (versions?.staged !== versions?.live)
        throw new KirinukiError(
          'archive',
          `restore: the archive's schema version (${String(versions?.live)}) is not the restored copy's (${String(versions?.staged)}); run kirinuki migrate`,
        );
      const tables = inFillOrder(stagedTables(c, staging));
      if (tables.length === 0)
        throw new KirinukiError('archive', `restore: schema ${staging} holds no archive tables`);
      const names = (schema: string): string =>
        tables.map((t) => `${schema}.${c.escapeIdentifier(t.name)}`).join(', ');
      // The documents first: a process learning a lesson holds their rows and may then read
      // entries, so taking the rows before the tables' locks keeps to its order (no deadlock).
      const changedDocuments = replaceStoredDocuments(c, target, documents);
      // One statement empties them all, whatever refers to what among them; a table outside
      // the archive referring to one would make it fail, and the transaction with it.
      c.query(`TRUNCATE ${names(to)}`);
      let rows = 0;
      for (const t of tables) {
        const table = c.escapeIdentifier(t.name);
        const columns = t.columns.map((col) => c.escapeIdentifier(col)).join(', ');
        const copied = c.query(
          `WITH copied AS (
             INSERT INTO ${to}.${table} (${columns}) OVERRIDING SYSTEM VALUE
             SELECT ${columns} FROM ${from}.${table} RETURNING 1)
           SELECT count(*)::int AS n FROM copied`,
        )[0];
        rows += Number(copied?.n ?? 0);
        for (const col of t.identities)
          c.query(
            `SELECT setval(pg_get_serial_sequence($1, $2),
                           coalesce((SELECT max(${c.escapeIdentifier(col)}) FROM ${to}.${table}), 0) + 1,
                           false)`,
            [`${to}.${table}`, col],
          );
      }
      return {
        tables: tables.length,
        rows,
        documents: changedDocuments,
      };
    });
  } finally {
    c.close();
  }
}

/**
 * Drops a schema and everything in it (a restore's staging copy); a missing one is no error.
 *
 * @example
 * dropPostgresSchema(url, 'kirinuki_restore_1');
 */
export function dropPostgresSchema(url: string, schema: string): void {
  const c = PgConnection.open(url, undefined, false);
  try {
    c.query(`DROP SCHEMA IF EXISTS ${c.escapeIdentifier(schema)} CASCADE`);
  } finally {
    c.close();
  }
}

/** The staging schema's tables but its schema-version table, with columns and references. */
function stagedTables(c: PgConnection, schema: string): CopiedTable[] {
  const rows = c.run(
    `SELECT t.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum)
              FILTER (WHERE a.attgenerated = '') AS columns,
            array_agg(a.attname::text ORDER BY a.attnum)
              FILTER (WHERE a.attidentity <> '') AS identities,
            (SELECT array_agg(DISTINCT r.relname::text) FROM pg_constraint f
               JOIN pg_class r ON r.oid = f.confrelid
              WHERE f.conrelid = t.oid AND f.contype = 'f' AND f.confrelid <> t.oid) AS refers_to
       FROM pg_class t
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND t.relkind IN ('r', 'p') AND t.relname <> 'kirinuki_schema'
      GROUP BY t.oid, t.relname
      ORDER BY t.relname`,
    [schema],
  );
  return rows.map((r: PgRow) => ({
    name: String(r.name),
    columns: texts(r.columns),
    identities: texts(r.identities),
    refersTo: texts(r.refers_to),
  }));
}

/** Tables ordered so that each comes after those it refers to. */
function inFillOrder(tables: CopiedTable[]): CopiedTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: CopiedTable[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (t: CopiedTable): void => {
    if (placed.has(t.name)) return;
    if (visiting.has(t.name))
      throw new KirinukiError(
        'archive',
        `restore: tables refer to each other in a cycle (${t.name})`,
      );
    visiting.add(t.name);
    for (const name of t.refersTo) {
      const target = byName.get(name);
      if (target) place(target);
    }
    visiting.delete(t.name);
    placed.add(t.name);
    ordered.push(t);
  };
  for (const t of tables) place(t);
  return ordered;
}

/** A text[] column as pg-native gives it (an array), or none for NULL. */
function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
