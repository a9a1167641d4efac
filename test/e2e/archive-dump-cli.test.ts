import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
const example = fileURLToPath(
  new URL('../../../shared/examples/000_dfec5c4496ff07cd.txt', import.meta.url),
);
let dir: string;
let db: string;
let dump: string;
let n = 0;
const fresh = (): string => join(dir, `archive-${(n += 1)}.db`);

async function ok(...args: string[]): Promise<string> {
  const r = await kirinuki(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** What a curator sees of an archive: its days, stats, each day's digest and document tags. */
async function view(path: string): Promise<unknown> {
  const stats = JSON.parse(await ok('--db', path, '--json', 'stats')) as Record<string, unknown>;
  delete stats.bytesOnDisk;
  const days = JSON.parse(await ok('--db', path, '--json', 'days')) as { days: { day: string }[] };
  const digests: string[] = [];
  for (const { day } of days.days)
    digests.push(await ok('--db', path, 'digest', '--date', day, '--no-check'));
  return { stats, days, digests };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-dump-cli-'));
  db = join(dir, 'archive.db');
  dump = join(dir, 'archive.jsonl');
  await ok('--db', db, 'import', samples);
  // The curator's work: a line edited, an entry dropped, a day reordered.
  const [first, second] = (await ok('--db', db, 'export'))
    .split('\n')
    .filter((l) => l.startsWith('{"kind":"entry"'))
    .map((l) => JSON.parse(l) as { id: string; day: string });
  await ok(
    '--db',
    db,
    'edit',
    String(first?.id),
    '--line',
    '#停戦(架空の編集・架空大統領「直した」)',
  );
  await ok('--db', db, 'drop', String(second?.id));
  await ok('--db', db, 'export', '--out', dump);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export --format jsonl → import', () => {
  it('restores the same archive: the dump of the restored archive is the same bytes', async () => {
    const target = fresh();
    const r = await kirinuki(['--db', target, 'import', dump]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/29 new, 0 already in the archive, 3 days \(archive dump\)/);
    expect(await ok('--db', target, 'export')).toBe(readFileSync(dump, 'utf8'));
    expect(await view(target)).toEqual(await view(db));
    expect(await ok('--db', target, 'search', 'tag:停戦')).toContain('直した');
  });

  it('writes to stdout what it writes to --out, a header first and an end record last', async () => {
    const out = await ok('--db', db, 'export', '--format', 'jsonl');
    expect(out).toBe(readFileSync(dump, 'utf8'));
    const lines = out.trimEnd().split('\n');
    expect(JSON.parse(String(lines[0]))).toEqual({ format: 'kirinuki-archive', version: 1 });
    expect(JSON.parse(String(lines.at(-1)))).toEqual({
      kind: 'end',
      days: 3,
      entries: 29,
      published: 0,
      // The tag store beside the archive: the model and style its import learned.
      tagDocuments: 2,
    });
  });

  it('importing the same dump twice changes nothing', async () => {
    const target = fresh();
    await ok('--db', target, 'import', dump);
    const before = await view(target);
    expect(await ok('--db', target, 'import', dump)).toMatch(/0 new, 29 already in the archive/);
    expect(await view(target)).toEqual(before);
    expect(await ok('--db', target, 'export')).toBe(readFileSync(dump, 'utf8'));
  });

  it('a damaged dump: each bad line named by file and line, the rest restored, exit 1', async () => {
    const lines = readFileSync(dump, 'utf8').trimEnd().split('\n');
    const entryAt = lines.findIndex((l) => l.startsWith('{"kind":"entry"'));
    lines[entryAt] = String(lines[entryAt]).slice(0, 50); // a line cut in the middle
    lines[entryAt + 1] = 'not json at all';
    const damaged = join(dir, 'damaged.jsonl');
    writeFileSync(damaged, `${lines.join('\n')}\n`);
    const target = fresh();
    const r = await kirinuki(['--db', target, 'import', damaged]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${damaged}:${entryAt + 1}: error: format: not JSON`);
    expect(r.stderr).toContain(`${damaged}:${entryAt + 2}: error: format: not JSON`);
    expect(JSON.parse(await ok('--db', target, '--json', 'stats'))).toMatchObject({ entries: 27 });
  });

  it('a dump cut short says so, keeps what came before, exit 1', async () => {
    const text = readFileSync(dump, 'utf8');
    const cut = join(dir, 'cut.jsonl');
    // Half way through the entries (the tag store's documents at the end are most of the bytes).
    const entriesEnd = text.indexOf('\n{"kind":"tag-document"');
    writeFileSync(cut, text.slice(0, Math.floor((entriesEnd < 0 ? text.length : entriesEnd) / 2)));
    const target = fresh();
    const r = await kirinuki(['--db', target, 'import', cut]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cut\.jsonl:\d+: error: .*cut short/);
    const { entries } = JSON.parse(await ok('--db', target, '--json', 'stats')) as {
      entries: number;
    };
    expect(entries).toBeGreaterThan(5);
    expect(entries).toBeLessThan(29);
  });

  it('a newer version is refused on line 1, nothing restored, exit 1', async () => {
    const newer = join(dir, 'newer.jsonl');
    writeFileSync(newer, readFileSync(dump, 'utf8').replace('"version":1', '"version":9'));
    const target = fresh();
    const r = await kirinuki(['--db', target, 'import', newer]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${newer}:1: error: format: kirinuki-archive version 9 is newer`);
    expect(JSON.parse(await ok('--db', target, '--json', 'stats'))).toMatchObject({ entries: 0 });
  });
});

describe('export --format text --out DIR → import DIR', () => {
  it('files each day under its day with its entries, order, summary and document tag lines', async () => {
    const out = join(dir, 'days');
    await ok('--db', db, 'export', '--format', 'text', '--out', out);
    expect(readdirSync(out).sort()).toEqual([
      '2024-03-04.txt',
      '2024-03-05.txt',
      '2024-03-06.txt',
      'kirinuki-days.json',
    ]);
    expect(readFileSync(join(out, '2024-03-05.txt'), 'utf8')).toBe(
      readFileSync(join(samples, '2024-03-05.txt'), 'utf8'),
    );
    const target = fresh();
    await ok('--db', target, 'import', out);
    expect(await view(target)).toEqual(await view(db));
    const again = join(dir, 'days-again');
    await ok('--db', target, 'export', '--format', 'text', '--out', again);
    for (const name of readdirSync(out))
      expect(readFileSync(join(again, name), 'utf8'), name).toBe(
        readFileSync(join(out, name), 'utf8'),
      );
  });

  it('to stdout: every day after its break line, and import files each under its day', async () => {
    const text = await ok('--db', db, 'export', '--format', 'text');
    expect(text.match(/^\f\d{4}-\d{2}-\d{2}$/gmu)).toEqual([
      '\f2024-03-04',
      '\f2024-03-05',
      '\f2024-03-06',
    ]);
    expect(text.match(/^#NATOexpansion$/gmu)?.length).toBeGreaterThanOrEqual(1);
    for (const day of ['2024-03-04', '2024-03-05', '2024-03-06'])
      expect(text).toContain(readFileSync(join(samples, `${day}.txt`), 'utf8').split('\n')[0]);
    const file = join(dir, 'all-days.txt');
    writeFileSync(file, text);
    const target = fresh();
    // --day is for documents without days; the export's own days win.
    const imported = await kirinuki(['--db', target, 'import', '--day', '2030-01-01', file]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('names its own days; --day does not apply to it');
    expect(await view(target)).toEqual(await view(db));
    expect(await ok('--db', target, 'export', '--format', 'text')).toBe(text);
  });

  it('a damaged day of a stdout export is named by its line in the whole file', async () => {
    const text = await ok('--db', db, 'export', '--format', 'text');
    const lines = text.split('\n');
    // The second day's first quoted summary line, its closing 」 taken out.
    const second = lines.indexOf('\f2024-03-05');
    const at = lines.findIndex((l, i) => i > second && /^#.*」/u.test(l));
    lines[at] = String(lines[at]).replace('」', '');
    const file = join(dir, 'damaged-days.txt');
    writeFileSync(file, lines.join('\n'));
    const r = await kirinuki(['--db', fresh(), 'import', file]);
    expect(at).toBeGreaterThan(second);
    expect(r.stderr).toContain(`${file}:${at + 1}: warning: format: unbalanced 「」`);
  });
});

describe.skipIf(!existsSync(example))('the real example', () => {
  it('round trips through parse | render and through the text and jsonl exports', async () => {
    const original = readFileSync(example, 'utf8');
    const parsed = await ok('parse', example);
    expect((await kirinuki(['render', '-'], parsed)).stdout).toBe(original);
    const source = fresh();
    await ok('--db', source, 'import', example);
    const out = join(dir, 'real-days');
    await ok('--db', source, 'export', '--format', 'text', '--out', out);
    const [day] = readdirSync(out).filter((f) => f.endsWith('.txt'));
    // The export ends with a line break; every line of the original is there, in order.
    expect(readFileSync(join(out, String(day)), 'utf8').trimEnd()).toBe(original.trimEnd());
    const jsonl = join(dir, 'real.jsonl');
    await ok('--db', source, 'export', '--out', jsonl);
    const target = fresh();
    await ok('--db', target, 'import', jsonl);
    expect(await ok('--db', target, 'export')).toBe(readFileSync(jsonl, 'utf8'));
  });
});
