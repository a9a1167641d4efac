import { describe, expect, it } from 'vitest';
import { documentLength, occurrences } from './bm25.js';

describe('bm25 pieces', () => {
  it('counts overlapping occurrences as FTS5 counts phrase matches', () => {
    expect(occurrences('あああ', 'ああ')).toBe(2);
    expect(occurrences('停戦', '')).toBe(0);
  });

  it('measures a document as the length of its normalised sections', () => {
    expect(documentLength({ post: 'ab', body: 'cde', summary: '' })).toBe(5);
  });
});
