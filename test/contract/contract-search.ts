import { describe, expect, it } from 'vitest';
import { entrySearchText, type Archive, type SearchResults } from '../../src/archive/index.js';
import { normaliseForMatch } from '../../src/text/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry, type EntrySpec } from './make-entry.js';

/** Entries for the search tests: each id says what it is for. */
const SPECS: EntrySpec[] = [
  {
    id: 'ceasefire',
    text: '停戦協議が始まった',
    body: ['両国は停戦に向けた協議を開始した。'],
    date: '2024-01-10',
  },
  {
    id: 'dprk',
    text: '露朝首脳会談',
    body: ['ロシアと北朝鮮が会談した。'],
    handle: 'nhk_news',
    date: '2024-01-12',
  },
  { id: 'russia-end', text: 'ウクライナ侵攻を続ける露', body: ['結論は露。'], date: '2024-01-14' },
  {
    id: 'zelensky',
    text: 'ゼレンスキー大統領が演説',
    summaries: [
      { tag: 'ウクライナ和平交渉', speaker: 'ゼレンスキー大統領', quote: '前向きな考えが必要' },
    ],
    date: '2024-01-16',
  },
  {
    id: 'volchansk',
    text: 'ヴォルチャンスクで戦闘',
    body: ['ウクライナ軍が発表した。'],
    date: '2024-01-18',
  },
  {
    id: 'nato-wide',
    text: 'ＮＡＴＯが会合',
    body: ['北大西洋条約機構（ＮＡＴＯ）の国防相会合。'],
    handle: 'cnn_co_jp',
    date: '2024-01-20',
  },
  {
    id: 'sanctions',
    text: '対ロ制裁を強化',
    body: ['米国防総省 によると、制裁は続く。'],
    summaries: [{ tag: 'ウクライナ経済制裁', context: '凍結資産' }],
    date: '2024-01-22',
  },
  {
    id: 'teargas',
    text: 'デモ隊に催涙ガス',
    body: ['機動隊が催涙ガスを使った。'],
    handle: 'ReutersJapan',
    date: '2024-01-24',
  },
  { id: 'boundary', text: '停戦 協議', body: ['ab bc'], date: '2024-01-26' },
];

function load(f: ArchiveFixture): Archive {
  const a = f.open();
  a.importBatch({
    source: 's.txt',
    day: '2024-01-26',
    entries: SPECS.map(makeEntry),
    documentTagLines: [],
  });
  return a;
}

