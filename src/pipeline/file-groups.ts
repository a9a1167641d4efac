import {
  ArchiveBusyError,
  hasImportGroups,
  type Archive,
  type ImportGroup,
  type ImportGroups,
} from '../archive/index.js';
import type { ImportSummary } from './import-files.js';

/** Files filed with one commit at most. */
export const GROUP_FILES = 32;
/** …and entries: a group's full-text rows wait in memory for its commit. */
export const GROUP_ENTRIES = 2_000;

/**
 * Files many small files with one commit, where the archive can (`openImportGroup`): a day's
 * clip document of a few dozen entries cost an import more in its commit — SQLite and FTS5
 * writing the index for it — than in its rows. Each file is still whole or absent: when one
 * fails inside a group, the group is rolled back and its files are filed again one by one, each
 * in its own transaction, so the failure is that file's alone, as without groups. A process that
 * ends before `finish` stores the open group's files not at all, never in part.
 *
 * @example
 * const groups = new GroupedFiling(archive, summary);
 * for (const file of files) groups.file(() => fileRead(archive, file));
 * groups.finish();
 */
export class GroupedFiling {
  private readonly archive: (Archive & ImportGroups) | null;
  private group: ImportGroup | null = null;
  /** How to file again each file of the open group, on its own. */
  private filed: (() => void)[] = [];
  /** The summary's lengths when the group opened: what its files added is taken out on rollback. */
  private mark = { files: 0, diagnostics: 0 };

  constructor(
    archive: Archive,
    private readonly summary: ImportSummary,
  ) {
    this.archive = hasImportGroups(archive) ? archive : null;
  }

  /** Files one file by `work` (which records it in the summary), in the open group or a new one. */
  file(work: () => void): void {
    if (!this.open()) {
      work();
      return;
    }
    try {
      work();
    } catch {
      const again = this.filed;
      this.abandon();
      for (const redo of again) redo();
      // On its own, as without groups: it fails again (and throws) or is filed.
      work();
      return;
    }
    this.filed.push(work);
    const entries = this.group?.entries() ?? 0;
    if (this.filed.length >= GROUP_FILES || entries >= GROUP_ENTRIES) this.finish();
  }

  /**
   * Commits the open group, if any. A commit that fails stored none of the group: its files are
   * filed again one by one.
   */
  finish(): void {
    const group = this.group;
    if (!group) return;
    const again = this.filed;
    this.group = null;
    this.filed = [];
    try {
      group.commit();
    } catch {
      this.forget();
      for (const redo of again) redo();
    }
  }

  /** Rolls the open group back and takes its files out of the summary. */
  abandon(): void {
    this.group?.rollback();
    this.group = null;
    this.filed = [];
    this.forget();
  }

  /** Takes what the group's files added out of the summary. */
  private forget(): void {
    this.summary.files.length = this.mark.files;
    this.summary.diagnostics.length = this.mark.diagnostics;
  }

  /** Whether a group is open, opening one when none is; false when the archive has none or is busy. */
  private open(): boolean {
    if (this.group) return true;
    if (!this.archive) return false;
    try {
      this.group = this.archive.openImportGroup();
    } catch (e) {
      // Another process is writing: this file waits and retries on its own.
      if (e instanceof ArchiveBusyError) return false;
      throw e;
    }
    this.mark = { files: this.summary.files.length, diagnostics: this.summary.diagnostics.length };
    return true;
  }
}
