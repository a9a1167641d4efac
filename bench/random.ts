/**
 * A small seeded PRNG (sfc32) and a Zipf sampler, so the benchmark corpus is the same on every
 * machine and every run.
 */

/** Uniform random numbers from a fixed seed. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 16; i += 1) this.next();
  }

  /** A float in `[0, 1)`. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in `[min, max]`. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen item. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('bench: pick from an empty list');
    return item;
  }
}

/**
 * Draws items with probability proportional to `1 / rank^s`: the first items are common, the
 * last rare, like words in real text.
 */
export class Zipf<T> {
  private readonly cumulative: number[];

  constructor(
    private readonly items: readonly T[],
    s = 1,
  ) {
    let total = 0;
    this.cumulative = items.map((_, i) => (total += 1 / (i + 1) ** s));
  }

  /** The probability of drawing the item at `rank` (0-based). */
  probability(rank: number): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 1;
    const prev = rank === 0 ? 0 : (this.cumulative[rank - 1] ?? 0);
    return ((this.cumulative[rank] ?? 0) - prev) / total;
  }

  draw(rng: Random): T {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const x = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}
