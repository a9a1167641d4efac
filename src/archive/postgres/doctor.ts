import type { ArchiveCheck } from '../archive.js';
import type { PgConnection } from './connection.js';

/**
 * What `kirinuki doctor` looks at in a PostgreSQL archive: the search index against the
 * entries, every entry with its stored text, and the counts kept per day, tag and account.
 * Storage integrity is the server's (checksums, amcheck); foreign keys are enforced.
 *
 * @example
 * checkPostgresArchive(connection).every((c) => c.ok); // true on a sound archive
 */
export function checkPostgresArchive(c: PgConnection): ArchiveCheck[] {
  const checks: ArchiveCheck[] = [];
  const add = (name: string, sql: string, what: string): void => {
    const problems = Number(c.value(sql) ?? 0);
    checks.push({
      name,
      ok: problems === 0,
      detail: problems === 0 ? 'ok' : `${problems} ${what}`,
    });
  };
  add(
    'entries in the search index',
    `SELECT count(*)::int FROM entries e
     WHERE NOT EXISTS (SELECT 1 FROM entry_search s WHERE s.entry = e.rid)`,
    'entries missing from the search index',
  );
  add(
    'entries in the token index',
    `SELECT count(*)::int FROM entries e
     WHERE NOT EXISTS (SELECT 1 FROM entry_tokens t WHERE t.entry = e.rid)`,
    'entries missing from the token index',
  );
  add(
    'entry texts',
    `SELECT count(*)::int FROM entries WHERE json IS NULL OR left(json, 1) <> '{'`,
    'entries without a readable stored text (partial entries)',
  );
  add(
    'counts per day',
    `SELECT count(*)::int FROM days d
     WHERE d.entry_count <> (SELECT count(*) FROM entries e WHERE e.day = d.day)`,
    'days whose entry count is wrong',
  );
  add(
    'counts per tag',
    `SELECT count(*)::int FROM tags t
     WHERE t.entry_count <> (SELECT count(*) FROM entry_tags x WHERE x.tag = t.id)`,
    'tags whose entry count is wrong',
  );
  add(
    'counts per account',
    `SELECT count(*)::int FROM handles h
     WHERE h.entry_count <> (SELECT count(*) FROM entries e WHERE e.handle_id = h.id)`,
    'accounts whose entry count is wrong',
  );
  return checks;
}
