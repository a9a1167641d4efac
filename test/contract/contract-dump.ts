import { describe, expect, it } from 'vitest';
import type { Archive, ImportBatch, PublishedPost } from '../../src/archive/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry } from './make-entry.js';

const post: PublishedPost = {
  day: '2024-01-18',
  target: 'wordpress',
  blog: 'https://blog.example/wp-json',
  remoteId: '42',
  editUrl: 'https://blog.example/wp-json/wp/v2/posts/42',
  url: null,
  status: 'publish',
  firstPostedAt: '2024-01-18T23:00:00.000Z',
  lastPostedAt: '2024-01-19T08:00:00.000Z',
};

/** What a restore (an archive dump read back) gives the archive: given places, keys, people. */
function restoreBatch(day: string, ids: [id: string, seq: number][]): ImportBatch {
  return {
    source: `${day}.txt`,
    day,
    entries: ids.map(([id]) => makeEntry({ id, summaries: [{ tag: '停戦', context: id }] })),
    documentTagLines: ['#NATOexpansion', '#反ロシア#対中露戦'],
    seqs: Object.fromEntries(ids),
    stories: Object.fromEntries(ids.map(([id]) => [id, 'story-1'])),
    keys: Object.fromEntries(ids.map(([id]) => [id, [`id:old-${id}`, `text:${id}`]])),
    people: Object.fromEntries(
      ids.map(([id]) => [id, { speakers: ['プーチン大統領'], mentions: ['ゼレンスキー'] }]),
    ),
  };
}

function places(a: Archive): [string, string, number][] {
  return [...a.allEntries()].map((s) => [s.entry.id, s.day, s.seq]);
}

/** What an archive dump reads (`allEntryRecords`, `allDays`, `allPublishedPosts`) and restores. */
export function dumpContract(f: ArchiveFixture): void {
  describe('dump and restore', () => {
    it('restores entries at the seqs given, gaps kept, and streams them back with keys and people', () => {
      const a = f.open();
      a.importBatches([
        restoreBatch('2024-01-18', [
          ['b', 5],
          ['a', 2],
        ]),
      ]);
      expect(places(a)).toEqual([
        ['a', '2024-01-18', 2],
        ['b', '2024-01-18', 5],
      ]);
      const records = [...a.allEntryRecords()];
      expect(records.map((r) => [r.stored.entry.id, r.stored.story, r.keys, r.people])).toEqual([
        [
          'a',
          'story-1',
          ['id:old-a', 'text:a'],
          { speakers: ['プーチン大統領'], mentions: ['ゼレンスキー'] },
        ],
        [
          'b',
          'story-1',
          ['id:old-b', 'text:b'],
          { speakers: ['プーチン大統領'], mentions: ['ゼレンスキー'] },
        ],
      ]);
      expect(a.findEntry('old-a')?.entry.id).toBe('a');
    });

    it('files an entry whose seq is taken after the day’s last, and a later import after it', () => {
      const a = f.open();
      a.importBatches([
        restoreBatch('2024-01-18', [
          ['a', 0],
          ['b', 1],
        ]),
      ]);
      a.importBatches([restoreBatch('2024-01-18', [['c', 0]])]);
      a.importBatch({
        source: 'x',
        day: '2024-01-18',
        entries: [makeEntry({ id: 'd' })],
        documentTagLines: [],
      });
      expect(places(a).map(([id, , seq]) => [id, seq])).toEqual([
        ['a', 0],
        ['b', 1],
        ['c', 2],
        ['d', 3],
      ]);
    });

    it('restoring twice changes nothing', () => {
      const a = f.open();
      const batch = restoreBatch('2024-01-18', [
        ['a', 0],
        ['b', 1],
      ]);
      a.importBatches([batch]);
      const before = { records: [...a.allEntryRecords()], days: a.allDays(), stats: a.stats() };
      expect(a.importBatches([batch])).toEqual({ inserted: 0, unchanged: 2, replaced: 0 });
      expect({ records: [...a.allEntryRecords()], days: a.allDays(), stats: a.stats() }).toEqual(
        before,
      );
    });

    it('lists every day oldest first with its tag lines, an emptied day that keeps them too', () => {
      const a = f.open();
      a.importBatches([
        restoreBatch('2024-01-19', [['a', 0]]),
        restoreBatch('2024-01-18', [['b', 0]]),
      ]);
      a.importBatch({
        source: 'x',
        day: '2024-01-20',
        entries: [makeEntry({ id: 'c' })],
        documentTagLines: [],
      });
      a.removeEntry('b');
      a.removeEntry('c');
      const lines = ['#NATOexpansion', '#反ロシア#対中露戦'];
      expect(a.allDays()).toEqual([
        { day: '2024-01-18', documentTagLines: lines },
        { day: '2024-01-19', documentTagLines: lines },
      ]);
    });

    it('lists every remembered blog post by day then target', () => {
      const a = f.open();
      expect(a.allPublishedPosts()).toEqual([]);
      const hatena = { ...post, day: '2024-01-17', target: 'hatena' };
      a.recordPublished(post);
      a.recordPublished(hatena);
      expect(a.allPublishedPosts()).toEqual([hatena, post]);
    });

    it('streams records past a page in day and seq order', () => {
      const a = f.open();
      const ids: [string, number][] = Array.from({ length: 1203 }, (_, i) => [`e${i}`, i]);
      a.importBatches([restoreBatch('2024-01-18', ids)]);
      const seqs = [...a.allEntryRecords()].map((r) => r.stored.seq);
      expect(seqs).toEqual(ids.map(([, seq]) => seq));
    });
  });
}
