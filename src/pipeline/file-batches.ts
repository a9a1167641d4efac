import { closedStories, storyStartIn, STORY_SPAN_DAYS } from './story-span.js';
import { createHash } from 'node:crypto';
import type { Archive, ImportBatch, ImportReport, StoredEntry } from '../archive/index.js';
import {
  assignStories,
  completeness,
  identityOf,
  isCurated,
  sameItem,
  type EntryIdentity,
  type FiledEntry,
  type SketchCache,
  type StoryOptions,
} from '../ingest/index.js';
import type { Entry } from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import { shiftDay } from './days.js';
import { withPeople } from './entry-people.js';

export interface FilingOptions {
  /** Annotate the entries and file who they quote and mention (`speaker:`, `person:`). */
  knowledge?: Knowledge;
  /**
   * Group entries into stories with the entries filed this many days before and after their
   * day (default 2); `false` files every entry as a story of its own.
   */
  storyWindowDays?: number | false;
  stories?: StoryOptions;
  /** Days after its first entry that a story still takes entries (default {@link STORY_SPAN_DAYS}). */
  storySpanDays?: number;
  /** Sketches kept across calls of one import run (see `SketchCache`). */
  sketches?: SketchCache;
}

/** What filing did: the archive's report plus what was recognised before it. */
export interface FilingReport extends ImportReport {
  /** Incoming entries dropped because the archive already holds them (or a fuller copy). */
  duplicates: number;
  /** New entries filed into a story with other entries. */
  joinedStories: number;
}

/**
 * Files batches in one transaction, recognising what the archive already holds: an entry that
 * is the same post or article as one filed earlier (same status id, canonical URL, author and
 * text, or the truncated start of it) is dropped, or supersedes the filed one when it is more
 * complete; a digest's clip (with summary lines) always supersedes a capture and is never
 * folded into another digest's clip. Each entry is then put in a story with the similar
 * entries filed around its day.
 *
 * @example
 * const r = fileBatches(archive, batches, { knowledge });
 * r.inserted; r.duplicates; r.replaced; r.joinedStories;
 */
export function fileBatches(
  archive: Archive,
  batches: readonly ImportBatch[],
  options: FilingOptions = {},
): FilingReport {
  if (batches.length === 0)
    return { inserted: 0, unchanged: 0, replaced: 0, duplicates: 0, joinedStories: 0 };
  let duplicates = 0;
  const known = withPeople(batches, options.knowledge).map((batch) => {
    const r = recognise(archive, batch);
    duplicates += r.duplicates;
    return r;
  });
  const grouped =
    options.storyWindowDays === false
      ? { batches: known.map((k) => k.batch), joined: 0 }
      : groupIntoStories(archive, known, options);
  const report = archive.importBatches(grouped.batches);
  return { ...report, duplicates, joinedStories: grouped.joined };
}

interface Recognised {
  batch: ImportBatch;
  duplicates: number;
  /** Filed entries this batch supersedes: their stories pass on. */
  superseded: StoredEntry[];
}

/** Drops what the archive already holds and marks what the batch supersedes. */
function recognise(archive: Archive, batch: ImportBatch): Recognised {
  const entries: Entry[] = [];
  const keys: Record<string, string[]> = {};
  const replaces: Record<string, string[]> = {};
  const superseded: StoredEntry[] = [];
  let duplicates = 0;
  const identities = batch.entries.map(identityOf);
  const matches = archive.matchKeys(identities.flatMap((i) => i.probes));
  batch.entries.forEach((incoming, i) => {
    const first = identities[i] as EntryIdentity;
    const filed = unique(first.probes.flatMap((k) => matches.get(k) ?? []));
    const entry = clipOfDay(incoming, filed, batch.day);
    const identity = entry === incoming ? first : identityOf(entry);
    const same = filed.filter((s) => s.entry.id !== entry.id && sameItem(s.entry, entry));
    const judged = judge(entry, same);
    if (judged === 'duplicate') {
      duplicates += 1;
      return;
    }
    entries.push(entry);
    keys[entry.id] = identity.keys;
    const verdict = [...judged, ...newerVersionOf(entry, filed)];
    if (verdict.length > 0) {
      replaces[entry.id] = verdict.map((s) => s.entry.id);
      superseded.push(...verdict);
    }
  });
  return { batch: { ...batch, entries, keys, replaces }, duplicates, superseded };
}

