import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseRanges, splitHighlights } from './highlight.js';

describe('splitHighlights', () => {
  it('marks the ranges and leaves the rest as plain text', () => {
    expect(splitHighlights('停戦交渉の行方', [[0, 2]])).toEqual([
      { text: '停戦', marked: true },
      { text: '交渉の行方', marked: false },
    ]);
    expect(
      splitHighlights('ロシアとウクライナの停戦', [
        [4, 9],
        [10, 12],
      ]),
    ).toEqual([
      { text: 'ロシアと', marked: false },
      { text: 'ウクライナ', marked: true },
      { text: 'の', marked: false },
      { text: '停戦', marked: true },
    ]);
  });

  it('keeps markup in the text as text, for text nodes', () => {
    const pieces = splitHighlights('<img src=x onerror=alert(1)>停戦', [[28, 30]]);
    expect(pieces).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: '停戦', marked: true },
    ]);
  });

  it('merges overlapping and touching ranges, sorts them, and clamps them to the text', () => {
    expect(
      normaliseRanges('abcdef', [
        [3, 5],
        [0, 2],
        [1, 3],
      ]),
    ).toEqual([[0, 5]]);
    expect(
      normaliseRanges('abc', [
        [-4, 1],
        [2, 99],
      ]),
    ).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(
      normaliseRanges('abc', [
        [2, 1],
        [1, 1],
      ]),
    ).toEqual([]);
  });

  it('never cuts a surrogate pair in two', () => {
    // '𠮷' is two UTF-16 code units; a range ending inside it takes the whole character.
    expect(splitHighlights('𠮷野家', [[0, 1]])).toEqual([
      { text: '𠮷', marked: true },
      { text: '野家', marked: false },
    ]);
    expect(splitHighlights('a𠮷b', [[2, 4]])).toEqual([
      { text: 'a', marked: false },
      { text: '𠮷b', marked: true },
    ]);
  });

  it('gives nothing for empty text', () => {
    expect(splitHighlights('', [[0, 3]])).toEqual([]);
  });

  it('gives the text back exactly, with marked pieces never adjacent (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 })), {
          maxLength: 6,
        }),
        (text, ranges) => {
          const pieces = splitHighlights(text, ranges);
          expect(pieces.map((p) => p.text).join('')).toBe(text);
          for (let i = 1; i < pieces.length; i += 1) {
            expect(pieces[i - 1]?.marked && pieces[i]?.marked).toBe(false);
            expect(pieces[i]?.text).not.toBe('');
          }
          // encodeURIComponent throws on a lone surrogate: no piece may hold half a character.
          for (const piece of pieces) expect(() => encodeURIComponent(piece.text)).not.toThrow();
        },
      ),
    );
  });
});
