import type { Archive, DerivedData, StoredEntry } from '../archive/index.js';
import {
  assignStories,
  identityOf,
  type FiledEntry,
  type SketchCache,
  type StoryOptions,
} from '../ingest/index.js';
import type { Knowledge } from '../nlp/index.js';
import { closedStories, STORY_SPAN_DAYS } from './story-span.js';
import { shiftDay } from './days.js';
import { entryPeople } from './entry-people.js';

export interface ReindexOptions {
  /** Re-annotate the text and refile who it quotes and mentions; without it, people stay. */
  knowledge?: Knowledge;
  /** Days either side of an entry's day to look for its story (default 2). */
  storyWindowDays?: number;
  /** Days after its first entry that a story still takes entries (default {@link STORY_SPAN_DAYS}). */
  storySpanDays?: number;
  stories?: StoryOptions;
  /** Entries written per transaction (default 2,000). */
  chunk?: number;
  onProgress?: (done: number) => void;
}

export interface ReindexReport {
  entries: number;
  /** Stories with more than one entry. */
  stories: number;
  /** Entries in those stories. */
  entriesInStories: number;
  /** Present and true when `reindexArchiveInSteps` was stopped before the last day. */
  cancelled?: boolean;
}

/**
 * Derives again, for every stored entry, what an import derives: identity keys (so later
 * captures of the same post are recognised), the people its text quotes and mentions (with
 * `knowledge`), and its story, regrouped from scratch day by day over a sliding window. For
 * archives filed by an older kirinuki, or after the knowledge or story thresholds changed.
 * Streams: memory holds the window and the members of multi-entry stories, not the archive.
 *
 * @example
 * const r = reindexArchive(archive, { knowledge });
 * r.stories; // stories with more than one entry
 */
export function reindexArchive(archive: Archive, options: ReindexOptions = {}): ReindexReport {
  const steps = reindexSteps(archive, options, () => false);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * `reindexArchive` for a process that has other work to do (the workbench server): it waits for
 * the event loop between days (at most every 20 ms of work), so requests are answered during a
 * long reindex, and stops after the day it is on when `signal` is aborted. What was derived so
 * far is written, story ids included, so every entry is either reindexed or as it was; the
 * report says `cancelled`, and running it again finishes the work.
 *
 * @example
 * const r = await reindexArchiveInSteps(archive, { knowledge, signal: job.signal });
 * r.cancelled; // true when aborted before the last day
 */
export async function reindexArchiveInSteps(
  archive: Archive,
  options: ReindexOptions & { signal?: AbortSignal } = {},
): Promise<ReindexReport> {
  const steps = reindexSteps(archive, options, () => options.signal?.aborted === true);
  let since = Date.now();
  let step = steps.next();
  while (!step.done) {
    if (Date.now() - since >= 20) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = Date.now();
    }
    step = steps.next();
  }
  return step.value;
}

/** The reindex, one day per step; `stop` is asked before each day. */
function* reindexSteps(
  archive: Archive,
  options: ReindexOptions,
  stop: () => boolean,
): Generator<void, ReindexReport> {
  let cancelled = false;
  const window = options.storyWindowDays ?? 2;
  const span = options.storySpanDays ?? STORY_SPAN_DAYS;
  const chunk = options.chunk ?? 2000;
  const sketches: SketchCache = new Map();
  // The stories of the last days — the day each started and its entries — until no entry of
  // theirs is left in the window: a story closed to new entries never changes again, so
  // memory holds the last days' stories, not the archive's.
  const open = new Map<string, { start: string; ids: string[] }>();
  const report = { entries: 0, stories: 0, entriesInStories: 0 };
  const forget = (story: string, members: { ids: string[] }): void => {
    if (members.ids.length > 1) {
      report.stories += 1;
      report.entriesInStories += members.ids.length;
    }
    open.delete(story);
  };
  let recent: (FiledEntry & { day: string })[] = [];
  let pending: DerivedData[] = [];
  const flush = (): void => {
    archive.updateDerived(pending);
    pending = [];
  };
  for (const day of daysOf(archive.allEntries())) {
    if (stop()) {
      cancelled = true;
      break;
    }
    const from = shiftDay(day.day, -window);
    recent = recent.filter((r) => r.day >= from);
    const closed = closedStories(
      recent.map((r) => ({ id: r.entry.id, day: r.day, story: r.story })),
      day.day,
      span,
      (story) => open.get(story)?.start ?? null,
    );
    const assigned = assignStories(
      recent.map((r) => ({ ...r, closed: closed.has(r.story) })),
      day.entries.map((s) => s.entry),
      options.stories,
      sketches,
    );
    for (const { from: old, to } of assigned.merges) {
      const [gone, kept] = [open.get(old), open.get(to)];
      if (gone && kept) {
        kept.ids.push(...gone.ids);
        if (gone.start < kept.start) kept.start = gone.start;
        open.delete(old);
        // Written under the story they had: written again under the one it joined.
        for (const id of gone.ids) pending.push({ id, story: to });
      }
      for (const r of recent) if (r.story === old) r.story = to;
    }
    for (const stored of day.entries) {
      const { entry } = stored;
      const story = assigned.stories.get(entry.id) ?? entry.id;
      const members = open.get(story);
      if (members) members.ids.push(entry.id);
      else open.set(story, { start: day.day, ids: [entry.id] });
      recent.push({ entry, story, day: day.day });
      pending.push({
        id: entry.id,
        keys: identityOf(entry).keys,
        story,
        ...(options.knowledge ? { people: entryPeople(entry, options.knowledge) } : {}),
      });
      report.entries += 1;
    }
    pruneSketches(sketches, recent);
    // A story that started this long ago is closed and has no entry left in the window.
    const forgotten = shiftDay(day.day, -(span + window + 1));
    for (const [story, members] of open) if (members.start < forgotten) forget(story, members);
    if (pending.length >= chunk) flush();
    options.onProgress?.(report.entries);
    yield;
  }
  flush();
  for (const [story, members] of open) forget(story, members);
  return { ...report, ...(cancelled ? { cancelled } : {}) };
}

/** Stored entries grouped by day, in day order (`allEntries` streams by day then position). */
function* daysOf(
  stored: Iterable<StoredEntry>,
): Generator<{ day: string; entries: StoredEntry[] }> {
  let current: { day: string; entries: StoredEntry[] } | null = null;
  for (const s of stored) {
    if (current && current.day !== s.day) {
      yield current;
      current = null;
    }
    current ??= { day: s.day, entries: [] };
    current.entries.push(s);
  }
  if (current) yield current;
}

/** Keeps the sketches of the window only, so memory does not grow with the archive. */
function pruneSketches(sketches: SketchCache, recent: readonly FiledEntry[]): void {
  if (sketches.size <= recent.length * 2) return;
  const keep = new Set(recent.map((r) => r.entry.id));
  for (const id of sketches.keys()) if (!keep.has(id)) sketches.delete(id);
}
