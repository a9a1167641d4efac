import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dropPostgresSchema,
  openPostgresArchive,
  openSqliteArchive,
  redactArchiveUrl,
  replacePostgresContents,
  type Archive,
} from '../archive/index.js';
import { err, ok, type Result } from '../model/index.js';
import { archiveDumpLines } from './export-archive-dump.js';
import type { FileLine } from './file-lines.js';
import { restoreArchiveDump } from './restore-archive-dump.js';
import { TAG_DOCUMENT_KINDS, type TagDocumentKind } from './tag-documents.js';
import { tagStorePaths, type TagStorePaths } from './tag-store.js';
import {
  changedTagDocuments,
  databaseDocuments,
  readTagStoreOfBackup,
  tagDocumentWords,
} from './tag-store-snapshot.js';

/** What restoring a backup into PostgreSQL did. */
export interface PostgresRestoreReport {
  /** Entries, days and remembered blog posts of the backup, now the archive's. */
  entries: number;
  days: number;
  published: number;
  /** Entries the archive held before and no longer does (0 unless `force`). */
  replacedEntries: number;
  /**
   * The tag store's documents the backup carried, now the archive's (those it lacked were
   * cleared); null for a backup from before backups carried the tag store, which left the
   * archive's as they were.
   */
  tagDocuments: TagDocumentKind[] | null;
}

export interface PostgresRestoreOptions {
  force?: boolean;
  /** The archive's tag store (default `tagStorePaths(url)`): to compare before replacing. */
  tagStore?: TagStorePaths;
}

/**
 * Copies a backup (`kirinuki backup`: a SQLite archive file) to `copy` and checks the copy:
 * it must open as a kirinuki archive of this version, read-only (nothing made or migrated),
 * and pass every check of `doctor`. The copy is checked, not the backup itself, because the
 * full-text check writes to its file. On failure the copy is removed and the message says why.
 *
 * @example
 * const r = checkBackupCopy('archive-2024-03-06.db', '/tmp/k/backup.db');
 * if (!r.ok) console.error(r.error); // 'restore: x.db is not a kirinuki archive (…)'
 */
export function checkBackupCopy(file: string, copy: string): Result<void, string> {
  try {
    openSqliteArchive(file, { readonly: true }).close();
  } catch (e) {
    return err(`restore: ${file} is not a kirinuki archive (${(e as Error).message})`);
  }
  copyFileSync(file, copy);
  let failed: string[];
  try {
    const opened = openSqliteArchive(copy);
    try {
      failed = opened
        .check()
        .filter((c) => !c.ok)
        .map((c) => `${c.name}: ${c.detail}`);
    } finally {
      opened.close();
    }
  } catch (e) {
    failed = [`not a kirinuki archive (${(e as Error).message})`];
  }
  if (failed.length === 0) return ok(undefined);
  for (const side of ['', '-wal', '-shm']) rmSync(`${copy}${side}`, { force: true });
  return err(`restore: ${file} fails its checks: ${failed.join('; ')}`);
}

/**
 * Makes a backup (a SQLite archive file written by `kirinuki backup`) the PostgreSQL archive
 * at `url`, losslessly: the same entries with their ids, days, order, sources, stories, keys
 * and people, each day's document tag lines, the days' blog posts — what `export` of either
 * gives is the same bytes.
 *
 * Never half-written: the backup is checked as `doctor` checks (a file that is not a kirinuki
 * archive, or is damaged, is refused with the reason), then restored into a staging schema of
 * the same database and checked there, and only then does one transaction empty the archive's
 * tables and fill them from the staging copy (`replacePostgresContents`). Whatever fails
 * before that transaction commits leaves the archive as it was; the staging schema is dropped
 * either way. The backup's tag store (taxonomy, tag model, style: `readTagStoreOfBackup`) is
 * checked with the rest and becomes the archive's shared documents in that same transaction
 * (each with a higher version, so running servers see the change); a backup without one (an
 * older kirinuki's) leaves the archive's documents alone. An archive that holds anything —
 * entries, days, blog posts, tag documents the backup would change — is replaced only with
 * `force`. Accounts and the audit log are not in a backup and are kept.
 *
 * @example
 * const r = restoreBackupToPostgres('postgres://kirinuki@db/k', 'archive.db', { force: false });
 * if (r.ok) r.value.entries; // 29
 */
