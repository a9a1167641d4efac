import { describe, expect, it } from 'vitest';
import type { Archive, ImportBatch } from '../../src/archive/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry, type EntrySpec } from './make-entry.js';

/** The curator's verbs on the archive: the list of days, removing an entry, a day's order. */

const batch = (day: string, specs: EntrySpec[], extra: Partial<ImportBatch> = {}): ImportBatch => ({
  source: `${day}.txt`,
  day,
  entries: specs.map(makeEntry),
  documentTagLines: [],
  ...extra,
});

const DAY = '2024-01-18';
const NEXT = '2024-01-19';

/** Three entries on DAY, one on NEXT, each with words of its own. */
function filled(a: Archive): void {
  a.importBatch(
    batch(
      DAY,
      [
        {
          id: 'c1',
          text: '変電所に無人機攻撃',
          handle: 'tozai_test',
          summaries: [{ tag: 'インフラ攻撃', speaker: '電力会社', quote: '復旧を急ぐ' }],
        },
        { id: 'c2', text: '停戦協議が再開', summaries: [{ tag: '和平交渉', context: '再開' }] },
        { id: 'c3', text: '穀物輸出の回廊', body: ['黒海の航路について'] },
      ],
      { documentTagLines: ['#反ロシア'] },
    ),
  );
  a.importBatch(
    batch(NEXT, [{ id: 'c4', text: '首脳会談の日程', summaries: [{ tag: '和平交渉' }] }]),
  );
}

