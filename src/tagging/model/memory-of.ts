import type { SparseVector } from '../features/sparse.js';
import type { MemoryItem } from './memory.js';

/**
 * The memory a training run leaves: the last `size` entries, one per id (the latest labels
 * win, as when the curator relabels an entry).
 */
export function memoryOf(
  examples: readonly { id: string; labels: readonly string[]; vector: SparseVector }[],
  size: number,
): MemoryItem[] {
  const byId = new Map<string, MemoryItem>();
  for (const ex of examples) {
    byId.delete(ex.id);
    byId.set(ex.id, { id: ex.id, labels: [...ex.labels], vector: ex.vector, correction: false });
  }
  return [...byId.values()].slice(-size);
}
