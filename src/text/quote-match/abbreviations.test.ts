import { describe, expect, it } from 'vitest';
import { compileContraction, contract } from './abbreviations.js';
import { matchView } from './match-view.js';

const toView = (s: string): string => matchView(s, false).text;

describe('compileContraction', () => {
  it('gives every form of a class one key, merging classes that share a form', () => {
    const c = compileContraction({ 米: ['アメリカ', '米国'] }, [['アメリカ', 'USA']], toView);
    const key = c.keyOf.get('米');
    expect(key).toBeDefined();
    expect(['アメリカ', '米国', 'usa'].map((f) => c.keyOf.get(f))).toEqual([key, key, key]);
  });

  it('contracts the longest form first and keeps the source ranges', () => {
    const c = compileContraction({ ウク: ['ウクライナ', 'ウクライナ人'] }, [], toView);
    const v = contract(matchView('ウクライナ人だ', false), c);
    expect(v.text.length).toBe(2);
    expect([v.starts[0], v.ends[0], v.starts[1], v.ends[1]]).toEqual([0, 6, 6, 7]);
  });
});

describe('matchView', () => {
  it('drops white space, brackets, punctuation and emoji, and maps back', () => {
    const v = matchView('「Ａ、\nB」🇯🇵！', false);
    expect(v.text).toBe('ab');
    expect([...v.starts]).toEqual([1, 4]);
    expect([...v.ends]).toEqual([2, 5]);
  });

  it('drops short round-bracket asides only when asked', () => {
    expect(matchView('駅(えき)前', true).text).toBe('駅前');
    expect(matchView('駅(えき)前', false).text).toBe('駅えき前');
    expect(matchView('開き括弧だけ(の文', true).text).toBe('開き括弧だけの文');
  });
});
