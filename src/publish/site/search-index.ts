import { normaliseForMatch } from '../../text/index.js';

/**
 * The site's search index, built at build time and read by `assets/search.js` with no server.
 *
 * Japanese has no spaces between words, and readers search for one or two characters (露, 停戦,
 * ハリ) as often as for names: the index keys are the single characters and the pairs of
 * adjacent characters of each entry's text, after the archive's own normalisation
 * (`normaliseForMatch`: width, case, katakana spelling variants, long vowel marks). A query
 * term of one character looks up its character; a longer term, each of its pairs, and an entry
 * matches when it holds them all (AND across terms).
 *
 * The archive is cut into segments, one a month, each searched on its own — so a one-day
 * change rebuilds one month's segment, and a search reads the newest months first and stops
 * when it has a page of results. A segment's keys are spread over shards by a hash, so a
 * query fetches one small file per key and month.
 */

/** One entry as the search index takes it. */
export interface SearchDoc {
  /** Its digest day, `YYYY-MM-DD`: the result links to the day's page. */
  day: string;
  /** The id of its element on the day's page. */
  anchor: string;
  title: string;
  /** Who published it. */
  author: string;
  /** The tags of its summary lines, space-separated. */
  tags: string;
  /** Its summary lines as written, one a line: what a result shows under its title. */
  lines: string;
  /** Everything searchable: post, body and summary lines. Links are left out of the index. */
  text: string;
}

/** A built segment: its documents' list and its shards, ready to be written. */
export interface SearchSegment {
  /** `docs.json`: `[day, anchor, title, author, tags, lines]` per document, in order. */
  docsJson: string;
  /** `0.bin`, `1.bin`, …: the postings of the keys that hash to each shard. */
  shards: Uint8Array[];
  docs: number;
}

/** The shape of `search/index.json`, which the search script reads first. */
export interface SearchManifest {
  version: number;
  /** Newest first. */
  segments: { dir: string; month: string; docs: number; shards: number }[];
}

/** Raised whenever the index's format changes: `search.js` checks it. */
export const SEARCH_INDEX_VERSION = 1;

/** Shards are sized for about this many bytes each. */
const SHARD_BYTES = 96 * 1024;
const MAX_SHARDS = 256;
const LINKS = /https?:\/\/\S+|pic\.twitter\.com\/\S+/g;

/**
 * The shard a key's postings live in: a multiplicative hash, the same in `search.js`.
 *
 * @example
 * shardOfKey(0x9732, 8); // 0–7
 */
export function shardOfKey(key: number, shards: number): number {
  return (Math.imul(key | 0, 0x9e3779b1) >>> 8) % shards;
}

/**
 * The index keys of a normalised text: each unit that is not white space (its code, below
 * 65,536), and each pair of such adjacent units (`first * 65536 + second`).
 *
 * @example
 * searchKeys('停戦'); // [0x505c, 0x6226, 0x505c * 65536 + 0x6226]
 */
export function searchKeys(normalised: string): number[] {
  const keys: number[] = [];
  forEachKey(normalised, (k) => keys.push(k));
  return keys;
}

function forEachKey(text: string, visit: (key: number) => void): void {
  let previous = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      previous = -1;
      continue;
    }
    visit(c);
    if (previous >= 0) visit(previous * 65536 + c);
    previous = c;
  }
}

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}

/**
 * The postings of a segment as they are built: an open-addressing table from key to a dense
 * key number, and every (key number, document) pair in the order met; `lists` then sorts the
 * pairs by key with a counting sort, which keeps each key's documents ascending. A month holds
 * millions of key occurrences: a `Map` of an object per key cost several times as much.
 */
class PostingTable {
  /** Slot → key (0: empty; no key is 0, as white space is never indexed). */
  private slots = new Uint32Array(1 << 16);
  /** Slot → the key's number. */
  private numbers = new Int32Array(1 << 16);
  /** Key number → key, and the last document added under it. */
  private keys = new Uint32Array(1 << 14);
  private lastDoc = new Int32Array(1 << 14);
  private keyCount = 0;
  /** Pair → key number and document. */
  private pairKeys = new Int32Array(1 << 21);
  private pairDocs = new Int32Array(1 << 21);
  private pairCount = 0;

  add(key: number, doc: number): void {
    const mask = this.slots.length - 1;
    let slot = slotOf(key, this.slots.length);
    while (this.slots[slot] !== key && this.slots[slot] !== 0) slot = (slot + 1) & mask;
    let number: number;
    if (this.slots[slot] === 0) {
      number = this.keyCount++;
      if (number === this.keys.length) {
        this.keys = grown(this.keys);
        this.lastDoc = grown(this.lastDoc);
      }
      this.slots[slot] = key;
      this.numbers[slot] = number;
      this.keys[number] = key;
      if (this.keyCount * 2 > this.slots.length) this.growSlots();
    } else {
      number = this.numbers[slot] as number;
      if (this.lastDoc[number] === doc) return;
    }
    this.lastDoc[number] = doc;
    if (this.pairCount === this.pairKeys.length) {
      this.pairKeys = grown(this.pairKeys);
      this.pairDocs = grown(this.pairDocs);
    }
    this.pairKeys[this.pairCount] = number;
    this.pairDocs[this.pairCount] = doc;
    this.pairCount += 1;
  }

