import { describe, expect, it } from 'vitest';
import type { Archive, ImportBatch } from '../../src/archive/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry, type EntrySpec } from './make-entry.js';

const batch = (day: string, specs: EntrySpec[], extra: Partial<ImportBatch> = {}): ImportBatch => ({
  source: `${day}.txt`,
  day,
  entries: specs.map(makeEntry),
  documentTagLines: [],
  ...extra,
});

const ids = (a: Archive, story: string): string[] => a.entriesOfStory(story).map((s) => s.entry.id);

export function storiesContract(f: ArchiveFixture): void {
  describe('identity keys', () => {
    it('finds entries by any of their keys, each entry once', () => {
      const a = f.open();
      a.importBatch(
        batch('2024-01-18', [{ id: 'k1' }, { id: 'k2' }], {
          keys: { k1: ['x:1', 'url:https://e.jp/a'], k2: ['x:2'] },
        }),
      );
      expect(a.findByKeys(['x:1', 'url:https://e.jp/a']).map((s) => s.entry.id)).toEqual(['k1']);
      expect(a.findByKeys(['x:2', 'x:3']).map((s) => s.entry.id)).toEqual(['k2']);
      expect(a.findByKeys(['x:9'])).toEqual([]);
    });

    it('replaces a superseded entry: counts, index and keys move to its successor', () => {
      const a = f.open();
      a.importBatch(
        batch(
          '2024-01-17',
          [
            {
              id: 'cut',
              text: '停戦協議が再開へ…',
              handle: 'NHK',
              summaries: [{ tag: '古い', context: 'x' }],
            },
            { id: 'other', text: '別の話' },
          ],
          { keys: { cut: ['x:5'] } },
        ),
      );
      const r = a.importBatch(
        batch(
          '2024-01-18',
          [{ id: 'full', text: '停戦協議が再開へ、双方が合意', handle: 'Kyodo' }],
          {
            replaces: { full: ['cut', 'missing'] },
            keys: { full: ['text:abc'] },
          },
        ),
      );
      expect(r).toEqual({ inserted: 1, unchanged: 0, replaced: 1 });
      expect(a.findEntry('cut')?.entry.id).toBe('full');
      expect(a.findByKeys(['x:5']).map((s) => s.entry.id)).toEqual(['full']);
      expect(a.findByKeys(['id:cut', 'text:abc']).map((s) => s.entry.id)).toEqual(['full']);
      expect(a.entriesOfDay('2024-01-17').map((s) => s.entry.id)).toEqual(['other']);
      expect(a.count('再開へ')).toEqual({ ok: true, value: 1 });
      expect(a.count('tag:古い')).toEqual({ ok: true, value: 0 });
      expect(a.count('from:@NHK')).toEqual({ ok: true, value: 0 });
      const stats = a.stats();
      expect(stats).toMatchObject({ entries: 2, summaryLines: 0 });
      expect(stats.tags).toEqual([]);
      expect(stats.handles.find((h) => h.handle === 'NHK')?.count ?? 0).toBe(0);
    });

    it('replaces an entry with a new version under the same id', () => {
      const a = f.open();
      a.importBatch(batch('2024-01-17', [{ id: 'v', body: ['第一報'] }], { keys: { v: ['x:7'] } }));
      const r = a.importBatch(
        batch('2024-01-17', [{ id: 'v', body: ['第一報に続報を加えた版'] }], {
          replaces: { v: ['v'] },
        }),
      );
      expect(r).toEqual({ inserted: 1, unchanged: 0, replaced: 1 });
      expect(a.findEntry('v')?.entry.body).toEqual(['第一報に続報を加えた版']);
      expect(a.findByKeys(['x:7']).map((s) => s.entry.id)).toEqual(['v']);
      expect(a.count('続報')).toEqual({ ok: true, value: 1 });
      expect(a.stats().entries).toBe(1);
    });

    it('rolls a replacement back with the rest of its batch', () => {
      const a = f.open();
      a.importBatch(batch('2024-01-17', [{ id: 'old' }]));
      const bad = batch('2024-01-18', [{ id: 'new' }], { replaces: { new: ['old'] } });
      expect(() => a.importBatches([bad, { ...bad, day: 'not a day' }])).toThrow(/archive/);
      expect(a.findEntry('old')?.entry.id).toBe('old');
      expect(a.stats().entries).toBe(1);
    });
  });

  describe('updateDerived', () => {
    it('replaces keys (keeping superseded ids), text people and the story', () => {
      const a = f.open();
      a.importBatch(
        batch('2024-01-17', [{ id: 'old' }, { id: 'e' }, { id: 'h' }], {
          keys: { e: ['x:1'] },
          people: { e: { speakers: ['ラブロフ'], mentions: [] } },
        }),
      );
      a.importBatch(batch('2024-01-18', [{ id: 'e2' }], { replaces: { e2: ['e'] } }));
      const n = a.updateDerived([
        {
          id: 'e2',
          keys: ['x:2'],
          people: { speakers: [], mentions: [' ザハロワ ', ''] },
          story: 'h',
        },
        { id: 'missing', story: 'h' },
      ]);
      expect(n).toBe(1);
      expect(a.findByKeys(['x:1'])).toEqual([]);
      expect(a.findByKeys(['x:2', 'id:e']).map((s) => s.entry.id)).toEqual(['e2']);
      expect(a.count('person:ザハロワ')).toEqual({ ok: true, value: 1 });
      expect(a.count('speaker:ラブロフ')).toEqual({ ok: true, value: 0 });
      expect(ids(a, 'h')).toEqual(['h', 'e2']);
      a.updateDerived([{ id: 'e2', story: 'e2' }]);
      expect(a.findEntry('e2')?.story).toBe('e2');
    });
  });

  describe('stories', () => {
    it('files entries under their story; an entry on its own is its own story', () => {
      const a = f.open();
      a.importBatch(
        batch('2024-01-18', [{ id: 's1' }, { id: 's2' }, { id: 's3' }], {
          stories: { s2: 's1' },
        }),
      );
      expect(a.findEntry('s2')?.story).toBe('s1');
      expect(a.findEntry('s3')?.story).toBe('s3');
      expect(ids(a, 's1')).toEqual(['s1', 's2']);
      expect(ids(a, 's3')).toEqual(['s3']);
      expect(ids(a, 'nothing')).toEqual([]);
    });

    it('merges stories: every entry of one moves to the other, later batches included', () => {
      const a = f.open();
      a.importBatch(
        batch('2024-01-17', [{ id: 'a1' }, { id: 'a2' }, { id: 'b1' }, { id: 'b2' }], {
          stories: { a2: 'a1', b2: 'b1' },
        }),
      );
      a.importBatch(
        batch('2024-01-18', [{ id: 'c' }], {
          stories: { c: 'a1' },
          storyMerges: [{ from: 'b1', to: 'a1' }],
        }),
      );
      expect(ids(a, 'a1')).toEqual(['a1', 'a2', 'b1', 'b2', 'c']);
      expect(ids(a, 'b1')).toEqual([]);
      expect(a.findEntry('b1')?.story).toBe('a1');
    });

    it('gives a successor the story of the entry it replaces', () => {
      const a = f.open();
      a.importBatch(batch('2024-01-17', [{ id: 'h' }, { id: 'm' }], { stories: { m: 'h' } }));
      a.importBatch(batch('2024-01-18', [{ id: 'm2' }], { replaces: { m2: ['m'] } }));
      expect(ids(a, 'h')).toEqual(['h', 'm2']);
    });

    it('lists the entries of a span of days', () => {
      const a = f.open();
      for (const day of ['2024-01-15', '2024-01-17', '2024-01-19'])
        a.importBatch(batch(day, [{ id: `d${day.slice(-2)}` }]));
      expect(a.entriesOfDays('2024-01-16', '2024-01-19').map((s) => s.entry.id)).toEqual([
        'd17',
        'd19',
      ]);
    });
  });
}
