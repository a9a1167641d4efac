import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEntry } from '../../../test/contract/make-entry.js';
import { asSchema5 } from '../../../test/support/sqlite-schema-5.js';
import { asSchema8 } from '../../../test/support/sqlite-schema-8.js';
import { migrate, MIGRATIONS } from './migrations.js';
import { openSqliteArchive } from './sqlite-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-champions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 停戦 `mentions` times in a body of ten sentences. */
const body = (mentions: number): string[] => [
  Array.from({ length: 10 }, (_, i) => (i < mentions ? '停戦を協議。' : '会談を予定。')).join(''),
];

/** An archive of version 3 (before champion lists): the strong entry, then 400 passing ones. */
function version3Archive(path: string): void {
  const a = openSqliteArchive(path);
  a.importBatch({
    source: 'old',
    day: '2023-01-05',
    entries: [makeEntry({ id: 'strong', body: body(10), date: '2023-01-05' })],
    documentTagLines: [],
  });
  const entries = Array.from({ length: 400 }, (_, i) =>
    makeEntry({ id: `p${i}`, body: body(1), date: '2024-06-01' }),
  );
  a.importBatch({ source: 'new', day: '2024-06-01', entries, documentTagLines: [] });
  a.close();
  // What version 4 added, taken away again.
  const db = new Database(path);
  asSchema5(db);
  db.exec("DROP TABLE rank_champions; DELETE FROM meta WHERE key LIKE 'champions_%'");
  db.pragma('user_version = 3');
  db.close();
}

describe('champion lists (migration 4)', () => {
  it('upgrades an archive of the previous schema, which then ranks over all matches once optimised', () => {
    const path = join(dir, 'v3.db');
    version3Archive(path);
    const a = openSqliteArchive(path);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) FROM rank_champions').pluck().get()).toBe(0);
    // Before optimize(): 401 matches, more than are scored one by one; the newest win.
    const before = a.search('停戦', { limit: 3 });
    expect(before.ok && before.value.total).toBe(401);
    a.optimize();
    expect(db.prepare('SELECT count(*) FROM rank_champions').pluck().get()).toBeGreaterThan(0);
    const keys = db.prepare('SELECT key FROM rank_champions').pluck().all() as string[];
    expect(keys).toContain('停戦');
    expect(keys).toContain('停');
    const after = a.search('停戦', { limit: 3 });
    expect(after.ok && after.value.hits[0]?.stored.entry.id).toBe('strong');
    db.close();
    a.close();
  });

  it('upgrades lists of version 4 (no recencies): dropped, and built again by optimize()', () => {
    const path = join(dir, 'v4.db');
    version3Archive(path);
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare(
      "INSERT INTO rank_champions VALUES ('停戦', 401, 0.5, 0.5, '[1]', '[10]', '[60]')",
    ).run();
    db.prepare("UPDATE meta SET value = 401 WHERE key = 'champions_upto'").run();
    db.close();
    const a = openSqliteArchive(path);
    const check = new Database(path, { readonly: true });
    const count = check.prepare('SELECT count(*) FROM rank_champions').pluck();
    expect(count.get()).toBe(0);
    a.optimize();
    expect(count.get()).toBeGreaterThan(0);
    const r = a.search('停戦', { limit: 1 });
    expect(r.ok && r.value.hits[0]?.stored.entry.id).toBe('strong');
    check.close();
    a.close();
  });

  it('moves the lists to a table with rowids (migration 8), each list as it was, the pages filled', () => {
    const path = join(dir, 'v7.db');
    version3Archive(path);
    const a = openSqliteArchive(path);
    a.optimize();
    a.close();
    const db = new Database(path);
    const lists = (): unknown[] =>
      db.prepare('SELECT * FROM rank_champions ORDER BY key').raw().all();
    expect(lists().length).toBeGreaterThan(10);
    // The table as schema 7 had it: WITHOUT ROWID.
    db.exec(`CREATE TABLE old_lists (key TEXT PRIMARY KEY, df INTEGER NOT NULL, floor REAL NOT NULL,
      blend_floor REAL NOT NULL, rowids TEXT NOT NULL, tfs TEXT NOT NULL, lengths TEXT NOT NULL,
      recencies TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO old_lists SELECT * FROM rank_champions; DROP TABLE rank_champions;
      ALTER TABLE old_lists RENAME TO rank_champions;`);
    // Lists as long as a large archive's (about 2 KB each): such rows overflow a WITHOUT ROWID
    // table's pages.
    const long = JSON.stringify(Array.from({ length: 75 }, (_, i) => 100_000 + i));
    const insert = db.prepare('INSERT INTO rank_champions VALUES (?, 5000, 0.5, 0.5, ?, ?, ?, ?)');
    for (let i = 0; i < 60; i += 1) insert.run(`zz${i}`, long, long, long, long);
    asSchema8(db);
    db.pragma('user_version = 7');
    const table = (): string =>
      db
        .prepare("SELECT sql FROM sqlite_master WHERE name = 'rank_champions'")
        .pluck()
        .get() as string;
    const emptyShare = (): number =>
      db
        .prepare("SELECT sum(unused) * 1.0 / sum(pgsize) FROM dbstat WHERE name = 'rank_champions'")
        .pluck()
        .get() as number;
    expect(table()).toContain('WITHOUT ROWID');
    const built = lists();
    const before = emptyShare();
    migrate(db);
    expect(table()).not.toContain('WITHOUT ROWID');
    expect(lists()).toEqual(built);
    expect(emptyShare()).toBeLessThan(before / 2);
    db.close();
    const b = openSqliteArchive(path);
    const r = b.search('停戦', { limit: 1 });
    expect(r.ok && r.value.hits[0]?.stored.entry.id).toBe('strong');
    b.close();
  });

  it('keeps ranking entries filed after the lists were built, beyond the newest matches', () => {
    const path = join(dir, 'later.db');
    version3Archive(path);
    const a = openSqliteArchive(path);
    a.optimize();
    a.importBatch({
      source: 'later',
      day: '2024-06-02',
      entries: [makeEntry({ id: 'later', body: body(10), date: '2024-06-02' })],
      documentTagLines: [],
    });
    // 1,100 more matches filed after it: it is not among the newest, only a champion.
    const after = Array.from({ length: 1100 }, (_, i) =>
      makeEntry({ id: `q${i}`, body: body(1), date: '2024-06-03' }),
    );
    a.importBatch({ source: 'after', day: '2024-06-03', entries: after, documentTagLines: [] });
    const r = a.search('停戦', { limit: 3 });
    expect(r.ok && r.value.totalExact).toBe(false);
    expect(r.ok && r.value.hits.map((h) => h.stored.entry.id).slice(0, 2)).toEqual([
      'later',
      'strong',
    ]);
    a.close();
  });
});
