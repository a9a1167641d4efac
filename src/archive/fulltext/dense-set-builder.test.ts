import { describe, expect, it } from 'vitest';
import { DenseSetBuilder } from './dense-set-builder.js';

const thresholds = { words: 3, phrases: 2, filters: 1 };

describe('collecting the dense sets', () => {
  it('keeps words, phrases and filters each from its own threshold', () => {
    const b = new DenseSetBuilder(['停戦', '停戦に応じない']);
    b.add(1, ['ロシアは停戦に応じない']);
    b.add(2, ['停戦に応じない考え']);
    b.add(5, ['会談']);
    b.addFilterRow('tag:露朝', 5);
    const kept = [...b.kept(thresholds)].map((s) => [s.term, s.entries]);
    // The word is held by 2 entries, under its threshold of 3; the phrase by 2, at its own.
    expect(kept).toEqual([
      ['停戦に応じない', 2],
      ['tag:露朝', 1],
    ]);
  });

  it('gives a set with exactly the entries of one before as the same set', () => {
    const b = new DenseSetBuilder(['前線の状況を説明', '線の状況を説明した', 'ロシアは']);
    for (const rowid of [3, 70_000, 70_001])
      b.add(rowid, ['司令官は前線の状況を説明した', rowid === 3 ? 'ロシアは' : '']);
    b.add(9, ['ロシアは拒んだ']);
    b.add(70_002, ['ロシアは応じない']);
    const kept = [...b.kept(thresholds)];
    expect(kept.map((s) => [s.term, s.entries, s.sameAs])).toEqual([
      ['前線の状況を説明', 3, undefined],
      ['線の状況を説明した', 3, '前線の状況を説明'],
      // As many entries, other ones: a set of its own.
      ['ロシアは', 3, undefined],
    ]);
  });
});
