import { describe, expect, it } from 'vitest';
import type { Archive, ImportBatch } from '../../src/archive/index.js';
import { KirinukiError } from '../../src/model/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry } from './make-entry.js';

const day = '2024-01-18';

function batch(entries: ImportBatch['entries'], extra: Partial<ImportBatch> = {}): ImportBatch {
  return { source: 'digest.txt', day, entries, documentTagLines: [], ...extra };
}

const three = (): ImportBatch['entries'] => [
  makeEntry({
    id: 'a1',
    text: '停戦協議が始まった',
    summaries: [{ tag: 'ウクライナ和平交渉', speaker: 'ゼレンスキー大統領', quote: '停戦は近い' }],
  }),
  makeEntry({
    id: 'b2',
    text: '露朝首脳会談',
    handle: 'nhk_news',
    summaries: [{ tag: '露朝', context: '首脳会談' }],
  }),
  makeEntry({ id: 'c3', text: null, body: ['本文だけの項目'], summaries: [] }),
];

/** Everything observable about an archive, to compare before and after a failed import. */
function snapshot(a: Archive): unknown {
  const stats: Partial<ReturnType<Archive['stats']>> = a.stats();
  delete stats.bytesOnDisk; // pages may be allocated by a rolled-back transaction
  return {
    stats,
    entries: [...a.allEntries()].map((s) => [s.entry.id, s.day, s.seq]),
    lines: a.documentTagLinesOfDay(day),
    count: a.count(''),
    search: a.count('停戦'),
  };
}

