import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-backup-'));
  db = join(dir, 'archive.db');
  expect((await kirinuki(['--db', db, 'import', samples])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What an archive holds (not its size on disk: a backup file also holds the tag store). */
const stats = async (path: string): Promise<unknown> => {
  const all = JSON.parse((await kirinuki(['--db', path, '--json', 'stats'])).stdout) as Record<
    string,
    unknown
  >;
  delete all.bytesOnDisk;
  return all;
};

describe('doctor', () => {
  it('finds a sound archive sound', async () => {
    const r = await kirinuki(['--db', db, 'doctor']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('ok    SQLite integrity');
    expect(r.stdout).not.toContain('FAIL');
  });

  it('names a partial entry and a wrong count, exit 1', async () => {
    const broken = join(dir, 'broken.db');
    expect((await kirinuki(['--db', db, 'backup', broken])).code).toBe(0);
    const raw = new Database(broken);
    raw.pragma('foreign_keys = OFF');
    raw.exec('DELETE FROM entry_docs WHERE entry = (SELECT min(rowid) FROM entries)');
    raw.exec("UPDATE days SET entry_count = entry_count + 1 WHERE day = '2024-03-04'");
    raw.close();
    const r = await kirinuki(['--db', broken, '--json', 'doctor']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { checks: { name: string; ok: boolean }[] };
    const failed = report.checks.filter((c) => !c.ok).map((c) => c.name);
    expect(failed).toEqual(['entry texts', 'counts per day']);
    // …and such a file is not restored.
    const restore = await kirinuki(['--db', join(dir, 'from-broken.db'), 'restore', broken]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('fails its checks: entry texts');
  });
});

describe('backup and restore', () => {
  it('copy the whole archive and bring it back', async () => {
    const copy = join(dir, 'copy.db');
    const r = await kirinuki(['--db', db, 'backup', copy]);
    expect(r.code, r.stderr).toBe(0);
    expect(await stats(copy)).toEqual(await stats(db));
    const again = await kirinuki(['--db', db, 'backup', copy]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');

    const restored = join(dir, 'restored.db');
    expect((await kirinuki(['--db', restored, 'restore', copy])).code).toBe(0);
    expect(await stats(restored)).toEqual(await stats(db));
    const digest = (path: string) =>
      kirinuki(['--db', path, 'digest', '--date', '2024-03-05', '--no-check']);
    expect((await digest(restored)).stdout).toBe((await digest(db)).stdout);
    const over = await kirinuki(['--db', restored, 'restore', copy]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('exists (--force replaces it');
    expect(existsSync(`${restored}.restoring`)).toBe(false);
  });

  it('restore refuses a file that is no kirinuki archive, and leaves nothing behind', async () => {
    const other = join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE t (x)');
    const target = join(dir, 'never.db');
    const r = await kirinuki(['--db', target, 'restore', other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a kirinuki archive');
    expect(existsSync(target)).toBe(false);
  });
});
