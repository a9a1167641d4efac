import { isIndexable } from './bigram-tokens.js';
import type { EntrySections } from './entry-text.js';
import { documentLength, SECTION_WEIGHTS } from './bm25.js';
import { ChampionChains } from './champion-chains.js';
import { ChampionHeaps } from './champion-heaps.js';
import { ChampionKeyTable } from './champion-key-table.js';
import { KeyFilter } from './key-filter.js';
import { recencyFactor, termImpact } from './ranking.js';
import { widened } from './typed-arrays.js';

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

/** What a {@link ChampionCollector} keeps and for which keys. */
export interface ChampionCollectorOptions {
  /** Entries kept per list, by impact and again by impact × recency. */
  perKey?: number;
  /** Lists are made of keys held by more entries than this. */
  minDf?: number;
  /**
   * How many entries will be added, when known (at least that many: a count too low only
   * costs lists). A key that can no longer be held by more than `minDf` entries is then
   * dropped, and one first met too late is not followed.
   */
  entries?: number;
  /**
   * Keys followed before the rarest of those not yet listed are dropped; and the entries held
   * in their chains before that.
   */
  maxKeys?: number;
  maxChained?: number;
}

/** Lengths below this are kept exactly (longer ones as this, which only lowers an impact). */
const LENGTH_SPAN = 2 ** 24;

/**
 * Keys followed at most (see `ChampionCollectorOptions.maxKeys`): the pass's arrays hold about
 * 40 bytes a key.
 */
export const CHAMPION_MAX_KEYS = 1 << 20;
/** Chained entries at most: 12 bytes each. */
export const CHAMPION_MAX_CHAINED = 1 << 22;

/**
 * Past the budget, a key is judged by its entries over the entries since it was first met plus
 * this many: a key met lately is not judged on its first few entries (a word new to the news is
 * the one about to be everywhere), and one met long ago and rarely since goes first.
 */
const RECENT_ENTRIES = 1000;

/**
 * Collects champion lists entry by entry, in one pass over the archive.
 *
 * Memory is bounded whatever the text, but for the heaps of keys held by more than `perKey`
 * entries (2 KiB each at 64): a key's entries are chained until its heaps would be full
 * (`ChampionChains`), and only then get heaps (`ChampionHeaps`); when more than `maxKeys`
 * keys (or `maxChained` chained entries) are followed, the half least likely to reach `minDf`
 * entries — the fewest entries for the time since first met — are dropped and remembered
 * (`KeyFilter`), and none of them gets a list in this pass: a list that missed some entries
 * would give ranking a wrong bound. Keys that can no longer reach `minDf` (the number of
 * `entries` is known) are dropped without loss.
 *
 * @example
 * const c = new ChampionCollector(averageLength, '2024-03-01', { minDf: 300, entries: 1000 });
 * for (const { rowid, sections } of entries) c.add(rowid, sections, date);
 * const lists = c.lists();
 */
export class ChampionCollector {
  private readonly perKey: number;
  private readonly minDf: number;
  private readonly entries: number;
  private readonly maxKeys: number;
  private readonly maxChained: number;
  private readonly keys = new ChampionKeyTable();
  private readonly heaps: ChampionHeaps;
  private readonly chains = new ChampionChains();
  /** Keys dropped for the budget, once there were any. */
  private dropped: KeyFilter | null = null;

  // By key id.
  /** Entries holding it since it was followed. */
  private df = new Int32Array(1024);
  /** Its chain's head (-1: none), until it has heaps. */
  private chain = new Int32Array(1024);
  /** Its heap by impact (by impact × recency is the next one), -1 until it has them. */
  private heap = new Int32Array(1024);
  /** The entry (serial) in which it was first followed. */
  private first = new Int32Array(1024);
  /** 1: it was dropped before (it may have been: `KeyFilter`), so it gets no list. */
  private partial = new Uint8Array(1024);
  /** Its weighted frequency in the entry being added, and which entry that is. */
  private tf = new Int32Array(1024);
  private mark = new Int32Array(1024);

  // By entry serial (from 1).
  private rowids = new Float64Array(1024);
  private lengths = new Int32Array(1024);
  private recencies = new Float64Array(1024);

  /** The ids of the entry's keys, in the order first met. */
  private touched = new Int32Array(1024);
  private held = 0;
  private serial = 0;
  /** Whether a key first met in the entry being added can still reach `minDf`. */
  private addKeys = true;
  /** Keys followed when the hopeless ones are next looked for. */
  private nextSweep = 0;
  /** Keys and chained entries past which the rarest are dropped (raised when heaps fill it). */
  private keyBudget: number;
  private chainBudget: number;

