/**
 * `kirinuki fetch` and `kirinuki watch --once` end to end: the real CLI, in process, against a
 * real HTTP server on 127.0.0.1 (port 0) and a real SQLite archive in a temp dir. The fixtures
 * under test/fixtures/capture are fictional news written for these tests.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../fixtures/ingest/test-server.js';
import { kirinuki, type Captured } from './run-cli.js';

const fixtureDir = fileURLToPath(new URL('../fixtures/capture/', import.meta.url));
const fixture = (name: string): Buffer => readFileSync(join(fixtureDir, name));

/** The default body cap of the fetcher (FetchOptions.maxBytes). */
const MAX_BYTES = 10_000_000;
const ALLOW = ['--allow-host', '127.0.0.1'];
/**
 * Per test: the first CLI run loads the NLP knowledge, and a 500 or a two-feed watch waits out
 * the fetcher's retry back-off and per-host rate limit (1–3 s) — generous for a loaded machine.
 */
const LONG = 60_000;

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let dir: string;

/** A fresh archive file in the temp dir; each describe block gets its own. */
let dbCount = 0;
const newDb = (): string => join(dir, `archive-${(dbCount += 1)}.db`);

/** `kirinuki --db DB ARGS…` */
const cli = (db: string, ...args: string[]): Promise<Captured> => kirinuki(['--db', db, ...args]);

const serve =
  (type: string, body: Buffer) =>
  (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };

