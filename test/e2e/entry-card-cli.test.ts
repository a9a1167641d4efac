/**
 * What an entry carries in every view of the CLI — `search` (text and `--json`), `show` (text
 * and `--json`), `export` — whatever it was captured from: a clipped post (samples/), a
 * captured post with its status URL (an embed page), an article page and a feed item
 * (test/fixtures/capture, fictional news). Each shows its headline, outlet or handle, date,
 * post URL or article URL, tags and summary lines.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClipDocument } from '../../src/format/index.js';
import type { Entry } from '../../src/model/index.js';
import { kirinuki, type Captured } from './run-cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/capture/', import.meta.url));
const samples = fileURLToPath(new URL('../../samples/', import.meta.url));

/** The card fields of the API's `EntryCard`, in its order. */
const CARD_FIELDS = [
  'id',
  'day',
  'seq',
  'story',
  'headline',
  'authorName',
  'handle',
  'postUrl',
  'articleUrl',
  'date',
  'tags',
  'summaryLines',
  'source',
] as const;
type Card = Record<(typeof CARD_FIELDS)[number], unknown>;

/** The article of card-article.html.txt, as its metadata says. */
const ARTICLE = {
  word: '穀物倉庫',
  card: {
    headline: '南部の港で穀物倉庫に無人機攻撃 & 輸出に遅れ',
    authorName: '東西新報',
    articleUrl: 'https://tozai-shinpo.example.jp/intl/20240306-grain',
    date: '2024-03-06',
  },
};
/** The second item of rss2.xml: its title is only in the feed, not in its text. */
const FEED_ITEM = {
  word: '機雷',
  card: {
    headline: '黒海の穀物回廊、週内にも再開へ',
    authorName: '架空通信',
    articleUrl: 'https://kakuu-tsushin.example.jp/news/2024/03/01/grain',
    date: '2024-03-01',
  },
};
/** The first post of embeds.html.txt, captured with its status link. */
const EMBED = {
  word: '集合住宅',
  card: {
    handle: 'kakuu_sokuho',
    authorName: '架空ニュース速報',
    // The embed links twitter.com; the capture keeps the canonical x.com address.
    postUrl: 'https://x.com/kakuu_sokuho/status/1765000000000000001',
  },
};

let dir: string;
let db: string;
/** The first entry of samples/2024-03-06.txt, as the parser reads it: a clipped post. */
let clipped: Entry;

const cli = (...args: string[]): Promise<Captured> => kirinuki(['--db', db, ...args]);

