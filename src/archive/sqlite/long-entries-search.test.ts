import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEntry } from '../../../test/contract/make-entry.js';
import { RANKED_UNITS } from '../fulltext/ranking.js';
import { openSqliteArchive } from './sqlite-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-long-search-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines of filler making a body of at least `units` UTF-16 units. */
const filler = (units: number): string[] =>
  Array.from({ length: Math.ceil(units / 13) }, () => '市民の避難が続いている。');

describe('search over entries longer than ranking reads', () => {
  it('ranks and shows pasted parts of 60,000 units, with snippets at their matches', () => {
    const a = openSqliteArchive(join(dir, 'parts.db'));
    const entries = Array.from({ length: 40 }, (_, i) =>
      makeEntry({
        id: `part${i}`,
        text: null,
        body: ['停戦の協議が続く。', ...filler(60_000)],
        date: '2024-06-01',
      }),
    );
    a.importBatch({ source: 'paste', day: '2024-06-01', entries, documentTagLines: [] });
    const r = a.search('停戦', { limit: 20 });
    a.close();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.total).toBe(40);
    expect(r.value.hits).toHaveLength(20);
    for (const h of r.value.hits) {
      const [start, end] = h.snippet.highlights[0] ?? [0, 0];
      expect(h.snippet.text.slice(start, end)).toBe('停戦');
      expect(h.stored.entry.body.length).toBeGreaterThan(4000);
    }
  });

  it('finds a champion whose second term stands only beyond the part ranking reads', () => {
    const a = openSqliteArchive(join(dir, 'champion.db'));
    // The long entry: 停戦 throughout its ranked part (a champion for it), 和平 only past it.
    const long = makeEntry({
      id: 'long',
      text: null,
      body: ['停戦'.repeat(RANKED_UNITS / 2), ...filler(500), '和平への道。'],
      date: '2023-01-05',
    });
    a.importBatch({ source: 'old', day: '2023-01-05', entries: [long], documentTagLines: [] });
    // More matches than a search counts exactly, so champions are checked one by one.
    const entries = Array.from({ length: 1100 }, (_, i) =>
      makeEntry({ id: `n${i}`, text: null, body: ['停戦と和平を協議。'], date: '2024-06-01' }),
    );
    a.importBatch({ source: 'new', day: '2024-06-01', entries, documentTagLines: [] });
    a.optimize();
    const r = a.search('停戦 和平', { limit: 2000 });
    a.close();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.totalExact).toBe(false);
    expect(r.value.hits.map((h) => h.stored.entry.id)).toContain('long');
  });
});