async function searchTotal(db: string, query: string): Promise<number> {
  const r = await cli(db, 'search', query, '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { total: number }).total;
}

async function searchIds(db: string, query: string): Promise<string[]> {
  const r = await cli(db, 'search', query, '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { hits: { id: string }[] }).hits.map((h) => h.id);
}

interface Exported {
  entry: {
    id: string;
    body: string[];
    post: { handle: string; date: string } | null;
    origin?: { kind: string; url?: string; title?: string; outlet?: string; published?: string };
  };
  day: string;
  source: string;
}

async function exported(db: string): Promise<Exported[]> {
  const r = await cli(db, 'export', '--format', 'jsonl');
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{"kind":"entry"'))
    .map((l) => JSON.parse(l) as Exported);
}

async function entryCount(db: string): Promise<number> {
  const r = await cli(db, 'stats', '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { entries: number }).entries;
}

// ---- the watched feeds: mutable, with an ETag per version ----

interface WatchedFeed {
  title: string;
  items: { title: string; path: string; date: string; text: string }[];
  version: number;
}

const watched: Record<string, WatchedFeed> = {
  '/watch/kita.xml': {
    title: '北部架空放送',
    version: 1,
    items: [
      {
        title: 'ヘルソン州で渡し船の運航再開',
        path: 'ferry',
        date: 'Thu, 07 Mar 2024 08:00:00 +0900',
        text: '川の両岸を結ぶ渡し船が、半年ぶりに住民を乗せて運航を再開した。',
      },
      {
        title: '国境の町で給水車が不足',
        path: 'water',
        date: 'Thu, 07 Mar 2024 12:00:00 +0900',
        text: '町役場は近隣の自治体に給水車の貸し出しを求めている。',
      },
    ],
  },
  '/watch/minami.xml': {
    title: '南部架空新報',
    version: 1,
    items: [
      {
        title: '港町の市場、二年ぶりに夜間営業',
        path: 'market',
        date: 'Thu, 07 Mar 2024 19:00:00 +0900',
        text: '停電の減少を受け、市場の組合は夜間の営業を試験的に再開すると決めた。',
      },
      {
        title: '避難先から戻った教員、授業を再開',
        path: 'school',
        date: 'Thu, 07 Mar 2024 09:30:00 +0900',
        text: '地元の小学校では、避難先から戻った教員が対面の授業を始めた。',
      },
    ],
  },
};
/** If-None-Match of every request to a watched feed, in order. */
const conditionalHeaders: Record<string, (string | undefined)[]> = {};

const etagOf = (path: string, feed: WatchedFeed): string =>
  `"${path.replace(/\W/g, '')}-v${feed.version}"`;

function rssOf(path: string, feed: WatchedFeed): string {
  const host = `https://${path.split('/')[2]?.replace('.xml', '')}.example.jp`;
  const items = feed.items.map(
    (i) =>
      `<item><title>${i.title}</title><link>${host}/${i.path}</link><pubDate>${i.date}</pubDate><description>${i.text}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${feed.title}</title><link>${host}/</link>\n${items.join('\n')}\n</channel></rss>\n`;
}

function watchedRoute(path: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const feed = watched[path] as WatchedFeed;
    const sent = req.headers['if-none-match'];
    (conditionalHeaders[path] ??= []).push(sent);
    const etag = etagOf(path, feed);
    if (sent === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(rssOf(path, feed));
  };
}

beforeAll(async () => {
  // Without these commands every test below fails; say why once.
  for (const command of ['fetch', 'watch']) {
    const { stderr } = await kirinuki([command]);
    if (/unknown command/.test(stderr))
      throw new Error(`kirinuki ${command} is not wired in src/cli/run.ts: ${stderr}`);
  }
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-capture-'));
  server = await startTestServer({
    '/rss.xml': serve('application/rss+xml; charset=utf-8', fixture('rss2.xml')),
    '/atom.xml': serve('application/atom+xml', fixture('atom.xml')),
    // Shift_JIS declared in the XML only, no charset in the header.
    '/sjis-declared.xml': serve('application/rss+xml', fixture('rss2-shift_jis.xml')),
    // Shift_JIS named in the header only, nothing in the XML declaration.
    '/sjis-header.xml': serve(
      'text/xml; charset=Shift_JIS',
      fixture('rss2-shift_jis-undeclared.xml'),
    ),
    // The same bytes under a header that claims UTF-8, as misconfigured servers do.
    '/sjis-wrong-header.xml': serve(
      'application/rss+xml; charset=utf-8',
      fixture('rss2-shift_jis.xml'),
    ),
    '/article.html': serve('text/html; charset=utf-8', fixture('article.html.txt')),
    '/embeds.html': serve('text/html; charset=utf-8', fixture('embeds.html.txt')),
    '/broken.xml': serve('application/rss+xml', fixture('broken.xml')),
    '/json.xml': serve('application/rss+xml; charset=utf-8', fixture('rss2.xml')),
    '/blocked.xml': serve('application/rss+xml; charset=utf-8', fixture('rss2.xml')),
    '/error': (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal trouble');
    },
    '/loop-a': (_req, res) => {
      res.writeHead(302, { location: '/loop-b' });
      res.end();
    },
    '/loop-b': (_req, res) => {
      res.writeHead(302, { location: '/loop-a' });
      res.end();
    },
    // Says it is larger than the cap: refused before the body is read.
    '/huge-declared.xml': (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        'content-length': String(MAX_BYTES + 1),
      });
      res.write('<rss version="2.0">');
      // The client hangs up; the rest is never sent.
    },
    // Chunked, no length: refused once the cap is passed.
    '/huge-stream.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const write = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', write);
      };
      res.write('<rss version="2.0"><channel><title>大きすぎる</title>');
      write();
    },
    '/watch/kita.xml': watchedRoute('/watch/kita.xml'),
    '/watch/minami.xml': watchedRoute('/watch/minami.xml'),
    '/watch/down.xml': (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('down for maintenance');
    },
  });
}, LONG);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kirinuki fetch: what lands in the archive', { timeout: LONG }, () => {
  let db: string;
  beforeAll(() => {
    db = newDb();
  });

  it('files an RSS feed (UTF-8), and a second fetch files nothing new', async () => {
    const url = `${server.base}/rss.xml`;
    const first = await cli(db, 'fetch', url, ...ALLOW);
    expect(first).toEqual({
      code: 0,
      stdout: `${url} (feed): 2 new, 0 already in the archive (2024-03-01)\n`,
      stderr: '',
    });
    const [id] = await searchIds(db, '送電網');
    expect(id).toBeDefined();
    const shown = await cli(db, 'show', String(id));
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('キーウ州の当局は1日、冬の攻撃で壊れた変電所');
    expect(await searchTotal(db, '穀物回廊')).toBe(1);

    // --allow-host takes one host, so it may come before the URL too (it once swallowed it).
    const again = await cli(db, 'fetch', ...ALLOW, url);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${url} (feed): 0 new, 2 already in the archive (2024-03-01)\n`);
    expect(await entryCount(db)).toBe(2);
  });

  it('files an Atom feed with its outlet, titles and dates', async () => {
    const url = `${server.base}/atom.xml`;
    const first = await cli(db, 'fetch', url, ...ALLOW);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`${url} (feed): 2 new, 0 already in the archive (2024-03-02)\n`);
    const atom = (await exported(db)).filter((e) => e.source === url);
    expect(atom.map((e) => e.entry.origin)).toEqual([
      expect.objectContaining({
        kind: 'feed',
        outlet: 'つくば国際報',
        title: '停戦協議の次回日程、仲介国が調整',
        url: 'https://tsukuba-kokusai.example.jp/world/2024/03/02/talks',
        author: '外信部',
      }),
      expect.objectContaining({
        outlet: 'つくば国際報',
        title: '避難民向けの日本語教室、定員を倍に',
      }),
    ]);
    expect(await searchTotal(db, '停戦協議')).toBe(1);
    const again = await cli(db, 'fetch', url, ...ALLOW);
    expect(again.stdout).toContain('0 new, 2 already in the archive');
  });

  it('decodes a Shift_JIS feed declared in the XML, served without a charset', async () => {
    const bytes = fixture('rss2-shift_jis.xml');
    // The fixture really is Shift_JIS: it is not UTF-8, and Shift_JIS gives the text back.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('shift_jis').decode(bytes)).toContain('ハルキウで地下の避難所を増設');

    const url = `${server.base}/sjis-declared.xml`;
    const r = await cli(db, 'fetch', url, ...ALLOW);
    expect(r).toEqual({
      code: 0,
      stdout: `${url} (feed): 1 new, 0 already in the archive (2024-03-03)\n`,
      stderr: '',
    });
    const [id] = await searchIds(db, 'ハルキウ 避難所');
    const shown = await cli(db, 'show', String(id));
    expect(shown.stdout).toContain('市長は3日、学校の地下に新たな避難所を10カ所設ける');
    const entry = (await exported(db)).find((e) => e.source === url)?.entry;
    expect(entry?.origin?.outlet).toBe('西日本架空新聞');
    const again = await cli(db, 'fetch', url, ...ALLOW);
    expect(again.stdout).toContain('0 new, 1 already in the archive');
  });

  it('decodes a Shift_JIS feed whose charset header says UTF-8, with a warning', async () => {
    const other = newDb();
    const url = `${server.base}/sjis-wrong-header.xml`;
    const r = await cli(other, 'fetch', url, ...ALLOW);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${url} (feed): 1 new, 0 already in the archive (2024-03-03)\n`);
    expect(r.stderr).toMatch(
      new RegExp(`^${url}:byte \\d+: warning: ingest: declared charset utf-8 does not fit`),
    );
    expect((await exported(other))[0]?.entry.origin?.outlet).toBe('西日本架空新聞');
    expect(await searchTotal(other, 'ハルキウ 避難所')).toBe(1);
  });

  it('decodes a Shift_JIS feed named only by the charset header', async () => {
    const bytes = fixture('rss2-shift_jis-undeclared.xml');
    expect(bytes.subarray(0, 40).toString('latin1')).not.toMatch(/encoding=/);
    expect(new TextDecoder('shift_jis').decode(bytes)).toContain('オデーサ港に防空網を追加配備');

    const url = `${server.base}/sjis-header.xml`;
    const r = await cli(db, 'fetch', url, ...ALLOW);
    expect(r).toEqual({
      code: 0,
      stdout: `${url} (feed): 1 new, 0 already in the archive (2024-03-04)\n`,
      stderr: '',
    });
    expect(await searchTotal(db, 'オデーサ 迎撃システム')).toBe(1);
    const entry = (await exported(db)).find((e) => e.source === url)?.entry;
    expect(entry?.origin).toMatchObject({
      outlet: '東日本架空新聞',
      title: 'オデーサ港に防空網を追加配備',
    });
    const again = await cli(db, 'fetch', url, ...ALLOW);
    expect(again.stdout).toContain('0 new, 1 already in the archive');
  });

  it('files an article page: its text without the page chrome, and its metadata', async () => {
    const url = `${server.base}/article.html`;
    const r = await cli(db, 'fetch', url, ...ALLOW);
    expect(r).toEqual({
      code: 0,
      stdout: `${url} (article): 1 new, 0 already in the archive (2024-03-05)\n`,
      stderr: '',
    });
    const [id] = await searchIds(db, '綱渡り');
    const shown = await cli(db, 'show', String(id));
    expect(shown.stdout).toContain('外部からの電力供給を約5時間にわたって失った');
    expect(shown.stdout).not.toContain('関連記事');
    const entry = (await exported(db)).find((e) => e.source === url)?.entry;
    expect(entry?.origin).toMatchObject({
      kind: 'article',
      url: 'https://kakuu-nippo.example.jp/world/20240305-npp',
      outlet: '架空日報',
      published: expect.stringMatching(/^2024-03-05/),
    });
    const again = await cli(db, 'fetch', url, ...ALLOW);
    expect(again.stdout).toContain('(article): 0 new, 1 already in the archive');
  });

  it('files each X/Twitter embed of a page as a post', async () => {
    const url = `${server.base}/embeds.html`;
    const r = await cli(db, 'fetch', url, ...ALLOW);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${url} \\(embed\\): \\d+ new, 0 already`));
    const posts = (await exported(db)).filter((e) => e.source === url && e.entry.post !== null);
    expect(
      posts.map((e) => [e.entry.post?.handle, e.entry.post?.date, e.entry.origin?.url]),
    ).toEqual([
      ['kakuu_sokuho', '2024-03-06', 'https://x.com/kakuu_sokuho/status/1765000000000000001'],
      ['kakuu_world', '2024-03-06', 'https://x.com/kakuu_world/status/1765100000000000002'],
    ]);
    expect(await searchTotal(db, 'from:@kakuu_sokuho')).toBe(1);
    expect(await searchTotal(db, 'ドニプロ 無人機')).toBe(1);
    expect(await searchTotal(db, '検問所 待機列')).toBe(1);
    const again = await cli(db, 'fetch', url, ...ALLOW);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\(embed\): 0 new, \d+ already in the archive/);
  });

  // A page's markup around the embeds — doctype, <head>, scripts, nav, footer — is not filed.
  it('files no HTML markup from the page around the embeds', async () => {
    const url = `${server.base}/embeds.html`;
    await cli(db, 'fetch', url, ...ALLOW);
    const bodies = (await exported(db))
      .filter((e) => e.source === url)
      .flatMap((e) => e.entry.body);
    expect(bodies.join('\n')).not.toMatch(/<(?:!doctype|html|head|script|nav|footer|p)\b/i);
  });

  it('imports what it can of broken XML and names the file and line of the rest', async () => {
    const url = `${server.base}/broken.xml`;
    const r = await cli(db, 'fetch', url, ...ALLOW);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${url} \\(feed\\): 2 new, 0 already in the archive`));
    expect(r.stderr).toContain(`${url}: error: ingest: feed could not be parsed`);
    expect(r.stderr).toContain(`${url}:8: error: ingest: feed item is malformed XML; skipped`);
    expect(r.stderr).toContain(`${url}:10: error: ingest: feed item is truncated`);
    expect(await searchTotal(db, '首脳会談')).toBe(1);
    expect(await searchTotal(db, '復興会議')).toBe(1);
    expect(await searchTotal(db, '途中で切れて')).toBe(0);
  });
});

