import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));

let dir: string;
let db: string;
let stats: { entries: number; days: number; lastDay: string };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-site-cli-'));
  db = join(dir, 'archive.db');
  expect((await kirinuki(['--db', db, 'import', samples])).code).toBe(0);
  stats = JSON.parse((await kirinuki(['--db', db, '--json', 'stats'])).stdout) as typeof stats;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kirinuki site OUTDIR', () => {
  it('builds the site and says what it wrote and how to open it', async () => {
    const out = join(dir, 'site');
    const r = await kirinuki(['--db', db, 'site', out, '--base-url', 'https://example.org/k']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^site: \d+ files written, 0 unchanged, 0 removed in [\d.]+ s → /);
    expect(r.stdout).toContain(`${stats.days} days, ${stats.entries} entries`);
    expect(r.stdout).toContain(`open ${join(out, 'index.html')}`);
    expect(r.stdout).toContain(`kirinuki site ${out} --serve`);
    expect(existsSync(join(out, 'days/2024-03-04.html'))).toBe(true);
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain(
      '<loc>https://example.org/k/index.html</loc>',
    );
  });

  it('writes nothing the second time, and reports as JSON with --json', async () => {
    const out = join(dir, 'site');
    const r = await kirinuki([
      '--db',
      db,
      '--json',
      'site',
      out,
      '--base-url',
      'https://example.org/k',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { written: string[]; unchanged: number; files: number };
    expect(report.written).toEqual([]);
    expect(report.unchanged).toBe(report.files);
  });

  it('takes the number of days the feed carries', async () => {
    const out = join(dir, 'site-feed');
    expect((await kirinuki(['--db', db, 'site', out, '--feed-days', '1'])).code).toBe(0);
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    expect(feed).toContain(
      `<link rel="alternate" type="text/html" href="http://localhost:8000/days/${stats.lastDay}.html"/>`,
    );
  });

  it('refuses a directory that holds other files, a bad base URL or feed length (exit 1)', async () => {
    const foreign = join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'mine.txt'), 'x');
    const r = await kirinuki(['--db', db, 'site', foreign]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^site: .* is not empty and holds no site kirinuki built/);
    const url = await kirinuki(['--db', db, 'site', join(dir, 'x'), '--base-url', 'file:///tmp']);
    expect(url.code).toBe(1);
    expect(url.stderr).toContain('site: the base URL must be an absolute http(s) URL');
    const days = await kirinuki(['--db', db, 'site', join(dir, 'y'), '--feed-days', '0']);
    expect(days.code).toBe(1);
    expect(days.stderr).toContain('--feed-days');
  });
});
