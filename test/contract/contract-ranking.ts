import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/archive/index.js';
import type { Entry } from '../../src/model/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry } from './make-entry.js';

/**
 * Ranking over all matches (the rule of `src/archive/fulltext/ranking.ts`: BM25 blended with
 * recency) and `sort: 'date'`, as behaviour any backend must show.
 */

/** A body of `mentions` times 停戦 among other sentences, the same length for any count. */
function body(mentions: number, tag: string): string[] {
  const sentences = Array.from({ length: 10 }, (_, i) =>
    i < mentions ? '停戦を協議。' : '会談を予定。',
  );
  return [`${sentences.join('')}${tag}`];
}

/** `n` entries mentioning 停戦 once, dated `date`, ids `p0`… */
function passing(n: number, date: string): Entry[] {
  return Array.from({ length: n }, (_, i) =>
    makeEntry({ id: `p${i}`, text: `報道${i}`, body: body(1, `記事${i}`), date }),
  );
}

function ids(
  archive: Archive,
  query: string,
  options: Parameters<Archive['search']>[1] = {},
): string[] {
  const r = archive.search(query, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.hits.map((h) => h.stored.entry.id);
}

function fileOld(archive: Archive, strong: Entry): void {
  archive.importBatch({
    source: 'old',
    day: '2023-01-05',
    entries: [strong],
    documentTagLines: [],
  });
}

export function rankingContract(f: ArchiveFixture): void {
  describe('ranking over all matches', () => {
    it('ranks an old entry that mentions the term ten times above new ones that mention it once, among 300 matches', () => {
      const a = f.open();
      fileOld(
        a,
        makeEntry({ id: 'strong', text: '報道', body: body(10, '記事'), date: '2023-01-05' }),
      );
      a.importBatch({
        source: 'new',
        day: '2024-06-01',
        entries: passing(299, '2024-06-01'),
        documentTagLines: [],
      });
      expect(ids(a, '停戦', { limit: 5 })[0]).toBe('strong');
    });

    it('still does so among 1,200 matches, the strong one filed first, once the archive is optimised', () => {
      const a = f.open();
      fileOld(
        a,
        makeEntry({ id: 'strong', text: '報道', body: body(10, '記事'), date: '2023-01-05' }),
      );
      for (let day = 1; day <= 4; day += 1) {
        const date = `2024-06-0${day}`;
        const entries = passing(300, date).map((e) => ({ ...e, id: `${e.id}-${day}` }));
        a.importBatch({ source: date, day: date, entries, documentTagLines: [] });
      }
      a.optimize();
      expect(a.count('停戦')).toEqual({ ok: true, value: 1201 });
      expect(ids(a, '停戦', { limit: 5 })[0]).toBe('strong');
      expect(ids(a, '停戦 協議', { limit: 5 })[0]).toBe('strong');
      expect(ids(a, '停', { limit: 5 })[0]).toBe('strong');
    });

    it('never gives an entry dense in the pairs of a term that does not hold the term, among 1,100 matches', () => {
      const a = f.open();
      const decoy = makeEntry({
        id: 'decoy',
        text: '報道',
        body: ['ロシ、シア。'.repeat(10)],
        date: '2024-06-01',
      });
      const russia = Array.from({ length: 1100 }, (_, i) =>
        makeEntry({
          id: `r${i}`,
          text: `報道${i}`,
          body: [`ロシアが発表。${'会談を予定。'.repeat(5)}`],
          date: '2024-05-01',
        }),
      );
      a.importBatch({ source: 'r', day: '2024-05-01', entries: russia, documentTagLines: [] });
      a.importBatch({ source: 'd', day: '2024-06-01', entries: [decoy], documentTagLines: [] });
      a.optimize();
      for (const query of ['ロシア', 'ロシア 発表', 'ロシア since:2024-01-01', 'ロシア -停戦'])
        expect(ids(a, query, { limit: 200 }), query).not.toContain('decoy');
      expect(ids(a, 'ロシ シア', { limit: 1 })).toEqual(['decoy']);
    });

    it('puts the newer of two equally strong matches first, whatever the filing order', () => {
      const a = f.open();
      const twin = (id: string, date: string): Entry =>
        makeEntry({ id, text: '報道', body: body(2, '記事'), date });
      a.importBatch({
        source: 'n',
        day: '2024-03-01',
        entries: [twin('newer', '2024-03-01')],
        documentTagLines: [],
      });
      a.importBatch({
        source: 'o',
        day: '2024-01-01',
        entries: [twin('older', '2024-01-01')],
        documentTagLines: [],
      });
      expect(ids(a, '停戦')).toEqual(['newer', 'older']);
    });

    it('weighs a mention in a summary line above one in the body', () => {
      const a = f.open();
      const inBody = makeEntry({
        id: 'body',
        text: '報道',
        body: body(1, '記事'),
        date: '2024-01-01',
      });
      const inSummary = makeEntry({
        id: 'summary',
        text: '報道',
        body: body(0, '記事'),
        summaries: [{ tag: '和平', context: '停戦を協議' }],
        date: '2024-01-01',
      });
      a.importBatch({
        source: 's',
        day: '2024-01-01',
        entries: [inBody, inSummary],
        documentTagLines: [],
      });
      expect(ids(a, '停戦')).toEqual(['summary', 'body']);
    });
  });

  describe("sort: 'date'", () => {
    it('gives the newest post date first, whatever the filing order and strength, with the same total', () => {
      const a = f.open();
      const dated = (id: string, date: string, mentions: number): Entry =>
        makeEntry({ id, text: '報道', body: body(mentions, id), date });
      a.importBatch({
        source: 'b',
        day: '2024-02-01',
        entries: [dated('feb', '2024-02-01', 1)],
        documentTagLines: [],
      });
      a.importBatch({
        source: 'c',
        day: '2024-03-01',
        entries: [dated('mar', '2024-03-01', 1)],
        documentTagLines: [],
      });
      a.importBatch({
        source: 'a',
        day: '2024-01-01',
        entries: [dated('jan', '2024-01-01', 9)],
        documentTagLines: [],
      });
      a.importBatch({
        source: 'x',
        day: '2024-04-01',
        entries: [makeEntry({ id: 'other', text: '会談', date: '2024-04-01' })],
        documentTagLines: [],
      });
      expect(ids(a, '停戦', { sort: 'date' })).toEqual(['mar', 'feb', 'jan']);
      expect(ids(a, '停戦')[0]).toBe('jan');
      expect(ids(a, '停戦 -会談', { sort: 'date' })).toEqual([]);
      expect(ids(a, '停戦 until:2024-02-15', { sort: 'date' })).toEqual(['feb', 'jan']);
      expect(ids(a, '停戦', { sort: 'date', limit: 1, offset: 1 })).toEqual(['feb']);
      const byDate = a.search('停戦', { sort: 'date' });
      const byRank = a.search('停戦');
      if (!byDate.ok || !byRank.ok) throw new Error('search failed');
      expect(byDate.value.total).toBe(byRank.value.total);
      expect(byDate.value.hits[0]?.snippet.highlights.length).toBeGreaterThan(0);
    });

    it('pages through many matches newest first', () => {
      const a = f.open();
      for (let day = 1; day <= 9; day += 1) {
        const date = `2024-05-0${day}`;
        const entries = passing(150, date).map((e) => ({ ...e, id: `${e.id}-${day}` }));
        a.importBatch({ source: date, day: date, entries, documentTagLines: [] });
      }
      const r = a.search('停戦', { sort: 'date', limit: 200 });
      if (!r.ok) throw new Error(r.error.message);
      const dates = r.value.hits.map((h) => h.stored.entry.post?.date ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
      expect(dates[0]).toBe('2024-05-09');
      expect(dates[199]).toBe('2024-05-08');
    });
  });
}
