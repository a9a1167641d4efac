import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEntry } from '../../../test/contract/make-entry.js';
import { openSqliteArchive } from './sqlite-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-answering-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// What a search's full-text matches it remembers while it runs (QueryRunner.answering) must
// give the same answers as asking the index each time, and be gone by the next query.
const days = ['2024-06-01', '2024-06-02', '2024-06-03'];
const lines = [
  'ザハリャン司令官がロシア軍の前進を認めた。',
  'ロシア軍は停戦に応じないと表明した。',
  '停戦の協議が続いている。',
  'ザハリャン氏は停戦に触れなかった。',
  '露朝の会談が行われた。',
];
const entries = Array.from({ length: 30 }, (_, i) =>
  makeEntry({
    id: `e${i}`,
    text: lines[i % lines.length] ?? '',
    body: [lines[(i * 3) % lines.length] ?? ''],
    date: days[i % days.length] ?? '2024-06-01',
    summaries: i % 4 === 0 ? [{ tag: '露朝' }] : [],
  }),
);

describe('a search that remembers its matches while it runs', () => {
  const queries = [
    'ザハリャン',
    'ザハリャン -停戦',
    'ザハリャン since:2024-06-02',
    'ザハリャン tag:露朝',
    '"ロシア軍は停戦"',
    '停戦 -ロシア',
    '露朝',
  ];

  it.each(queries)('finds what count() finds for %s', (query) => {
    const a = openSqliteArchive(join(dir, 'same.db'));
    a.importBatch({ source: 's', day: '2024-06-03', entries, documentTagLines: [] });
    const found = a.search(query, { limit: 50 });
    const counted = a.count(query);
    a.close();
    expect(found.ok && counted.ok).toBe(true);
    if (!found.ok || !counted.ok) return;
    expect(found.value.total).toBe(counted.value);
    expect(found.value.hits).toHaveLength(counted.value);
  });

  it('reads the index again for the next query: entries filed in between are found', () => {
    const a = openSqliteArchive(join(dir, 'next.db'));
    a.importBatch({ source: 's', day: '2024-06-03', entries, documentTagLines: [] });
    const before = a.search('ザハリャン', { limit: 50 });
    const more = [0, 1].map((i) =>
      makeEntry({ id: `late${i}`, text: 'ザハリャン氏が再び語った。', date: '2024-06-04' }),
    );
    a.importBatch({ source: 't', day: '2024-06-04', entries: more, documentTagLines: [] });
    const after = a.search('ザハリャン', { limit: 50 });
    a.close();
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.value.total).toBe(before.value.total + 2);
    const ids = after.value.hits.map((h) => h.stored.entry.id);
    expect(ids).toEqual(expect.arrayContaining(['late0', 'late1']));
  });
});