/**
 * The filed entry with the same id when the incoming one is a fuller version of it (a feed
 * item updated at the same URL): the new version replaces it. A digest's clip is never
 * replaced this way; importing the same thing again changes nothing.
 */
function newerVersionOf(entry: Entry, filed: readonly StoredEntry[]): StoredEntry[] {
  const self = filed.find((s) => s.entry.id === entry.id);
  if (!self || isCurated(self.entry) || isCurated(entry)) return [];
  return completeness(entry) > completeness(self.entry) ? [self] : [];
}

/**
 * A post clipped again in a later digest (same id, another day) is that day's clip too: it
 * gets an id of its own, derived from its id and the day, so each day's digest keeps it.
 */
function clipOfDay(entry: Entry, candidates: readonly StoredEntry[], day: string): Entry {
  if (!isCurated(entry)) return entry;
  // The entry's own id is one of its probe keys, so a filed copy is among the candidates.
  const filed = candidates.find((s) => s.entry.id === entry.id);
  if (filed === undefined || filed.day === day) return entry;
  const id = createHash('sha256').update(`${entry.id}@${day}`).digest('hex').slice(0, 16);
  return { ...entry, id };
}

/**
 * An incoming entry against the filed copies of it: `'duplicate'` to drop it, else the filed
 * copies it supersedes (none when it is new). Two digest clips never merge: a post clipped in
 * two digests stays in both days' digests.
 */
function judge(entry: Entry, same: readonly StoredEntry[]): 'duplicate' | StoredEntry[] {
  const captures = same.filter((s) => !isCurated(s.entry));
  if (isCurated(entry)) return captures;
  if (captures.length < same.length) return 'duplicate';
  if (captures.every((s) => completeness(entry) > completeness(s.entry))) return captures;
  return 'duplicate';
}

/**
 * Assigns stories batch by batch in day order, looking at the entries filed within the window
 * around each batch's day and at the entries of this run's earlier batches (not filed yet: they
 * are in the same transaction).
 */
function groupIntoStories(
  archive: Archive,
  known: readonly Recognised[],
  options: FilingOptions,
): { batches: ImportBatch[]; joined: number } {
  const window = options.storyWindowDays === undefined ? 2 : options.storyWindowDays || 0;
  const span = options.storySpanDays ?? STORY_SPAN_DAYS;
  const sketches = options.sketches ?? new Map();
  const pending: (FiledEntry & { day: string })[] = [];
  // The days of this run's entries, which the archive does not hold yet.
  const pendingDay = new Map<string, string>();
  const filedStart = storyStartIn(archive);
  let joined = 0;
  const byDay = [...known].sort((a, b) => a.batch.day.localeCompare(b.batch.day));
  const out: ImportBatch[] = [];
  for (const k of byDay) {
    const from = shiftDay(k.batch.day, -window);
    const to = shiftDay(k.batch.day, window);
    const filed = unique([...k.superseded, ...archive.entriesOfDays(from, to)]);
    const near = pending.filter((p) => p.day >= from && p.day <= to);
    const around = [
      ...filed.map((s) => ({ id: s.entry.id, day: s.day, story: s.story })),
      ...near.map((p) => ({ id: p.entry.id, day: p.day, story: p.story })),
    ];
    const closed = closedStories(
      around,
      k.batch.day,
      span,
      (story) => pendingDay.get(story) ?? filedStart(story),
    );
    const assigned = assignStories(
      [
        ...filed.map((s) => ({ entry: s.entry, story: s.story, closed: closed.has(s.story) })),
        ...near.map((p) => ({ ...p, closed: closed.has(p.story) })),
      ],
      k.batch.entries,
      options.stories,
      sketches,
    );
    for (const m of assigned.merges)
      for (const p of pending) if (p.story === m.from) p.story = m.to;
    const stories: Record<string, string> = {};
    for (const entry of k.batch.entries) {
      const story = assigned.stories.get(entry.id) ?? entry.id;
      if (story !== entry.id) {
        stories[entry.id] = story;
        joined += 1;
      }
      pending.push({ entry, story, day: k.batch.day });
      pendingDay.set(entry.id, k.batch.day);
    }
    out.push({ ...k.batch, stories, storyMerges: assigned.merges });
  }
  // In day order, so a merge never names a story whose entries come in a later batch.
  return { batches: out, joined };
}

function unique(entries: readonly StoredEntry[]): StoredEntry[] {
  const seen = new Set<string>();
  return entries.filter((s) => !seen.has(s.entry.id) && seen.add(s.entry.id));
}
