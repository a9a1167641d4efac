/** Bits of the sketch: 128 KiB, exact enough for the few hundred thousand tokens it is given. */
const BITS_LOG2 = 20;
const BITS = 1 << BITS_LOG2;
const SPACE = 0x20;

/**
 * How many distinct tokens a stream of index text holds, estimated by linear counting: each
 * token sets one bit of a bitmap chosen by its hash, and `m · ln(m / zeros)` estimates how many
 * distinct tokens set them (within about 1 % while the tokens are well under the bitmap's
 * million bits). An import reads it to tell news, where most pairs of characters recur, from a
 * paste of random characters, where nearly every pair is new (`PendingFulltext`).
 *
 * @example
 * const sketch = new DistinctTokens();
 * sketch.add('停戦 戦協 協議 議 停戦');
 * sketch.tokens; // 5
 * Math.round(sketch.estimate()); // 4
 */
export class DistinctTokens {
  private readonly bits = new Int32Array(BITS >>> 5);
  private zeros = BITS;
  /** Tokens added, repeats included. */
  tokens = 0;

  /** Adds the space-separated tokens of an index text (`indexText`). */
  add(text: string): void {
    const n = text.length;
    let h = 0x811c9dc5;
    let open = false;
    for (let i = 0; i <= n; i += 1) {
      const unit = i < n ? text.charCodeAt(i) : SPACE;
      if (unit !== SPACE) {
        h = Math.imul(h ^ unit, 0x01000193);
        open = true;
        continue;
      }
      if (!open) continue;
      this.mark(h);
      this.tokens += 1;
      h = 0x811c9dc5;
      open = false;
    }
  }

  /** Forgets every token added. */
  reset(): void {
    this.bits.fill(0);
    this.zeros = BITS;
    this.tokens = 0;
  }

  /** The estimated number of distinct tokens added. */
  estimate(): number {
    // A full bitmap says only "more than it can count": the count of bits is the floor.
    if (this.zeros === 0) return BITS * BITS_LOG2 * Math.LN2;
    return BITS * Math.log(BITS / this.zeros);
  }

  private mark(hash: number): void {
    // FNV's low bits mix poorly: a final avalanche, then the top bits choose the bit.
    let x = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    const bit = (x ^ (x >>> 16)) >>> (32 - BITS_LOG2);
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    const w = this.bits[word] as number;
    if ((w & mask) !== 0) return;
    this.bits[word] = w | mask;
    this.zeros -= 1;
  }
}
