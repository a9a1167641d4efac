import { describe, expect, it } from 'vitest';
import type { Archive, ImportBatch, SearchOptions } from '../../src/archive/index.js';
import { KirinukiError } from '../../src/model/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry } from './make-entry.js';

/** A made-up alias table: what `aliasesOf` gives for these names. */
const ALIASES: Record<string, string[]> = {
  ハルキウ: ['ハルキウ', 'ハリコフ'],
  ハリコフ: ['ハルキウ', 'ハリコフ'],
  kharkiv: ['kharkiv', 'kharkov region'],
  ザハロワ: ['ザハロワ', 'Zakharova'],
};
const expandTerm = (t: string): string[] => ALIASES[t] ?? [t];

function ids(a: Archive, query: string, options: SearchOptions = {}): string[] {
  const r = a.search(query, { limit: 100, ...options });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.hits.map((h) => h.stored.entry.id).sort();
}

function count(a: Archive, query: string, options: SearchOptions = {}): number {
  const r = a.count(query, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function peopleBatch(): ImportBatch {
  return {
    source: 'people.txt',
    day: '2024-01-18',
    documentTagLines: [],
    entries: [
      makeEntry({ id: 'zak', text: 'ザハロワ報道官は「挑発だ」と述べ、プーチン大統領を擁護した' }),
      makeEntry({ id: 'men', text: 'ザハロワ報道官の発言が波紋' }),
      makeEntry({ id: 'none', text: 'ザハロワという名前だけ' }),
      makeEntry({ id: 'en', text: 'Zakharova said it was a provocation' }),
      makeEntry({
        id: 'sum',
        text: '停戦協議',
        summaries: [{ tag: '和平', speaker: 'ゼレンスキー大統領', quote: '停戦は近い' }],
      }),
    ],
    people: {
      zak: { speakers: ['ザハロワ', 'ザハロワ報道官'], mentions: ['プーチン', 'プーチン'] },
      men: { speakers: [], mentions: ['ザハロワ'] },
      en: { speakers: ['Zakharova'], mentions: [] },
      absent: { speakers: ['誰か'], mentions: [] },
    },
  };
}

export function peopleContract(f: ArchiveFixture): void {
  describe('people from the text, person: and aliases', () => {
    it('files speakers and mentions from the text for speaker: and person:', () => {
      const a = f.open();
      expect(a.importBatch(peopleBatch())).toEqual({ inserted: 5, unchanged: 0, replaced: 0 });
      expect(ids(a, 'speaker:ザハロワ')).toEqual(['zak']);
      expect(ids(a, 'speaker:ザハロワ報道官')).toEqual(['zak']);
      expect(ids(a, 'person:ザハロワ')).toEqual(['men', 'zak']);
      expect(ids(a, 'person:プーチン')).toEqual(['zak']);
      expect(ids(a, 'speaker:プーチン')).toEqual([]);
      // Summary-line speakers count for both filters.
      expect(ids(a, 'speaker:ゼレンスキー')).toEqual(['sum']);
      expect(ids(a, 'person:ゼレンスキー')).toEqual(['sum']);
      expect(ids(a, '-person:ザハロワ')).toEqual(['en', 'none', 'sum']);
      expect(ids(a, '報道官 -speaker:ザハロワ')).toEqual(['men']);
      expect(ids(a, 'person:誰か')).toEqual([]);
      expect(count(a, 'person:ザハロワ')).toBe(2);
      expect(count(a, 'speaker:ザハロワ')).toBe(1);
      expect(count(a, 'ザハロワ person:ザハロワ')).toBe(2);
      // Importing again changes nothing.
      expect(a.importBatch(peopleBatch())).toEqual({ inserted: 0, unchanged: 5, replaced: 0 });
      expect(count(a, 'person:ザハロワ')).toBe(2);
    });

    it('rolls people back with the rest of a failed batch', () => {
      const a = f.open();
      const bad = peopleBatch();
      bad.entries.push(makeEntry({ id: '', text: '空のid' }));
      expect(() => a.importBatch(bad)).toThrow(KirinukiError);
      expect(count(a, 'person:ザハロワ')).toBe(0);
      expect(a.importBatch(peopleBatch()).inserted).toBe(5);
      expect(count(a, 'person:ザハロワ')).toBe(2);
    });

    it('matches any alternative of a term given by expandTerm, and excludes them all', () => {
      const a = f.open();
      a.importBatch({
        source: 'aliases.txt',
        day: '2024-01-18',
        documentTagLines: [],
        entries: [
          makeEntry({ id: 'kh1', text: 'ハリコフ州で戦闘' }),
          makeEntry({ id: 'kh2', text: 'ハルキウに攻撃' }),
          makeEntry({ id: 'kh3', text: 'Fighting in the Kharkov region' }),
          makeEntry({ id: 'kyiv', text: 'キーウで会談' }),
        ],
      });
      expect(ids(a, 'ハルキウ')).toEqual(['kh2']);
      expect(ids(a, 'ハルキウ', { expandTerm })).toEqual(['kh1', 'kh2']);
      expect(ids(a, 'ハリコフ', { expandTerm })).toEqual(['kh1', 'kh2']);
      expect(ids(a, 'ハルキウ 戦闘', { expandTerm })).toEqual(['kh1']);
      expect(ids(a, '-ハルキウ', { expandTerm })).toEqual(['kh3', 'kyiv']);
      expect(ids(a, '-ハルキウ')).toEqual(['kh1', 'kh3', 'kyiv']);
      // An alternative the index only narrows (words with a space) is checked exactly.
      expect(ids(a, 'kharkiv')).toEqual([]);
      expect(ids(a, 'kharkiv', { expandTerm })).toEqual(['kh3']);
      expect(ids(a, '-kharkiv', { expandTerm })).toEqual(['kh1', 'kh2', 'kyiv']);
      expect(count(a, 'ハルキウ', { expandTerm })).toBe(2);
      expect(count(a, 'ハルキウ')).toBe(1);
      const r = a.search('ハルキウ', { expandTerm });
      if (!r.ok) throw new Error(r.error.message);
      const kh1 = r.value.hits.find((h) => h.stored.entry.id === 'kh1');
      const marked = kh1?.snippet.highlights.map(([s, e]) => kh1.snippet.text.slice(s, e));
      expect(marked).toEqual(['ハリコフ']);
    });

    it('expands speaker: and person: values', () => {
      const a = f.open();
      a.importBatch(peopleBatch());
      expect(ids(a, 'speaker:ザハロワ', { expandTerm })).toEqual(['en', 'zak']);
      expect(ids(a, 'person:ザハロワ', { expandTerm })).toEqual(['en', 'men', 'zak']);
      expect(count(a, 'speaker:ザハロワ', { expandTerm })).toBe(2);
      expect(ids(a, '-speaker:ザハロワ', { expandTerm })).toEqual(['men', 'none', 'sum']);
    });
  });
}
