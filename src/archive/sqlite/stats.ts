import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { ArchiveStats } from '../archive.js';

/**
 * Archive statistics from the counters kept at import (per day, per tag, per handle), so it
 * costs a few small reads however large the archive is.
 */
export function archiveStats(db: Database, path: string): ArchiveStats {
  // A day whose entries were all dropped keeps its row (its document tag lines) but is no
  // filed day: the same rule as filedDays.
  const totals = db
    .prepare(
      `SELECT coalesce(sum(entry_count), 0) AS entries, count(*) AS days,
         coalesce(sum(summary_line_count), 0) AS summaryLines, min(day) AS firstDay, max(day) AS lastDay
       FROM days WHERE entry_count > 0`,
    )
    .get() as Pick<ArchiveStats, 'entries' | 'days' | 'summaryLines' | 'firstDay' | 'lastDay'>;
  const tags = db
    .prepare('SELECT tag, entry_count AS count FROM tags ORDER BY entry_count DESC, tag')
    .all() as ArchiveStats['tags'];
  const handles = db
    .prepare('SELECT handle, entry_count AS count FROM handles ORDER BY entry_count DESC, handle')
    .all() as ArchiveStats['handles'];
  return { ...totals, tags, handles, bytesOnDisk: bytesOnDisk(db, path) };
}

/** The database file plus its write-ahead log; for `:memory:`, the pages in use. */
function bytesOnDisk(db: Database, path: string): number {
  const pages =
    (db.pragma('page_count', { simple: true }) as number) *
    (db.pragma('page_size', { simple: true }) as number);
  if (path === ':memory:' || path === '') return pages;
  return fileSize(path) + fileSize(`${path}-wal`);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