const dayIds = (a: Archive, day: string): string[] => a.entriesOfDay(day).map((s) => s.entry.id);
const total = (a: Archive, query: string): number => {
  const r = a.count(query);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

export function curateContract(f: ArchiveFixture): void {
  describe('filed days', () => {
    it('lists the days with entries, newest first, with their counts', () => {
      const a = f.open();
      expect(a.filedDays()).toEqual([]);
      filled(a);
      expect(a.filedDays()).toEqual([
        { day: NEXT, entries: 1 },
        { day: DAY, entries: 3 },
      ]);
    });

    it('leaves out a day whose entries were all removed', () => {
      const a = f.open();
      filled(a);
      expect(a.removeEntry('c4')).toBe(true);
      expect(a.filedDays()).toEqual([{ day: DAY, entries: 3 }]);
      // …and the stats agree: that day is no longer one of the archive's days.
      expect(a.stats()).toMatchObject({ days: 1, firstDay: DAY, lastDay: DAY });
    });
  });

  describe('removing an entry', () => {
    it('takes it out of every read, search and count, and leaves the others alone', () => {
      const a = f.open();
      filled(a);
      const before = a.stats();
      const others = ['c2', 'c3', 'c4'].map((id) => a.findEntry(id));
      expect(total(a, '無人機')).toBe(1);
      expect(a.removeEntry('c1')).toBe(true);
      expect(a.findEntry('c1')).toBeNull();
      expect(dayIds(a, DAY)).toEqual(['c2', 'c3']);
      expect([...a.allEntries()].map((s) => s.entry.id)).toEqual(['c2', 'c3', 'c4']);
      expect(total(a, '無人機')).toBe(0);
      expect(total(a, '変')).toBe(0);
      expect(total(a, 'tag:インフラ攻撃')).toBe(0);
      expect(total(a, 'speaker:電力会社')).toBe(0);
      expect(total(a, 'from:@tozai_test')).toBe(0);
      const stats = a.stats();
      expect(stats.entries).toBe(before.entries - 1);
      expect(stats.summaryLines).toBe(before.summaryLines - 1);
      expect(stats.tags.map((t) => t.tag)).not.toContain('インフラ攻撃');
      expect(stats.handles.map((h) => h.handle)).not.toContain('tozai_test');
      expect(['c2', 'c3', 'c4'].map((id) => a.findEntry(id))).toEqual(others);
      expect(total(a, '停戦')).toBe(1);
      expect(a.search('停戦')).toMatchObject({ ok: true, value: { total: 1 } });
      expect(a.documentTagLinesOfDay(DAY)).toEqual(['#反ロシア']);
    });

    it('is false for an id it does not hold, and for a prefix', () => {
      const a = f.open();
      filled(a);
      expect(a.removeEntry('nope')).toBe(false);
      expect(a.removeEntry('c')).toBe(false);
      expect(a.removeEntry('c1')).toBe(true);
      expect(a.removeEntry('c1')).toBe(false);
      expect(a.stats().entries).toBe(3);
    });

    it('keeps a tag and an account other entries still carry', () => {
      const a = f.open();
      filled(a);
      a.removeEntry('c2');
      expect(total(a, 'tag:和平交渉')).toBe(1);
      expect(a.stats().tags).toContainEqual({ tag: '和平交渉', count: 1 });
    });

    it('forgets the ids of entries it superseded, and can be filed again afterwards', () => {
      const a = f.open();
      filled(a);
      a.importBatch(
        batch(NEXT, [{ id: 'full', text: '変電所に無人機攻撃、停電続く' }], {
          replaces: { full: ['c1'] },
        }),
      );
      expect(a.findEntry('c1')?.entry.id).toBe('full');
      expect(a.removeEntry('full')).toBe(true);
      expect(a.findEntry('c1')).toBeNull();
      expect(total(a, '停電')).toBe(0);
      const again = a.importBatch(
        batch(NEXT, [{ id: 'full', text: '変電所に無人機攻撃、停電続く' }]),
      );
      expect(again.inserted).toBe(1);
      expect(total(a, '停電')).toBe(1);
      expect(a.search('停電')).toMatchObject({ ok: true, value: { total: 1 } });
    });

    it('leaves the other entries of its story in that story', () => {
      const a = f.open();
      a.importBatch(batch(DAY, [{ id: 's1' }, { id: 's2' }], { stories: { s2: 's1' } }));
      a.importBatch(batch(NEXT, [{ id: 's3' }], { stories: { s3: 's1' } }));
      a.removeEntry('s1');
      expect(a.entriesOfStory('s1').map((s) => s.entry.id)).toEqual(['s2', 's3']);
    });
  });

  describe("a day's order", () => {
    it('orders every by-day read as given', () => {
      const a = f.open();
      filled(a);
      expect(a.reorderDay(DAY, ['c3', 'c1', 'c2'])).toBe(true);
      expect(dayIds(a, DAY)).toEqual(['c3', 'c1', 'c2']);
      expect(a.entriesOfDay(DAY).map((s) => s.seq)).toEqual([0, 1, 2]);
      expect(a.entriesOfDays(DAY, NEXT).map((s) => s.entry.id)).toEqual(['c3', 'c1', 'c2', 'c4']);
      expect([...a.allEntries()].map((s) => s.entry.id)).toEqual(['c3', 'c1', 'c2', 'c4']);
      expect(a.findEntry('c3')?.seq).toBe(0);
      expect(dayIds(a, NEXT)).toEqual(['c4']);
    });

    it('files a later entry of the day after the reordered ones', () => {
      const a = f.open();
      filled(a);
      a.reorderDay(DAY, ['c2', 'c3', 'c1']);
      a.importBatch(batch(DAY, [{ id: 'c5' }]));
      expect(dayIds(a, DAY)).toEqual(['c2', 'c3', 'c1', 'c5']);
      expect(a.reorderDay(DAY, ['c5', 'c1', 'c2', 'c3'])).toBe(true);
      expect(dayIds(a, DAY)).toEqual(['c5', 'c1', 'c2', 'c3']);
    });

    it('refuses anything but the day’s ids, each once, and changes nothing then', () => {
      const a = f.open();
      filled(a);
      const wrong: string[][] = [
        ['c1', 'c2'],
        ['c1', 'c2', 'c2'],
        ['c1', 'c2', 'c3', 'c3'],
        ['c1', 'c2', 'c4'],
        ['c1', 'c2', 'c3', 'c4'],
        ['c1', 'c2', 'zz'],
        [],
      ];
      for (const ids of wrong) expect(a.reorderDay(DAY, ids), ids.join(',')).toBe(false);
      expect(dayIds(a, DAY)).toEqual(['c1', 'c2', 'c3']);
      expect(a.reorderDay('2024-02-01', [])).toBe(true);
      expect(a.reorderDay('2024-02-01', ['c1'])).toBe(false);
    });

    it('works on a day with a removed entry', () => {
      const a = f.open();
      filled(a);
      a.removeEntry('c2');
      expect(a.reorderDay(DAY, ['c3', 'c1'])).toBe(true);
      expect(dayIds(a, DAY)).toEqual(['c3', 'c1']);
      expect(a.filedDays()).toContainEqual({ day: DAY, entries: 2 });
    });
  });
}
