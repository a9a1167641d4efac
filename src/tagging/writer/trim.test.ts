import { describe, expect, it } from 'vitest';
import { clip, trimQuote } from './trim.js';

describe('trimQuote', () => {
  it('keeps the whole sentences that fit', () => {
    expect(trimQuote('準備はできている。交渉には応じる。条件は変えない', 17)).toBe(
      '準備はできている。交渉には応じる',
    );
    expect(trimQuote('短い', 10)).toBe('短い');
  });

  it('keeps a long first sentence whole rather than cut a statement mid-thought', () => {
    expect(trimQuote('とても長い一文で、終わりが見えないまま続いていく。次の文', 13)).toBe(
      'とても長い一文で、終わりが見えないまま続いていく',
    );
  });

  it('cuts a first sentence past twice the limit where a reader can stop', () => {
    expect(trimQuote('あまりに長い文で、区切りを探しながら最後まで読み進めるほかない', 10)).toBe(
      'あまりに長い文で',
    );
  });
});

describe('clip', () => {
  it('cuts at the last comma past the middle', () => {
    expect(clip('北部の港で、昨夜遅くに火災が起きた', 12)).toBe('北部の港で');
  });

  it('else at the end of the last whole word, never inside one', () => {
    expect(clip('ドイツはNATOとロシアの軍事衝突に備えている', 16)).toBe('ドイツはNATOとロシア');
  });
});
