import type { Archive, StoredEntry } from '../archive/index.js';
import {
  digestStories,
  renderDigestText,
  renderStoryDigest,
  type DigestDay,
  type DigestStory,
  type StoryDigestInput,
} from '../publish/index.js';

/**
 * A day's digest from the archive, in the clip-document text format.
 *
 * @example
 * digestOfDay(archive, '2024-01-18'); // '…\n#NATOexpansion\n'
 */
export function digestOfDay(archive: Archive, day: string): string {
  return renderDigestText(digestDayOf(archive, day));
}

/**
 * A filed day as the publishing formats take it: its entries in filing order and its document
 * tag lines.
 *
 * @example
 * digestDayOf(archive, '2024-01-18').entries.length; // 15
 */
export function digestDayOf(archive: Archive, day: string): DigestDay {
  return {
    day,
    entries: archive.entriesOfDay(day).map((s) => s.entry),
    documentTagLines: archive.documentTagLinesOfDay(day),
  };
}

/**
 * The filed days from `from` to `to` (both included) as the publishing formats take them,
 * newest first — what a feed of the digests shows. Days with no entries are left out.
 *
 * @example
 * digestDaysOf(archive, '2024-03-01', '2024-03-06').map((d) => d.day); // ['2024-03-06', …]
 */
export function digestDaysOf(archive: Archive, from: string, to: string): DigestDay[] {
  const byDay = new Map<string, DigestDay['entries'][number][]>();
  for (const s of archive.entriesOfDays(from, to)) {
    const list = byDay.get(s.day);
    if (list) list.push(s.entry);
    else byDay.set(s.day, [s.entry]);
  }
  return [...byDay]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([day, entries]) => ({
      day,
      entries,
      documentTagLines: archive.documentTagLinesOfDay(day),
    }));
}

/**
 * What a day's story digest is made of: the day's entries with their stories, and every entry
 * of those stories (sources on other days included).
 */
export function storyDigestInput(archive: Archive, day: string): StoryDigestInput {
  const entries = archive.entriesOfDay(day);
  const stories = new Map<string, StoredEntry[]>();
  for (const s of entries)
    if (!stories.has(s.story)) stories.set(s.story, archive.entriesOfStory(s.story));
  return { entries, stories, documentTagLines: archive.documentTagLinesOfDay(day) };
}

/**
 * A day's digest with each story once and its other sources named (see `renderStoryDigest`).
 *
 * @example
 * storyDigestOfDay(archive, '2024-01-18');
 */
export function storyDigestOfDay(archive: Archive, day: string): string {
  return renderStoryDigest(storyDigestInput(archive, day));
}

/** A day's stories as data, for JSON output and the workbench. */
export function storiesOfDay(archive: Archive, day: string): DigestStory[] {
  return digestStories(storyDigestInput(archive, day));
}
