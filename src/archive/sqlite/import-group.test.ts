import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEntry } from '../../../test/contract/make-entry.js';
import { committedEntries } from '../../../test/support/committed-entries.js';
import {
  hasImportGroups,
  openSqliteArchive,
  type Archive,
  type ImportBatch,
  type ImportGroups,
} from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-import-group-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** A new archive file, opened for filing, with its path. */
function fresh(): { archive: Archive & ImportGroups; path: string } {
  const path = join(dir, `a${(files += 1)}.db`);
  const archive = openSqliteArchive(path);
  if (!hasImportGroups(archive)) throw new Error('the SQLite archive files in groups');
  return { archive, path };
}

const batch = (day: string, entries: ImportBatch['entries'], more: Partial<ImportBatch> = {}) => ({
  source: 'test',
  day,
  entries,
  documentTagLines: [],
  ...more,
});

/** A query's count, -1 when the query is refused. */
function countOf(archive: Archive, query: string): number {
  const r = archive.count(query);
  return r.ok ? r.value : -1;
}

/** The archive's total indexed length, as BM25 reads it. */
function indexedLength(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return Number(db.prepare("SELECT value FROM meta WHERE key = 'fulltext_length'").pluck().get());
  } finally {
    db.close();
  }
}

describe('SQLite import groups', () => {
  it('files several batches with one commit, which stores them all', () => {
    const { archive, path } = fresh();
    const group = archive.openImportGroup();
    archive.importBatches([
      batch('2024-01-18', [makeEntry({ id: 'a', text: '停戦協議が始まった' })]),
    ]);
    archive.importBatches([batch('2024-01-19', [makeEntry({ id: 'b', text: '砲撃が続いた' })])]);
    expect(group.entries()).toBe(2);
    // The group's own connection sees what it filed; another sees nothing yet.
    expect(archive.findEntry('a')).not.toBeNull();
    expect(committedEntries(path)).toBe(0);
    group.commit();
    expect(committedEntries(path)).toBe(2);
    expect(countOf(archive, '停戦')).toBe(1);
    expect(countOf(archive, '砲撃')).toBe(1);
    archive.close();
  });

  it('stores nothing when rolled back, and files the same entries again afterwards', () => {
    const { archive, path } = fresh();
    const group = archive.openImportGroup();
    const a = makeEntry({ id: 'a', text: '停戦協議', handle: 'NewDesk' });
    archive.importBatches([batch('2024-01-18', [a])]);
    group.rollback();
    expect(committedEntries(path)).toBe(0);
    expect(archive.findEntry('a')).toBeNull();
    expect(archive.importBatches([batch('2024-01-18', [a])]).inserted).toBe(1);
    expect(countOf(archive, 'from:@NewDesk')).toBe(1);
    archive.close();
  });

  it('indexes an entry superseded in the same group never, as filing one by one does', () => {
    const first = makeEntry({ id: 'a', text: '速報 停戦協議' });
    const fuller = makeEntry({ id: 'b', text: '速報 停戦協議が始まり、砲撃は止まった' });
    const batches = [
      batch('2024-01-18', [first]),
      batch('2024-01-18', [fuller], { replaces: { b: ['a'] } }),
    ];
    const grouped = fresh();
    const group = grouped.archive.openImportGroup();
    for (const b of batches) grouped.archive.importBatches([b]);
    group.commit();
    const single = fresh();
    for (const b of batches) single.archive.importBatches([b]);
    for (const { archive } of [grouped, single]) {
      // The superseded id leads to its heir.
      expect(archive.findEntry('a')?.entry.id).toBe('b');
      const hits = archive.search('停戦');
      expect(hits.ok && hits.value.hits.map((h) => h.stored.entry.id)).toEqual(['b']);
    }
    expect(indexedLength(grouped.path)).toBe(indexedLength(single.path));
    expect(indexedLength(grouped.path)).toBeGreaterThan(0);
    grouped.archive.close();
    single.archive.close();
  });

  it('opens one group at a time; a commit or rollback called twice does nothing', () => {
    const { archive, path } = fresh();
    const group = archive.openImportGroup();
    expect(() => archive.openImportGroup()).toThrow(/already open/);
    archive.importBatches([batch('2024-01-18', [makeEntry({ id: 'a', text: '停戦協議' })])]);
    group.commit();
    group.rollback();
    group.commit();
    expect(committedEntries(path)).toBe(1);
    const second = archive.openImportGroup();
    second.rollback();
    second.commit();
    expect(committedEntries(path)).toBe(1);
    archive.close();
  });
});
