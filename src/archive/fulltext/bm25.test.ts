import { describe, expect, it } from 'vitest';
import { bm25, documentLength, idf, occurrences } from './bm25.js';

const doc = (post: string, body: string, summary: string) => ({ post, body, summary });

describe('bm25', () => {
  it('uses the FTS5 idf, never below 1e-6', () => {
    expect(idf(1000, 10)).toBeCloseTo(Math.log(990.5 / 10.5));
    expect(idf(1000, 900)).toBe(1e-6);
  });

  it('counts overlapping occurrences as FTS5 counts phrase matches', () => {
    expect(occurrences('あああ', 'ああ')).toBe(2);
    expect(occurrences('停戦', '')).toBe(0);
  });

  it('weighs the summary over the post over the body, and rarer terms more', () => {
    const terms = [{ normalised: '停戦', idf: idf(100, 5) }];
    const len = 20;
    const inSummary = bm25(doc('', 'x'.repeat(18), '停戦'), len, terms, len);
    const inPost = bm25(doc('停戦', 'x'.repeat(18), ''), len, terms, len);
    const inBody = bm25(doc('', `停戦${'x'.repeat(16)}`, ''), len, terms, len);
    expect(inSummary).toBeGreaterThan(inPost);
    expect(inPost).toBeGreaterThan(inBody);
    const rare = bm25(doc('', '停戦', ''), 2, [{ normalised: '停戦', idf: idf(100, 1) }], 2);
    const common = bm25(doc('', '停戦', ''), 2, [{ normalised: '停戦', idf: idf(100, 40) }], 2);
    expect(rare).toBeGreaterThan(common);
  });

  it('prefers the shorter of two documents with the same matches', () => {
    const terms = [{ normalised: '露', idf: 1 }];
    const short = bm25(doc('', '露', ''), 10, terms, 100);
    const long = bm25(doc('', '露', ''), 1000, terms, 100);
    expect(short).toBeGreaterThan(long);
    expect(documentLength(doc('ab', 'cde', ''))).toBe(5);
  });
});
