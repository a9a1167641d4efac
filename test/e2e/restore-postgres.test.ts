/**
 * `kirinuki restore FILE --db postgres://…`: a backup (the SQLite file `backup` writes) made
 * the PostgreSQL archive, losslessly — the export of the restored archive is the export of the
 * archive backed up, byte for byte — and never half-written: a file that is no backup, a
 * damaged one, or an archive that holds something without --force is refused with a clear
 * message and the archive left exactly as it was. On a private PostgreSQL cluster; skipped,
 * loudly, without one.
 */
import { copyFileSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteArchive } from '../../src/archive/index.js';
import { PgConnection } from '../../src/archive/postgres/connection.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { kirinuki } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
const started = startPostgresCluster();

async function ok(...args: string[]): Promise<string> {
  const r = await kirinuki(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** The schemas of a database a restore may have left behind. */
function stagingSchemas(url: string): string[] {
  const c = PgConnection.open(url, undefined, false);
  try {
    return c
      .run("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'kirinuki_restore%'")
      .map((r) => String(r.nspname));
  } finally {
    c.close();
  }
}

if (started.ok) {
  const { cluster } = started;
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-restore-pg-'));
  const sqlite = join(dir, 'archive.db');
  const backup = join(dir, 'backup.db');
  let exported = '';

  beforeAll(async () => {
    await ok('--db', sqlite, 'import', samples);
    // The curator's work a restore must keep: an edit, a drop, a reorder, a day whose only
    // entries are gone but whose document tag lines stay, a blog post remembered for a day.
    const entries = (await ok('--db', sqlite, 'export'))
      .split('\n')
      .filter((l) => l.startsWith('{"kind":"entry"'))
      .map((l) => JSON.parse(l) as { id: string; day: string });
    const [first, second] = entries;
    await ok(
      '--db',
      sqlite,
      'edit',
      String(first?.id),
      '--line',
      '#停戦(戻す前・架空大統領「残る」)',
    );
    await ok('--db', sqlite, 'drop', String(second?.id));
    const archive = openSqliteArchive(sqlite);
    const day = String(first?.day);
    const order = archive.entriesOfDay(day).map((s) => s.entry.id);
    expect(archive.reorderDay(day, [...order].reverse())).toBe(true);
    archive.importBatch({
      source: 'test',
      day: '2024-02-29',
      entries: [],
      documentTagLines: ['#閏日'],
    });
    archive.recordPublished({
      day,
      target: 'wordpress',
      blog: 'https://blog.example/wp-json',
      remoteId: '42',
      editUrl: 'https://blog.example/wp-json/wp/v2/posts/42',
      url: 'https://blog.example/?p=42',
      status: 'draft',
      firstPostedAt: '2024-03-06T01:02:03.000Z',
      lastPostedAt: '2024-03-06T04:05:06.000Z',
    });
    archive.close();
    await ok('--db', sqlite, 'backup', backup);
    exported = await ok('--db', sqlite, 'export');
  }, 120_000);

  afterAll(() => {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('restore into PostgreSQL', () => {
    it('restores a backup into an empty archive: both exports the same bytes, doctor passes', async () => {
      const url = cluster.createDatabase('restored');
      const r = await kirinuki(['--db', url, 'restore', backup]);
      expect(r.code, r.stderr).toBe(0);
      const { entries } = JSON.parse(await ok('--db', sqlite, '--json', 'stats')) as {
        entries: number;
      };
      expect(r.stdout).toMatch(
        new RegExp(
          `restore: .*backup\\.db → postgres.*: ${entries} entries, 4 days, 1 blog posts, its tag model, summary-line style\n$`,
        ),
      );
      expect(await ok('--db', url, 'export')).toBe(exported);
      await ok('--db', url, 'doctor');
      expect(await ok('--db', url, 'search', 'tag:停戦')).toContain('残る');
      expect(stagingSchemas(url)).toEqual([]);

      const again = await kirinuki(['--db', url, 'restore', backup]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(
        /holds \d+ entries \(--force replaces the archive with .*backup\.db\)/,
      );
      expect(await ok('--db', url, 'export')).toBe(exported);
    }, 120_000);

    it('with --force replaces what the archive held in one go, keeping its accounts', async () => {
      const url = cluster.createDatabase('replaced');
      await ok('--db', url, 'import', join(samples, '2024-03-04.txt'));
      const user = await kirinuki(
        ['--db', url, 'users', 'add', 'hanako', '--role', 'curator', '--password-stdin'],
        'kiri-nuki curator 1\n',
      );
      expect(user.code, user.stderr).toBe(0);
      const before = await ok('--db', url, 'export');
      expect(before).not.toBe(exported);
      const r = await kirinuki(['--db', url, 'restore', backup, '--force']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/\(replacing \d+ entries\)/);
      expect(await ok('--db', url, 'export')).toBe(exported);
      await ok('--db', url, 'doctor');
      expect(await ok('--db', url, 'users', 'list')).toContain('hanako');
      // Written on after the restore: ids continue past the copied rows.
      const paste = join(dir, 'paste.txt');
      writeFileSync(paste, 'ロシア国防省は「新たな攻撃を退けた」と発表した。\n');
      const more = await kirinuki(['--db', url, 'import', '--day', '2024-03-07', paste]);
      expect(more.code, more.stderr).toBe(0);
      expect(more.stdout).toMatch(/1 new/);
      await ok('--db', url, 'doctor');
    }, 120_000);

    it('refuses what is no backup or is damaged, leaving the archive as it was', async () => {
      const url = cluster.createDatabase('refusing');
      await ok('--db', url, 'import', join(samples, '2024-03-05.txt'));
      const before = await ok('--db', url, 'export');

      const text = join(dir, 'notes.txt');
      writeFileSync(text, '#停戦(これはバックアップではない)\n');
      const other = join(dir, 'other.sqlite');
      new Database(other).exec('CREATE TABLE t (x)');
      // A backup whose pages were overwritten in the middle: SQLite's integrity check fails.
      const corrupt = join(dir, 'corrupt.db');
      copyFileSync(backup, corrupt);
      const fd = openSync(corrupt, 'r+');
      writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3);
      closeSync(fd);
      // A backup that opens but whose entries lost their text: doctor's checks fail.
      const partial = join(dir, 'partial.db');
      copyFileSync(backup, partial);
      const raw = new Database(partial);
      raw.pragma('foreign_keys = OFF');
      raw.exec('DELETE FROM entry_docs WHERE entry = (SELECT min(rowid) FROM entries)');
      raw.close();

      for (const [file, message] of [
        [text, 'is not a kirinuki archive'],
        [other, 'is not a kirinuki archive'],
        [corrupt, 'restore: '],
        [partial, 'fails its checks: entry texts'],
        [join(dir, 'missing.db'), 'no such file'],
      ] as const) {
        const r = await kirinuki(['--db', url, 'restore', file, '--force']);
        expect(r.code, `${file}: ${r.stdout}`).toBe(1);
        expect(r.stderr).toContain(message);
        expect(r.stderr).not.toMatch(/^\s+at /m);
        expect(await ok('--db', url, 'export')).toBe(before);
      }
      expect(stagingSchemas(url)).toEqual([]);
    }, 120_000);

    it('a failure inside the final transaction leaves the old archive whole', async () => {
      const url = cluster.createDatabase('locked_in');
      await ok('--db', url, 'import', join(samples, '2024-03-06.txt'));
      // A table of someone else's referring to the archive's entries: emptying them fails,
      // after the backup was staged and checked, inside the transaction that replaces.
      const c = PgConnection.open(url, undefined, false);
      try {
        c.query('CREATE TABLE pinned (entry bigint REFERENCES entries (rid))');
        c.query('INSERT INTO pinned SELECT min(rid) FROM entries');
      } finally {
        c.close();
      }
      const before = await ok('--db', url, 'export');
      const r = await kirinuki(['--db', url, 'restore', backup, '--force']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('pinned');
      expect(await ok('--db', url, 'export')).toBe(before);
      await ok('--db', url, 'doctor');
      expect(stagingSchemas(url)).toEqual([]);
    }, 120_000);

    it('a server that cannot be reached is a usage error naming it, not a crash', async () => {
      const r = await kirinuki([
        '--db',
        `postgres://nobody@/none?host=${join(dir, 'no-socket')}`,
        'restore',
        backup,
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('cannot connect to PostgreSQL');
    });
  });
} else {
  console.warn(`\n*** restore into PostgreSQL suite SKIPPED: ${started.why} ***\n`);
  describe('restore into PostgreSQL', () => {
    it.skip(`skipped: ${started.why}`, () => {});
  });
}
