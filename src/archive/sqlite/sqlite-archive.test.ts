import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { KirinukiError } from '../../model/index.js';
import { makeEntry } from '../../../test/contract/make-entry.js';
import { MIGRATIONS } from './migrations.js';
import { openSqliteArchive } from './sqlite-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => join(dir, `a${(n += 1)}.db`);

const entries = [
  makeEntry({
    id: 'e1',
    text: '停戦協議',
    summaries: [{ tag: '和平', speaker: 'ゼレンスキー大統領', quote: 'x' }],
  }),
  makeEntry({ id: 'e2', text: '露朝会談' }),
];
const batch = { source: 's.txt', day: '2024-01-18', entries, documentTagLines: ['#週間'] };

describe('openSqliteArchive', () => {
  it('creates one file in WAL mode with foreign keys and the latest schema', () => {
    const path = freshPath();
    openSqliteArchive(path).close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    db.close();
  });

  it('tells onIndexed how much text each imported entry indexed, and nothing for one filed before', () => {
    const told: number[] = [];
    const a = openSqliteArchive(freshPath(), { onIndexed: (units) => told.push(units) });
    a.importBatches([batch]);
    expect(told).toHaveLength(2);
    expect(told.every((u) => u > 0)).toBe(true);
    a.importBatches([batch]);
    expect(told).toHaveLength(2);
    a.close();
  });

  it('creates a new file with 8 KiB pages and leaves the page size of an existing file alone', () => {
    const path = freshPath();
    openSqliteArchive(path).close();
    const db = new Database(path);
    expect(db.pragma('page_size', { simple: true })).toBe(8192);
    db.close();
    const old = freshPath();
    openSqliteArchive(old).close();
    const raw = new Database(old);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('page_size = 4096');
    raw.exec('VACUUM');
    raw.close();
    openSqliteArchive(old).close();
    const again = new Database(old);
    expect(again.pragma('page_size', { simple: true })).toBe(4096);
    again.close();
  });

  it('creates the directory of the file', () => {
    const path = join(dir, 'nested', 'deeper', 'archive.db');
    openSqliteArchive(path).close();
    expect(() => new Database(path, { fileMustExist: true }).close()).not.toThrow();
  });

  it('keeps the data when reopened, and reads it read-only', () => {
    const path = freshPath();
    const a = openSqliteArchive(path);
    a.importBatch(batch);
    a.close();
    a.close(); // harmless
    const b = openSqliteArchive(path, { readonly: true });
    expect(b.count('停戦')).toEqual({ ok: true, value: 1 });
    expect(b.documentTagLinesOfDay('2024-01-18')).toEqual(['#週間']);
    expect(() => b.importBatch({ ...batch, day: '2024-01-19' })).toThrow(KirinukiError);
    b.close();
  });

  it('refuses a database from a newer kirinuki', () => {
    const path = freshPath();
    openSqliteArchive(path).close();
    const db = new Database(path);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openSqliteArchive(path)).toThrow(
      /archive: the database has schema version 999, newer/,
    );
    expect(() => openSqliteArchive(path, { readonly: true })).toThrow(/schema version 999/);
  });

  it('refuses a full-text index in another format', () => {
    const path = freshPath();
    openSqliteArchive(path).close();
    const db = new Database(path);
    db.prepare("UPDATE meta SET value = 'trigram-v0' WHERE key = 'fulltext_format'").run();
    db.close();
    expect(() => openSqliteArchive(path)).toThrow(/full-text index has format trigram-v0/);
  });

  it('normalises the index again when it was built by older normalisation rules', () => {
    const path = freshPath();
    const a = openSqliteArchive(path);
    const entry = makeEntry({
      id: 'old',
      text: 'イェルマーク氏が訪問',
      summaries: [{ tag: 'フィンランド', speaker: 'ゼレンスキ〜大統領', quote: 'y' }],
    });
    a.importBatch({ ...batch, entries: [entry] });
    a.close();
    // What an archive of older rules looks like: no version recorded, an index and names
    // that today's queries do not meet.
    const db = new Database(path);
    db.prepare("DELETE FROM meta WHERE key = 'normalisation'").run();
    db.prepare('DELETE FROM entries_fts').run();
    db.prepare('DELETE FROM entries_chars').run();
    db.prepare("INSERT INTO entries_fts (rowid, post, body, summary) VALUES (1, '', '', '')").run();
    db.prepare("INSERT INTO entries_chars (rowid, chars) VALUES (1, '')").run();
    db.prepare("UPDATE tags SET norm = 'stale'").run();
    db.prepare("UPDATE persons SET norm = 'stale'").run();
    db.close();
    expect(() => openSqliteArchive(path, { readonly: true })).toThrow(
      /normalised by rules version 1, this kirinuki uses \d+; open it writable once/,
    );
    const b = openSqliteArchive(path);
    expect(b.count('イエルマーク')).toEqual({ ok: true, value: 1 });
    // Both full-text tables are written again: the characters' too.
    expect(b.count('訪')).toEqual({ ok: true, value: 1 });
    expect(b.count('tag:フィンランド')).toEqual({ ok: true, value: 1 });
    expect(b.count('speaker:ゼレンスキー')).toEqual({ ok: true, value: 1 });
    b.close();
    openSqliteArchive(path, { readonly: true }).close();
  });

  it('reports a file it cannot open as a KirinukiError', () => {
    expect(() => openSqliteArchive(join(dir, 'missing', 'x.db'), { readonly: true })).toThrow(
      KirinukiError,
    );
  });

  it('numbers migrations 1, 2, 3… (the list is append-only)', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('optimizes without changing results, and counts the WAL in bytesOnDisk', () => {
    const path = freshPath();
    const a = openSqliteArchive(path);
    for (let d = 1; d <= 9; d += 1)
      a.importBatch({
        source: 's',
        day: `2024-01-0${d}`,
        entries: [makeEntry({ id: `d${d}`, text: `停戦${d}` })],
        documentTagLines: [],
      });
    const before = a.search('停戦', { limit: 20 });
    expect(a.stats().bytesOnDisk).toBeGreaterThan(0);
    a.optimize();
    expect(a.search('停戦', { limit: 20 })).toEqual(before);
    a.close();
  });

  it('ranks over all matches and estimates totals beyond totalLimit', () => {
    const a = openSqliteArchive(':memory:', { rankCandidates: 10 });
    const many = Array.from({ length: 60 }, (_, i) =>
      makeEntry({ id: `m${i}`, text: i === 5 ? '停戦 停戦 停戦' : `停戦${i}` }),
    );
    a.importBatch({ source: 's', day: '2024-01-01', entries: many, documentTagLines: [] });
    const r = a.search('停戦', { totalLimit: 20 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.totalExact).toBe(false);
    expect(r.value.total).toBe(60); // rowids are dense: the estimate is exact here
    // m5 is the best match, though not among the 10 newest.
    expect(r.value.hits[0]?.stored.entry.id).toBe('m5');
    expect(a.count('停戦')).toEqual({ ok: true, value: 60 });
    a.close();
  });

  it('narrows date-filtered full-text queries by rowid without losing entries filed out of order', () => {
    const a = openSqliteArchive(':memory:');
    const day = (date: string, id: string) => ({
      source: 's',
      day: date,
      entries: [makeEntry({ id, text: '停戦', date })],
      documentTagLines: [],
    });
    a.importBatch(day('2024-03-01', 'march'));
    a.importBatch(day('2024-01-01', 'january')); // filed later, dated earlier
    a.importBatch(day('2024-02-01', 'february'));
    expect(a.count('停戦 until:2024-01-31')).toEqual({ ok: true, value: 1 });
    expect(a.count('停戦 since:2024-01-15 until:2024-02-15')).toEqual({ ok: true, value: 1 });
    expect(a.count('停戦 since:2024-02-01')).toEqual({ ok: true, value: 2 });
    expect(a.count('停戦 since:2025-01-01')).toEqual({ ok: true, value: 0 });
    a.close();
  });
});
