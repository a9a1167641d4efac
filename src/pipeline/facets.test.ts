import { describe, expect, it } from 'vitest';
import type { StoredEntry } from '../archive/index.js';
import { makeEntry, type EntrySpec } from '../../test/contract/make-entry.js';
import { facetsOf } from './facets.js';

const stored = (day: string, spec: EntrySpec): StoredEntry => ({
  entry: makeEntry(spec),
  day,
  seq: 0,
  source: 'test',
  story: spec.id,
});

const entries = [
  stored('2024-03-05', {
    id: 'a',
    handle: 'nhk_news',
    summaries: [
      { tag: '原発', speaker: 'グロッシ事務局長', quote: '危険だ' },
      { tag: '原発', speaker: 'グロッシ事務局長', quote: '再び危険だ' },
    ],
  }),
  stored('2024-03-05', {
    id: 'b',
    handle: 'ReutersJapan',
    summaries: [
      { tag: '原発' },
      { tag: 'ウクライナ戦況', speaker: 'シルスキー総司令官', quote: '厳しい' },
    ],
  }),
  stored('2024-03-06', { id: 'c', handle: 'nhk_news', summaries: [{ tag: 'ウクライナ戦況' }] }),
  stored('2024-03-06', { id: 'd', text: null, body: ['記事'] }),
];

describe('facetsOf', () => {
  it('counts each value once per entry, most frequent first, days newest first on a tie', () => {
    const f = facetsOf(entries, 10);
    expect(f.tags).toEqual([
      { value: 'ウクライナ戦況', count: 2 },
      { value: '原発', count: 2 },
    ]);
    expect(f.speakers).toEqual([
      { value: 'グロッシ事務局長', count: 1 },
      { value: 'シルスキー総司令官', count: 1 },
    ]);
    expect(f.sources).toEqual([
      { value: '@nhk_news', count: 2 },
      { value: '@ReutersJapan', count: 1 },
    ]);
    expect(f.days).toEqual([
      { value: '2024-03-06', count: 2 },
      { value: '2024-03-05', count: 2 },
    ]);
  });

  it('keeps at most `keep` values a facet', () => {
    expect(facetsOf(entries, 1).tags).toHaveLength(1);
  });
});
