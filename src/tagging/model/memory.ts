import type { SparseVector } from '../features/sparse.js';

/**
 * What the model remembers of labelled entries: each entry's feature vector and the labels it
 * was given. It answers "which past entries is this like?" for explanations; it notices an
 * entry unlike anything remembered (a new topic); and it lets a correction stick, since an
 * entry nearly identical to one the curator corrected gets the curator's labels back.
 */
export interface MemoryItem {
  id: string;
  labels: string[];
  vector: SparseVector;
  /** True when the curator's labels differed from what the model suggested. */
  correction: boolean;
}

/**
 * Cosine similarity of two sparse vectors.
 *
 * @example
 * cosine(v, v); // 1 (for a non-empty v)
 */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i] as number;
    const y = b.idx[j] as number;
    if (x === y) dot += (a.val[i++] as number) * (b.val[j++] as number);
    else if (x < y) i += 1;
    else j += 1;
  }
  const norms = normOf(a) * normOf(b);
  return norms === 0 ? 0 : dot / norms;
}

// Remembered vectors are compared with every new entry: their lengths are worked out once.
const norms = new WeakMap<SparseVector, number>();

function normOf(v: SparseVector): number {
  let n = norms.get(v);
  if (n === undefined) {
    let s = 0;
    for (let i = 0; i < v.val.length; i += 1) s += (v.val[i] as number) ** 2;
    n = Math.sqrt(s);
    norms.set(v, n);
  }
  return n;
}

/** A remembered entry and how similar it is to the one asked about. */
export interface Neighbour {
  id: string;
  labels: string[];
  similarity: number;
  correction: boolean;
}

/**
 * The `n` remembered entries most similar to a vector, most similar first (ties: the more
 * recent first, so the answer is deterministic). `skipId` leaves out the entry itself.
 */
export function nearest(
  memory: readonly MemoryItem[],
  vector: SparseVector,
  n: number,
  skipId?: string,
): Neighbour[] {
  // Keep only the best n while scanning: the memory is large, n small.
  const found: { m: MemoryItem; s: number }[] = [];
  for (let order = memory.length - 1; order >= 0; order -= 1) {
    const m = memory[order] as MemoryItem;
    if (m.id === skipId) continue;
    const s = cosine(vector, m.vector);
    if (found.length === n && s <= (found[n - 1]?.s ?? -1)) continue;
    // Scanning newest first, an equal similarity stays behind the more recent entry.
    let at = found.length;
    while (at > 0 && (found[at - 1]?.s ?? 0) < s) at -= 1;
    found.splice(at, 0, { m, s });
    if (found.length > n) found.pop();
  }
  return found.map(({ m, s }) => ({
    id: m.id,
    labels: m.labels,
    similarity: s,
    correction: m.correction,
  }));
}

/**
 * Adds an entry to the memory (replacing an older one with the same id) and keeps it within
 * `limit`: the oldest entry that is not a correction goes first, so corrections are the last
 * thing forgotten. Mutates and returns `memory`.
 */
export function remember(memory: MemoryItem[], item: MemoryItem, limit: number): MemoryItem[] {
  const same = memory.findIndex((m) => m.id === item.id);
  if (same >= 0) memory.splice(same, 1);
  memory.push(item);
  while (memory.length > limit) {
    const plain = memory.findIndex((m) => !m.correction);
    memory.splice(plain >= 0 ? plain : 0, 1);
  }
  return memory;
}

// Enough entries for a stable low percentile, few enough that training stays fast.
const NOVELTY_SAMPLE = 300;

/**
 * The similarity below which an entry counts as unlike anything remembered: the given low
 * percentile of the remembered entries' similarities to their own nearest neighbour. So the
 * threshold follows the archive: a tight archive of few topics sets it high, a varied one low.
 * 0 (never novel) with fewer than 10 remembered entries.
 */
export function noveltyThreshold(memory: readonly MemoryItem[], percentile: number): number {
  if (memory.length < 10) return 0;
  const step = Math.max(1, Math.floor(memory.length / NOVELTY_SAMPLE));
  const sims: number[] = [];
  for (let i = 0; i < memory.length; i += step) {
    const m = memory[i] as MemoryItem;
    sims.push(nearest(memory, m.vector, 1, m.id)[0]?.similarity ?? 0);
  }
  sims.sort((a, b) => a - b);
  return sims[Math.min(sims.length - 1, Math.floor(percentile * sims.length))] ?? 0;
}
