import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-long-paste-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kirinuki import of a very long paste', () => {
  it('files it as parts, none merged away, each found by search, and a re-import adds nothing', async () => {
    const db = join(dir, 'archive.db');
    const file = join(dir, 'long.txt');
    // 300,000 characters of the same two lines: six parts whose texts repeat each other.
    const lines = ['停戦交渉は来週再開される見通し。', '関係者が明らかにした。'];
    const repeated = Array.from({ length: 10_000 }, () => lines.join('\n')).join('\n');
    writeFileSync(file, `${repeated}\n末尾の一文だけが違う。\n`);
    const first = await kirinuki(['--db', db, '--create', 'import', file]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/filed as (\d+) parts of at most 50,000/);
    const parts = Number(/filed as (\d+) parts/.exec(first.stderr)?.[1]);
    expect(parts).toBeGreaterThan(1);
    const stats = await kirinuki(['--db', db, '--json', 'stats']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ entries: parts });
    const found = await kirinuki(['--db', db, '--json', 'search', '末尾の一文']);
    expect(JSON.parse(found.stdout)).toMatchObject({ total: 1 });
    const again = await kirinuki(['--db', db, 'import', file]);
    expect(again.stdout).toContain(`0 new, ${parts} already in the archive`);
  });
});
