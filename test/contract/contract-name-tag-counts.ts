import { describe, expect, it } from 'vitest';
import type { Archive, ImportBatch } from '../../src/archive/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry, type EntrySpec } from './make-entry.js';

/** The people and tag pages' counts: by person name (quoted or named) and by tag, per day. */

const DAY = '2024-01-18';
const NEXT = '2024-01-19';

const batch = (day: string, specs: EntrySpec[], extra: Partial<ImportBatch> = {}): ImportBatch => ({
  source: `${day}.txt`,
  day,
  entries: specs.map(makeEntry),
  documentTagLines: [],
  ...extra,
});

/** n1, n2 on DAY and n3, n4 on NEXT: two ways of writing one speaker, one text-only mention. */
function filled(a: Archive): void {
  a.importBatch(
    batch(DAY, [
      {
        id: 'n1',
        text: '和平案を示す',
        summaries: [{ tag: '和平', speaker: 'ゼレンスキー大統領', quote: '案を示す' }],
      },
      {
        id: 'n2',
        text: '首脳が応酬',
        summaries: [
          { tag: '和平', speaker: 'ゼレンスキー大統領', quote: '応じない' },
          { tag: '露', speaker: 'プーチン大統領', quote: '条件がある' },
        ],
      },
    ]),
  );
  a.importBatch(
    batch(
      NEXT,
      [
        {
          id: 'n3',
          text: '停戦を語る',
          summaries: [{ tag: '和平', speaker: 'ゼレンスキー', quote: '停戦は遠い' }],
        },
        { id: 'n4', text: 'ゼレンスキー氏が訪問' },
      ],
      { people: { n4: { speakers: [], mentions: ['ゼレンスキー'] } } },
    ),
  );
}

const ids = (entries: { entry: { id: string } }[]): string[] => entries.map((s) => s.entry.id);
const both = ['ゼレンスキー大統領', 'ゼレンスキー'];

export function nameTagCountsContract(f: ArchiveFixture): void {
  describe('counts by person name and by tag', () => {
    it('lists every filed name with the entries quoting it, most quoted first', () => {
      const a = f.open();
      filled(a);
      expect(a.personNames()).toEqual([
        { name: 'ゼレンスキー大統領', quoted: 2 },
        { name: 'ゼレンスキー', quoted: 1 },
        { name: 'プーチン大統領', quoted: 1 },
      ]);
    });

    it('counts and lists the entries naming any of the names, quoted or at all', () => {
      const a = f.open();
      filled(a);
      expect(a.daysNaming({ names: both, quotedOnly: true })).toEqual([
        { day: DAY, count: 2 },
        { day: NEXT, count: 1 },
      ]);
      expect(a.daysNaming({ names: both, quotedOnly: false })).toEqual([
        { day: DAY, count: 2 },
        { day: NEXT, count: 2 },
      ]);
      expect(ids(a.entriesNaming({ names: both, quotedOnly: true }, 10))).toEqual([
        'n3',
        'n2',
        'n1',
      ]);
      expect(ids(a.entriesNaming({ names: both, quotedOnly: false }, 2))).toEqual(['n4', 'n3']);
      expect(a.daysNaming({ names: ['誰も'], quotedOnly: false })).toEqual([]);
      expect(a.entriesNaming({ names: [], quotedOnly: false }, 5)).toEqual([]);
    });

    it('counts a tag per day and lists its newest entries', () => {
      const a = f.open();
      filled(a);
      expect(a.tagDays('和平')).toEqual([
        { day: DAY, count: 2 },
        { day: NEXT, count: 1 },
      ]);
      expect(ids(a.entriesOfTag('和平', 2))).toEqual(['n3', 'n2']);
      expect(a.tagDays('無い')).toEqual([]);
      expect(a.entriesOfTag('無い', 5)).toEqual([]);
    });

    it('follows edits and removals', () => {
      const a = f.open();
      filled(a);
      const n1 = a.findEntry('n1');
      if (!n1) throw new Error('n1 not filed');
      a.updateEntries([{ ...n1.entry, summaries: [] }]);
      expect(a.tagDays('和平')).toEqual([
        { day: DAY, count: 1 },
        { day: NEXT, count: 1 },
      ]);
      expect(a.personNames()).toContainEqual({ name: 'ゼレンスキー大統領', quoted: 1 });
      a.removeEntry('n3');
      expect(ids(a.entriesOfTag('和平', 5))).toEqual(['n2']);
      expect(a.daysNaming({ names: both, quotedOnly: true })).toEqual([{ day: DAY, count: 1 }]);
    });
  });
}
