import type { Database } from 'better-sqlite3';
import type { ArchiveCheck } from '../archive.js';

/**
 * What `kirinuki doctor` looks at in a SQLite archive: SQLite's own integrity and foreign-key
 * checks, the full-text index against the entries, every entry with its stored text, and the
 * counts kept per day, tag and account against the rows they count. Read-only.
 *
 * @example
 * checkSqliteArchive(db).every((c) => c.ok); // true on a sound archive
 */
export function checkSqliteArchive(db: Database): ArchiveCheck[] {
  const count = (sql: string): number =>
    Number((db.prepare(sql).pluck().get() as number | bigint | undefined) ?? 0);
  const checks: ArchiveCheck[] = [];
  const add = (name: string, problems: number, what: string): void =>
    void checks.push({
      name,
      ok: problems === 0,
      detail: problems === 0 ? 'ok' : `${problems} ${what}`,
    });

  const integrity = db.pragma('integrity_check', { simple: false }) as {
    integrity_check: string;
  }[];
  const bad = integrity.filter((r) => r.integrity_check !== 'ok');
  checks.push({
    name: 'SQLite integrity',
    ok: bad.length === 0,
    detail:
      bad.length === 0
        ? 'ok'
        : bad
            .slice(0, 3)
            .map((r) => r.integrity_check)
            .join('; '),
  });
  add('foreign keys', (db.pragma('foreign_key_check') as unknown[]).length, 'rows point nowhere');
  // Both full-text tables: the text's bigrams, and the distinct characters (schema 7).
  for (const [table, what] of [
    ['entries_fts', 'full-text index'],
    ['entries_chars', 'one-character index'],
  ] as const) {
    let fts = 'ok';
    try {
      db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
    } catch (e) {
      fts = e instanceof Error ? e.message : String(e);
    }
    checks.push({ name: what, ok: fts === 'ok', detail: fts });
    add(
      `entries in the ${what}`,
      count(`SELECT count(*) FROM entries e
             WHERE NOT EXISTS (SELECT 1 FROM ${table}_docsize s WHERE s.id = e.rowid)`) +
        count(`SELECT count(*) FROM ${table}_docsize s
               WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.rowid = s.id)`),
      'entries missing from the index, or index rows of no entry',
    );
  }
  add(
    'entry texts',
    count(`SELECT count(*) FROM entries e LEFT JOIN entry_docs d ON d.entry = e.rowid
           WHERE d.entry IS NULL
              OR CASE typeof(d.doc)
                   WHEN 'blob' THEN length(d.doc) < 5 OR substr(d.doc, 1, 1) != x'01'
                   WHEN 'text' THEN NOT json_valid(d.doc)
                   ELSE 1 END`),
    'entries without a readable stored text (partial entries)',
  );
  add(
    'counts per day',
    count(`SELECT count(*) FROM days d
           WHERE d.entry_count != (SELECT count(*) FROM entries e WHERE e.day = d.day)`),
    'days whose entry count is wrong',
  );
  add(
    'counts per tag',
    count(`SELECT count(*) FROM tags t
           WHERE t.entry_count != (SELECT count(*) FROM entry_tags x WHERE x.tag = t.id)`),
    'tags whose entry count is wrong',
  );
  add(
    'counts per account',
    count(`SELECT count(*) FROM handles h
           WHERE h.entry_count != (SELECT count(*) FROM entries e WHERE e.handle_id = h.id)`),
    'accounts whose entry count is wrong',
  );
  return checks;
}