describe('kirinuki fetch --json', { timeout: LONG }, () => {
  it('prints the report as JSON, first and second time', async () => {
    const db = newDb();
    const url = `${server.base}/json.xml`;
    const first = await cli(db, 'fetch', url, ...ALLOW, '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      file: url,
      format: 'feed',
      days: ['2024-03-01'],
      report: expect.objectContaining({ inserted: 2, unchanged: 0 }),
      diagnostics: [],
    });
    const again = await cli(db, '--json', 'fetch', url, ...ALLOW);
    expect(JSON.parse(again.stdout)).toMatchObject({ report: { inserted: 0, unchanged: 2 } });
  });
});

describe('kirinuki fetch: refusals and failures', { timeout: LONG }, () => {
  let db: string;
  beforeAll(async () => {
    db = newDb();
    const seeded = await cli(db, 'fetch', `${server.base}/rss.xml`, ...ALLOW);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, LONG);

  /** Runs a failing fetch and checks it changed nothing in the archive. */
  async function failingFetch(...args: string[]): Promise<Captured> {
    const before = await exported(db);
    const r = await cli(db, 'fetch', ...args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(await exported(db)).toEqual(before);
    return r;
  }

  it('refuses loopback without --allow-host, before any request, and files nothing', async () => {
    const url = `${server.base}/blocked.xml`;
    const r = await failingFetch(url);
    expect(r.stderr).toBe(
      `${url}: error: ingest: 127.0.0.1 is a loopback, private or link-local address; refused unless the host is allowed (kirinuki fetch/watch --allow-host 127.0.0.1)\n`,
    );
    expect(server.hits.get('/blocked.xml')).toBeUndefined();
    // The same URL with the host allowed goes through.
    const allowed = await cli(db, 'fetch', url, ...ALLOW);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(server.hits.get('/blocked.xml')).toBe(1);
  });

  it('names the URL of a 404', async () => {
    const url = `${server.base}/no-such-feed.xml`;
    const r = await failingFetch(url, ...ALLOW);
    expect(r.stderr).toBe(`${url}: error: ingest: HTTP 404 from ${url}\n`);
  });

  it('names the URL of a 500, after retrying', async () => {
    const url = `${server.base}/error`;
    const r = await failingFetch(url, ...ALLOW);
    expect(r.stderr).toBe(`${url}: error: ingest: HTTP 500 from ${url}\n`);
    expect(server.hits.get('/error')).toBe(3);
  });

  it('reports a redirect loop', async () => {
    const url = `${server.base}/loop-a`;
    const r = await failingFetch(url, ...ALLOW);
    expect(r.stderr).toBe(`${url}: error: ingest: redirect loop back to ${url}\n`);
  });

  it('refuses a body over the size cap, declared or streamed', async () => {
    const declared = await failingFetch(`${server.base}/huge-declared.xml`, ...ALLOW);
    expect(declared.stderr).toContain(
      `error: ingest: body of ${MAX_BYTES + 1} bytes is larger than ${MAX_BYTES}`,
    );
    const streamed = await failingFetch(`${server.base}/huge-stream.xml`, ...ALLOW);
    expect(streamed.stderr).toBe(
      `${server.base}/huge-stream.xml: error: ingest: body larger than ${MAX_BYTES} bytes\n`,
    );
  });

  it('rejects a --timeout that is not a positive number, before fetching', async () => {
    const r = await cli(db, 'fetch', `${server.base}/rss.xml`, ...ALLOW, '--timeout', 'soon');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'kirinuki: fetch: --timeout must be a positive number of seconds, got "soon"\n',
    );
  });
});

describe('kirinuki watch SOURCES --once', { timeout: LONG }, () => {
  let db: string;
  let sources: string;
  beforeAll(() => {
    db = newDb();
    sources = join(dir, 'sources.txt');
    writeFileSync(
      sources,
      [
        '# 見張るフィード',
        `${server.base}/watch/kita.xml   北部架空放送`,
        '',
        `${server.base}/watch/minami.xml`,
        '',
      ].join('\n'),
    );
  });

  const watch = (...args: string[]): Promise<Captured> =>
    cli(db, 'watch', sources, '--once', ...ALLOW, ...args);

  it('files the new items of both feeds, with a summary, and keeps state beside the file', async () => {
    const r = await watch();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z 4 new entries filed\n/);
    expect(r.stdout).toContain('北部架空放送: 2 new\n');
    expect(r.stdout).toContain(`${server.base}/watch/minami.xml: 2 new\n`);
    expect(r.stdout).toMatch(/4 new in all\n$/);
    expect(await entryCount(db)).toBe(4);
    expect(await searchTotal(db, '渡し船')).toBe(1);
    expect(await searchTotal(db, '夜間営業')).toBe(1);
    expect(conditionalHeaders['/watch/kita.xml']).toEqual([undefined]);

    const state = JSON.parse(readFileSync(`${sources}.state.json`, 'utf8'));
    expect(state.sources[`${server.base}/watch/kita.xml`]).toMatchObject({
      etag: '"watchkitaxml-v1"',
      failures: 0,
    });
    expect(state.sources[`${server.base}/watch/minami.xml`].seen).toHaveLength(2);
  });

  it('sends If-None-Match, gets 304 and files nothing', async () => {
    const r = await watch();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ 0 new entries filed\n/);
    expect(r.stdout).toContain('北部架空放送: not modified\n');
    expect(r.stdout).toContain(`${server.base}/watch/minami.xml: not modified\n`);
    expect(conditionalHeaders['/watch/kita.xml']).toEqual([undefined, '"watchkitaxml-v1"']);
    expect(conditionalHeaders['/watch/minami.xml']).toEqual([undefined, '"watchminamixml-v1"']);
    expect(await entryCount(db)).toBe(4);
  });

  it('files exactly the one item a feed added', async () => {
    const kita = watched['/watch/kita.xml'] as WatchedFeed;
    kita.items.unshift({
      title: '渡し船の増便を決定',
      path: 'ferry-more',
      date: 'Fri, 08 Mar 2024 07:00:00 +0900',
      text: '利用者の増加を受け、運航会社は朝夕の便を倍に増やすと発表した。',
    });
    kita.version += 1;
    const r = await watch();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ 1 new entry filed\n/);
    expect(r.stdout).toContain('北部架空放送: 1 new\n');
    expect(r.stdout).toContain(`${server.base}/watch/minami.xml: not modified\n`);
    expect(r.stdout).toMatch(/1 new in all\n$/);
    expect(conditionalHeaders['/watch/kita.xml']?.at(-1)).toBe('"watchkitaxml-v1"');
    expect(await entryCount(db)).toBe(5);
    expect(await searchTotal(db, '増便')).toBe(1);
  });

  it('exits 1 when a source fails, still filing the others, with --state where asked', async () => {
    const db2 = newDb();
    const mixed = join(dir, 'mixed.txt');
    const state = join(dir, 'mixed-state.json');
    writeFileSync(mixed, `${server.base}/watch/down.xml 停止中\n${server.base}/watch/minami.xml\n`);
    const r = await cli(db2, 'watch', mixed, '--once', '--state', state, ...ALLOW);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ 2 new entries filed\n/);
    expect(r.stdout).toContain(
      `停止中: failed (ingest: HTTP 500 from ${server.base}/watch/down.xml)\n`,
    );
    expect(r.stdout).toContain(`${server.base}/watch/minami.xml: 2 new\n`);
    expect(await entryCount(db2)).toBe(2);
    expect(await searchTotal(db2, '授業を再開')).toBe(1);
    expect(existsSync(`${mixed}.state.json`)).toBe(false);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.sources[`${server.base}/watch/down.xml`]).toMatchObject({
      failures: 1,
      lastError: `ingest: HTTP 500 from ${server.base}/watch/down.xml`,
    });
  });

  it('refuses loopback feeds without --allow-host', async () => {
    const db3 = newDb();
    const hits = server.hits.get('/watch/minami.xml');
    const r = await cli(db3, 'watch', sources, '--once', '--state', join(dir, 'blocked.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${server.base}/watch/minami.xml: failed (ingest: 127.0.0.1 is a loopback, private or link-local address; refused unless the host is allowed (kirinuki fetch/watch --allow-host 127.0.0.1))`,
    );
    expect(server.hits.get('/watch/minami.xml')).toBe(hits);
    expect(await entryCount(db3)).toBe(0);
  });

  it('prints one line of JSON with --json', async () => {
    const one = join(dir, 'one-source.txt');
    writeFileSync(one, `${server.base}/watch/minami.xml 南部\n`);
    const r = await cli(newDb(), 'watch', one, '--once', ...ALLOW, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      inserted: 2,
      sources: [
        { url: `${server.base}/watch/minami.xml`, name: '南部', outcome: 'new', newCount: 2 },
      ],
    });
    expect(existsSync(`${one}.state.json`)).toBe(true);
  });

  it('says so when the sources file is missing or lists no feeds', async () => {
    const missing = join(dir, 'no-such-sources.txt');
    const r = await cli(newDb(), 'watch', missing, '--once', ...ALLOW);
    expect(r).toMatchObject({ code: 1, stderr: `kirinuki: watch: no such file: ${missing}\n` });
    const empty = join(dir, 'empty-sources.txt');
    writeFileSync(empty, '# まだ何もない\nnot-a-url\n');
    const e = await cli(newDb(), 'watch', empty, '--once', ...ALLOW);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(`${empty}:2: error: ingest: "not-a-url" is not an http(s) URL`);
    expect(e.stderr).toContain(`kirinuki: watch: ${empty} lists no feed URLs`);
  });
});
