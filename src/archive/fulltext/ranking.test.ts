import { describe, expect, it } from 'vitest';
import { championKeys, ChampionCollector, mergeChampionLists } from './champions.js';
import {
  rankIdf,
  rankingSections,
  rankScore,
  RANKED_UNITS,
  recencyFactor,
  termImpact,
  weightedFrequency,
  RECENCY_WEIGHT,
} from './ranking.js';

const doc = (post: string, body: string, summary: string) => ({ post, body, summary });
const context = { documents: 1000, averageLength: 60, newest: '2024-03-01' };

describe('ranking rule', () => {
  it('reads the first RANKED_UNITS units of each section, normalised, and says when it cut', () => {
    const long = `${'あ'.repeat(RANKED_UNITS - 2)}停戦の後の和平`;
    const s = rankingSections(doc('ＮＡＴＯ', long, '#和平(停戦)'));
    expect(s.capped).toBe(true);
    expect(s.post).toBe('nato');
    expect(weightedFrequency(s, '停戦')).toBe(1 + 3);
    expect(weightedFrequency(s, '和平')).toBe(3);
    expect(rankingSections(doc('', long.slice(0, RANKED_UNITS), '')).capped).toBe(false);
    // A pair of surrogates at the cut is left out whole, not split.
    const frogs = rankingSections(doc('', `${'あ'.repeat(RANKED_UNITS - 1)}🐸`, ''));
    expect(frogs.body).toBe('あ'.repeat(RANKED_UNITS - 1));
  });

  it('has an idf that stays positive for a term in every entry', () => {
    expect(rankIdf(1000, 1000)).toBeGreaterThan(0);
    expect(rankIdf(1000, 10)).toBeGreaterThan(rankIdf(1000, 900));
  });

  it('weighs summary 3, post 2, body 1, counting overlapping occurrences', () => {
    expect(weightedFrequency(doc('停戦', '停戦と停戦', '#和平(停戦)'), '停戦')).toBe(2 + 2 + 3);
    expect(weightedFrequency(doc('', 'あああ', ''), 'ああ')).toBe(2);
  });

  it('saturates: ten mentions beat one by less than tenfold, and a longer entry scores less', () => {
    expect(termImpact(10, 60, 60) / termImpact(1, 60, 60)).toBeLessThan(2.2);
    expect(termImpact(1, 30, 60)).toBeGreaterThan(termImpact(1, 120, 60));
    expect(termImpact(0, 60, 60)).toBe(0);
  });

  it('blends recency: 1.5 for the newest date, halving its bonus every 30 days', () => {
    expect(recencyFactor('2024-03-01', '2024-03-01')).toBe(1 + RECENCY_WEIGHT);
    expect(recencyFactor('2024-01-31', '2024-03-01')).toBeCloseTo(1.25);
    expect(recencyFactor('2020-01-01', '2024-03-01')).toBeCloseTo(1, 5);
  });

  it('ranks an old entry with ten mentions above a new one with one, and the newer of equals first', () => {
    const terms = [{ normalised: '停戦', idf: rankIdf(1000, 900) }];
    const ten = doc('', '停戦。'.repeat(10) + 'x'.repeat(30), '');
    const one = doc('', '停戦。' + '会談。'.repeat(9) + 'x'.repeat(30), '');
    expect(rankScore(ten, '2022-01-01', terms, context)).toBeGreaterThan(
      rankScore(one, '2024-03-01', terms, context),
    );
    expect(rankScore(one, '2024-03-01', terms, context)).toBeGreaterThan(
      rankScore(one, '2024-02-01', terms, context),
    );
  });
});

describe('champion lists', () => {
  it('keys a term by itself when one character, else by its pairs within runs', () => {
    expect(championKeys('露')).toEqual(['露']);
    expect(championKeys('ロシア')).toEqual(['ロシ', 'シア']);
    expect(championKeys('停戦 協議')).toEqual(['停戦', '協議']);
    expect(championKeys(' ')).toEqual([]);
  });

  it('keeps the entries of highest impact, and the most recent strong ones, for frequent keys only', () => {
    const c = new ChampionCollector(10, '2024-03-01', { perKey: 2, minDf: 2 });
    const add = (rowid: number, body: string, date: string): void =>
      c.add(rowid, doc('', body, ''), date);
    add(1, '停戦停戦停戦xxxx', '2020-01-01');
    add(2, '停戦xxxxxxxx', '2024-03-01');
    add(3, '停戦停戦xxxxxx', '2021-01-01');
    add(4, '停戦xxxxxxxx', '2020-01-01');
    add(5, '露', '2024-03-01');
    const lists = c.lists();
    const ceasefire = lists.find((l) => l.key === '停戦');
    expect(ceasefire?.df).toBe(4);
    // By impact: 1 (three mentions), 3 (two); by impact × recency, 2 joins.
    expect(ceasefire?.rowids).toEqual([1, 3, 2]);
    expect(ceasefire?.tfs).toEqual([3, 2, 1]);
    expect(ceasefire?.floor).toBeGreaterThan(0);
    expect(lists.find((l) => l.key === '露')).toBeUndefined();
  });

  it('merges the lists of entries filed later, keeping the best and a valid floor', () => {
    const build = (rows: [number, string, string][]) => {
      const c = new ChampionCollector(10, '2024-03-01', { perKey: 2 });
      for (const [rowid, body, date] of rows) c.add(rowid, doc('', body, ''), date);
      return c.lists().find((l) => l.key === '停戦');
    };
    const old = build([
      [1, '停戦停戦xxxx', '2020-01-01'],
      [2, '停戦xxxxxxxx', '2020-01-01'],
      [3, '停戦xxxxxxxx', '2020-01-01'],
    ]);
    const fresh = build([[9, '停戦停戦停戦停戦', '2024-03-01']]);
    if (!old || !fresh) throw new Error('no list');
    const merged = mergeChampionLists(old, fresh, 10, 2);
    expect(merged.df).toBe(4);
    expect(merged.rowids.slice(0, 2)).toEqual([9, 1]);
    expect(merged.floor).toBeGreaterThan(0);
    expect(merged.floor).toBeLessThanOrEqual(
      Math.min(
        ...[9, 1].map((r) => {
          const i = merged.rowids.indexOf(r);
          return termImpactOf(merged.tfs[i] ?? 0, merged.lengths[i] ?? 0);
        }),
      ),
    );
  });
});

function termImpactOf(tf: number, length: number): number {
  return termImpact(tf, length, 10);
}
