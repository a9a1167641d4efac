/**
 * 32-bit hashes for the hashing trick: features are never stored by name, only by bucket, so
 * the model's size does not grow with the archive's vocabulary.
 */

/** Murmur3's finaliser: spreads the bits of an integer over all 32. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash of a pair of code points under a namespace (a text bigram). */
export function hashPair(namespace: number, a: number, b: number): number {
  return mix32(mix32(a ^ Math.imul(namespace, 0x9e3779b1)) ^ Math.imul(b, 0x27d4eb2f));
}

/**
 * FNV-1a over UTF-16 units, finished with {@link mix32}, for named features (`speaker:プーチン`).
 *
 * @example
 * hashString(3, 'speaker:プーチン') === hashString(3, 'speaker:プーチン'); // true
 */
export function hashString(namespace: number, text: string): number {
  let h = (0x811c9dc5 ^ namespace) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}
