/** The typed arrays the full-text passes grow as they go. */
type Growable = Int32Array | Float64Array | Uint8Array;

/**
 * A copy of `array` with room for `length` items: its items first, zeros after.
 *
 * @example
 * widened(new Int32Array([1, 2]), 4); // Int32Array [1, 2, 0, 0]
 */
export function widened<T extends Growable>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}