function ids(a: Archive, query: string): string[] {
  const r = a.search(query, { limit: 100 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.hits.map((h) => h.stored.entry.id).sort();
}

function results(a: Archive, query: string): SearchResults {
  const r = a.search(query, { limit: 100 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function searchContract(f: ArchiveFixture): void {
  describe('search', () => {
    it('finds one-character terms anywhere in a word, including the last character of a run', () => {
      const a = load(f);
      expect(ids(a, '露')).toEqual(['dprk', 'russia-end']);
      expect(ids(a, '朝')).toEqual(['dprk']);
    });

    it('finds two-character words', () => {
      const a = load(f);
      expect(ids(a, '停戦')).toEqual(['boundary', 'ceasefire']);
      expect(ids(a, '露朝')).toEqual(['dprk']);
      expect(ids(a, '催涙')).toEqual(['teargas']);
    });

    it('finds longer words and names, also inside longer ones', () => {
      const a = load(f);
      expect(ids(a, 'ゼレンスキー')).toEqual(['zelensky']);
      expect(ids(a, '停戦協議')).toEqual(['ceasefire']);
      expect(ids(a, '侵攻を続ける露')).toEqual(['russia-end']);
    });

    it('never matches across whitespace or punctuation boundaries it did not see', () => {
      const a = load(f);
      expect(ids(a, 'abc')).toEqual([]); // the text has "ab bc"
      expect(ids(a, '停戦協議')).not.toContain('boundary'); // "停戦 協議"
      expect(ids(a, '"停戦 協議"')).toEqual(['boundary']);
      expect(ids(a, '"国防総省 によると"')).toEqual(['sanctions']);
      expect(ids(a, '"国防総省によると"')).toEqual([]);
    });

    it('requires every term (AND), and excludes words and phrases', () => {
      const a = load(f);
      expect(ids(a, 'ウクライナ 演説')).toEqual(['zelensky']);
      expect(ids(a, 'ウクライナ -ゼレンスキー')).toEqual(['russia-end', 'sanctions', 'volchansk']);
      expect(ids(a, '停戦 -"停戦 協議"')).toEqual(['ceasefire']);
      expect(ids(a, '-ウクライナ -停戦 -制裁 -催涙')).toEqual(['dprk', 'nato-wide']);
    });

    it('matches spelling variants: ヴ/ブ, long vowel marks, full width, half width, case', () => {
      const a = load(f);
      expect(ids(a, 'ボルチャンスク')).toEqual(['volchansk']);
      expect(ids(a, 'ゼレンスキ')).toEqual(['zelensky']);
      expect(ids(a, 'ｾﾞﾚﾝｽｷｰ')).toEqual(['zelensky']);
      expect(ids(a, 'nato')).toEqual(['nato-wide']);
      expect(ids(a, 'ＮＡＴＯ')).toEqual(['nato-wide']);
      expect(ids(a, '"(NATO)"')).toEqual(['nato-wide']);
    });

    it('filters by tag, author, speaker and date, alone or with terms', () => {
      const a = load(f);
      expect(ids(a, 'tag:ウクライナ経済制裁')).toEqual(['sanctions']);
      expect(ids(a, 'from:@nhk_news')).toEqual(['dprk']);
      expect(ids(a, 'from:NHK_NEWS')).toEqual(['dprk']);
      expect(ids(a, 'from:nhk_news from:cnn_co_jp')).toEqual(['dprk', 'nato-wide']);
      expect(ids(a, 'speaker:ゼレンスキー')).toEqual(['zelensky']);
      expect(ids(a, 'speaker:ｾﾞﾚﾝｽｷｰ大統領')).toEqual(['zelensky']);
      expect(ids(a, 'since:2024-01-20 until:2024-01-24')).toEqual([
        'nato-wide',
        'sanctions',
        'teargas',
      ]);
      expect(ids(a, '停戦 until:2024-01-10')).toEqual(['ceasefire']);
      expect(ids(a, 'ウクライナ -from:ReutersJapan since:2024-01-01')).toEqual([]);
      expect(ids(a, '-tag:ウクライナ経済制裁 制裁')).toEqual([]);
      expect(ids(a, 'tag:存在しない')).toEqual([]);
      expect(a.count('tag:ウクライナ経済制裁')).toEqual({ ok: true, value: 1 });
      expect(a.count('from:@ReutersJapan')).toEqual({ ok: true, value: 7 });
      expect(a.count('since:2024-01-20')).toEqual({ ok: true, value: 4 });
    });

    it('an empty query matches everything, newest post first', () => {
      const a = load(f);
      const r = results(a, '');
      expect(r.total).toBe(SPECS.length);
      expect(r.hits.map((h) => h.stored.entry.id).slice(0, 2)).toEqual(['boundary', 'teargas']);
      expect(a.count('')).toEqual({ ok: true, value: SPECS.length });
    });

    it('counts what search finds, and pages through it', () => {
      const a = load(f);
      for (const q of ['露', 'ウクライナ', 'from:ReutersJapan', '-停戦', '"停戦 協議"'])
        expect(a.count(q)).toEqual({ ok: true, value: results(a, q).total });
      const all = results(a, 'ウクライナ').hits.map((h) => h.stored.entry.id);
      const p1 = a.search('ウクライナ', { limit: 2 });
      const p2 = a.search('ウクライナ', { limit: 2, offset: 2 });
      expect(
        p1.ok && p2.ok && [...p1.value.hits, ...p2.value.hits].map((h) => h.stored.entry.id),
      ).toEqual(all.slice(0, 4));
    });

    it('gives the best matches’ entries without snippets when asked, the page among them', () => {
      const a = load(f);
      for (const q of ['ウクライナ', '露', 'from:ReutersJapan', '', '-停戦']) {
        const all = results(a, q).hits.map((h) => h.stored.entry.id);
        const r = a.search(q, { limit: 2, offset: 1, rankedEntries: 4 });
        if (!r.ok) throw new Error(r.error.message);
        expect(
          r.value.ranked?.map((s) => s.entry.id),
          q,
        ).toEqual(all.slice(0, 4));
        expect(
          r.value.hits.map((h) => h.stored.entry.id),
          q,
        ).toEqual(all.slice(1, 3));
        expect(r.value.total, q).toBe(all.length);
      }
      const plain = a.search('露', { limit: 2 });
      expect(plain.ok && plain.value.ranked).toBeUndefined();
    });

    it('gives an exact total, or says it is an estimate beyond totalLimit', () => {
      const a = f.open();
      const entries = Array.from({ length: 130 }, (_, i) =>
        makeEntry({ id: `m${i}`, text: `停戦${i}` }),
      );
      a.importBatch({ source: 's', day: '2024-01-01', entries, documentTagLines: [] });
      const exact = results(a, '停戦');
      expect([exact.total, exact.totalExact]).toEqual([130, true]);
      const r = a.search('停戦', { totalLimit: 10 });
      if (!r.ok) throw new Error(r.error.message);
      if (r.value.totalExact) expect(r.value.total).toBe(130);
      else expect(r.value.total).toBeGreaterThan(10);
      expect(r.value.total).toBeGreaterThanOrEqual(65);
      expect(r.value.total).toBeLessThanOrEqual(260);
    });

    it('ranks an entry whose summary names the term above one that only mentions it', () => {
      const a = f.open();
      const entries = [
        makeEntry({
          id: 'mention',
          text: '各地の動き',
          body: ['一方、停戦の話も出た。'.repeat(3)],
        }),
        makeEntry({ id: 'about', text: '停戦協議', summaries: [{ tag: '和平', context: '停戦' }] }),
        makeEntry({ id: 'other', text: '無関係' }),
      ];
      a.importBatch({ source: 's', day: '2024-01-01', entries, documentTagLines: [] });
      const r = results(a, '停戦');
      expect(r.hits.map((h) => h.stored.entry.id)).toEqual(['about', 'mention']);
      expect((r.hits[0]?.score ?? 0) > (r.hits[1]?.score ?? 0)).toBe(true);
    });

    it('highlights the original characters that matched, in the best window', () => {
      const a = load(f);
      for (const [q, id] of [
        ['nato', 'nato-wide'],
        ['ゼレンスキ', 'zelensky'],
        ['ボルチャンスク', 'volchansk'],
        ['露', 'russia-end'],
      ] as const) {
        const hit = results(a, q).hits.find((h) => h.stored.entry.id === id);
        if (!hit) throw new Error(`no hit for ${q}`);
        const { text, highlights, offset } = hit.snippet;
        expect(highlights.length).toBeGreaterThan(0);
        expect(entrySearchText(hit.stored.entry).slice(offset, offset + text.length)).toBe(text);
        for (const [s, e] of highlights)
          expect(normaliseForMatch(text.slice(s, e))).toBe(normaliseForMatch(q));
      }
      const nato = results(a, 'nato').hits[0]?.snippet;
      expect(nato?.highlights.map(([s, e]) => nato.text.slice(s, e))).toEqual([
        'ＮＡＴＯ',
        'ＮＡＴＯ',
      ]);
    });

    it('picks the snippet window with the most matches', () => {
      const a = f.open();
      const body = [
        '前置き。'.repeat(60),
        `停戦と停戦と停戦。${'後書き。'.repeat(60)}`,
        `末尾に停戦。`,
      ];
      a.importBatch({
        source: 's',
        day: '2024-01-01',
        entries: [makeEntry({ id: 'w', text: 'タイトル', body })],
        documentTagLines: [],
      });
      const s = results(a, '停戦').hits[0]?.snippet;
      expect(s?.highlights.length).toBe(3);
      expect(s?.text).toContain('停戦と停戦と停戦');
    });
  });
}
