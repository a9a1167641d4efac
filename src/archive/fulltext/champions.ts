import { isIndexable } from './bigram-tokens.js';
import type { EntrySections } from './entry-text.js';
import { documentLength, SECTION_WEIGHTS } from './bm25.js';
import { pairSlot } from './pair-slot.js';
import { recencyFactor, termImpact } from './ranking.js';

/**
 * Champion lists (top-k tiered postings): for each character and each pair of characters found
 * in many entries, the entries where it has the highest BM25 impact (`termImpact`, the part of
 * the score that does not depend on the query), best first.
 *
 * A term's frequency in an entry is at most that of each character pair it contains, so an
 * entry where a term is strong is among the strong entries of each of its pairs. Ranking a
 * term found in most entries then needs only the champions of its pairs and the newest
 * matches (for the recency blend) scored exactly, instead of every match: a bounded amount of
 * work whatever the archive size. Pure: a backend stores the lists as it likes.
 */
export interface ChampionList {
  /** One normalised character, or two. */
  key: string;
  /** Entries holding the key (at build time). */
  df: number;
  /** The lowest impact of the entries kept for impact alone (0: every entry holding it). */
  floor: number;
  /**
   * The lowest impact × recency factor at build time of the entries kept for it (0: every
   * entry holding it).
   */
  blendFloor: number;
  /**
   * Rowids: the entries of highest impact, then those of highest impact times the recency
   * factor at build time (`recencyFactor`) not already listed.
   */
  rowids: number[];
  /**
   * The weighted frequency of the key in each of `rowids` and the entry's length, from which
   * its impact is computed with the archive's average length at query time.
   */
  tfs: number[];
  lengths: number[];
  /** The recency factor of each of `rowids` at build time (`recencyFactor`). */
  recencies: number[];
}

/** Keys kept per list. */
export const CHAMPIONS_PER_KEY = 64;

/**
 * The keys whose champion lists serve a normalised term: the term itself when it is one
 * character, else its pairs of consecutive indexable characters.
 *
 * @example
 * championKeys('露'); // ['露']
 * championKeys('ロシア'); // ['ロシ', 'シア']
 */
export function championKeys(normalised: string): string[] {
  const chars = [...normalised];
  if (chars.length === 1) return isIndexable(chars[0]?.codePointAt(0) ?? 0) ? chars : [];
  const keys: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const a = chars[i] as string;
    const b = chars[i + 1] as string;
    if (isIndexable(a.codePointAt(0) ?? 0) && isIndexable(b.codePointAt(0) ?? 0)) keys.push(a + b);
  }
  return [...new Set(keys)];
}

/** A bounded min-heap of (key, rowid, impact): the `capacity` of highest key seen. */
class TopK {
  readonly impacts: number[] = [];
  readonly rowids: number[] = [];
  /** What is kept with each entry: its frequency and length (see {@link packed}). */
  readonly payload: number[] = [];
  /** And its recency factor. */
  readonly recency: number[] = [];

  /** What an offer must exceed to be kept: the lowest kept once full, until then -∞. */
  least = -Infinity;

  constructor(private readonly capacity: number) {}

  offer(impact: number, rowid: number, payload: number, recency: number): void {
    const n = this.impacts.length;
    if (n < this.capacity) {
      this.impacts.push(impact);
      this.rowids.push(rowid);
      this.payload.push(payload);
      this.recency.push(recency);
      this.up(n);
    } else if (impact > (this.impacts[0] as number)) {
      this.impacts[0] = impact;
      this.rowids[0] = rowid;
      this.payload[0] = payload;
      this.recency[0] = recency;
      this.down(0);
    } else return;
    if (this.impacts.length >= this.capacity) this.least = this.impacts[0] as number;
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.impacts[p] as number) <= (this.impacts[i] as number)) return;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.impacts.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && (this.impacts[l] as number) < (this.impacts[m] as number)) m = l;
      if (r < n && (this.impacts[r] as number) < (this.impacts[m] as number)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    swapAt(this.impacts, a, b);
    swapAt(this.rowids, a, b);
    swapAt(this.payload, a, b);
    swapAt(this.recency, a, b);
  }

  /** The lowest kept, when full (else 0). */
  floor(): number {
    return this.impacts.length >= this.capacity ? (this.impacts[0] ?? 0) : 0;
  }

  /** Indices of the kept, best first. */
  best(): number[] {
    const order = this.rowids.map((_, i) => i);
    return order.sort((a, b) => (this.impacts[b] as number) - (this.impacts[a] as number));
  }
}

/** Swaps two items of a list in place (a destructuring swap allocated an array each time). */
function swapAt(list: number[], a: number, b: number): void {
  const t = list[a] as number;
  list[a] = list[b] as number;
  list[b] = t;
}

