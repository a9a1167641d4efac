import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitIntoParts } from './split-into-parts.js';

const size = (part: readonly string[]): number => part.join('\n').length;

describe('splitIntoParts', () => {
  it('keeps every line, in order, in parts no longer than the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 60 }),
        fc.integer({ min: 2, max: 120 }),
        (lines, max) => {
          const parts = splitIntoParts(lines, max);
          for (const part of parts) expect(size(part)).toBeLessThanOrEqual(max);
          // Lines longer than the limit are cut into pieces; joined back they are the lines.
          expect(parts.flat().join('')).toBe(lines.join(''));
          if (lines.every((l) => l.length <= max)) expect(parts.flat()).toEqual(lines);
        },
      ),
    );
  });

  it('fills each part before starting the next', () => {
    expect(splitIntoParts(['ab', 'cd', 'ef', 'g'], 5)).toEqual([
      ['ab', 'cd'],
      ['ef', 'g'],
    ]);
    expect(splitIntoParts(['abcdef'], 5)).toEqual([['abcde'], ['f']]);
  });

  it('never cuts a surrogate pair', () => {
    const line = '😀'.repeat(10); // 20 units
    const parts = splitIntoParts([line], 5);
    for (const piece of parts.flat())
      expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(parts.flat().join('')).toBe(line);
  });
});
