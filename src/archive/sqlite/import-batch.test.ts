import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEntry } from '../../../test/contract/make-entry.js';
import { KirinukiError } from '../../model/index.js';
import { Importer } from './import-batch.js';
import { migrate } from './migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-import-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A migrated archive file with the given page cache (KiB, negative) and memory map (bytes). */
function database(name: string, cacheKiB: number, mmapBytes: number): Database.Database {
  const db = new Database(join(dir, name));
  db.pragma('journal_mode = WAL');
  db.pragma(`cache_size = ${cacheKiB}`);
  db.pragma(`mmap_size = ${mmapBytes}`);
  migrate(db);
  return db;
}

const settings = (db: Database.Database): [number, number, number] => [
  db.pragma('cache_size', { simple: true }) as number,
  db.pragma('mmap_size', { simple: true }) as number,
  db.pragma('wal_autocheckpoint', { simple: true }) as number,
];

describe('Importer', () => {
  it('puts the page cache, memory map and checkpoint interval back after an import', () => {
    const db = database('a.db', -32 * 1024, 8 * 1024 * 1024);
    const importer = new Importer(db);
    const report = importer.importBatches([
      {
        source: 's',
        day: '2024-01-18',
        entries: [makeEntry({ id: 'a', text: '停戦協議' })],
        documentTagLines: [],
      },
    ]);
    expect(report.inserted).toBe(1);
    expect(settings(db)).toEqual([-32 * 1024, 8 * 1024 * 1024, 1000]);
    db.close();
  });

  it('puts them back when an import group commits or rolls back', () => {
    const db = database('c.db', -2048, 2 * 1024 * 1024);
    const importer = new Importer(db);
    const group = importer.openGroup();
    expect(settings(db)[0]).toBe(-16 * 1024);
    importer.importBatches([
      {
        source: 's',
        day: '2024-01-18',
        entries: [makeEntry({ id: 'a', text: '停戦協議' })],
        documentTagLines: [],
      },
    ]);
    group.commit();
    expect(settings(db)).toEqual([-2048, 2 * 1024 * 1024, 1000]);
    importer.openGroup().rollback();
    expect(settings(db)).toEqual([-2048, 2 * 1024 * 1024, 1000]);
    db.close();
  });

  it('puts them back after a failed import too', () => {
    const db = database('b.db', -4096, 1024 * 1024);
    const importer = new Importer(db);
    const bad = { source: 's', day: 'not a day', entries: [], documentTagLines: [] };
    expect(() => importer.importBatches([bad])).toThrow(KirinukiError);
    expect(settings(db)).toEqual([-4096, 1024 * 1024, 1000]);
    db.close();
  });

  it('indexes text of nearly all new pairs with FTS5’s small in-memory table, then puts the size back', () => {
    const db = database('d.db', -4096, 0);
    const hashBytes = (): unknown =>
      db.prepare("SELECT v FROM entries_fts_config WHERE k = 'hashsize'").pluck().get();
    const archives = hashBytes();
    // Three parts of a paste of random kanji: about 120,000 pairs, nearly all distinct.
    let x = 11;
    const kanji = (n: number): string =>
      Array.from({ length: n }, () => {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        return String.fromCharCode(0x4e00 + ((x >>> 8) % 20_000));
      }).join('');
    const texts = [kanji(40_000), kanji(40_000), kanji(40_000)];
    const report = new Importer(db).importBatches([
      {
        source: 's',
        day: '2024-01-18',
        entries: texts.map((text, i) => makeEntry({ id: `part${i}`, text })),
        documentTagLines: [],
      },
    ]);
    expect(report.inserted).toBe(3);
    expect(hashBytes()).toBe(archives);
    // With the archive's 32 MiB the transaction's terms would be written as one segment at its
    // commit; with the small table FTS5 wrote several while indexing the third part.
    const segments = db
      .prepare('SELECT count(DISTINCT id >> 37) FROM entries_fts_data WHERE id >> 37 > 0')
      .pluck()
      .get() as number;
    expect(segments).toBeGreaterThan(1);
    const found = db.prepare('SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?').pluck();
    expect(found.all(`"${(texts[2] as string).slice(30_000, 30_002)}"`)).toHaveLength(1);
    db.close();
  });
});