/** A key's two lists: by impact, and by impact with recency; and how many entries hold it. */
interface KeyTops {
  df: number;
  byImpact: TopK;
  byBlend: TopK;
}

/** Two code points as one number key (both below 0x110000). */
const PAIR = 0x110000;

/**
 * The keys seen so far, each given a small id in the order first seen: a Map keyed by a pair's
 * number (above 2^31, so a heap number V8 hashes slowly) took half of `optimize()`.
 */
class KeyIds {
  /** By id: the key's number (a code point, or `PAIR` × first + second). */
  keys = new Float64Array(1024);
  size = 0;
  /** Open addressing: id + 1, 0 for an empty slot. */
  private slots = new Int32Array(4096);
  /** 32 − log2 of the table's size. */
  private shift = 20;

  /** The id of a character (`second` 0) or a pair, given one if new. */
  idOf(first: number, second: number): number {
    const key = second === 0 ? first : first * PAIR + second;
    const mask = this.slots.length - 1;
    let i = pairSlot(first, second, this.shift);
    for (;;) {
      const slot = this.slots[i] as number;
      if (slot === 0) break;
      if (this.keys[slot - 1] === key) return slot - 1;
      i = (i + 1) & mask;
    }
    const id = this.size;
    if (id === this.keys.length) {
      const keys = new Float64Array(id * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[id] = key;
    this.size += 1;
    this.slots[i] = id + 1;
    if (this.size * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.shift -= 1;
    for (let id = 0; id < this.size; id += 1) {
      const key = this.keys[id] as number;
      const first = key < PAIR ? key : Math.floor(key / PAIR);
      const second = key < PAIR ? 0 : key % PAIR;
      let i = pairSlot(first, second, this.shift);
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
  }
}

/**
 * Collects champion lists entry by entry, in one pass over the archive.
 *
 * @example
 * const c = new ChampionCollector(averageLength, '2024-03-01');
 * for (const { rowid, sections } of entries) c.add(rowid, sections, date);
 * const lists = c.lists(300);
 */
export class ChampionCollector {
  private readonly ids = new KeyIds();
  /** By key id. */
  private readonly tops: KeyTops[] = [];
  /** By key id: its weighted frequency in the entry being added, and which entry that is. */
  private tf = new Int32Array(1024);
  private mark = new Int32Array(1024);
  /** The ids of the entry's keys, in the order first met. */
  private touched = new Int32Array(1024);
  private held = 0;
  private serial = 0;

  /**
   * @param averageLength the archive's average entry length (`documentLength`)
   * @param newest the archive's newest date, for the recency factor of the second list
   */
  constructor(
    private readonly averageLength: number,
    private readonly newest: string,
    private readonly perKey = CHAMPIONS_PER_KEY,
  ) {}

  /** One entry's normalised sections and its date. */
  add(rowid: number, sections: EntrySections, date: string): void {
    this.serial += 1;
    this.held = 0;
    this.count(sections.post, SECTION_WEIGHTS.post);
    this.count(sections.body, SECTION_WEIGHTS.body);
    this.count(sections.summary, SECTION_WEIGHTS.summary);
    const length = documentLength(sections);
    const recency = recencyFactor(date, this.newest);
    for (let i = 0; i < this.held; i += 1) {
      const id = this.touched[i] as number;
      let top = this.tops[id];
      if (top === undefined) {
        top = {
          df: 0,
          byImpact: new TopK(this.perKey),
          byBlend: new TopK(this.perKey),
        };
        this.tops[id] = top;
      }
      const tf = this.tf[id] as number;
      const impact = termImpact(tf, length, this.averageLength);
      top.df += 1;
      // Most entries weigh less than a full list's weakest: only those that do are offered.
      if (impact > top.byImpact.least)
        top.byImpact.offer(impact, rowid, packed(tf, length), recency);
      if (impact * recency > top.byBlend.least)
        top.byBlend.offer(impact * recency, rowid, packed(tf, length), recency);
    }
  }

  private count(text: string, weight: number): void {
    let previous = -1;
    for (let i = 0; i < text.length;) {
      const cu = text.charCodeAt(i);
      const wide = cu >= 0xd800 && cu <= 0xdbff && i + 1 < text.length;
      const cp = wide ? (text.codePointAt(i) as number) : cu;
      i += wide ? 2 : 1;
      if (!((cp >= 0x3001 && cp <= 0x9fff) || isIndexable(cp))) {
        previous = -1;
        continue;
      }
      this.tally(this.ids.idOf(cp, 0), weight);
      if (previous >= 0) this.tally(this.ids.idOf(previous, cp), weight);
      previous = cp;
    }
  }

  private tally(id: number, weight: number): void {
    if (id >= this.tf.length) this.widen();
    if (this.mark[id] === this.serial) {
      this.tf[id] = (this.tf[id] as number) + weight;
      return;
    }
    this.mark[id] = this.serial;
    this.tf[id] = weight;
    if (this.held === this.touched.length) {
      const touched = new Int32Array(this.held * 2);
      touched.set(this.touched);
      this.touched = touched;
    }
    this.touched[this.held] = id;
    this.held += 1;
  }

  private widen(): void {
    const size = this.ids.keys.length;
    const tf = new Int32Array(size);
    tf.set(this.tf);
    this.tf = tf;
    const mark = new Int32Array(size);
    mark.set(this.mark);
    this.mark = mark;
  }

  /** The lists of keys held by more than `minDf` entries. */
  lists(minDf: number): ChampionList[] {
    const out: ChampionList[] = [];
    for (const [id, top] of this.tops.entries()) {
      if (top === undefined || top.df <= minDf) continue;
      const list: ChampionList = {
        key: keyText(this.ids.keys[id] as number),
        df: top.df,
        floor: top.byImpact.floor(),
        blendFloor: top.byBlend.floor(),
        rowids: [],
        tfs: [],
        lengths: [],
        recencies: [],
      };
      const seen = new Set<number>();
      for (const heap of [top.byImpact, top.byBlend])
        for (const i of heap.best()) {
          const rowid = heap.rowids[i] as number;
          if (seen.has(rowid)) continue;
          seen.add(rowid);
          const kept = heap.payload[i] as number;
          list.rowids.push(rowid);
          list.tfs.push(Math.floor(kept / LENGTH_SPAN));
          list.lengths.push(kept % LENGTH_SPAN);
          list.recencies.push(heap.recency[i] as number);
        }
      out.push(list);
    }
    return out;
  }
}

/**
 * A key's list with the entries of another list of it merged in (entries filed since it was
 * built): the best `perKey` by impact and by impact × recency of both, the floors those of the
 * merged list, the entry counts added. Impacts are computed with `averageLength` (that of the
 * first build).
 *
 * @example
 * mergeChampionLists(stored, fromNewEntries, averageLength);
 */
export function mergeChampionLists(
  a: ChampionList,
  b: ChampionList,
  averageLength: number,
  perKey = CHAMPIONS_PER_KEY,
): ChampionList {
  const all = new Map<number, { tf: number; length: number; recency: number; impact: number }>();
  for (const l of [a, b])
    l.rowids.forEach((rowid, i) => {
      const tf = l.tfs[i] ?? 0;
      const length = l.lengths[i] ?? 0;
      const recency = l.recencies[i] ?? 1;
      all.set(rowid, { tf, length, recency, impact: termImpact(tf, length, averageLength) });
    });
  const entries = [...all.entries()];
  const byImpact = [...entries].sort((x, y) => y[1].impact - x[1].impact || y[0] - x[0]);
  const byBlend = [...entries].sort(
    (x, y) => y[1].impact * y[1].recency - x[1].impact * x[1].recency || y[0] - x[0],
  );
  const keptImpact = byImpact.slice(0, perKey);
  const keptBlend = byBlend.slice(0, perKey);
  const df = a.df + b.df;
  const full = (kept: unknown[]): boolean => kept.length >= perKey && df > kept.length;
  const lastImpact = keptImpact[keptImpact.length - 1]?.[1];
  const lastBlend = keptBlend[keptBlend.length - 1]?.[1];
  const out: ChampionList = {
    key: a.key,
    df,
    // Any entry not kept weighs at most the last kept, or what the lists left out before.
    floor: full(keptImpact) ? Math.max(a.floor, b.floor, lastImpact?.impact ?? 0) : 0,
    blendFloor: full(keptBlend)
      ? Math.max(a.blendFloor, b.blendFloor, (lastBlend?.impact ?? 0) * (lastBlend?.recency ?? 1))
      : 0,
    rowids: [],
    tfs: [],
    lengths: [],
    recencies: [],
  };
  const seen = new Set<number>();
  for (const [rowid, e] of [...keptImpact, ...keptBlend]) {
    if (seen.has(rowid)) continue;
    seen.add(rowid);
    out.rowids.push(rowid);
    out.tfs.push(e.tf);
    out.lengths.push(e.length);
    out.recencies.push(e.recency);
  }
  return out;
}

/** Lengths below this are kept exactly (longer ones as this, which only lowers an impact). */
const LENGTH_SPAN = 2 ** 24;

/** A frequency and a length as one number. */
function packed(tf: number, length: number): number {
  return tf * LENGTH_SPAN + Math.min(length, LENGTH_SPAN - 1);
}

function keyText(key: number): string {
  if (key < PAIR) return String.fromCodePoint(key);
  return String.fromCodePoint(Math.floor(key / PAIR)) + String.fromCodePoint(key % PAIR);
}
