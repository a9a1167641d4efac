import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './io.js';

/**
 * A day given on the command line: `YYYY-MM-DD` and a day the calendar has, else a usage error
 * naming the command, the flag and what was given.
 *
 * @example
 * dayOption('2024-02-29', 'digest', '--date'); // '2024-02-29'
 * dayOption('2024-02-30', 'import', '--day'); // throws: import: --day 2024-02-30 is not a day …
 */
export function dayOption(value: string | undefined, command: string, flag: string): string {
  if (value === undefined) throw new UsageError(`${command}: ${flag} YYYY-MM-DD is required`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  const probe = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!probe || probe.toISOString().slice(0, 10) !== value)
    throw new UsageError(
      `${command}: ${flag} ${JSON.stringify(value)} is not a day: give one as YYYY-MM-DD, such as 2024-01-18`,
    );
  return value;
}

/**
 * Checks where the archive is to be opened, before anything is created: a `postgres://` or
 * `postgresql://` URL names a PostgreSQL database (checked when connecting); any other URL-like
 * name is not an archive kirinuki opens; and a folder that does not exist is a typing mistake
 * unless `create` says to make it.
 *
 * @example
 * checkArchiveLocation('archive.db', false); // fine
 * checkArchiveLocation('postgres://u@h/db', false); // fine: a PostgreSQL archive
 * checkArchiveLocation('mysql://u@h/db', false); // throws a usage error
 */
export function checkArchiveLocation(path: string, create: boolean): void {
  if (/^postgres(ql)?:\/\//iu.test(path.trim())) return;
  const scheme = /^([a-z][a-z0-9+.-]+):/iu.exec(path)?.[1];
  if (scheme !== undefined)
    throw new UsageError(
      `--db ${path}: a ${scheme}: address is not an archive; give the path of a SQLite file or a postgres:// URL`,
    );
  const folder = dirname(path);
  if (!existsSync(folder)) {
    if (create) return;
    throw new UsageError(`--db ${path}: the folder ${folder} does not exist (--create makes it)`);
  }
  if (!statSync(folder).isDirectory())
    throw new UsageError(`--db ${path}: ${folder} is not a folder`);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UsageError(`--db ${path}: is a folder, not an archive file`);
}
