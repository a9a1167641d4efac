import { describe, expect, it } from 'vitest';
import type { Entry } from '../../model/index.js';
import { extractEmbeds } from '../embed/index.js';
import { extractPaste } from '../paste/index.js';
import {
  dedupeEntries,
  estimateContainment,
  estimateJaccard,
  groupStories,
  matchKey,
  shingleHashes,
  sketch,
  UnionFind,
} from './index.js';

const paste = (text: string, id?: string): Entry => {
  const entry = extractPaste(text, 'p').entries[0] as Entry;
  return id === undefined ? entry : { ...entry, id };
};
const embed = (text: string, status: string): Entry =>
  extractEmbeds(
    `<blockquote class="twitter-tweet"><p>${text}</p>&mdash; ロイター (@ReutersJapan) <a href="https://twitter.com/ReutersJapan/status/${status}">January 18, 2024</a></blockquote>`,
    'e',
  ).entries[0] as Entry;
const withUrl = (entry: Entry, url: string, id: string): Entry => ({
  ...entry,
  id,
  origin: { kind: 'feed', url },
});

describe('dedupeEntries', () => {
  it('merges the same status id, canonical URL or normalised text', () => {
    const a = embed('停戦交渉が再開へ', '1747871244170555421');
    const b = embed('停戦交渉が再開へ（再掲）', '1747871244170555421');
    const c = withUrl(paste('記事A'), 'https://e.jp/a?utm_source=x', 'c');
    const d = withUrl(paste('記事A 別版'), 'https://E.jp/a#top', 'd');
    const e = paste('ＮＡＴＯ首脳会議、 来月開催', 'e');
    const f = paste('nato首脳会議、来月開催', 'f');
    const r = dedupeEntries([a, b, c, d, e, f]);
    expect(r.entries).toHaveLength(3);
    expect(r.merges.map((m) => m.merged.length)).toEqual([1, 1, 1]);
  });

  it('merges a truncated post into its full text and keeps the full one', () => {
    const truncated = embed(
      'ゼレンスキー大統領は17日、国民に前向きな考えを持つよう呼びかけた。外国からの支援確保に… <a href="https://t.co/x">https://t.co/x</a>',
      '1747871244170555422',
    );
    const full = paste(
      'ゼレンスキー大統領は17日、国民に前向きな考えを持つよう呼びかけた。外国からの支援確保に向けて主導権を握る必要があると述べた。',
      'full',
    );
    const r = dedupeEntries([truncated, full]);
    expect(truncated.post?.truncated).toBe(true);
    expect(r.entries.map((e) => e.id)).toEqual(['full']);
    expect(r.merges).toEqual([{ kept: 'full', merged: [truncated.id] }]);
  });

  it('keeps different entries apart, including short truncated prefixes', () => {
    const r = dedupeEntries([paste('速報…', 'a'), paste('速報です', 'b'), paste('別の記事', 'c')]);
    expect(r.entries.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('groupStories', () => {
  const reuters = paste(
    'ドイツ政府は21日、ウクライナに対し防空システム「IRIS-T」2基と弾薬を追加供与すると発表した。総額は約5億ユーロ。国防相は冬を前に防空能力の強化が急務だと述べた。',
    'reuters',
  );
  const nikkei = paste(
    'ドイツ政府は21日、ウクライナへ防空システム「IRIS-T」2基と弾薬を追加で供与すると発表した。供与額はおよそ5億ユーロにのぼる。ドイツ国防相は、冬に向けて防空能力の強化が急がれると強調した。',
    'nikkei',
  );
  const other = paste(
    'ドイツのショルツ首相は21日、長射程ミサイルのウクライナへの供与について、改めて慎重な姿勢を示した。戦争がエスカレートするおそれがあるとしている。',
    'other',
  );

  it('groups rewrites of one story and keeps a same-topic story apart', () => {
    const stories = groupStories([reuters, other, nikkei]);
    expect(stories).toEqual([
      { id: 'reuters', entryIds: ['reuters', 'nikkei'] },
      { id: 'other', entryIds: ['other'] },
    ]);
  });

  it('handles empty entries and empty input', () => {
    expect(groupStories([])).toEqual([]);
    expect(groupStories([paste('!!!', 'a'), paste('???', 'b')]).map((s) => s.entryIds)).toEqual([
      ['a'],
      ['b'],
    ]);
  });

  it('is sub-quadratic: 20,000 distinct entries group in seconds', () => {
    let seed = 7;
    const rand = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const entries = Array.from({ length: 20_000 }, (_, i) =>
      paste(
        Array.from({ length: 80 }, () =>
          String.fromCharCode(0x4e00 + Math.floor(rand() * 3000)),
        ).join(''),
        `e${i}`,
      ),
    );
    const started = performance.now();
    expect(groupStories(entries)).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('MinHash', () => {
  it('estimates Jaccard similarity and containment', () => {
    const a = sketch(shingleHashes(matchKey('あいうえおかきくけこさしすせそたちつてと'), 2), 128);
    expect(estimateJaccard(a, a)).toBe(1);
    const b = sketch(shingleHashes(matchKey('あいうえおかきくけこ'), 2), 128);
    expect(estimateContainment(b, a)).toBeGreaterThan(0.7);
    expect(estimateJaccard(a, sketch(new Uint32Array(), 128))).toBe(0);
    expect(shingleHashes('abab', 2)).toHaveLength(2);
  });
  it('normalises before matching', () => {
    expect(matchKey('ＮＡＴＯ、「演習」開始！ https://t.co/x')).toBe('nato演習開始');
  });
  it('unions sets', () => {
    const u = new UnionFind(4);
    u.union(0, 2);
    u.union(3, 2);
    expect(u.groups()).toEqual([[0, 2, 3], [1]]);
  });
});