export function importContract(f: ArchiveFixture): void {
  describe('import', () => {
    it('stores entries and files them by day in order', () => {
      const a = f.open();
      expect(a.importBatch(batch(three()))).toEqual({ inserted: 3, unchanged: 0, replaced: 0 });
      expect(a.entriesOfDay(day).map((s) => [s.entry.id, s.seq, s.source])).toEqual([
        ['a1', 0, 'digest.txt'],
        ['b2', 1, 'digest.txt'],
        ['c3', 2, 'digest.txt'],
      ]);
      expect(a.entriesOfDay('2024-01-19')).toEqual([]);
    });

    it('gives back the entry exactly as imported', () => {
      const a = f.open();
      const entries = three();
      a.importBatch(batch(entries));
      expect(a.findEntry('a1')?.entry).toEqual(entries[0]);
      expect(a.findEntry('c3')?.entry).toEqual(entries[2]);
    });

    it('is idempotent per entry id: importing again is a no-op counted as unchanged', () => {
      const a = f.open();
      a.importBatch(batch(three()));
      const before = snapshot(a);
      expect(a.importBatch(batch(three()))).toEqual({ inserted: 0, unchanged: 3, replaced: 0 });
      expect(snapshot(a)).toEqual(before);
      const more = [...three(), makeEntry({ id: 'd4', text: '新しい項目' })];
      expect(a.importBatch(batch(more))).toEqual({ inserted: 1, unchanged: 3, replaced: 0 });
      expect(a.entriesOfDay(day).map((s) => s.seq)).toEqual([0, 1, 2, 3]);
    });

    it('imports several batches in one transaction, all or nothing', () => {
      const a = f.open();
      const next = { ...batch([makeEntry({ id: 'n1', text: '翌日' })]), day: '2024-01-19' };
      expect(a.importBatches([batch(three()), next])).toEqual({
        inserted: 4,
        unchanged: 0,
        replaced: 0,
      });
      expect(a.entriesOfDay('2024-01-19').map((s) => s.entry.id)).toEqual(['n1']);
      const before = snapshot(a);
      const broken = {
        ...batch([makeEntry({ id: 'm1' }), makeEntry({ id: '' })]),
        day: '2024-01-20',
      };
      const fresh = { ...batch([makeEntry({ id: 'm2', text: '停戦' })]), day: '2024-01-21' };
      expect(() => a.importBatches([fresh, broken])).toThrow(
        /archive: import of digest.txt \(2024-01-20…2024-01-21\) failed/,
      );
      expect(snapshot(a)).toEqual(before);
      expect(a.importBatches([])).toEqual({ inserted: 0, unchanged: 0, replaced: 0 });
    });

    it('counts a repeated id within one batch once', () => {
      const a = f.open();
      const e = makeEntry({ id: 'x1', text: '同じ' });
      expect(a.importBatch(batch([e, e]))).toEqual({ inserted: 1, unchanged: 1, replaced: 0 });
    });

    it('imports all or nothing: a failing third entry leaves the archive unchanged', () => {
      const a = f.open();
      a.importBatch(
        batch([makeEntry({ id: 'z0', text: '既存の項目 停戦' })], { documentTagLines: ['#既存'] }),
      );
      const before = snapshot(a);
      const bad = [
        makeEntry({
          id: 'n1',
          text: '新しい停戦',
          summaries: [{ tag: '新タグ', speaker: '新人', quote: 'x' }],
        }),
        makeEntry({ id: 'n2', text: '新しい項目', handle: 'new_handle' }),
        makeEntry({ id: '', text: '空のidは保存できない' }),
      ];
      expect(() => a.importBatch(batch(bad, { documentTagLines: ['#新しい行'] }))).toThrow(
        KirinukiError,
      );
      expect(snapshot(a)).toEqual(before);
      expect(a.findEntry('n1')).toBeNull();
      expect(a.count('speaker:新人')).toEqual({ ok: true, value: 0 });
      // The same batch without the bad entry goes in afterwards.
      expect(a.importBatch(batch(bad.slice(0, 2)))).toEqual({
        inserted: 2,
        unchanged: 0,
        replaced: 0,
      });
      expect(a.count('tag:新タグ')).toEqual({ ok: true, value: 1 });
    });

    it('keeps document tag lines per day, in order, without duplicates', () => {
      const a = f.open();
      a.importBatch(batch(three(), { documentTagLines: ['#NATOexpansion', '#反ロシア#対中露戦'] }));
      a.importBatch(batch([], { documentTagLines: ['#反ロシア#対中露戦', '#追加'] }));
      expect(a.documentTagLinesOfDay(day)).toEqual([
        '#NATOexpansion',
        '#反ロシア#対中露戦',
        '#追加',
      ]);
      expect(a.documentTagLinesOfDay('2024-01-19')).toEqual([]);
    });

    it('finds an entry by id or by a unique prefix of at least 6 characters', () => {
      const a = f.open();
      a.importBatch(
        batch([
          makeEntry({ id: 'abcdef123' }),
          makeEntry({ id: 'abcdef456' }),
          makeEntry({ id: 'xyz789000' }),
        ]),
      );
      expect(a.findEntry('abcdef123')?.entry.id).toBe('abcdef123');
      expect(a.findEntry('xyz789')?.entry.id).toBe('xyz789000');
      expect(a.findEntry('abcdef')).toBeNull(); // ambiguous
      expect(a.findEntry('xyz78')).toBeNull(); // too short
      expect(a.findEntry('nope00')).toBeNull();
    });

    it('streams every entry by day then filing order, and other calls work meanwhile', () => {
      const a = f.open();
      for (let d = 0; d < 3; d += 1) {
        const entries = Array.from({ length: 700 }, (_, i) =>
          makeEntry({ id: `d${d}-${i}`, text: `項目${i}` }),
        );
        a.importBatch({ source: 's', day: `2024-01-1${3 - d}`, entries, documentTagLines: [] });
      }
      const seen: string[] = [];
      for (const s of a.allEntries()) {
        seen.push(`${s.day}/${s.seq}`);
        if (seen.length === 650) expect(a.count('項目')).toEqual({ ok: true, value: 2100 });
      }
      expect(seen.length).toBe(2100);
      expect(seen[0]).toBe('2024-01-11/0');
      expect(seen[700]).toBe('2024-01-12/0');
      expect(seen[2099]).toBe('2024-01-13/699');
    });

    it('counts a tag written in two ways once per entry', () => {
      const a = f.open();
      const e = makeEntry({ id: 't1', summaries: [{ tag: 'ＮＡＴＯ' }, { tag: 'NATO' }] });
      a.importBatch(batch([e, makeEntry({ id: 't2', summaries: [{ tag: 'nato' }] })]));
      expect(a.count('tag:NATO')).toEqual({ ok: true, value: 2 });
      expect(a.count('tag:ＮＡＴＯ')).toEqual({ ok: true, value: 2 });
    });

    it('reports statistics', () => {
      const a = f.open();
      expect(a.stats()).toMatchObject({
        entries: 0,
        days: 0,
        summaryLines: 0,
        firstDay: null,
        lastDay: null,
      });
      a.importBatch(batch(three()));
      a.importBatch({
        ...batch([makeEntry({ id: 'e5', summaries: [{ tag: '露朝' }, { tag: 'NATO' }] })]),
        day: '2024-01-20',
      });
      const s = a.stats();
      expect(s).toMatchObject({
        entries: 4,
        days: 2,
        summaryLines: 4,
        firstDay: day,
        lastDay: '2024-01-20',
      });
      expect(s.tags).toEqual([
        { tag: '露朝', count: 2 },
        { tag: 'NATO', count: 1 },
        { tag: 'ウクライナ和平交渉', count: 1 },
      ]);
      expect(s.handles).toEqual([
        { handle: 'ReutersJapan', count: 2 },
        { handle: 'nhk_news', count: 1 },
      ]);
      expect(s.bytesOnDisk).toBeGreaterThan(0);
    });
  });
}