  /**
   * @param averageLength the archive's average entry length (`documentLength`)
   * @param newest the archive's newest date, for the recency factor of the second list
   */
  constructor(
    private readonly averageLength: number,
    private readonly newest: string,
    options: ChampionCollectorOptions = {},
  ) {
    this.perKey = options.perKey ?? CHAMPIONS_PER_KEY;
    this.minDf = options.minDf ?? 0;
    this.entries = options.entries ?? Infinity;
    this.maxKeys = options.maxKeys ?? CHAMPION_MAX_KEYS;
    this.maxChained = options.maxChained ?? CHAMPION_MAX_CHAINED;
    this.heaps = new ChampionHeaps(this.perKey);
    this.keyBudget = this.maxKeys;
    this.chainBudget = this.maxChained;
  }

  /** One entry's normalised sections and its date. */
  add(rowid: number, sections: EntrySections, date: string): void {
    this.bound();
    this.serial += 1;
    this.held = 0;
    this.addKeys = this.entries - this.serial + 1 > this.minDf;
    this.count(sections.post, SECTION_WEIGHTS.post);
    this.count(sections.body, SECTION_WEIGHTS.body);
    this.count(sections.summary, SECTION_WEIGHTS.summary);
    const serial = this.serial;
    if (serial >= this.rowids.length) this.widenEntries();
    const length = documentLength(sections);
    const recency = recencyFactor(date, this.newest);
    this.rowids[serial] = rowid;
    this.lengths[serial] = length;
    this.recencies[serial] = recency;
    for (let i = 0; i < this.held; i += 1) {
      const id = this.touched[i] as number;
      const tf = this.tf[id] as number;
      const df = (this.df[id] as number) + 1;
      this.df[id] = df;
      // A key followed again after it was dropped gets no list: its entries are not kept.
      if (this.partial[id] === 1) continue;
      let h = this.heap[id] as number;
      if (h < 0) {
        // Until a key's heaps would be full, they would hold all its entries: a chain does.
        if (df <= this.perKey) {
          this.chain[id] = this.chains.push(this.chain[id] as number, serial, tf);
          continue;
        }
        h = this.openHeaps(id);
      }
      this.offer(h, serial, tf, length, recency);
    }
  }

  /** Gives a key its heaps, offered its chained entries in the order they were added. */
  private openHeaps(id: number): number {
    const h = this.heaps.open();
    this.heaps.open();
    this.heap[id] = h;
    const head = this.chain[id] as number;
    for (const [serial, tf] of this.chains.items(head))
      this.offer(h, serial, tf, this.lengths[serial] as number, this.recencies[serial] as number);
    this.chains.release(head);
    this.chain[id] = -1;
    return h;
  }

