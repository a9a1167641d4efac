import type { Archive, StoredEntry } from '../archive/index.js';
import type { Diagnostic, Result } from '../model/index.js';
import { ok } from '../model/index.js';
import { readStoredTaxonomy, type TagStorePaths } from './tag-store.js';

/** A tag of the taxonomy or of the archive, with how many entries carry it. */
export interface TagSummary {
  tag: string;
  entries: number;
  /** The taxonomy's description of it; null when it has none or is not in the taxonomy. */
  description: string | null;
}

/** One tag over time: entries per day and the newest entries. */
export interface TagTimeline {
  tag: string;
  /** Entries carrying the tag, per day, oldest day first; days without any are left out. */
  perDay: { day: string; count: number }[];
  /** The newest entries carrying the tag, newest day first, at most `latest`. */
  latest: StoredEntry[];
}

/**
 * Every tag of the archive (with its entry count, from the archive's counters) and of the
 * taxonomy (with its description), most used first; a taxonomy tag no entry carries yet has
 * 0 entries.
 *
 * @example
 * const r = tagsOfArchive(archive, tagStorePaths(dbPath));
 * if (r.ok) r.value[0]; // { tag: 'ウクライナ戦況', entries: 42, description: '前線の動き' }
 */
export function tagsOfArchive(
  archive: Archive,
  paths: TagStorePaths,
): Result<TagSummary[], Diagnostic[]> {
  const taxonomy = readStoredTaxonomy(paths);
  if (!taxonomy.ok) return taxonomy;
  const described = new Map(taxonomy.value.tags.map((t) => [t.name, t.description ?? null]));
  const tags: TagSummary[] = archive.stats().tags.map(({ tag, count }) => ({
    tag,
    entries: count,
    description: described.get(tag) ?? null,
  }));
  const used = new Set(tags.map((t) => t.tag));
  for (const [tag, description] of described)
    if (!used.has(tag)) tags.push({ tag, entries: 0, description });
  return ok(tags);
}

/**
 * A tag's entries per day and its newest entries, from the archive's index of tags.
 *
 * @example
 * tagTimeline(archive, '原発', 10).perDay; // [{ day: '2024-03-05', count: 2 }, …]
 */
export function tagTimeline(archive: Archive, tag: string, latest: number): TagTimeline {
  return { tag, perDay: archive.tagDays(tag), latest: archive.entriesOfTag(tag, latest) };
}
