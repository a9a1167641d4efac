import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteArchive, type Archive } from '../archive/index.js';
import { importFiles } from './import-files.js';

const day = (n: number): Uint8Array =>
  new TextEncoder().encode(
    `停戦協議 第${n}報 https://t.co/Busy${n}\n— 共同 (@kyodo_test) March ${n}, 2024\n本文です。\n#ウクライナ和平交渉(協議)\n`,
  );

describe('importFiles while another process writes to the archive', () => {
  let dir: string;
  let path: string;
  let archive: Archive;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kirinuki-busy-'));
    path = join(dir, 'archive.db');
    archive = openSqliteArchive(path, { busyTimeoutMs: 20 });
  });
  afterEach(() => {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports each file it could not file and goes on to the next, storing nothing of them', () => {
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const files = [1, 2].map((n) => ({ name: `day${n}.txt`, bytes: day(n) }));
    const summary = importFiles(archive, files, { today: '2024-03-09' });
    other.exec('ROLLBACK');
    other.close();
    expect(summary.files.map((f) => f.report)).toEqual([null, null]);
    expect(summary.diagnostics.map((d) => d.file)).toEqual(['day1.txt', 'day2.txt']);
    expect(summary.diagnostics[0]?.message).toContain('another process is writing to the archive');
    expect(archive.stats().entries).toBe(0);
    // Once the other writer is done, the same files go in.
    const again = importFiles(archive, files, { today: '2024-03-09' });
    expect(again.files.map((f) => f.report?.inserted)).toEqual([1, 1]);
  });
});
