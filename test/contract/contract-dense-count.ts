import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../support/seeded-random.js';
import { makeEntry } from './make-entry.js';
import type { Archive, SearchOptions } from '../../src/archive/index.js';
import type { Entry } from '../../src/model/index.js';

const sentences = [
  'ロシア軍がウクライナ東部で攻撃を続けた。',
  'ウクライナは停戦に応じない考えを示した。',
  'ロシアと北朝鮮が会談した。',
  'ザハリャン司令官は前線の状況を説明した。',
  '欧州は制裁の強化を検討している。',
  'ロシア外務省は停戦協議を拒んだ。',
  'ハリコフで避難が続く。',
  // A phrase in two contexts, so that it is a phrase of its own (`dense-phrases.ts`).
  'ロシアも停戦に応じない方針だ。',
];

function entries(prefix: string, n: number, seed: number): Entry[] {
  const next = random(seed);
  const pick = (): string => sentences[Math.floor(next() * sentences.length)] ?? '';
  return Array.from({ length: n }, (_, i) =>
    makeEntry({
      id: `${prefix}${i}`,
      text: pick(),
      body: [pick(), pick()],
      handle: next() < 0.5 ? 'nhk_news' : 'ReutersJapan',
      date: `2024-06-${String(1 + Math.floor(next() * 9)).padStart(2, '0')}`,
      summaries:
        next() < 0.3
          ? [
              {
                tag: next() < 0.5 ? '露朝' : 'ウクライナ戦況',
                // A speaker with a set, and a rarer spelling without one.
                speaker: next() < 0.5 ? 'ザハリャン司令官' : next() < 0.1 ? 'ザハリャン氏' : null,
                quote: '前進している',
              },
            ]
          : [],
    }),
  );
}

const queries = [
  'ロシア',
  'ウクライナ',
  '停戦',
  'ロシア 停戦',
  'ロシア -停戦',
  '"ロシア軍"',
  'ロシア ザハリャン',
  'ロシア tag:露朝',
  '-ロシア tag:露朝',
  'ウクライナ from:@nhk_news',
  '停戦 since:2024-06-05',
  'from:@nhk_news since:2024-06-05',
  'from:@nhk_news from:@ReutersJapan until:2024-06-04',
  'ロシア 避難',
  'ハルキウ',
  'speaker:ザハリャン 停戦',
  'speaker:ザハリャン -ロシア',
  '停戦 -tag:露朝',
  'ロシア -from:@nhk_news',
  '停戦 from:@nhk_news from:@ReutersJapan',
  'tag:ウクライナ戦況 from:@nhk_news',
  'ロシア tag:ウクライナ戦況 from:@nhk_news',
  // A single character with a set (it stands in words of several runs), alone and with others.
  '続',
  '続 ロシア',
  '停戦 -続',
  // Phrases with sets (joined by kana), alone, with words and filters, and one without.
  '"停戦に応じない"',
  '"停戦に応じない" ロシア',
  'ウクライナ -"停戦に応じない"',
  '"停戦に応じない" tag:露朝',
  '"避難が続く"',
  '"前線の状況を説明した"',
  // Two 16-letter pieces of one longer sentence: the same entries, one set stored for both.
  '"ザハリャン司令官は前線の状況を説"',
  '"ャン司令官は前線の状況を説明した"',
];
const aliases = (term: string): string[] => (term === 'ハルキウ' ? ['ハリコフ'] : []);

function counts(a: Archive): Record<string, number> {
  return Object.fromEntries(
    queries.map((q) => {
      const r = a.count(q, { expandTerm: aliases });
      if (!r.ok) throw new Error(`query ${q}: ${r.error.message}`);
      return [q, r.value];
    }),
  );
}

/** How a backend opens archives for these tests and reads their sets. */
export interface DenseCountBackend {
  /**
   * An empty archive called `name`: with sets built from a few hundred entries, or none. Its
   * search must estimate a total beyond `totalLimit` (score few candidates).
   */
  open(name: string, withSets: boolean): Archive;
  /** The keys of the sets stored in archive `name`. */
  terms(name: string): string[];
  /** The keys stored with another key's set (`same_as`) in archive `name`. */
  sharedTerms(name: string): string[];
  /** Clears every bit of every set stored in archive `name`. */
  emptySets(name: string): void;
  /**
   * Whether a count of filters alone is left to the backend when its plan is cheap (SQLite),
   * rather than always taken from the sets (PostgreSQL).
   */
  cheapFiltersFromIndex: boolean;
}

