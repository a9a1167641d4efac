/**
 * The first slot of a pair of small integers (a code point or trie node, and a unit) in an
 * open-addressing table of 2^(32 − shift) slots: the top bits of a multiplicative hash, which
 * spread consecutive keys better than the low ones. Shared by the champion lists' key table and
 * the dense words' trie.
 *
 * @example
 * pairSlot(0x30ed, 0x30b7, 32 - 12); // a slot in 0 … 4095
 */
export function pairSlot(a: number, b: number, shift: number): number {
  return Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> shift;
}
