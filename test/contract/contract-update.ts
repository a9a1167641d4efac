import { describe, expect, it } from 'vitest';
import type { Archive, ImportBatch } from '../../src/archive/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry, type EntrySpec } from './make-entry.js';

const day = '2024-01-18';

const SPECS: EntrySpec[] = [
  {
    id: 'u1',
    text: '露イ首脳会談',
    summaries: [{ tag: '露斯', speaker: 'ライシ大統領', quote: '協力を深める' }],
  },
  { id: 'u2', text: 'イラン製無人機', summaries: [{ tag: '露斯', context: '無人機供与' }] },
  { id: 'u3', text: '停戦協議', summaries: [{ tag: 'ウクライナ和平交渉', context: '協議' }] },
  { id: 'u4', text: null, body: ['本文だけの項目'] },
];

function filled(a: Archive): void {
  const batch: ImportBatch = {
    source: 'digest.txt',
    day,
    entries: SPECS.map(makeEntry),
    documentTagLines: [],
  };
  a.importBatch(batch);
}

/** The spec of an entry with its `露斯` lines renamed. */
function renamed(spec: EntrySpec, to: string): EntrySpec {
  const summaries = (spec.summaries ?? []).map((s) => (s.tag === '露斯' ? { ...s, tag: to } : s));
  return { ...spec, summaries };
}

const count = (a: Archive, q: string): unknown => a.count(q);

export function updateContract(f: ArchiveFixture): void {
  describe('update', () => {
    it('replaces entries by id: stored JSON, tags, counts and the summary text index', () => {
      const a = f.open();
      filled(a);
      const next = SPECS.slice(0, 2).map((s) => makeEntry(renamed(s, '露イラン')));
      expect(a.updateEntries(next)).toBe(2);
      expect(a.findEntry('u1')?.entry).toEqual(next[0]);
      expect(a.findEntry('u1')).toMatchObject({ day, seq: 0, source: 'digest.txt' });
      expect(count(a, 'tag:露イラン')).toEqual({ ok: true, value: 2 });
      expect(count(a, 'tag:露斯')).toEqual({ ok: true, value: 0 });
      expect(count(a, '露イラン')).toEqual({ ok: true, value: 2 });
      expect(count(a, '露斯')).toEqual({ ok: true, value: 0 });
      expect(a.search('露イラン')).toMatchObject({ ok: true, value: { total: 2 } });
      const stats = a.stats();
      expect(stats.tags).toEqual([
        { tag: '露イラン', count: 2 },
        { tag: 'ウクライナ和平交渉', count: 1 },
      ]);
      expect(stats).toMatchObject({ entries: 4, summaryLines: 3 });
      expect(count(a, 'speaker:ライシ大統領')).toEqual({ ok: true, value: 1 });
    });

    it('skips ids not in the archive and leaves other entries alone', () => {
      const a = f.open();
      filled(a);
      const before = a.findEntry('u3')?.entry;
      expect(a.updateEntries([makeEntry({ id: 'nope', summaries: [{ tag: '新' }] })])).toBe(0);
      expect(a.updateEntries([])).toBe(0);
      expect(a.findEntry('nope')).toBeNull();
      expect(count(a, 'tag:新')).toEqual({ ok: true, value: 0 });
      expect(a.findEntry('u3')?.entry).toEqual(before);
      expect(a.stats().entries).toBe(4);
    });

    it('counts added summary lines and their speakers, and re-indexes changed text', () => {
      const a = f.open();
      filled(a);
      const spec = SPECS[3] as EntrySpec;
      const next = makeEntry({
        ...spec,
        body: ['書き換えた本文'],
        summaries: [{ tag: 'NATO', speaker: 'ストルテンベルグ事務総長', quote: '結束' }],
      });
      expect(a.updateEntries([next])).toBe(1);
      expect(a.stats()).toMatchObject({ summaryLines: 4 });
      expect(count(a, 'tag:NATO')).toEqual({ ok: true, value: 1 });
      expect(count(a, 'speaker:ストルテンベルグ')).toEqual({ ok: true, value: 1 });
      expect(count(a, '本文だけ')).toEqual({ ok: true, value: 0 });
      expect(count(a, '書き換えた')).toEqual({ ok: true, value: 1 });
      expect(count(a, '結束')).toEqual({ ok: true, value: 1 });
      expect([...a.allEntries()].map((s) => s.entry.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    });

    it('takes a tag away and back again', () => {
      const a = f.open();
      filled(a);
      const bare = makeEntry({ ...(SPECS[2] as EntrySpec), summaries: [] });
      a.updateEntries([bare]);
      expect(count(a, 'tag:ウクライナ和平交渉')).toEqual({ ok: true, value: 0 });
      expect(a.stats()).toMatchObject({ summaryLines: 2, tags: [{ tag: '露斯', count: 2 }] });
      a.updateEntries([makeEntry(SPECS[2] as EntrySpec)]);
      expect(count(a, 'tag:ウクライナ和平交渉')).toEqual({ ok: true, value: 1 });
      expect(a.stats()).toMatchObject({ summaryLines: 3 });
    });
  });
}
