import { KirinukiError, type Entry } from '../../model/index.js';
import { entryText, matchText } from './match-text.js';
import { estimateContainment, estimateJaccard, keySketch, type Sketch } from './minhash.js';
import { UnionFind } from './union-find.js';

export interface StoryOptions {
  /** Characters per shingle; 2 suits Japanese, where most words are two kanji. Default 2. */
  shingle?: number;
  /** Sketch bins (a power of two). Default 128. */
  bins?: number;
  /** Bins per LSH band; fewer rows find less similar pairs and more candidates. Default 4. */
  bandRows?: number;
  /** Estimated Jaccard similarity at or above which two entries are one story. */
  jaccard?: number;
  /** Estimated containment of the shorter in the longer at or above which they are one story. */
  containment?: number;
  /** Shingles the shorter text needs for containment to count (a 5-character text is in everything). */
  minShingles?: number;
  /** LSH buckets larger than this are checked against their first member only. Default 50. */
  maxBucket?: number;
}

/** Thresholds tuned on `test/gold/stories` (see `eval/stories.ts`). */
export const DEFAULT_STORY_OPTIONS: Required<StoryOptions> = {
  shingle: 2,
  bins: 128,
  bandRows: 4,
  jaccard: 0.3,
  containment: 0.55,
  minShingles: 15,
  maxBucket: 50,
};

/** A story: entries that tell the same news, the first one standing for all. */
export interface Story {
  /** The id of the story's first entry. */
  id: string;
  entryIds: string[];
}

/**
 * Groups near-duplicate entries into stories — the same news from Reuters and NHK, a rewrite
 * of a wire story, a headline post and its article — by MinHash over character shingles of
 * the normalised text with LSH banding: entries are compared only when they agree on a whole
 * band, so the cost grows with the number of entries, not its square. Single-link: two
 * entries are in one story when a chain of similar pairs joins them. Pure.
 *
 * @example
 * groupStories(entries).filter((s) => s.entryIds.length > 1);
 */
export function groupStories(
  entries: readonly Entry[],
  options: StoryOptions = {},
  sketches: SketchCache = new Map(),
): Story[] {
  if (entries.length >= INDEX_BITS) {
    throw new KirinukiError(
      'ingest',
      `groupStories takes at most ${INDEX_BITS - 1} entries a call`,
    );
  }
  const o = { ...DEFAULT_STORY_OPTIONS, ...options };
  const sketched = entries.map((e) => sketchOf(e, o, sketches));
  const sets = new UnionFind(entries.length);
  const bands = Math.floor(o.bins / o.bandRows);
  for (let band = 0; band < bands; band += 1) {
    for (const bucket of bucketsOf(sketched, band, o.bandRows))
      joinSimilar(bucket, sketched, sets, o);
  }
  return sets.groups().map((members) => {
    const ids = members.map((m) => (entries[m] as Entry).id);
    return { id: ids[0] as string, entryIds: ids };
  });
}

/**
 * Sketches by entry id, kept between calls by a caller that groups overlapping sets of entries
 * (an import that looks at the days around each day it files). Only valid for one set of options.
 */
export type SketchCache = Map<string, Sketch>;

function sketchOf(entry: Entry, o: Required<StoryOptions>, cache: SketchCache): Sketch {
  const known = cache.get(entry.id);
  if (known) return known;
  const made = keySketch(matchText(entryText(entry)), o.shingle, o.bins);
  cache.set(entry.id, made);
  return made;
}

/** An entry already filed, with the story it is filed under. */
export interface FiledEntry {
  entry: Entry;
  story: string;
  /**
   * The story takes no more entries (the caller's rule: it started too long ago). Its entries
   * are still compared with nothing new, so single links cannot chain one story through months.
   */
  closed?: boolean;
}

/** What {@link assignStories} decides. */
export interface StoryAssignment {
  /** The story of each incoming entry, by entry id. */
  stories: Map<string, string>;
  /** Filed stories that the incoming entries join to another: `from` becomes `to`. */
  merges: { from: string; to: string }[];
}

/**
 * Stories for entries about to be filed, given the entries already filed around them (the
 * days before and after): an incoming entry joins the story of the filed entries it is similar
 * to, or starts one of its own (its id); when it is similar to entries of two filed stories it
 * joins them, the story filed first keeping its id. A `closed` story is joined by nothing.
 * `filed` is in filing order. Pure.
 *
 * @example
 * const { stories, merges } = assignStories(archive.entriesOfDays(from, to), batch.entries);
 */