  /** Each key with its documents, ascending. */
  lists(): { keys: Uint32Array; starts: Int32Array; docs: Int32Array } {
    const starts = new Int32Array(this.keyCount + 1);
    for (let i = 0; i < this.pairCount; i += 1) {
      const next = (this.pairKeys[i] as number) + 1;
      starts[next] = (starts[next] as number) + 1;
    }
    for (let k = 0; k < this.keyCount; k += 1)
      starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
    const sorted = new Int32Array(this.pairCount);
    const fill = starts.slice(0, this.keyCount);
    for (let i = 0; i < this.pairCount; i += 1) {
      const number = this.pairKeys[i] as number;
      const at = fill[number] as number;
      sorted[at] = this.pairDocs[i] as number;
      fill[number] = at + 1;
    }
    return { keys: this.keys.subarray(0, this.keyCount), starts, docs: sorted };
  }

  private growSlots(): void {
    const size = this.slots.length * 2;
    const slots = new Uint32Array(size);
    const numbers = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < this.keyCount; k += 1) {
      const key = this.keys[k] as number;
      let slot = slotOf(key, size);
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = key;
      numbers[slot] = k;
    }
    this.slots = slots;
    this.numbers = numbers;
  }
}

function grown<T extends Int32Array | Uint32Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * The home slot of a key in a table of `size` (a power of two) slots: the high bits of a
 * multiplicative hash. (The low bits of a pair's key are its second character alone.)
 */
function slotOf(key: number, size: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (Math.clz32(size) + 1);
}

/**
 * One segment of the index from its documents, in the order they are numbered (filing order).
 * Pure: the caller writes `docs.json` and the shards under the segment's directory.
 *
 * @example
 * const seg = buildSearchSegment(docsOfMarch);
 * seg.shards.length; // 1 for a small month
 */
export function buildSearchSegment(docs: readonly SearchDoc[]): SearchSegment {
  const table = new PostingTable();
  docs.forEach((doc, n) => {
    const text = normaliseForMatch(doc.text.replace(LINKS, ' '));
    let previous = -1;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        previous = -1;
        continue;
      }
      table.add(c, n);
      if (previous >= 0) table.add(previous * 65536 + c, n);
      previous = c;
    }
  });
  const { keys, starts, docs: postings } = table.lists();
  // Every key's postings, delta-coded, one after the other in one buffer.
  const bytes = new Uint8Array(postings.length * 5);
  const offsets = new Int32Array(keys.length + 1);
  let at = 0;
  for (let k = 0; k < keys.length; k += 1) {
    offsets[k] = at;
    let previous = 0;
    for (let p = starts[k] as number; p < (starts[k + 1] as number); p += 1) {
      const doc = postings[p] as number;
      at = writeVarint(bytes, at, doc - previous);
      previous = doc;
    }
  }
  offsets[keys.length] = at;
  const shardCount = Math.min(
    MAX_SHARDS,
    Math.max(1, Math.ceil((at + keys.length * 8) / SHARD_BYTES)),
  );
  const byShard: number[][] = Array.from({ length: shardCount }, () => []);
  for (let k = 0; k < keys.length; k += 1)
    byShard[shardOfKey(keys[k] as number, shardCount)]?.push(k);
  const shards = byShard.map((numbers) => {
    numbers.sort((a, b) => (keys[a] as number) - (keys[b] as number));
    return encodeShard(numbers, keys, starts, bytes, offsets);
  });
  const docsJson = JSON.stringify(
    docs.map((d) => [d.day, d.anchor, d.title, d.author, d.tags, d.lines]),
  );
  return { docsJson, shards, docs: docs.length };
}

/**
 * A shard: the number of keys, then per key (ascending) the key's delta from the previous
 * key, its number of documents and its postings' length in bytes, all varints; then the
 * postings, key after key.
 */
function encodeShard(
  numbers: readonly number[],
  keys: Uint32Array,
  starts: Int32Array,
  bytes: Uint8Array,
  offsets: Int32Array,
): Uint8Array {
  let size = 5;
  for (const k of numbers) size += 15 + (offsets[k + 1] as number) - (offsets[k] as number);
  const out = new Uint8Array(size);
  let at = writeVarint(out, 0, numbers.length);
  let previous = 0;
  for (const k of numbers) {
    const key = keys[k] as number;
    at = writeVarint(out, at, key - previous);
    at = writeVarint(out, at, (starts[k + 1] as number) - (starts[k] as number));
    at = writeVarint(out, at, (offsets[k + 1] as number) - (offsets[k] as number));
    previous = key;
  }
  for (const k of numbers) {
    out.set(bytes.subarray(offsets[k], offsets[k + 1]), at);
    at += (offsets[k + 1] as number) - (offsets[k] as number);
  }
  return out.slice(0, at);
}

/** Writes `value` (below 2^35) as a little-endian base-128 varint; returns the next offset. */
function writeVarint(out: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    out[at++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  out[at++] = v;
  return at;
}
