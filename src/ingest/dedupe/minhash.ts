/**
 * MinHash sketches by one-permutation hashing: each shingle is hashed once and lands in one of
 * `bins` bins, each bin keeps its smallest value, and empty bins borrow from the next filled
 * one (rotation densification). The chance two sketches agree in a bin is their Jaccard
 * similarity, as with `bins` independent hash functions, at a `bins`-th of the cost — which
 * is what makes 100,000 entries take seconds, not minutes.
 */
export interface Sketch {
  /** Per-bin minimum, `bins` values. */
  values: Uint32Array;
  /** Number of distinct shingles. */
  size: number;
}

/** FNV-1a over UTF-16 units, then a murmur3 finaliser so bins and values are well mixed. */
function hashString(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The distinct character `k`-shingles of a text, hashed to 32 bits, sorted. Texts shorter
 * than `k` are one shingle. A sorted typed array rather than a `Set`: a third of the time on
 * 100,000 entries.
 *
 * @example
 * shingleHashes('abcd', 3).length; // 2 ('abc', 'bcd')
 */
export function shingleHashes(text: string, k: number): Uint32Array {
  if (text.length === 0) return new Uint32Array(0);
  const out = new Uint32Array(Math.max(1, text.length - k + 1));
  if (text.length <= k) out[0] = hashString(text, 0, text.length);
  for (let i = 0; i + k <= text.length; i += 1) out[i] = hashString(text, i, i + k);
  out.sort();
  let w = 0;
  for (let r = 0; r < out.length; r += 1)
    if (r === 0 || out[r] !== out[r - 1]) out[w++] = out[r] as number;
  return out.subarray(0, w);
}

const EMPTY = 0xffffffff;

/**
 * The sketch of a set of shingle hashes in `bins` bins (a power of two).
 *
 * @example
 * const s = sketch(shingleHashes(matchKey(text), 3), 128);
 */
export function sketch(hashes: Uint32Array, bins: number): Sketch {
  const values = new Uint32Array(bins).fill(EMPTY);
  const shift = 32 - Math.log2(bins);
  for (const h of hashes) {
    const bin = h >>> shift;
    const value = Math.imul(h, 0x9e3779b1) >>> 0;
    if (value < (values[bin] as number)) values[bin] = value;
  }
  densify(values);
  return { values, size: hashes.length };
}

/** Empty bins take the value of the next non-empty bin (cyclically), offset by the distance. */
function densify(values: Uint32Array): void {
  const n = values.length;
  const firstFull = values.findIndex((v) => v !== EMPTY);
  if (firstFull === -1) return;
  for (let step = 1; step < n; step += 1) {
    const i = (firstFull - step + n) % n;
    if (values[i] === EMPTY) values[i] = ((values[(i + 1) % n] as number) + 0x9e3779b9) >>> 0;
  }
}

/**
 * The estimated Jaccard similarity of two sketches: the share of bins that agree.
 *
 * @example
 * estimateJaccard(a, a); // 1
 */
export function estimateJaccard(a: Sketch, b: Sketch): number {
  if (a.size === 0 || b.size === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.values.length; i += 1) if (a.values[i] === b.values[i]) same += 1;
  return same / a.values.length;
}

/**
 * The estimated containment of the smaller set in the larger, |A∩B| / min(|A|, |B|), from the
 * Jaccard estimate and the set sizes: a headline post against the full article it links to has
 * a low Jaccard similarity but a high containment.
 *
 * @example
 * estimateContainment(headlineSketch, articleSketch); // e.g. 0.8
 */
export function estimateContainment(a: Sketch, b: Sketch): number {
  const j = estimateJaccard(a, b);
  const small = Math.min(a.size, b.size);
  if (small === 0) return 0;
  return Math.min(1, ((j / (1 + j)) * (a.size + b.size)) / small);
}
