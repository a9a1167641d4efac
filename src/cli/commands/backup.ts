import { existsSync, renameSync, rmSync } from 'node:fs';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';

/**
 * `kirinuki backup FILE`: a consistent copy of the whole archive (SQLite's online backup),
 * taken while imports may go on. Refuses to overwrite a file unless `--force`.
 *
 * @example
 * await backupCommand(ctx, 'archive-2024-03-06.db', {}); // 0
 */
export async function backupCommand(
  ctx: CommandContext,
  file: string,
  opts: { force?: boolean },
): Promise<number> {
  if (existsSync(file) && !opts.force)
    throw new UsageError(`backup: ${file} exists (--force replaces it)`);
  const archive = await ctx.openArchive();
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  await archive.backup(tmp);
  renameSync(tmp, file);
  ctx.io.stdout.write(`backup: ${await ctx.archivePath()} → ${file}\n`);
  return 0;
}

/**
 * `kirinuki restore FILE`: makes a backup the archive again. The backup must open as a
 * kirinuki archive and pass every check of `doctor`; an archive that exists (a SQLite file) or
 * holds anything (PostgreSQL) is replaced only with `--force`.
 *
 * Into a SQLite file, the copy is written and checked beside the archive, then renamed into
 * place. Into PostgreSQL (`--db postgres://…`), it is restored and checked in a staging schema,
 * then made the archive in one transaction (`restoreBackupToPostgres`). Either way a failure
 * leaves the old archive as it was.
 *
 * @example
 * await restoreCommand(ctx, 'archive-2024-03-06.db', { force: true }); // 0
 */
export async function restoreCommand(
  ctx: CommandContext,
  file: string,
  opts: { force?: boolean },
): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`restore: cannot read ${file}: no such file`);
  const target = await ctx.archivePath();
  const { isPostgresUrl } = await import('../../archive/index.js');
  if (isPostgresUrl(target)) return restoreIntoPostgres(ctx, target.trim(), file, opts);
  if (existsSync(target) && !opts.force)
    throw new UsageError(`restore: ${target} exists (--force replaces it with ${file})`);
  const { checkBackupCopy } = await import('../../pipeline/index.js');
  const tmp = `${target}.restoring`;
  const checked = checkBackupCopy(file, tmp);
  if (!checked.ok) throw new UsageError(checked.error);
  // The old archive's write-ahead log belongs to the old file: it must not meet the new one.
  for (const side of ['-wal', '-shm']) rmSync(`${target}${side}`, { force: true });
  renameSync(tmp, target);
  ctx.io.stdout.write(`restore: ${file} → ${target}\n`);
  return 0;
}

/** `restore` into a PostgreSQL archive; a server that cannot be reached is a usage error. */
async function restoreIntoPostgres(
  ctx: CommandContext,
  url: string,
  file: string,
  opts: { force?: boolean },
): Promise<number> {
  const [{ PgConnectError, redactArchiveUrl }, { restoreBackupToPostgres }] = await Promise.all([
    import('../../archive/index.js'),
    import('../../pipeline/index.js'),
  ]);
  let restored: ReturnType<typeof restoreBackupToPostgres>;
  try {
    restored = restoreBackupToPostgres(url, file, opts);
  } catch (e) {
    if (e instanceof PgConnectError)
      throw new UsageError(`--db: ${e.message.replace(/^archive: /, '')}`);
    throw e;
  }
  if (!restored.ok) throw new UsageError(restored.error);
  const { entries, days, published, replacedEntries } = restored.value;
  ctx.io.stdout.write(
    `restore: ${file} → ${redactArchiveUrl(url)}: ${entries} entries, ${days} days, ${published} blog posts` +
      (replacedEntries > 0 ? ` (replacing ${replacedEntries} entries)` : '') +
      '\n',
  );
  return 0;
}
