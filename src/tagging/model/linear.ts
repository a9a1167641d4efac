import type { SparseVector } from '../features/sparse.js';

/**
 * One-vs-rest linear scores over hashed features. Weights are laid out bucket-major
 * (`weights[bucket * tags + t]`), so scoring an entry reads each of its buckets' tag weights
 * from one place in memory.
 */
export interface LinearWeights {
  buckets: number;
  tags: number;
  weights: Float32Array;
  bias: Float64Array;
}

/** Fresh zero weights for `buckets` buckets and `tags` tags. */
export function zeroWeights(buckets: number, tags: number): LinearWeights {
  return { buckets, tags, weights: new Float32Array(buckets * tags), bias: new Float64Array(tags) };
}

/**
 * Raw scores (log-odds before calibration) of every tag for a vector.
 *
 * @example
 * rawScores(w, features.vector); // Float64Array [-3.1, 0.8, …] one per tag
 */
export function rawScores(w: LinearWeights, x: SparseVector): Float64Array {
  const out = Float64Array.from(w.bias);
  const T = w.tags;
  for (let i = 0; i < x.idx.length; i += 1) {
    const base = (x.idx[i] as number) * T;
    const v = x.val[i] as number;
    for (let t = 0; t < T; t += 1)
      out[t] = (out[t] as number) + (w.weights[base + t] as number) * v;
  }
  return out;
}

/** Adds `step * x` to the weights of tag `t` (not to its bias: one entry should not shift all). */
export function addScaled(w: LinearWeights, t: number, x: SparseVector, step: number): void {
  const T = w.tags;
  for (let i = 0; i < x.idx.length; i += 1) {
    const k = (x.idx[i] as number) * T + t;
    w.weights[k] = (w.weights[k] as number) + step * (x.val[i] as number);
  }
}

/** A bucket-major table of `tags` columns widened by one zero column. */
export function widenTable(table: Float32Array, buckets: number, tags: number): Float32Array {
  const wide = new Float32Array(buckets * (tags + 1));
  for (let b = 0; b < buckets; b += 1)
    wide.set(table.subarray(b * tags, b * tags + tags), b * (tags + 1));
  return wide;
}

/**
 * The same weights with one more tag, for a tag first seen in an update: zero weights, and the
 * bias of the rarest tag, so it starts as unlikely as any tag the model knows (a zero bias
 * can read as probable once calibrated) until an entry teaches it otherwise.
 */
export function withExtraTag(w: LinearWeights): LinearWeights {
  const bias = new Float64Array(w.tags + 1);
  bias.set(w.bias);
  bias[w.tags] = w.tags > 0 ? Math.min(...w.bias) : 0;
  return {
    buckets: w.buckets,
    tags: w.tags + 1,
    weights: widenTable(w.weights, w.buckets, w.tags),
    bias,
  };
}

/**
 * The same weights with tags re-arranged: `from[k]` is the old index whose weights tag `k`
 * takes, or a list of old indices whose element-wise maximum it takes (a merge).
 */
export function rearrangeTags(
  w: LinearWeights,
  from: readonly (readonly number[])[],
): LinearWeights {
  const T = w.tags;
  const U = from.length;
  const buckets = w.buckets;
  const weights = new Float32Array(buckets * U);
  for (let b = 0; b < buckets; b += 1)
    from.forEach((olds, u) => {
      weights[b * U + u] = Math.max(...olds.map((o) => w.weights[b * T + o] as number));
    });
  const bias = Float64Array.from(from, (olds) => Math.max(...olds.map((o) => w.bias[o] as number)));
  return { buckets, tags: U, weights, bias };
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** The inverse of {@link sigmoid}, clamped away from ±∞. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}