  private offer(h: number, serial: number, tf: number, length: number, recency: number): void {
    const impact = termImpact(tf, length, this.averageLength);
    // Most entries weigh less than a full list's weakest: only those that do are offered.
    if (impact > (this.heaps.least[h] as number)) this.heaps.offer(h, impact, serial, tf);
    if (impact * recency > (this.heaps.least[h + 1] as number))
      this.heaps.offer(h + 1, impact * recency, serial, tf);
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
      this.tally(this.keys.idOf(cp, 0, this.addKeys), weight);
      if (previous >= 0) this.tally(this.keys.idOf(previous, cp, this.addKeys), weight);
      previous = cp;
    }
  }

  private tally(id: number, weight: number): void {
    if (id < 0) return;
    if (id >= this.tf.length) this.widenKeys();
    if (this.mark[id] === this.serial) {
      this.tf[id] = (this.tf[id] as number) + weight;
      return;
    }
    if (this.mark[id] === 0) this.follow(id);
    this.mark[id] = this.serial;
    this.tf[id] = weight;
    if (this.held === this.touched.length) this.touched = widened(this.touched, this.held * 2);
    this.touched[this.held] = id;
    this.held += 1;
  }

  /** A key met for the first time (or again after it was dropped). */
  private follow(id: number): void {
    this.df[id] = 0;
    this.chain[id] = -1;
    this.heap[id] = -1;
    this.first[id] = this.serial;
    this.partial[id] = this.dropped?.has(this.keys.number(id)) ? 1 : 0;
  }

  /**
   * Between entries: drops the keys that can no longer reach `minDf`, and past the budget the
   * half least likely to.
   */
  private bound(): void {
    const over = this.keys.size > this.keyBudget || this.chains.held > this.chainBudget;
    const hopeless = this.entries - this.serial < this.minDf && this.keys.size >= this.nextSweep;
    if (!over && !hopeless) return;
    const remaining = this.entries - this.serial;
    const keep = new Uint8Array(this.keys.size);
    for (let id = 0; id < this.keys.size; id += 1)
      keep[id] = (this.df[id] as number) + remaining > this.minDf ? 1 : 0;
    if (over) this.dropRarest(keep);
    const map = this.keys.compact((id) => keep[id] === 1);
    for (let id = 0; id < map.length; id += 1) {
      const to = map[id] as number;
      if (to < 0) {
        this.chains.release(this.chain[id] as number);
        continue;
      }
      this.df[to] = this.df[id] as number;
      this.chain[to] = this.chain[id] as number;
      this.heap[to] = this.heap[id] as number;
      this.first[to] = this.first[id] as number;
      this.partial[to] = this.partial[id] as number;
      this.mark[to] = this.mark[id] as number;
    }
    this.mark.fill(0, this.keys.size);
    this.nextSweep = Math.max(4096, this.keys.size * 2);
    // Keys with heaps are never dropped: when they alone fill the budget, it grows (else every
    // entry would sweep again).
    this.keyBudget = raised(this.keys.size, this.maxKeys);
    this.chainBudget = raised(this.chains.held, this.maxChained);
  }

  /**
   * Marks for dropping the half of the kept keys without heaps that have the fewest entries for
   * the time since first met, and remembers them.
   */
  private dropRarest(keep: Uint8Array): void {
    const rates: number[] = [];
    const rate = (id: number): number =>
      (this.df[id] as number) / (this.serial - (this.first[id] as number) + RECENT_ENTRIES);
    for (let id = 0; id < this.keys.size; id += 1)
      if (keep[id] === 1 && (this.heap[id] as number) < 0) rates.push(rate(id));
    if (rates.length === 0) return;
    const cut = new Float64Array(rates).sort()[Math.floor(rates.length / 2)] as number;
    this.dropped ??= new KeyFilter();
    for (let id = 0; id < this.keys.size; id += 1)
      if (keep[id] === 1 && (this.heap[id] as number) < 0 && rate(id) <= cut) {
        keep[id] = 0;
        this.dropped.add(this.keys.number(id));
      }
  }

  private widenKeys(): void {
    const size = this.keys.keys.length;
    this.df = widened(this.df, size);
    this.chain = widened(this.chain, size);
    this.heap = widened(this.heap, size);
    this.first = widened(this.first, size);
    this.partial = widened(this.partial, size);
    this.tf = widened(this.tf, size);
    this.mark = widened(this.mark, size);
  }

  private widenEntries(): void {
    const size = this.rowids.length * 2;
    this.rowids = widened(this.rowids, size);
    this.lengths = widened(this.lengths, size);
    this.recencies = widened(this.recencies, size);
  }

  /** How many keys are followed now (the memory the pass holds is about proportional). */
  keysFollowed(): number {
    return this.keys.size;
  }

  /** The lists of keys held by more than `minDf` entries, and followed since their first. */
  lists(): ChampionList[] {
    const out: ChampionList[] = [];
    for (let id = 0; id < this.keys.size; id += 1) {
      const df = this.df[id] as number;
      if (df <= this.minDf || this.partial[id] === 1) continue;
      // A key still chained gets its heaps now, as it would have had all along.
      const h = (this.heap[id] as number) >= 0 ? (this.heap[id] as number) : this.openHeaps(id);
      const list: ChampionList = {
        key: this.keys.text(id),
        df,
        floor: this.heaps.floor(h),
        blendFloor: this.heaps.floor(h + 1),
        rowids: [],
        tfs: [],
        lengths: [],
        recencies: [],
      };
      const seen = new Set<number>();
      for (const heap of [h, h + 1])
        for (const i of this.heaps.best(heap)) {
          const serial = this.heaps.entry(heap, i);
          const rowid = this.rowids[serial] as number;
          if (seen.has(rowid)) continue;
          seen.add(rowid);
          list.rowids.push(rowid);
          list.tfs.push(this.heaps.tf(heap, i));
          list.lengths.push(Math.min(this.lengths[serial] as number, LENGTH_SPAN - 1));
          list.recencies.push(this.recencies[serial] as number);
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

/** A budget: `max`, unless what was kept fills three quarters of it. */
function raised(kept: number, max: number): number {
  return kept * 4 > max * 3 ? kept + (max >> 1) : max;
}
