import type { Archive } from '../archive/index.js';
import { bulkPacer } from '../pipeline/memory-pacer.js';
import { UsageError, type CliIo } from './io.js';

/** What every command gets: the io, the global options, and the archive when it needs one. */
export interface CommandContext {
  io: CliIo;
  /** `--json` given anywhere on the command line. */
  json: boolean;
  /**
   * The archive named by `--db`, `KIRINUKI_DB` or the default, without opening it: a file path,
   * or a `postgres://` URL.
   */
  archivePath(): Promise<string>;
  /** Opens the archive named by `--db`, `KIRINUKI_DB` or the default; closed by `run`. */
  openArchive(): Promise<Archive>;
}

/** Writes a value as pretty JSON with a final newline. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Opens the archive at `location`, the one way every command opens it: a `postgres://` or
 * `postgresql://` URL is a PostgreSQL database (its schema migrated), anything else a SQLite
 * file. A server that cannot be reached or refuses the login is a usage error naming the server
 * (exit 1), not an internal one.
 *
 * @example
 * const archive = await openArchiveAt('postgres://kirinuki@db.example/kirinuki');
 * const local = await openArchiveAt('/home/me/archive.db');
 */
export async function openArchiveAt(location: string): Promise<Archive> {
  const { isPostgresUrl, openPostgresArchive, openSqliteArchive, PgConnectError } =
    await import('../archive/index.js');
  // An import's index text is garbage as soon as it is written: collections are paced by it
  // as by what was read (a 50 MB paste peaked at 255 MB without). A unit of text indexed
  // leaves about six bytes behind — its sections joined, normalised, and three units of token
  // text: counted as 2, a 50 MB news paste peaked at 263 MB, as 6 at 246 MB, in the same time
  // (20,000 clips in 730 files: 15.5–15.7 s either way).
  if (!isPostgresUrl(location))
    return openSqliteArchive(location, { onIndexed: (units) => bulkPacer.done(6 * units) });
  try {
    return openPostgresArchive(location.trim());
  } catch (e) {
    if (e instanceof PgConnectError)
      throw new UsageError(`--db: ${e.message.replace(/^archive: /, '')}`);
    throw e;
  }
}
