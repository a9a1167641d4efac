import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseAtomFeed } from 'feedsmith';
import { HtmlValidate } from 'html-validate';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
const schema = fileURLToPath(new URL('../../docs/digest.schema.json', import.meta.url));
const DAY = '2024-03-04';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-digest-'));
  db = join(dir, 'archive.db');
  const r = await kirinuki(['--db', db, 'import', samples]);
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const digest = (...args: string[]) => kirinuki(['--db', db, 'digest', '--date', DAY, ...args]);

/** Every link a sample day's text carries. */
function linksOf(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s#]+|pic\.twitter\.com\/\w+/gu)].map((m) => m[0]);
}

describe('kirinuki digest --format', () => {
  it('text: the sample day as it was written', async () => {
    const r = await digest();
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).toBe(readFileSync(join(samples, `${DAY}.txt`), 'utf8').trimEnd());
  });

  it('html --standalone: a valid page that keeps every link', async () => {
    const r = await digest('--format', 'html', '--standalone');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended'],
    }).validateString(r.stdout);
    expect(report.valid, JSON.stringify(report.results[0]?.messages.slice(0, 3))).toBe(true);
    for (const link of linksOf(readFileSync(join(samples, `${DAY}.txt`), 'utf8')))
      expect(r.stdout).toContain(link);
    expect(r.stdout).not.toContain('platform.twitter.com/widgets.js');
    const withScript = await digest('--format', 'html', '--embed-script');
    expect(withScript.stdout).toContain('platform.twitter.com/widgets.js');
  });

  it('markdown: renders with markdown-it, tags linked with --tag-url', async () => {
    const r = await digest('--format', 'markdown', '--tag-url', 'https://blog.example/tag/{tag}');
    expect(r.code).toBe(0);
    const html = new MarkdownIt().render(r.stdout);
    expect(html).toContain(
      `href="https://blog.example/tag/${encodeURIComponent('ウクライナ戦況')}"`,
    );
    expect(html).toContain('<blockquote>');
  });

  it('hatena and hatena-markdown: each post keeps its author and links', async () => {
    const hatena = await digest('--format', 'hatena');
    expect(hatena.code).toBe(0);
    expect(hatena.stdout).toContain('— NHKニュース (@nhk_news) 2024-03-04 https://t.co/sBZo2qdvlO');
    const md = await digest('--format', 'hatena-markdown');
    expect(md.code).toBe(0);
    const html = new MarkdownIt().render(md.stdout);
    expect(html).toContain('(@nhk_news)');
    expect(html).toContain('href="https://t.co/sBZo2qdvlO"');
  });

  it('json: valid against docs/digest.schema.json', async () => {
    const r = await digest('--format', 'json');
    expect(r.code).toBe(0);
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync(schema, 'utf8')),
    );
    const data: unknown = JSON.parse(r.stdout);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('atom: the filed days up to --date, newest first, read back by feedsmith', async () => {
    const atom = () =>
      kirinuki([
        ...['--db', db, 'digest', '--date', '2024-03-06', '--format', 'atom', '--days', '7'],
        ...['--base-url', 'https://digest.example/'],
      ]);
    const r = await atom();
    expect(r.code).toBe(0);
    const feed = parseAtomFeed(r.stdout);
    const links = feed.entries?.map((e) => e.links?.[0]?.href);
    expect(links).toEqual([
      'https://digest.example/days/2024-03-06.html',
      'https://digest.example/days/2024-03-05.html',
      'https://digest.example/days/2024-03-04.html',
    ]);
    // Stable: the same archive gives the same feed, ids and `updated` included.
    expect((await atom()).stdout).toBe(r.stdout);
  });

  it('refuses a format it does not know, and a tag URL without {tag}', async () => {
    const bad = await digest('--format', 'pdf');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--format must be one of');
    const noTag = await digest('--format', 'markdown', '--tag-url', 'https://blog.example/tag/');
    expect(noTag.code).toBe(1);
    expect(noTag.stderr).toContain('{tag}');
  });
});

describe('kirinuki digest: the quote check before it prints', () => {
  let flagged: string;
  beforeAll(async () => {
    flagged = join(dir, 'flagged.db');
    const doc = join(dir, 'flagged.txt');
    writeFileSync(
      doc,
      [
        '停戦協議が再開 https://t.co/QcHkTest01',
        '— 共同 (@kyodo_test) March 9, 2024',
        'ウクライナのシビハ外相は9日、「協議は前進した」と述べた。',
        '#ウクライナ和平交渉(シビハ外相「協議は決裂した」)',
        '',
      ].join('\n'),
    );
    expect((await kirinuki(['--db', flagged, 'import', doc])).code).toBe(0);
  });

  it('prints the digest and the flag on stderr', async () => {
    const r = await kirinuki(['--db', flagged, 'digest', '--date', '2024-03-09']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('協議は決裂した');
    expect(r.stderr).toContain('quote not in the text: シビハ外相「協議は決裂した」');
  });

  it('--strict prints nothing and exits 1; publishing never alters the quote', async () => {
    const r = await kirinuki(['--db', flagged, 'digest', '--date', '2024-03-09', '--strict']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--strict');
    const html = await kirinuki([
      '--db',
      flagged,
      'digest',
      '--date',
      '2024-03-09',
      '--format',
      'html',
      '--no-check',
    ]);
    expect(html.stderr).toBe('');
    expect(html.stdout).toContain('協議は決裂した');
  });
});