/** The options that give a 400-entry archive its sets. */
export const SMALL_DENSE_TERMS = {
  minEntries: 20,
  minShare: 0.1,
  maxTerms: 64,
  maxChars: 16,
  phraseShare: 0.1,
  minPhraseEntries: 20,
  maxPhrases: 64,
};

/**
 * Counts answered by the dense terms' sets must be the index's counts, before and after
 * entries are filed, removed and rewritten since the sets were built. A second archive with
 * the same entries and no sets (the index alone, which the contract suite checks against a
 * brute-force scan) gives the expected counts.
 */
export function runDenseCountContract(backend: DenseCountBackend): void {
  /**
   * A ranked page for a few queries the sets answer whole. (Not the total: without sets it is
   * an estimate beyond totalLimit.)
   */
  function pages(a: Archive): unknown[] {
    const ranked = ['ロシア', 'ロシア -停戦', 'ロシア tag:露朝', 'ウクライナ from:@nhk_news'];
    // Newest posts first: filters alone, and words sorted by date.
    const byDate = ['tag:露朝', '-ロシア tag:露朝', 'tag:ウクライナ戦況 from:@nhk_news', '停戦'];
    const page = (q: string, options: SearchOptions): unknown => {
      const r = a.search(q, { totalLimit: 10, ...options });
      if (!r.ok) throw new Error(`query ${q}: ${r.error.message}`);
      return [q, options, r.value.hits.map((h) => h.stored.entry.id)];
    };
    return [
      ...ranked.map((q) => page(q, {})),
      ...byDate.map((q) => page(q, { sort: 'date' })),
      ...byDate.map((q) => page(q, { sort: 'date', offset: 20, limit: 10 })),
    ];
  }

  function pair(name: string): { dense: Archive; plain: Archive } {
    const dense = backend.open(name, true);
    const plain = backend.open(`${name}_plain`, false);
    for (const a of [dense, plain])
      a.importBatch({
        source: 's',
        day: '2024-06-10',
        entries: entries('e', 400, 1),
        documentTagLines: [],
      });
    // Both optimised (the champion lists alike); only `dense` is given the options for sets.
    dense.optimize();
    plain.optimize();
    return { dense, plain };
  }

  describe('counting with the dense terms’ sets', () => {
    it('builds sets for the words most entries hold, and counts as the index does', () => {
      const { dense, plain } = pair('built');
      const terms = backend.terms('built');
      expect(terms).toEqual(
        expect.arrayContaining(['ロシア', 'ウクライナ', '停戦', 'tag:露朝', 'from:nhk_news']),
      );
      expect(terms.some((t) => t.startsWith('speaker:'))).toBe(true);
      // Words: no particle or ending (hiragana), 1–6 characters; a character a longer word
      // holds within its run has none (鮮 of 北朝鮮), one that stands in several has. Phrases
      // with kana: one held in two contexts, not its piece always followed by the same letter.
      const words = terms.filter((t) => !/^(tag|from|speaker):/u.test(t));
      expect(words).toContain('続');
      expect(words).not.toContain('鮮');
      expect(words).toContain('停戦に応じない');
      expect(words).not.toContain('停戦に応じな');
      expect(words.filter((w) => /[ぁ-ゟ]/u.test(w)).every((w) => [...w].length <= 16)).toBe(true);
      // Pieces of one sentence share one set, stored once.
      expect(words).toEqual(
        expect.arrayContaining([
          'ザハリャン司令官は前線の状況を説',
          'ャン司令官は前線の状況を説明した',
        ]),
      );
      expect(backend.sharedTerms('built')).toContain('ャン司令官は前線の状況を説明した');
      expect(counts(dense)).toEqual(counts(plain));
      expect(counts(plain)['ロシア']).toBeGreaterThan(100);
      dense.close();
      plain.close();
    });

    it('gives a search its total exactly where the sets answer the query', () => {
      const { dense, plain } = pair('totals');
      for (const q of ['ロシア', 'ロシア -停戦', 'ロシア tag:露朝']) {
        const expected = plain.count(q);
        const mine = dense.search(q, { totalLimit: 10 });
        const theirs = plain.search(q, { totalLimit: 10 });
        expect(mine.ok && theirs.ok && expected.ok).toBe(true);
        if (!mine.ok || !theirs.ok || !expected.ok) continue;
        expect([q, mine.value.total, mine.value.totalExact]).toEqual([q, expected.value, true]);
        // Without sets, beyond totalLimit the total is an estimate.
        expect(theirs.value.totalExact).toBe(false);
        // The same page: the newest matches read from the sets are the index's.
        const ids = (hits: typeof mine.value.hits): string[] => hits.map((h) => h.stored.entry.id);
        expect(ids(mine.value.hits)).toEqual(ids(theirs.value.hits));
        expect(mine.value.hits.length).toBeGreaterThan(0);
      }
      // A phrase held in one context only has no set of its own: the estimate, as before.
      const rare = dense.search('"停戦に応じな"', { totalLimit: 10 });
      expect(rare.ok && rare.value.totalExact).toBe(false);
      dense.close();
      plain.close();
    });

    it('counts from the sets: emptied, they change the count', () => {
      const { dense, plain } = pair('emptied');
      backend.emptySets('emptied');
      const emptied = counts(dense);
      const expected = counts(plain);
      expect(emptied['ロシア']).toBe(0);
      expect(emptied['ロシア 停戦']).toBe(0);
      expect(emptied['ロシア tag:露朝']).toBe(0);
      expect(emptied['ロシア ザハリャン']).toBe(0);
      expect(emptied['続']).toBe(0);
      expect(expected['続']).toBeGreaterThan(0);
      expect(emptied['"停戦に応じない"']).toBe(0);
      expect(expected['"停戦に応じない"']).toBeGreaterThan(0);
      expect(emptied['"ャン司令官は前線の状況を説明した"']).toBe(0);
      expect(expected['"ャン司令官は前線の状況を説明した"']).toBeGreaterThan(0);
      // Filters too: with every set empty, no entry has the tag or the speaker. (SQLite leaves
      // filters alone to the index when its plan is cheap, as here.)
      expect(emptied['ロシア tag:ウクライナ戦況 from:@nhk_news']).toBe(0);
      expect(expected['ロシア tag:ウクライナ戦況 from:@nhk_news']).toBeGreaterThan(0);
      expect(emptied['tag:ウクライナ戦況 from:@nhk_news']).toBe(
        backend.cheapFiltersFromIndex ? expected['tag:ウクライナ戦況 from:@nhk_news'] : 0,
      );
      expect(expected['tag:ウクライナ戦況 from:@nhk_news']).toBeGreaterThan(0);
      expect(emptied['speaker:ザハリャン 停戦']).toBe(0);
      expect(expected['speaker:ザハリャン 停戦']).toBeGreaterThan(0);
      expect(emptied['-ロシア tag:露朝']).toBe(0);
      expect(expected['-ロシア tag:露朝']).toBeGreaterThan(0);
      dense.close();
      plain.close();
    });

    it('stays exact after entries are filed, removed and rewritten since the sets were built', () => {
      const { dense, plain } = pair('written');
      // Filed later: among them, the rarer spelling of a speaker whose other one has a set.
      const later = [
        ...entries('late', 60, 2),
        ...Array.from({ length: 8 }, (_, i) =>
          makeEntry({
            id: `rare${i}`,
            text: 'ロシアは停戦を協議した。',
            date: '2024-06-09',
            summaries: [{ tag: '露朝', speaker: 'ザハリャン氏', quote: '協議した' }],
          }),
        ),
      ];
      const rewritten = entries('e', 40, 3).map((e, i) => ({ ...e, id: `e${i * 7}` }));
      for (const a of [dense, plain]) {
        a.importBatch({ source: 's', day: '2024-06-11', entries: later, documentTagLines: [] });
        for (let i = 1; i < 400; i += 13) a.removeEntry(`e${i}`);
        a.updateEntries(rewritten);
        // Speakers found by annotation, filed without rewriting the entries.
        a.updateDerived(
          Array.from({ length: 30 }, (_, i) => ({
            id: `e${i * 11 + 2}`,
            people: { speakers: ['ザハリャン司令官'], mentions: [] },
          })),
        );
      }
      expect(counts(dense)).toEqual(counts(plain));
      expect(pages(dense)).toEqual(pages(plain));
      // And again once optimize() has built the sets anew.
      dense.optimize();
      plain.optimize();
      expect(counts(dense)).toEqual(counts(plain));
      expect(pages(dense)).toEqual(pages(plain));
      dense.close();
      plain.close();
    });
  });
}
