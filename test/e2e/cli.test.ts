import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

const example = fileURLToPath(
  new URL('../../../shared/examples/000_dfec5c4496ff07cd.txt', import.meta.url),
);
const samples = fileURLToPath(new URL('../../samples', import.meta.url));

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-cli-'));
  db = join(dir, 'archive.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parse and render', () => {
  it('round-trips a document through JSON', async () => {
    const text =
      '停戦案 https://t.co/AbCdEf1234\n— 共同 (@kyodo_test) March 4, 2024\n本文\n#ウクライナ和平交渉(停戦)';
    const parsed = await kirinuki(['parse', '-'], text);
    expect(parsed.code).toBe(0);
    const rendered = await kirinuki(['render', '-'], parsed.stdout);
    expect(rendered).toMatchObject({ code: 0, stdout: text });
  });

  it('rejects invalid UTF-8 with the byte offset', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x61, 0x62, 0xff, 0x63]));
    const r = await kirinuki(['parse', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('byte 2');
  });

  it('rejects JSON that is not a document, naming where', async () => {
    const r = await kirinuki(['render', '-'], '{"layout":{},"parts":[]}');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^render: -: not a kirinuki document at layout/);
  });
});

describe.skipIf(!existsSync(example))('the real example through the archive', () => {
  it('imports 15 entries once, and a second import changes nothing', async () => {
    const first = await kirinuki(['--db', db, 'import', example]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('15 new, 0 already in the archive (clip; 2024-01-18)');
    const again = await kirinuki(['--db', db, 'import', example]);
    expect(again.stdout).toContain('0 new, 15 already');
  });

  it.each([
    ['ナワリヌイ', 1],
    ['催涙', 1],
    ['tag:露朝', 1],
    ['from:@nhk_news', 3],
    // Two quote ゼレンスキー in their summary lines; the NATO entry quotes him in its text.
    ['speaker:ゼレンスキー', 3],
    // Quoted only in the text (the summary line names 格付け2社).
    ['speaker:ネストマン', 1],
    ['speaker:ザハロワ', 1],
    ['person:プーチン', 5],
    ['person:ラブロフ', 1],
    ['ナワリヌイ -person:プーチン', 0],
    ['ナワリヌイ -person:ラブロフ', 1],
    // ハリコフ and ハルキウ are one city: each finds both entries.
    ['ハリコフ', 2],
    ['ハルキウ', 2],
  ])('search %s finds %i entries', async (query, n) => {
    const r = await kirinuki(['--db', db, 'search', query, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe(n);
  });

  it('finds the entry that says ハリコフ when searching for ハルキウ, highlighting ハリコフ', async () => {
    const r = await kirinuki(['--db', db, 'search', 'ハルキウ', '--json']);
    const hits: { id: string; snippet: { text: string; highlights: [number, number][] } }[] =
      JSON.parse(r.stdout).hits;
    const kharkov = hits.find((h) => h.id.startsWith('cd97f01e'));
    expect(kharkov).toBeDefined();
    const marked = kharkov?.snippet.highlights.map(([s, e]) => kharkov.snippet.text.slice(s, e));
    expect(marked).toContain('ハリコフ');
    expect(marked).not.toContain('ハルキウ');
  });

  it('finds the Iran entry by the speaker quoted in its text', async () => {
    const r = await kirinuki(['--db', db, 'search', 'speaker:ザハロワ報道官', '--json']);
    const hits: { id: string }[] = JSON.parse(r.stdout).hits;
    expect(hits.map((h) => h.id.slice(0, 8))).toEqual(['eec5abb6']);
  });

  it('prints a malformed query as a user error, not an SQL error', async () => {
    const r = await kirinuki(['--db', db, 'search', '"unbalanced']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/sqlite|SQL/i);
  });

  it('gives back the day as the same digest text', async () => {
    const r = await kirinuki(['--db', db, 'digest', '--date', '2024-01-18']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${readFileSync(example, 'utf8')}\n`);
  });

  it('shows an entry by id prefix and exports every entry', async () => {
    const search = JSON.parse(
      (await kirinuki(['--db', db, 'search', 'ナワリヌイ', '--json'])).stdout,
    );
    const id: string = search.hits[0].id;
    const shown = await kirinuki(['--db', db, 'show', id.slice(0, 8)]);
    expect(shown.stdout).toContain('ナワリヌイ');
    const exported = await kirinuki(['--db', db, 'export', '--format', 'jsonl']);
    const lines = exported.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('{"kind":"entry"'))).toHaveLength(15);
  });

  it('reports stats as JSON', async () => {
    const r = await kirinuki(['--db', db, 'stats', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ entries: 15, summaryLines: 22, days: 1 });
  });
});

describe('user errors and help', () => {
  it('exits 1 on an unknown command or a bad option value', async () => {
    expect((await kirinuki(['frobnicate'])).code).toBe(1);
    expect((await kirinuki(['--db', db, 'digest', '--date', '18/01/2024'])).code).toBe(1);
    expect((await kirinuki(['--db', db, 'import', join(dir, 'missing.txt')])).code).toBe(1);
  });

  it('prints help for every command with exit 0', async () => {
    for (const cmd of [
      'parse',
      'render',
      'import',
      'search',
      'show',
      'export',
      'digest',
      'stats',
      'demo',
    ]) {
      const r = await kirinuki([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain('Usage: kirinuki');
    }
  });
});

describe.skipIf(!existsSync(samples))('demo on the bundled samples', () => {
  it('imports the samples and prints the latest digest and a summary', async () => {
    const r = await kirinuki(['--db', join(dir, 'demo.db'), 'demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/===== digest for \d{4}-\d{2}-\d{2} =====/);
    expect(r.stdout).toContain('summary lines');
    // …and builds the static site beside the archive, saying where it is.
    const site = join(dir, 'site');
    expect(r.stdout).toContain(`static site: ${site} (`);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
  });
});