export function assignStories(
  filed: readonly FiledEntry[],
  incoming: readonly Entry[],
  options: StoryOptions = {},
  sketches: SketchCache = new Map(),
): StoryAssignment {
  const o = { ...DEFAULT_STORY_OPTIONS, ...options };
  const storyOf = new Map(filed.map((f) => [f.entry.id, f.story]));
  // An incoming entry that is also filed (imported again) is taken as filed.
  const fresh = incoming.filter((e) => !storyOf.has(e.id));
  const all = [...filed.map((f) => f.entry), ...fresh];
  const sketched = all.map((e) => sketchOf(e, o, sketches));
  const sets = new UnionFind(all.length);
  // Filed entries of one story start out together, so joining two stories shows as a merge.
  const firstOfStory = new Map<string, number>();
  filed.forEach((f, i) => {
    const first = firstOfStory.get(f.story);
    if (first === undefined) firstOfStory.set(f.story, i);
    else sets.union(first, i);
  });
  // Only pairs with a new entry are compared: filed pairs were judged when they were filed
  // (with their own window), and judging them again would make stories depend on import order.
  const closed = filed.map((f) => f.closed === true);
  const bands = Math.floor(o.bins / o.bandRows);
  for (let band = 0; band < bands; band += 1)
    for (const bucket of bucketsOf(sketched, band, o.bandRows))
      joinWithNew(bucket, filed.length, closed, sketched, sets, o);
  const stories = new Map<string, string>();
  const merges: { from: string; to: string }[] = [];
  for (const members of sets.groups()) {
    const filedStories = [
      ...new Set(members.filter((m) => m < filed.length).map((m) => filed[m]?.story as string)),
    ];
    const story = filedStories[0] ?? (all[members[0] as number] as Entry).id;
    for (const from of filedStories.slice(1)) merges.push({ from, to: story });
    for (const m of members) if (m >= filed.length) stories.set((all[m] as Entry).id, story);
  }
  for (const e of incoming) if (storyOf.has(e.id)) stories.set(e.id, storyOf.get(e.id) as string);
  return { stories, merges };
}

/**
 * Joins the new members of one LSH bucket (indices from `firstNew` on) with every other
 * member they are similar to; a bucket larger than `maxBucket` compares each new member with
 * the bucket's first members only, as {@link joinSimilar} does.
 */
function joinWithNew(
  bucket: readonly number[],
  firstNew: number,
  closed: readonly boolean[],
  sketches: readonly Sketch[],
  sets: UnionFind,
  o: Required<StoryOptions>,
): void {
  const last = bucket[bucket.length - 1] as number;
  if (last < firstNew) return; // buckets are sorted by index: no new member
  const limit = bucket.length > o.maxBucket ? o.maxBucket : bucket.length;
  for (const i of bucket) {
    if (i < firstNew) continue;
    for (let y = 0; y < limit; y += 1) {
      const j = bucket[y] as number;
      if (j === i || (j >= firstNew && j > i)) continue; // each new pair once
      if (j < firstNew && closed[j] === true) continue;
      if (sets.find(i) !== sets.find(j) && similar(sketches[i] as Sketch, sketches[j] as Sketch, o))
        sets.union(i, j);
    }
  }
}

/** Whether two sketches are similar enough to be one story. */
export function similar(a: Sketch, b: Sketch, o: Required<StoryOptions>): boolean {
  if (estimateJaccard(a, b) >= o.jaccard) return true;
  return Math.min(a.size, b.size) >= o.minShingles && estimateContainment(a, b) >= o.containment;
}

/**
 * Joins the similar members of one LSH bucket. Pairs already in one story are skipped, which
 * is cheaper than remembering which pairs were checked; a bucket larger than `maxBucket`
 * (boilerplate every text shares) is checked against its first member only, so it costs its
 * size, not its square.
 */
function joinSimilar(
  bucket: readonly number[],
  sketches: readonly Sketch[],
  sets: UnionFind,
  o: Required<StoryOptions>,
): void {
  const firsts = bucket.length > o.maxBucket ? 1 : bucket.length;
  for (let x = 0; x < firsts; x += 1) {
    const i = bucket[x] as number;
    for (let y = x + 1; y < bucket.length; y += 1) {
      const j = bucket[y] as number;
      if (sets.find(i) !== sets.find(j) && similar(sketches[i] as Sketch, sketches[j] as Sketch, o))
        sets.union(i, j);
    }
  }
}

/** Sort keys pack a band hash (32 bits) and an entry index (21 bits) into one exact double. */
const INDEX_BITS = 2 ** 21;

/**
 * Entries grouped by the hash of their values in one band; only groups of two or more. Sorting
 * one Float64Array of packed keys is several times faster than a Map of arrays.
 */
function bucketsOf(sketches: readonly Sketch[], band: number, rows: number): number[][] {
  const keys = new Float64Array(sketches.length);
  sketches.forEach((s, i) => {
    let h = band;
    for (let r = band * rows; r < (band + 1) * rows; r += 1) {
      h = Math.imul(h ^ (s.values[r] as number), 0x01000193) >>> 0;
    }
    keys[i] = s.size === 0 ? Infinity : h * INDEX_BITS + i;
  });
  keys.sort();
  const buckets: number[][] = [];
  for (let start = 0; start < keys.length && keys[start] !== Infinity;) {
    const hash = Math.floor((keys[start] as number) / INDEX_BITS);
    let end = start + 1;
    while (end < keys.length && Math.floor((keys[end] as number) / INDEX_BITS) === hash) end += 1;
    if (end - start > 1) {
      buckets.push(Array.from(keys.subarray(start, end), (k) => k % INDEX_BITS));
    }
    start = end;
  }
  return buckets;
}
