import { widened } from './typed-arrays.js';
/**
 * Bounded min-heaps of (value, entry, frequency), many of them in a few typed arrays: heap `h`
 * holds the `capacity` highest values offered to it. The champion lists' pass keeps two per
 * frequent key; as JavaScript arrays, eight arrays and three objects a key made a pass over a
 * paste of random kanji take gigabytes.
 *
 * @example
 * const heaps = new ChampionHeaps(2);
 * const h = heaps.open();
 * heaps.offer(h, 0.5, 1, 3); heaps.offer(h, 0.9, 2, 4); heaps.offer(h, 0.7, 3, 1);
 * heaps.best(h).map((i) => heaps.entry(h, i)); // [2, 3]
 */
export class ChampionHeaps {
  /** Heap h's items are at h × capacity … h × capacity + size(h) − 1. */
  private values = new Float64Array(0);
  private entries = new Int32Array(0);
  private tfs = new Int32Array(0);
  private sizes = new Int32Array(0);
  /** By heap: what an offer must exceed to be kept: the lowest kept once full, until then -∞. */
  least = new Float64Array(0);
  private count = 0;

  constructor(private readonly capacity: number) {}

  /** A new empty heap's number. */
  open(): number {
    if (this.count === this.sizes.length) this.grow(Math.max(64, this.count * 2));
    const h = this.count;
    this.count += 1;
    this.sizes[h] = 0;
    this.least[h] = -Infinity;
    return h;
  }

  /** Offers an item; kept when the heap is not full or it beats the lowest kept. */
  offer(h: number, value: number, entry: number, tf: number): void {
    const base = h * this.capacity;
    const n = this.sizes[h] as number;
    if (n < this.capacity) {
      this.set(base + n, value, entry, tf);
      this.sizes[h] = n + 1;
      this.up(base, n);
    } else if (value > (this.values[base] as number)) {
      this.set(base, value, entry, tf);
      this.down(base, 0, n);
    } else return;
    if ((this.sizes[h] as number) >= this.capacity) this.least[h] = this.values[base] as number;
  }

  /** The lowest kept when full, else 0. */
  floor(h: number): number {
    return (this.sizes[h] as number) >= this.capacity
      ? (this.values[h * this.capacity] as number)
      : 0;
  }

  /** Positions of the kept items, highest value first (ties in the order they are held). */
  best(h: number): number[] {
    const base = h * this.capacity;
    const order = Array.from({ length: this.sizes[h] as number }, (_, i) => i);
    return order.sort(
      (a, b) => (this.values[base + b] as number) - (this.values[base + a] as number),
    );
  }

  /** The entry and frequency of a kept item (`best` gives positions). */
  entry(h: number, i: number): number {
    return this.entries[h * this.capacity + i] as number;
  }

  tf(h: number, i: number): number {
    return this.tfs[h * this.capacity + i] as number;
  }

  private set(at: number, value: number, entry: number, tf: number): void {
    this.values[at] = value;
    this.entries[at] = entry;
    this.tfs[at] = tf;
  }

  private up(base: number, i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.values[base + p] as number) <= (this.values[base + i] as number)) return;
      this.swap(base + i, base + p);
      i = p;
    }
  }

  private down(base: number, i: number, n: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && (this.values[base + l] as number) < (this.values[base + m] as number)) m = l;
      if (r < n && (this.values[base + r] as number) < (this.values[base + m] as number)) m = r;
      if (m === i) return;
      this.swap(base + i, base + m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const v = this.values[a] as number;
    this.values[a] = this.values[b] as number;
    this.values[b] = v;
    const e = this.entries[a] as number;
    this.entries[a] = this.entries[b] as number;
    this.entries[b] = e;
    const t = this.tfs[a] as number;
    this.tfs[a] = this.tfs[b] as number;
    this.tfs[b] = t;
  }

  private grow(heaps: number): void {
    const items = heaps * this.capacity;
    this.values = widened(this.values, items);
    this.entries = widened(this.entries, items);
    this.tfs = widened(this.tfs, items);
    this.sizes = widened(this.sizes, heaps);
    this.least = widened(this.least, heaps);
  }
}
