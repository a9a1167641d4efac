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
});
