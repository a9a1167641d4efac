/**
 * `kirinuki optimize` and the optimisation that ends a bulk import: what a curator gets from
 * them is a ranked search over every match of a common word, so that is what is tested — the
 * oldest entry, the one most about the word, comes first only once the archive is optimised.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZE_AFTER_ENTRIES } from '../../src/cli/commands/import.js';
import { kirinuki } from './run-cli.js';

/** Entries per digest day (one clip document each). */
const PER_DAY = 110;
const kana =
  'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ';

let dir: string;

/** A deterministic run of kana, so no two entries look alike to the story grouping. */
function noise(seed: number, length: number): string {
  let x = seed * 2654435761;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += kana[x % kana.length];
  }
  return out;
}

/**
 * Day `day`'s clip document (January 1st + day, 2024): every entry mentions 停戦 once, but the
 * very first entry of day 0 ten times.
 */
function dayDocument(day: number): string {
  const lines: string[] = [];
  for (let i = 0; i < PER_DAY; i++) {
    const n = day * PER_DAY + i;
    const strong = day === 0 && i === 0;
    lines.push(
      `架空の見出し${n} ${noise(n, 12)}`,
      `— 架空通信 (@kakuu_news) January ${day + 1}, 2024`,
      strong
        ? `停戦${'、停戦'.repeat(9)}。最も停戦を論じた記事${n}。`
        : `停戦の話題${n}。${noise(n + 7, 60)}。`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Clip documents of the first `days` days, written to files. */
function dayFiles(days: number): string[] {
  return Array.from({ length: days }, (_, day) => {
    const file = join(dir, `2024-01-${String(day + 1).padStart(2, '0')}.txt`);
    writeFileSync(file, dayDocument(day));
    return file;
  });
}

/** The headline of the first hit of a ranked search for 停戦, among `total` matches. */
async function topHit(db: string, total: number): Promise<string> {
  const r = await kirinuki(['--db', db, '--json', 'search', '停戦', '--limit', '1']);
  expect(r.code, r.stderr).toBe(0);
  const found = JSON.parse(r.stdout) as { total: number; hits: { headline: string | null }[] };
  expect(found.total).toBe(total);
  return String(found.hits[0]?.headline);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-optimize-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('optimize', () => {
  it('kirinuki optimize lets a ranked search find the best old match among hundreds', async () => {
    const db = join(dir, 'by-hand.db');
    const imported = await kirinuki(['--db', db, 'import', ...dayFiles(4)]);
    expect(imported.code, imported.stderr).toBe(0);
    // Fewer new entries than a bulk import: not optimised by itself, so the oldest entry,
    // beyond the newest matches, is not found first.
    expect(imported.stderr).not.toMatch(/optimising/);
    expect(await topHit(db, 440)).not.toContain('架空の見出し0 ');
    const r = await kirinuki(['--db', db, 'optimize']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^optimised 440 entries in \d+\.\d s\n$/);
    expect(await topHit(db, 440)).toContain('架空の見出し0 ');
  });

  it('a bulk import ends optimised, unless --no-optimize', async () => {
    const days = Math.ceil(OPTIMIZE_AFTER_ENTRIES / PER_DAY);
    const files = dayFiles(days);
    const total = days * PER_DAY;
    const db = join(dir, 'bulk.db');
    const imported = await kirinuki(['--db', db, 'import', ...files]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(`import: ${total} new entries: optimising`);
    expect(await topHit(db, total)).toContain('架空の見出し0 ');

    const skipped = join(dir, 'bulk-skipped.db');
    const plain = await kirinuki(['--db', skipped, 'import', '--no-optimize', ...files]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).not.toMatch(/optimising/);
    expect(await topHit(skipped, total)).not.toContain('架空の見出し0 ');
  }, 120_000);

  it('optimize --vacuum gives freed space back and brings an old file to 8 KiB pages', async () => {
    const db = join(dir, 'vacuum.db');
    expect((await kirinuki(['--db', db, 'import', ...dayFiles(3)])).code).toBe(0);
    expect((await kirinuki(['--db', db, 'optimize'])).code).toBe(0);
    // An archive file of 4 KiB pages, as kirinuki wrote them before schema 6, with a megabyte
    // of free pages (what a migration or deletions leave).
    const raw = new Database(db);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('page_size = 4096');
    raw.exec('VACUUM');
    raw.pragma('journal_mode = WAL');
    raw.exec(
      'CREATE TABLE scratch AS SELECT randomblob(1000) AS b FROM entries, (SELECT 1 UNION SELECT 2 UNION SELECT 3)',
    );
    raw.exec('DROP TABLE scratch');
    expect(raw.pragma('freelist_count', { simple: true })).toBeGreaterThan(200);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = statSync(db).size;

    // Another process is reading it: the space stays, and the curator is told why.
    const holder = new Database(db, { readonly: true });
    holder.exec('BEGIN');
    holder.prepare('SELECT count(*) FROM entries').get();
    const busy = await kirinuki(['--db', db, 'optimize', '--vacuum']);
    expect(busy.code, busy.stderr).toBe(0);
    expect(busy.stderr).toContain('optimize: the space was not given back');
    holder.exec('COMMIT');
    holder.close();
    expect(statSync(db).size).toBe(before);

    const r = await kirinuki(['--db', db, '--json', 'optimize', '--vacuum']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ optimized: true, vacuumed: true });
    const after = new Database(db, { readonly: true });
    expect(after.pragma('page_size', { simple: true })).toBe(8192);
    expect(after.pragma('freelist_count', { simple: true })).toBe(0);
    expect(after.pragma('journal_mode', { simple: true })).toBe('wal');
    after.close();
    expect(statSync(db).size).toBeLessThan(before);
  });
});
