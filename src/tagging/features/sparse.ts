/** Sparse feature vectors: bucket indices in increasing order, with their values. */
export interface SparseVector {
  idx: Uint32Array;
  val: Float32Array;
}

/** The empty vector. */
export const EMPTY_VECTOR: SparseVector = { idx: new Uint32Array(0), val: new Float32Array(0) };

/**
 * A binary bag of buckets, scaled to Euclidean length `scale`: each distinct bucket gets
 * `scale / √distinct`, so a long article and a short post weigh the same. Sorts `buckets` in
 * place.
 *
 * @example
 * binaryVector(new Uint32Array([5, 2, 5]), 1); // idx [2, 5], val [0.707…, 0.707…]
 */
export function binaryVector(buckets: Uint32Array, scale: number): SparseVector {
  buckets.sort();
  let distinct = 0;
  for (let i = 0; i < buckets.length; i += 1)
    if (i === 0 || buckets[i] !== buckets[i - 1]) buckets[distinct++] = buckets[i] as number;
  const idx = buckets.slice(0, distinct);
  const val = new Float32Array(distinct).fill(distinct === 0 ? 0 : scale / Math.sqrt(distinct));
  return { idx, val };
}

/**
 * The sum of sparse vectors (a bucket in several adds up: the hashing trick's collisions).
 *
 * @example
 * sumVectors([a, b]).idx; // the union of a.idx and b.idx, sorted
 */
export function sumVectors(vectors: readonly SparseVector[]): SparseVector {
  let total = 0;
  for (const v of vectors) total += v.idx.length;
  const order = new Float64Array(total);
  const vals = new Float64Array(total);
  let n = 0;
  vectors.forEach((v) => {
    for (let i = 0; i < v.idx.length; i += 1) {
      order[n] = (v.idx[i] as number) * 2 ** 20 + n; // bucket first, then position: stable
      vals[n++] = v.val[i] as number;
    }
  });
  order.sort();
  const idx = new Uint32Array(total);
  const val = new Float32Array(total);
  let m = 0;
  for (let i = 0; i < total; i += 1) {
    const key = order[i] as number;
    const bucket = Math.floor(key / 2 ** 20);
    const v = vals[key - bucket * 2 ** 20] as number;
    if (m > 0 && idx[m - 1] === bucket) val[m - 1] = (val[m - 1] as number) + v;
    else {
      idx[m] = bucket;
      val[m++] = v;
    }
  }
  return { idx: idx.slice(0, m), val: val.slice(0, m) };
}

/** The squared Euclidean length of a vector. */
export function squaredNorm(v: SparseVector): number {
  let s = 0;
  for (let i = 0; i < v.val.length; i += 1) s += (v.val[i] as number) ** 2;
  return s;
}

/**
 * The sum of two sparse vectors in one linear merge (both are sorted already): cheaper than
 * {@link sumVectors} when a few features join many.
 *
 * @example
 * addVectors(a, b).idx; // the union of a.idx and b.idx, sorted
 */
export function addVectors(a: SparseVector, b: SparseVector): SparseVector {
  const idx = new Uint32Array(a.idx.length + b.idx.length);
  const val = new Float32Array(idx.length);
  let i = 0;
  let j = 0;
  let m = 0;
  while (i < a.idx.length || j < b.idx.length) {
    const x = i < a.idx.length ? (a.idx[i] as number) : Infinity;
    const y = j < b.idx.length ? (b.idx[j] as number) : Infinity;
    if (x === y) {
      idx[m] = x;
      val[m++] = (a.val[i++] as number) + (b.val[j++] as number);
    } else if (x < y) {
      idx[m] = x;
      val[m++] = a.val[i++] as number;
    } else {
      idx[m] = y;
      val[m++] = b.val[j++] as number;
    }
  }
  return { idx: idx.slice(0, m), val: val.slice(0, m) };
}