export function restoreBackupToPostgres(
  url: string,
  file: string,
  options: PostgresRestoreOptions,
): Result<PostgresRestoreReport, string> {
  const where = redactArchiveUrl(url);
  const scratch = mkdtempSync(join(tmpdir(), 'kirinuki-restore-'));
  try {
    const copy = join(scratch, 'backup.db');
    const checked = checkBackupCopy(file, copy);
    if (!checked.ok) return checked;
    const tagStore = readTagStoreOfBackup(copy, file);
    if (!tagStore.ok) return err(`restore: ${tagStore.error}`);
    const target = openPostgresArchive(url);
    const backup = openSqliteArchive(copy, { readonly: true });
    const staging = `kirinuki_restore_${process.pid}_${randomBytes(4).toString('hex')}`;
    try {
      const replacedEntries = target.stats().entries;
      const changed =
        tagStore.value === null
          ? []
          : changedTagDocuments(options.tagStore ?? tagStorePaths(url), tagStore.value);
      if ((holdings(target) > 0 || changed.length > 0) && !options.force)
        return err(
          `restore: ${where} holds ${replacedEntries} entries` +
            (changed.length > 0 ? ` and its own ${tagDocumentWords(changed)}` : '') +
            ` (--force replaces the archive with ${file})`,
        );
      const staged = stage(url, staging, backup, file);
      if (!staged.ok) return staged;
      replacePostgresContents(
        url,
        staging,
        tagStore.value === null ? {} : databaseDocuments(tagStore.value),
      );
      // What `import` does after a large import: the ranking lists and planner statistics.
      if (staged.value.entries >= 1000) target.optimize();
      const snapshot = tagStore.value;
      return ok({
        ...staged.value,
        replacedEntries,
        tagDocuments:
          snapshot === null ? null : TAG_DOCUMENT_KINDS.filter((k) => snapshot[k] !== undefined),
      });
    } finally {
      backup.close();
      target.close();
      dropPostgresSchema(url, staging);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Entries, days and blog posts the archive holds: 0 for an empty one. */
function holdings(archive: Archive): number {
  return archive.stats().entries + archive.allDays().length + archive.allPublishedPosts().length;
}

/**
 * The backup restored into a fresh archive in schema `staging` — through the archive dump, the
 * path whose round trip is tested lossless — and checked; every problem is a refusal.
 */
function stage(
  url: string,
  staging: string,
  backup: Archive,
  file: string,
): Result<Omit<PostgresRestoreReport, 'replacedEntries' | 'tagDocuments'>, string> {
  const archive = openPostgresArchive(url, { schema: staging });
  try {
    const summary = restoreArchiveDump(archive, numbered(archiveDumpLines(backup)), file);
    const problems = summary.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => d.message);
    if (problems.length > 0 || summary.skipped > 0 || !summary.restored)
      return err(`restore: ${file} could not be restored whole: ${problems.join('; ')}`);
    const failed = archive
      .check()
      .filter((c) => !c.ok)
      .map((c) => `${c.name}: ${c.detail}`);
    if (failed.length > 0)
      return err(`restore: ${file} restored fails its checks: ${failed.join('; ')}`);
    const stats = archive.stats();
    return ok({
      entries: stats.entries,
      days: archive.allDays().length,
      published: archive.allPublishedPosts().length,
    });
  } finally {
    archive.close();
  }
}

/** Dump lines as the lines of a file, numbered from 1. */
function* numbered(lines: Iterable<string>): Generator<FileLine> {
  let line = 0;
  for (const text of lines) {
    line += 1;
    yield { text, line, ended: true };
  }
}
