import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dropIndex, moveItem, movedIndex } from './reorder.js';

describe('moveItem', () => {
  it('moves one item and keeps the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 99)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c']);
  });

  it('never loses or duplicates an item, and does not change its input (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { maxLength: 20 }),
        fc.integer({ min: -2, max: 22 }),
        fc.integer({ min: -2, max: 22 }),
        (list, from, to) => {
          const before = list.slice();
          const moved = moveItem(list, from, to);
          expect(list).toEqual(before);
          expect(moved.slice().sort()).toEqual(list.slice().sort());
          if (from >= 0 && from < list.length)
            expect(moved[Math.max(0, Math.min(to, list.length - 1))]).toBe(list[from]);
        },
      ),
    );
  });
});

describe('movedIndex', () => {
  it('stays inside the list', () => {
    expect(movedIndex(0, -1, 3)).toBeNull();
    expect(movedIndex(2, 1, 3)).toBeNull();
    expect(movedIndex(1, 1, 3)).toBe(2);
    expect(movedIndex(1, -1, 3)).toBe(0);
  });
});

describe('dropIndex', () => {
  it('places a dragged item before or after the one it is dropped on', () => {
    const order = ['a', 'b', 'c', 'd'];
    const drop = (from: number, over: number, after: boolean): string[] =>
      moveItem(order, from, dropIndex(from, over, after));
    expect(drop(0, 2, false)).toEqual(['b', 'a', 'c', 'd']);
    expect(drop(0, 2, true)).toEqual(['b', 'c', 'a', 'd']);
    expect(drop(3, 0, false)).toEqual(['d', 'a', 'b', 'c']);
    expect(drop(3, 1, true)).toEqual(['a', 'b', 'd', 'c']);
    expect(drop(1, 1, true)).toEqual(order);
  });
});