async function ok(...args: string[]): Promise<string> {
  const r = await cli(...args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

async function searchJson(query: string): Promise<(Card & Record<string, unknown>)[]> {
  return (
    JSON.parse(await ok('search', query, '--json')) as { hits: (Card & Record<string, unknown>)[] }
  ).hits;
}

/** A word of the clipped post that only it has in the archive. */
let clippedWord: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-card-'));
  db = join(dir, 'archive.db');
  // Page captures are recognised by their content type from the file name.
  copyFileSync(join(fixtures, 'card-article.html.txt'), join(dir, 'article.html'));
  copyFileSync(join(fixtures, 'embeds.html.txt'), join(dir, 'embeds.html'));
  const day = join(samples, '2024-03-06.txt');
  await ok(
    'import',
    day,
    join(dir, 'article.html'),
    join(dir, 'embeds.html'),
    join(fixtures, 'rss2.xml'),
  );
  const parsed = parseClipDocument(readFileSync(day, 'utf8'));
  const first = parsed.document.parts.find((p) => p.kind === 'entry');
  if (first?.kind !== 'entry' || !first.entry.post) throw new Error('samples: no post first');
  clipped = first.entry;
  clippedWord = [...(clipped.post?.text ?? '')].slice(0, 6).join('');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('search', () => {
  it('prints the headline, outlet, date and link of a captured article under its snippet', async () => {
    const out = await ok('search', ARTICLE.word);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.trim() === ARTICLE.card.headline);
    expect(at, out).toBeGreaterThan(0);
    expect(lines[at + 1]?.trim()).toBe(`${ARTICLE.card.authorName} · ${ARTICLE.card.date}`);
    expect(lines[at + 2]?.trim()).toBe(`article: ${ARTICLE.card.articleUrl}`);
  });

  it('prints the title of a feed item, which its text does not hold', async () => {
    const out = await ok('search', FEED_ITEM.word);
    expect(out).toContain(`    ${FEED_ITEM.card.headline}\n`);
    expect(out).toContain(`    ${FEED_ITEM.card.authorName} · ${FEED_ITEM.card.date}\n`);
    expect(out).toContain(`    article: ${FEED_ITEM.card.articleUrl}\n`);
  });

  it('prints the author, handle, post link and summary lines of a clipped post', async () => {
    const post = clipped.post!;
    const out = await ok('search', `"${clippedWord}"`, `from:@${post.handle}`);
    expect(out).toContain(`    ${post.text.split('\n')[0]!.trim()}\n`);
    expect(out).toContain(`    ${post.authorName} (@${post.handle}) · ${post.date}\n`);
    expect(out).toContain(`    post: ${post.links[0]}\n`);
    for (const s of clipped.summaries) expect(out).toContain(`    ${s.raw}\n`);
  });

  it('gives every --json hit the card fields and keeps the fields tools used', async () => {
    const [article] = await searchJson(ARTICLE.word);
    expect(article).toMatchObject({ ...ARTICLE.card, handle: null, postUrl: null, tags: [] });
    expect(Object.keys(article!)).toEqual(
      expect.arrayContaining([...CARD_FIELDS, 'otherHitsInStory', 'score', 'snippet']),
    );
    expect(article!.source).toBe(join(dir, 'article.html'));
    const [feed] = await searchJson(FEED_ITEM.word);
    expect(feed).toMatchObject({ ...FEED_ITEM.card, handle: null, postUrl: null });
    const [embed] = await searchJson(EMBED.word);
    expect(embed).toMatchObject({ ...EMBED.card, articleUrl: null, date: '2024-03-06' });
    const post = clipped.post!;
    const [clip] = await searchJson(`"${clippedWord}" from:@${post.handle}`);
    expect(clip).toMatchObject({
      id: clipped.id,
      headline: post.text.split('\n')[0]!.trim(),
      authorName: post.authorName,
      handle: post.handle,
      postUrl: post.links[0],
      date: post.date,
      summaryLines: clipped.summaries.map((s) => s.raw),
      tags: [...new Set(clipped.summaries.map((s) => s.tag))],
    });
  });
});

describe('show', () => {
  it('opens with what the entry is, for a captured article and a feed item', async () => {
    for (const { word, card: item } of [ARTICLE, FEED_ITEM]) {
      const [hit] = await searchJson(word);
      const out = await ok('show', String(hit!.id));
      const head = out.split('\n').slice(0, 4);
      expect(head[0]).toMatch(new RegExp(`^${String(hit!.id)}  filed ${item.date} #\\d+$`, 'u'));
      expect(head.slice(1)).toEqual([
        item.headline,
        `${item.authorName} · ${item.date}`,
        `article: ${item.articleUrl}`,
      ]);
    }
  });

  it('names a captured post by its status URL', async () => {
    const [hit] = await searchJson(EMBED.word);
    const out = await ok('show', String(hit!.id));
    expect(out).toContain(`\n${EMBED.card.authorName} (@${EMBED.card.handle}) · 2024-03-06\n`);
    expect(out).toContain(`\npost: ${EMBED.card.postUrl}\n`);
  });

  it('--json: the stored entry with the card fields beside it', async () => {
    const [hit] = await searchJson(ARTICLE.word);
    const shown = JSON.parse(await ok('show', String(hit!.id), '--json')) as Card & {
      entry: Entry;
      storyEntries: string[];
    };
    expect(shown).toMatchObject(ARTICLE.card);
    for (const f of CARD_FIELDS) expect(shown[f], f).toEqual(hit![f]);
    expect(shown.entry.origin?.url).toBe(ARTICLE.card.articleUrl);
    expect(shown.storyEntries).toEqual([]);
  });
});

describe('export', () => {
  it('jsonl: every entry with its card fields, consistent with the entry', async () => {
    const rows = (await ok('export', '--format', 'jsonl'))
      .split('\n')
      .filter((l) => l.startsWith('{"kind":"entry"'))
      .map((l) => JSON.parse(l) as Card & { entry: Entry });
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['entry', ...CARD_FIELDS]));
      expect(row.id).toBe(row.entry.id);
      expect(row.summaryLines).toEqual(row.entry.summaries.map((s) => s.raw));
      expect(row.tags).toEqual([...new Set(row.entry.summaries.map((s) => s.tag))]);
      expect(String(row.headline).trim()).not.toBe('');
      if (row.entry.post) expect(row.handle).toBe(row.entry.post.handle);
      else expect(row.articleUrl).toBe(row.entry.origin?.url ?? null);
    }
    expect(rows.find((r) => r.articleUrl === ARTICLE.card.articleUrl)).toMatchObject(ARTICLE.card);
    expect(rows.find((r) => r.articleUrl === FEED_ITEM.card.articleUrl)).toMatchObject(
      FEED_ITEM.card,
    );
  });

  it('text is the clip document as before', async () => {
    const text = await ok('export', '--format', 'text');
    expect(text).toContain(readFileSync(join(samples, '2024-03-06.txt'), 'utf8').split('\n')[0]);
    expect(text).not.toContain('article: ');
  });
});

describe('digest', () => {
  it("text and --stories name a captured item's headline, outlet, link and date", async () => {
    for (const item of [FEED_ITEM, ARTICLE]) {
      const [hit] = await searchJson(item.word);
      const day = String(hit?.day);
      for (const view of [[], ['--stories']]) {
        const out = await ok('digest', '--date', day, '--no-check', ...view);
        const { headline, authorName, articleUrl, date } = item.card;
        expect(out).toContain(`${headline}\n`);
        expect(out).toContain(`— ${authorName} ${articleUrl} ${date}\n`);
      }
    }
  });
});
