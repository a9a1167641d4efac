import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
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
 * kirinuki archive and pass every check of `doctor`; an existing archive is replaced only with
 * `--force`. The copy is written and checked beside the archive, then renamed into place, so
 * a failure leaves the old archive as it was.
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
  if (existsSync(target) && !opts.force)
    throw new UsageError(`restore: ${target} exists (--force replaces it with ${file})`);
  const { openSqliteArchive } = await import('../../archive/index.js');
  // A kirinuki archive of this version, opened as it is (read-only: nothing made or migrated)…
  try {
    openSqliteArchive(file, { readonly: true }).close();
  } catch (e) {
    throw new UsageError(`restore: ${file} is not a kirinuki archive (${(e as Error).message})`);
  }
  // …then its copy checked, not the backup itself: the full-text check writes to its file.
  const tmp = `${target}.restoring`;
  copyFileSync(file, tmp);
  let failed: string[];
  try {
    const copy = openSqliteArchive(tmp);
    try {
      failed = copy
        .check()
        .filter((c) => !c.ok)
        .map((c) => `${c.name}: ${c.detail}`);
    } finally {
      copy.close();
    }
  } catch (e) {
    failed = [`not a kirinuki archive (${(e as Error).message})`];
  }
  if (failed.length > 0) {
    for (const side of ['', '-wal', '-shm']) rmSync(`${tmp}${side}`, { force: true });
    throw new UsageError(`restore: ${file} fails its checks: ${failed.join('; ')}`);
  }
  // The old archive's write-ahead log belongs to the old file: it must not meet the new one.
  for (const side of ['-wal', '-shm']) rmSync(`${target}${side}`, { force: true });
  renameSync(tmp, target);
  ctx.io.stdout.write(`restore: ${file} → ${target}\n`);
  return 0;
}
