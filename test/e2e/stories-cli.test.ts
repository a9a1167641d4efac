import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-stories-'));
  db = join(dir, 'archive.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Two outlets telling one story, and one story of its own (fictional, written for this test).
const WIRE = [
  '北部州都の変電所に無人機攻撃 約3万世帯が停電 https://t.co/Wire0000001',
  '— 東西通信 (@tozai_test) May 20, 2024',
  '国営電力会社によると、北部の州都にある変電所が20日未明に無人機による攻撃を受け、約3万世帯で停電が続いている。復旧には数日かかる見通しだという。',
  '#インフラ攻撃(北部州都・変電所・約3万世帯停電)',
];
const REWRITE = [
  '変電所に無人機、3万世帯停電 北部の州都 https://t.co/Kita0000002',
  '— 北日本ニュース (@kita_test) May 20, 2024',
  '北部の州都の変電所が20日未明、無人機の攻撃を受けた。国営電力会社によると約3万世帯で停電が続いており、復旧には数日かかる見通しだ。',
  '#インフラ攻撃(変電所攻撃・復旧に数日)',
];
const OTHER = [
  '動員法改正案、第一読会で可決 https://t.co/Giin0000003',
  '— 東西通信 (@tozai_test) May 20, 2024',
  '首都の議会は20日、徴兵年齢の引き下げを含む動員法の改正案を第一読会で可決した。最終採決は来月の見通し。',
  '#動員(動員法改正案・第一読会で可決)',
];
const DAY = [...WIRE, ...OTHER, ...REWRITE, '#テスト用'].join('\n');

describe('stories through the CLI', () => {
  it('files the day, joining the two outlets into one story', async () => {
    const r = await kirinuki(['import', write('2024-05-20.txt', DAY), '--db', db]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('3 new');
    expect(r.stdout).toContain('1 joined a story');
  });

  it('prints the plain digest unchanged', async () => {
    const r = await kirinuki(['digest', '--date', '2024-05-20', '--db', db]);
    expect(r).toMatchObject({ code: 0, stdout: `${DAY}\n` });
  });

  it('shows each story once with its other sources, as a clip document that parses', async () => {
    const r = await kirinuki(['digest', '--date', '2024-05-20', '--stories', '--db', db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      ...WIRE.slice(0, 3),
      '同じ話題: 北日本ニュース (@kita_test) https://t.co/Kita0000002',
      WIRE[3],
      ...OTHER,
      '#テスト用',
    ]);
    const parsed = await kirinuki(['parse', '-', '--json'], r.stdout);
    expect(parsed.code).toBe(0);
    const doc = JSON.parse(parsed.stdout) as { parts: { kind: string }[] };
    expect(doc.parts.filter((p) => p.kind === 'entry')).toHaveLength(2);
  });

  it('gives the stories as data with --json', async () => {
    const r = await kirinuki(['digest', '--date', '2024-05-20', '--stories', '--json', '--db', db]);
    const stories = JSON.parse(r.stdout) as {
      shown: { entry: { id: string } };
      others: unknown[];
    }[];
    expect(stories.map((s) => s.others.length)).toEqual([1, 0]);
  });

  it('collapses search hits by story and names the story in show', async () => {
    const all = await kirinuki(['search', '変電所', '--db', db]);
    expect(all.stdout).toContain('2 matches');
    const one = await kirinuki(['search', '変電所', '--stories', '--db', db]);
    expect(one.stdout).toContain('(+1 more in this story)');
    expect(one.stdout.match(/^[0-9a-f]{16} /gm)).toHaveLength(1);
    const id = /^([0-9a-f]{16}) /m.exec(one.stdout)?.[1] as string;
    const shown = await kirinuki(['show', id, '--db', db]);
    expect(shown.stdout).toContain('The same story (1 other source):');
  });

  it('drops a later capture of a clipped post and says so', async () => {
    const embed = `<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">動員法改正案、第一読会で可決 <a href="https://t.co/Giin0000003">https://t.co/Giin0000003</a></p>&mdash; 東西通信 (@tozai_test) <a href="https://twitter.com/tozai_test/status/1792345678901234567">May 20, 2024</a></blockquote>`;
    const r = await kirinuki(['import', write('inbox.html', embed), '--db', db]);
    expect(r.stdout).toContain('0 new');
    expect(r.stdout).toContain('1 duplicate dropped');
  });

  it('derives keys and stories again with reindex, finding the same story', async () => {
    const r = await kirinuki(['reindex', '--no-people', '--db', db]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('reindexed 3 entries: 1 stories of two or more entries (2 entries)');
    const again = await kirinuki(['digest', '--date', '2024-05-20', '--stories', '--db', db]);
    expect(again.stdout).toContain('同じ話題: 北日本ニュース');
  });

  it('refuses a bad --story-days', async () => {
    const r = await kirinuki([
      'import',
      join(dir, '2024-05-20.txt'),
      '--story-days',
      'x',
      '--db',
      db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--story-days');
  });
});
