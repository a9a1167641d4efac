/**
 * Issue 13's table of bad input, row by row, through the CLI: each is a user error (exit 1)
 * with a message naming what is wrong, never an internal error (exit 2) or a silent success.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-bad-'));
  db = join(dir, 'archive.db');
  expect((await kirinuki(['--db', db, 'import', samples])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file that is not there', () => {
  it.each([['parse'], ['annotate'], ['suggest'], ['render'], ['check']])(
    '%s says so, exit 1',
    async (cmd) => {
      const missing = join(dir, 'no-such.txt');
      const r = await kirinuki(['--db', db, cmd, missing]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`cannot read ${missing}: no such file`);
      expect(r.stderr).not.toContain('internal error');
    },
  );

  it('a folder given as a file says so', async () => {
    const r = await kirinuki(['parse', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('it is a folder');
  });
});

describe('days', () => {
  it.each([
    ['digest', '--date', '2024-13-45'],
    ['digest', '--date', 'yesterday'],
    ['publish', '--date', '2024-02-30'],
    ['check', '--date', '2023-02-29'],
  ])('%s %s %s is refused, naming the flag and the value', async (cmd, flag, value) => {
    const r = await kirinuki([
      '--db',
      db,
      cmd,
      flag,
      value,
      ...(cmd === 'publish' ? ['--to', 'hatena'] : []),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${cmd}: ${flag} "${value}" is not a day`);
  });

  it('import --day 2024-02-30 files nothing', async () => {
    const other = join(dir, 'other.db');
    const r = await kirinuki(['--db', other, 'import', '--day', '2024-02-30', samples]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('import: --day "2024-02-30" is not a day');
    expect(existsSync(other)).toBe(false);
  });

  it('a leap day is a day', async () => {
    const r = await kirinuki(['--db', db, 'digest', '--date', '2024-02-29']);
    expect(r.stderr).toContain('no entries filed for 2024-02-29');
  });
});

describe('--db', () => {
  it('a folder that does not exist is an error, not a new folder', async () => {
    const path = join(dir, 'nonexistent', 'dir', 'a.db');
    const r = await kirinuki(['--db', path, 'stats']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not exist (--create makes it)');
    expect(existsSync(join(dir, 'nonexistent'))).toBe(false);
    const made = await kirinuki(['--db', path, '--create', 'stats']);
    expect(made.code).toBe(0);
    expect(existsSync(path)).toBe(true);
  });

  it('an address of another kind of server is refused before anything is created', async () => {
    const r = await kirinuki(['--db', 'mysql://user@host/db', 'stats']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a mysql: address is not an archive');
    expect(existsSync('mysql:')).toBe(false);
  });

  it('a PostgreSQL server that cannot be reached is a usage error naming it, password hidden', async () => {
    const url = 'postgres://user:secret@/db?host=/nonexistent-kirinuki-socket';
    for (const args of [
      ['--db', url, 'stats'],
      ['--db', url, 'migrate'],
    ]) {
      const r = await kirinuki(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain('cannot connect to PostgreSQL at postgres://user:***@/db');
      expect(r.stderr).toContain('/nonexistent-kirinuki-socket');
      expect(r.stderr).not.toContain('secret');
      expect(r.stderr).not.toContain('internal error');
    }
    expect(existsSync('postgres:')).toBe(false);
  });
});

describe('digest --json', () => {
  it('prints the day as data, not text', async () => {
    const r = await kirinuki([
      '--db',
      db,
      'digest',
      '--date',
      '2024-03-04',
      '--json',
      '--no-check',
    ]);
    expect(r.code).toBe(0);
    const day = JSON.parse(r.stdout) as { day: string; entries: unknown[] };
    expect(day.day).toBe('2024-03-04');
    expect(day.entries.length).toBeGreaterThan(0);
  });
});

describe('import: what is not a clip', () => {
  it('refuses a binary given by name, with the reason, and files nothing', async () => {
    const elf = join(dir, 'program');
    writeFileSync(elf, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]));
    const noise = join(dir, 'noise.txt');
    writeFileSync(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const other = join(dir, 'binaries.db');
    const r = await kirinuki(['--db', other, 'import', elf, noise]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not imported: an ELF program, not text');
    expect(r.stderr).toContain('not imported: binary data, not text (a NUL byte at byte 0)');
    expect(JSON.parse((await kirinuki(['--db', other, '--json', 'stats'])).stdout)).toMatchObject({
      entries: 0,
    });
  });

  it('takes only the files of a folder it reads, and names the ones it skipped', async () => {
    const folder = mkdtempSync(join(dir, 'folder-'));
    for (const f of readdirSync(samples)) copyFileSync(join(samples, f), join(folder, f));
    const other = join(folder, 'archive.db');
    expect((await kirinuki(['--db', other, 'import', join(samples, '2024-03-04.txt')])).code).toBe(
      0,
    );
    // The archive itself now sits in the folder, with a model beside it.
    writeFileSync(join(folder, 'archive.db.tag-model.json'), '{"version":1,"tags":{}}');
    const r = await kirinuki(['--db', other, 'import', folder]);
    expect(r.code, r.stderr).toBe(0);
    for (const skipped of ['README.md', 'taxonomy.json', 'archive.db', 'archive.db.tag-model.json'])
      expect(r.stderr).toContain(`skipped ${join(folder, skipped)}`);
    expect(r.stdout).not.toContain('paste');
    expect(r.stdout).toContain('2024-03-06.txt');
  });

  it('still reads a paste that opens with a bracket', async () => {
    const paste = join(dir, 'paste.txt');
    writeFileSync(paste, '[速報] ウクライナ東部で停戦協議\n本文です。');
    const r = await kirinuki(['--db', join(dir, 'paste.db'), 'import', paste]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 new');
  });
});
