import { seededRandom } from '../../../test/support/seeded-random.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../model/index.js';
import { extractEmbeds } from '../embed/index.js';
import { extractPaste } from '../paste/index.js';
import {
  assignStories,
  dedupeEntries,
  identityOf,
  sameItem,
  estimateContainment,
  estimateJaccard,
  groupStories,
  isKeyChar,
  keySketch,
  matchKey,
  matchText,
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

  it('groups large inputs without comparing every pair (cost is in `npm run bench`)', () => {
    const rand = seededRandom(7);
    const text = (): string =>
      Array.from({ length: 80 }, () =>
        String.fromCharCode(0x4e00 + Math.floor(rand() * 3000)),
      ).join('');
    const entries = Array.from({ length: 5_000 }, (_, i) => paste(text(), `e${i}`));
    entries.push(paste(`${(entries[0] as Entry).body.join('')}。`, 'copy'));
    const stories = groupStories(entries);
    expect(stories).toHaveLength(5_000);
    expect(stories[0]).toEqual({ id: 'e0', entryIds: ['e0', 'copy'] });
  });
});

describe('assignStories', () => {
  const a1 = paste(
    'ドイツ政府は21日、ウクライナに対し防空システム「IRIS-T」2基と弾薬を追加供与すると発表した。総額は約5億ユーロ。',
    'a1',
  );
  const a2 = paste(
    'ドイツ政府は21日、ウクライナへ防空システム「IRIS-T」2基と弾薬を追加で供与すると発表した。供与額はおよそ5億ユーロ。',
    'a2',
  );
  const b1 = paste(
    '国防相は冬を前に防空能力の強化が急務だと述べ、ドイツは追加の防空システムを年内に送る方針を示した。',
    'b1',
  );
  const bridge = paste(
    `${a1.body.join('')}国防相は冬を前に防空能力の強化が急務だと述べ、ドイツは追加の防空システムを年内に送る方針を示した。`,
    'bridge',
  );
  const lone = paste(
    '首都の議会は20日、動員法の改正案を第一読会で可決した。最終採決は来月。',
    'lone',
  );

  it('puts a new entry in the story of the filed entry it resembles', () => {
    const r = assignStories([{ entry: a1, story: 'S' }], [a2, lone]);
    expect(r.stories).toEqual(
      new Map([
        ['a2', 'S'],
        ['lone', 'lone'],
      ]),
    );
    expect(r.merges).toEqual([]);
  });

  it('starts a story at the first new entry when nothing filed resembles it', () => {
    const r = assignStories([], [a1, lone, a2]);
    expect(r.stories.get('a2')).toBe('a1');
    expect(r.stories.get('a1')).toBe('a1');
  });

  it('joins two filed stories through a bridging entry, the first filed keeping its id', () => {
    const filed = [
      { entry: a1, story: 'first' },
      { entry: b1, story: 'second' },
    ];
    expect(assignStories(filed, []).merges).toEqual([]);
    const r = assignStories(filed, [bridge]);
    expect(r.stories.get('bridge')).toBe('first');
    expect(r.merges).toEqual([{ from: 'second', to: 'first' }]);
  });

  it('joins nothing to a closed story: the entry starts its own, and no merge reaches it', () => {
    const r = assignStories([{ entry: a1, story: 'S', closed: true }], [a2, lone]);
    expect(r.stories.get('a2')).toBe('a2');
    const filed = [
      { entry: a1, story: 'first', closed: true },
      { entry: b1, story: 'second' },
    ];
    const bridged = assignStories(filed, [bridge]);
    expect(bridged.stories.get('bridge')).toBe('second');
    expect(bridged.merges).toEqual([]);
  });

  it('reuses cached sketches', () => {
    const cache = new Map();
    assignStories([{ entry: a1, story: 'S' }], [a2], {}, cache);
    expect([...cache.keys()]).toEqual(['a1', 'a2']);
  });
});

describe('identity', () => {
  it('gives a post the same post key from its embed and from a clip document', () => {
    const e = embed(
      '停戦交渉が来週再開へ、仲介国が発表 <a href="https://t.co/x">https://t.co/x</a>',
      '1747871244170555421',
    );
    const clip: Entry = {
      ...(e as Entry),
      id: 'clip',
      origin: undefined,
      body: ['記事本文'],
    } as Entry;
    const post = (x: Entry): string | undefined =>
      identityOf(x).keys.find((k) => k.startsWith('post:'));
    expect(post(e)).toBeDefined();
    expect(post(clip)).toBe(post(e));
    expect(sameItem(e, clip)).toBe(true);
    expect(sameItem(e, paste('無関係な記事の本文です。', 'z'))).toBe(false);
  });

  it('probes the heads of complete texts from a truncated one, and the cuts from a complete one', () => {
    const cut = paste('ゼレンスキー大統領は17日、国民に前向きな考えを…', 'cut');
    const full = paste(
      'ゼレンスキー大統領は17日、国民に前向きな考えを持つよう呼びかけた。',
      'full',
    );
    const head = identityOf(full).keys.find((k) => k.startsWith('head:'));
    expect(identityOf(cut).probes).toContain(head);
    expect(identityOf(full).probes).toContain(
      identityOf(cut).keys.find((k) => k.startsWith('cut:')),
    );
    expect(sameItem(cut, full)).toBe(true);
    expect(sameItem(paste('ゼレンスキー大統領は17日、別の話…', 'x'), full)).toBe(false);
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
  it('keySketch is the sketch of the key’s shingles, made in one pass', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc
        .array(
          fc.constantFrom(
            ...['停', '戦', 'ー', '・', '、', ' ', 'A', '1', '🐸', '𠮷', '\ud800', 'ｱ', 'é'],
          ),
          { maxLength: 40 },
        )
        .map((cs) => cs.join('')),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(1, 2, 3), (t, k) => {
        const spec = sketch(shingleHashes(matchKey(t), k), 64);
        const made = keySketch(matchText(t), k, 64);
        expect(made.size).toBe(spec.size);
        expect([...made.values]).toEqual([...spec.values]);
      }),
      { numRuns: 1000 },
    );
    expect(isKeyChar('ー'.charCodeAt(0))).toBe(true);
    expect(isKeyChar('・'.charCodeAt(0))).toBe(false);
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
