import type { Archive } from '../archive/index.js';
import { shiftDay } from './days.js';

/**
 * How many days after its first entry a story still takes entries. Stories join entries by
 * single links (each similar to one member), so with no bound the daily reports of a long war
 * chain into one story: a reindex of a million generated clips put 999,993 of them in one.
 * News told across outlets is told within days; a week leaves room for a developing story.
 */
export const STORY_SPAN_DAYS = 7;

/** A filed entry of the days around an import or reindex: its id, day and story. */
export interface WindowEntry {
  id: string;
  day: string;
  story: string;
}

/**
 * Which stories of the window take no more entries on `day`: those that started more than
 * `spanDays` before it. A story starts on the day of its first entry, whose id it bears; when
 * that entry is not in the window it is looked up with `startOf` (null: not found, and the
 * story is taken to start with its earliest entry in the window).
 *
 * @example
 * closedStories(window, '2024-03-20', 7, (id) => archive.findEntry(id)?.day ?? null).has('a1');
 */
export function closedStories(
  window: readonly WindowEntry[],
  day: string,
  spanDays: number,
  startOf: (story: string) => string | null,
): Set<string> {
  const dayOf = new Map<string, string>();
  const earliest = new Map<string, string>();
  for (const w of window) {
    dayOf.set(w.id, w.day);
    const e = earliest.get(w.story);
    if (e === undefined || w.day < e) earliest.set(w.story, w.day);
  }
  const oldest = shiftDay(day, -spanDays);
  const closed = new Set<string>();
  for (const [story, first] of earliest) {
    const start = dayOf.get(story) ?? startOf(story) ?? first;
    if (start < oldest) closed.add(story);
  }
  return closed;
}

/** `startOf` for `closedStories` from the archive: the day its first entry is filed under. */
export function storyStartIn(archive: Archive): (story: string) => string | null {
  return (story) => archive.findEntry(story)?.day ?? null;
}
