import { KirinukiError, type Entry } from '../../model/index.js';
import { entryText, matchKey } from './match-text.js';
import {
  estimateContainment,
  estimateJaccard,
  shingleHashes,
  sketch,
  type Sketch,
} from './minhash.js';
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
export function groupStories(entries: readonly Entry[], options: StoryOptions = {}): Story[] {
  if (entries.length >= INDEX_BITS) {
    throw new KirinukiError(
      'ingest',
      `groupStories takes at most ${INDEX_BITS - 1} entries a call`,
    );
  }
  const o = { ...DEFAULT_STORY_OPTIONS, ...options };
  const sketches = entries.map((e) =>
    sketch(shingleHashes(matchKey(entryText(e)), o.shingle), o.bins),
  );
  const sets = new UnionFind(entries.length);
  const bands = Math.floor(o.bins / o.bandRows);
  for (let band = 0; band < bands; band += 1) {
    for (const bucket of bucketsOf(sketches, band, o.bandRows))
      joinSimilar(bucket, sketches, sets, o);
  }
  return sets.groups().map((members) => {
    const ids = members.map((m) => (entries[m] as Entry).id);
    return { id: ids[0] as string, entryIds: ids };
  });
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
