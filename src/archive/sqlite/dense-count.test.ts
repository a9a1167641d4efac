import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import {
  runDenseCountContract,
  SMALL_DENSE_TERMS,
} from '../../../test/contract/contract-dense-count.js';
import { openSqliteArchive } from './sqlite-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-dense-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withDb(name: string, work: (db: Database.Database) => void): void {
  const db = new Database(join(dir, `${name}.db`));
  try {
    work(db);
  } finally {
    db.close();
  }
}

runDenseCountContract({
  open: (name, withSets) =>
    openSqliteArchive(join(dir, `${name}.db`), withSets ? { denseTerms: SMALL_DENSE_TERMS } : {}),
  terms: (name) => {
    let terms: string[] = [];
    withDb(name, (db) => {
      terms = db.prepare('SELECT term FROM dense_terms').pluck().all() as string[];
    });
    return terms;
  },
  sharedTerms: (name) => {
    let terms: string[] = [];
    withDb(name, (db) => {
      terms = db
        .prepare('SELECT term FROM dense_terms WHERE same_as IS NOT NULL')
        .pluck()
        .all() as string[];
    });
    return terms;
  },
  // A block of 8 KiB of zero bits: no rowid (a shorter block lists offsets, and zeros there are
  // rowid 0 of the block).
  emptySets: (name) =>
    withDb(name, (db) => db.prepare('UPDATE dense_blocks SET bits = zeroblob(8192)').run()),
  cheapFiltersFromIndex: true,
});
