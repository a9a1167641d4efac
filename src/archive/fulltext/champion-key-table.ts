import { pairSlot } from './pair-slot.js';
import { widened } from './typed-arrays.js';

/** Two code points as one number key (both below 0x110000). */
const PAIR = 0x110000;

/**
 * The keys of the champion lists' pass (a character, or a pair of characters), each given a
 * small id in the order first seen, so that what is kept per key lives in typed arrays indexed
 * by id. A Map keyed by a pair's number (above 2^31, so a heap number V8 hashes slowly) took
 * half of `optimize()`. Keys can be dropped (`compact`), which renumbers the rest in order.
 *
 * @example
 * const table = new ChampionKeyTable();
 * table.idOf(0x505c, 0x6226); // 0 (停戦), new
 * table.idOf(0x505c, 0x6226); // 0
 * table.idOf(0x9732, 0, false); // -1: not there, and not added
 */
export class ChampionKeyTable {
  /** By id: the key's number (a code point, or `PAIR` × first + second). */
  keys = new Float64Array(1024);
  size = 0;
  /** Open addressing: id + 1, 0 for an empty slot. */
  private slots = new Int32Array(4096);
  /** 32 − log2 of the table's size. */
  private shift = 20;

  /** The id of a character (`second` 0) or a pair; a new key is given one when `add`, else -1. */
  idOf(first: number, second: number, add = true): number {
    const key = second === 0 ? first : first * PAIR + second;
    const mask = this.slots.length - 1;
    let i = pairSlot(first, second, this.shift);
    for (;;) {
      const slot = this.slots[i] as number;
      if (slot === 0) break;
      if (this.keys[slot - 1] === key) return slot - 1;
      i = (i + 1) & mask;
    }
    if (!add) return -1;
    const id = this.size;
    if (id === this.keys.length) this.keys = widened(this.keys, id * 2);
    this.keys[id] = key;
    this.size += 1;
    this.slots[i] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  /** A key's text: one character or two. */
  text(id: number): string {
    const key = this.keys[id] as number;
    if (key < PAIR) return String.fromCodePoint(key);
    return String.fromCodePoint(Math.floor(key / PAIR)) + String.fromCodePoint(key % PAIR);
  }

  /** A key's number, for another table of the same keys (`KeyFilter`). */
  number(id: number): number {
    return this.keys[id] as number;
  }

  /**
   * Keeps the keys `keep` says yes to, renumbered in their order: returns the old id → new id
   * map (-1: dropped). The table shrinks to fit what is kept.
   */
  compact(keep: (id: number) => boolean): Int32Array {
    const map = new Int32Array(this.size);
    let kept = 0;
    for (let id = 0; id < this.size; id += 1) {
      if (keep(id)) {
        this.keys[kept] = this.keys[id] as number;
        map[id] = kept;
        kept += 1;
      } else map[id] = -1;
    }
    this.size = kept;
    let slots = 4096;
    while (kept * 2 > slots) slots *= 2;
    this.rehash(slots);
    return map;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    this.shift = 32 - Math.log2(size);
    for (let id = 0; id < this.size; id += 1) {
      const key = this.keys[id] as number;
      const first = key < PAIR ? key : Math.floor(key / PAIR);
      const second = key < PAIR ? 0 : key % PAIR;
      let i = pairSlot(first, second, this.shift);
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
  }
}
