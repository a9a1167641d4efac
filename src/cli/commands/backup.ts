import { existsSync, renameSync, rmSync } from 'node:fs';
import type { TagDocumentKind } from '../../pipeline/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { cliTagStorePaths } from '../tagger.js';

/**
 * `kirinuki backup FILE`: a consistent copy of the whole archive (SQLite's online backup; a
 * PostgreSQL archive's one snapshot written as a SQLite archive), taken while imports may go
 * on, with the archive's tag store — the taxonomy, the learned tag model and style, kept
 * beside a SQLite archive or in a PostgreSQL archive's database — inside the same file
 * (`writeTagStoreToBackup`), so that `restore` brings back the curator's learned tags too.
 * Refuses to overwrite a file unless `--force`.
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
  const paths = await cliTagStorePaths(ctx, undefined);
  const { readTagStoreSnapshot, tagDocumentWords, TAG_DOCUMENT_KINDS, writeTagStoreToBackup } =
    await import('../../pipeline/index.js');
  const { redactArchiveUrl } = await import('../../archive/index.js');
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  try {
    await archive.backup(tmp);
    // Read after the entries: a lesson learned meanwhile is in the copy's model, and a lesson
    // is about entries the archive holds (learning never removes one).
    const snapshot = readTagStoreSnapshot(paths);
    writeTagStoreToBackup(tmp, snapshot);
    renameSync(tmp, file);
    const kept = TAG_DOCUMENT_KINDS.filter((k) => snapshot[k] !== undefined);
    ctx.io.stdout.write(
      // A connection string may hold a password: never printed.
      `backup: ${redactArchiveUrl(await ctx.archivePath())} → ${file}` +
        (kept.length > 0 ? ` (with its ${tagDocumentWords(kept)})` : '') +
        '\n',
    );
  } finally {
    for (const side of ['', '-wal', '-shm']) rmSync(`${tmp}${side}`, { force: true });
  }
  return 0;
}

/**
 * `kirinuki restore FILE`: makes a backup the archive again. The backup must open as a
 * kirinuki archive and pass every check of `doctor`, and the tag store it carries must read;
 * an archive that exists (a SQLite file) or holds anything (PostgreSQL), or whose tag store the
 * backup's would change, is replaced only with `--force`.
 *
 * Into a SQLite file, the copy is written and checked beside the archive, then renamed into
 * place, and the backup's tag store written beside it (documents it lacks removed). Into
 * PostgreSQL (`--db postgres://…`), it is restored and checked in a staging schema, then made
 * the archive, tag store included, in one transaction (`restoreBackupToPostgres`). Either way a
 * failure before that leaves the old archive as it was. A backup from before backups carried
 * the tag store leaves the archive's as it is, and says so.
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
  const { isPostgresUrl, dropBackupDocuments } = await import('../../archive/index.js');
  if (isPostgresUrl(target)) return restoreIntoPostgres(ctx, target.trim(), file, opts);
  if (existsSync(target) && !opts.force)
    throw new UsageError(`restore: ${target} exists (--force replaces it with ${file})`);
  const {
    changedTagDocuments,
    checkBackupCopy,
    readTagStoreOfBackup,
    replaceTagFiles,
    tagDocumentWords,
    TAG_DOCUMENT_KINDS,
  } = await import('../../pipeline/index.js');
  const tmp = `${target}.restoring`;
  const checked = checkBackupCopy(file, tmp);
  if (!checked.ok) throw new UsageError(checked.error);
  const paths = await cliTagStorePaths(ctx, undefined);
  let restored: TagDocumentKind[] | null;
  try {
    const tagStore = readTagStoreOfBackup(tmp, file);
    if (!tagStore.ok) throw new UsageError(`restore: ${tagStore.error}`);
    const snapshot = tagStore.value;
    if (snapshot !== null && !opts.force) {
      const changed = changedTagDocuments(paths, snapshot);
      if (changed.length > 0)
        throw new UsageError(
          `restore: the archive's ${tagDocumentWords(changed)} (${changed.map((k) => paths[k]).join(', ')}) exist and are not the backup's (--force replaces them with ${file}'s)`,
        );
    }
    // A live SQLite archive keeps its tag store beside it, not inside.
    dropBackupDocuments(tmp);
    // The old archive's write-ahead log belongs to the old file: it must not meet the new one.
    for (const side of ['-wal', '-shm']) rmSync(`${target}${side}`, { force: true });
    renameSync(tmp, target);
    if (snapshot !== null) replaceTagFiles(paths, snapshot);
    restored =
      snapshot === null ? null : TAG_DOCUMENT_KINDS.filter((k) => snapshot[k] !== undefined);
  } finally {
    for (const side of ['', '-wal', '-shm']) rmSync(`${tmp}${side}`, { force: true });
  }
  if (restored === null)
    ctx.io.stderr.write(
      `restore: ${file} carries no tag store (a backup of an older kirinuki): the taxonomy, tag model and style beside ${target} were left as they were\n`,
    );
  ctx.io.stdout.write(
    `restore: ${file} → ${target}` +
      (restored !== null && restored.length > 0
        ? ` (with its ${tagDocumentWords(restored)})`
        : '') +
      '\n',
  );
  return 0;
}

/** `restore` into a PostgreSQL archive; a server that cannot be reached is a usage error. */
async function restoreIntoPostgres(
  ctx: CommandContext,
  url: string,
  file: string,
  opts: { force?: boolean },
): Promise<number> {
  const [{ PgConnectError, redactArchiveUrl }, { restoreBackupToPostgres, tagDocumentWords }] =
    await Promise.all([import('../../archive/index.js'), import('../../pipeline/index.js')]);
  let restored: ReturnType<typeof restoreBackupToPostgres>;
  try {
    const tagStore = await cliTagStorePaths(ctx, undefined);
    restored = restoreBackupToPostgres(url, file, { ...opts, tagStore });
  } catch (e) {
    if (e instanceof PgConnectError)
      throw new UsageError(`--db: ${e.message.replace(/^archive: /, '')}`);
    throw e;
  }
  if (!restored.ok) throw new UsageError(restored.error);
  const { entries, days, published, replacedEntries, tagDocuments } = restored.value;
  if (tagDocuments === null)
    ctx.io.stderr.write(
      `restore: ${file} carries no tag store (a backup of an older kirinuki): the archive's taxonomy, tag model and style were left as they were\n`,
    );
  ctx.io.stdout.write(
    `restore: ${file} → ${redactArchiveUrl(url)}: ${entries} entries, ${days} days, ${published} blog posts` +
      (tagDocuments !== null && tagDocuments.length > 0
        ? `, its ${tagDocumentWords(tagDocuments)}`
        : '') +
      (replacedEntries > 0 ? ` (replacing ${replacedEntries} entries)` : '') +
      '\n',
  );
  return 0;
}
