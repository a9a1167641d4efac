/**
 * A copy of the list with the item at `from` moved to `to` (both clamped to the list).
 *
 * @example
 *   moveItem(['a', 'b', 'c'], 0, 2); // ['b', 'c', 'a']
 */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = list.slice();
  if (from < 0 || from >= copy.length) return copy;
  const target = Math.max(0, Math.min(to, copy.length - 1));
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/**
 * The index an item moved by `delta` places lands on, or null when it cannot move that way.
 *
 * @example
 *   movedIndex(0, -1, 3); // null
 *   movedIndex(1, 1, 3); // 2
 */
export function movedIndex(index: number, delta: number, length: number): number | null {
  const target = index + delta;
  return target < 0 || target >= length || index < 0 || index >= length ? null : target;
}

/**
 * Where a dragged item dropped on `over` should go: before it when the pointer is in its upper
 * half, after it otherwise, as an index into the list once the dragged item is removed.
 *
 * @example
 *   dropIndex(0, 2, false); // 1 — dragged from 0 to below item 2, which is item 1 once 0 is gone
 */
export function dropIndex(from: number, over: number, after: boolean): number {
  const slot = after ? over + 1 : over;
  return slot > from ? slot - 1 : slot;
}
