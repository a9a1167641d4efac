/** Bits of the filter: 8 MiB, so a few million keys give few false positives. */
const BITS_LOG2 = 26;
const PROBES = 3;

/**
 * A Bloom filter of key numbers (a character's code point, or a pair's number: see
 * `ChampionKeyTable`): whether a key may have been added. It may say yes for a key never added
 * (about 1 in 120 after five million keys, by the Bloom filter's formula), never no for one
 * that was. The champion lists' pass remembers the keys it stopped following this way, so that
 * none of them gets a list that would miss entries.
 *
 * @example
 * const dropped = new KeyFilter();
 * dropped.add(0x505c * 0x110000 + 0x6226);
 * dropped.has(0x505c * 0x110000 + 0x6226); // true
 */
export class KeyFilter {
  private readonly bits = new Int32Array(2 ** (BITS_LOG2 - 5));

  add(key: number): void {
    const [h, step] = hashes(key);
    for (let i = 0; i < PROBES; i += 1) {
      const bit = (h + i * step) >>> (32 - BITS_LOG2);
      this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
    }
  }

  has(key: number): boolean {
    const [h, step] = hashes(key);
    for (let i = 0; i < PROBES; i += 1) {
      const bit = (h + i * step) >>> (32 - BITS_LOG2);
      if (((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two 32-bit hashes of a key number below 2^42 (double hashing gives the probes). */
function hashes(key: number): [number, number] {
  const low = (key % 0x100000000) | 0;
  const high = Math.floor(key / 0x100000000) | 0;
  const a = Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1);
  const b = Math.imul(high ^ Math.imul(low ^ (low >>> 16), 0xc2b2ae35), 0x27d4eb2f) | 1;
  return [a ^ (a >>> 15), b];
}
