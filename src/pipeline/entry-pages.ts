import type { Archive, StoredEntry } from '../archive/index.js';

/** A page of a list of entries, and how long the whole list is. */
export interface EntryPage {
  entries: StoredEntry[];
  total: number;
}

/**
 * A page of the archive's entries as the workbench lists them: one day's in digest order, or,
 * without a day, every entry by day, newest day first and each day in digest order. Days
 * before the page are skipped by their counts, not read.
 *
 * @example
 * entriesPage(archive, { day: '2024-03-05', limit: 20, offset: 0 }).total; // 4
 * entriesPage(archive, { limit: 50, offset: 0 }).entries[0]?.day; // the newest day
 */
export function entriesPage(
  archive: Archive,
  options: { day?: string; limit: number; offset: number },
): EntryPage {
  const { limit, offset } = options;
  if (options.day !== undefined) {
    const all = archive.entriesOfDay(options.day);
    return { entries: all.slice(offset, offset + limit), total: all.length };
  }
  const days = archive.filedDays();
  const total = days.reduce((n, d) => n + d.entries, 0);
  const entries: StoredEntry[] = [];
  let skip = offset;
  for (const { day, entries: count } of days) {
    if (entries.length >= limit) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    entries.push(...archive.entriesOfDay(day).slice(skip, skip + limit - entries.length));
    skip = 0;
  }
  return { entries, total };
}
