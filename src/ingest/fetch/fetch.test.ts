import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFeed } from '../feed/index.js';
import {
  detectSource,
  fetchUrl,
  HostRateLimiter,
  isBlockedAddress,
  type Clock,
  type FetchOptions,
} from './index.js';
import { startTestServer } from '../../../test/fixtures/ingest/test-server.js';

const FEED =
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>/</link><item><title>記事</title><link>/a</link></item></channel></rss>';
const SJIS_FEED = Buffer.concat([
  Buffer.from('<rss version="2.0"><channel><title>'),
  Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]),
  Buffer.from('</title><item><title>x</title><link>https://e.jp/1</link></item></channel></rss>'),
]);

let server: Awaited<ReturnType<typeof startTestServer>>;
const sleeps: number[] = [];
const clock: Clock = { now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) };
const safe: FetchOptions = {
  allowPrivateHosts: ['127.0.0.1'],
  timeoutMs: 800,
  retries: 2,
  retryBaseMs: 100,
  maxBytes: 200_000,
  clock,
};
let flaky = 0;

beforeAll(async () => {
  server = await startTestServer({
    '/feed': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Thu, 18 Jan 2024 00:00:00 GMT',
      });
      res.end(FEED);
    },
    '/500': (_req, res) => {
      res.statusCode = 500;
      res.end('oops');
    },
    '/flaky': (_req, res) => {
      flaky += 1;
      res.statusCode = flaky < 2 ? 503 : 200;
      res.end(flaky < 2 ? 'busy' : 'ok');
    },
    '/slow': (_req, res) => void setTimeout(() => res.end('late'), 3000),
    '/endless': (_req, res) => {
      const write = (): void => {
        while (!res.destroyed && res.write(Buffer.alloc(16_384, 0x61)));
        if (!res.destroyed) res.once('drain', write);
      };
      write();
    },
    '/declared-huge': (_req, res) => {
      res.writeHead(200, { 'content-length': '999999999' });
      res.end('x');
    },
    '/loop-a': (_req, res, base) => redirect(res, `${base}/loop-b`),
    '/loop-b': (_req, res, base) => redirect(res, `${base}/loop-a`),
    '/chain': (req, res) => redirect(res, `/chain?${Number(req.url?.split('?')[1] ?? 0) + 1}`),
    '/to-feed': (_req, res) => redirect(res, '/feed'),
    '/to-localhost': (_req, res, base) =>
      redirect(res, base.replace('127.0.0.1', 'localhost') + '/feed'),
    '/to-metadata': (_req, res) => redirect(res, 'http://169.254.169.254/latest/meta-data/'),
    '/gzip': (_req, res) => encoded(res, 'gzip', gzipSync(FEED)),
    '/deflate': (_req, res) => encoded(res, 'deflate', deflateSync(FEED)),
    '/deflate-raw': (_req, res) => encoded(res, 'deflate', deflateRawSync(FEED)),
    '/br': (_req, res) => encoded(res, 'br', brotliCompressSync(FEED)),
    '/bomb': (_req, res) => encoded(res, 'gzip', gzipSync(Buffer.alloc(20_000_000))),
    '/corrupt-gzip': (_req, res) => encoded(res, 'gzip', Buffer.from('not gzip at all')),
    '/wrong-charset': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(SJIS_FEED);
    },
    '/broken-xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        '<rss version="2.0"><channel><title>t</title><item><title>ok</title><link>https://e.jp/1</link></item><item><title>bad</titl></item>',
      );
    },
    '/page': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body><p>本文</p></body></html>');
    },
  });
});

afterAll(async () => server.close());

function redirect(res: import('node:http').ServerResponse, to: string): void {
  res.writeHead(302, { location: to });
  res.end();
}

function encoded(res: import('node:http').ServerResponse, encoding: string, body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding });
  res.end(body);
}

describe('fetchUrl', () => {
  it('fetches a 200 with charset and validators', async () => {
    const r = await fetchUrl(`${server.base}/feed`, safe);
    expect(r).toMatchObject({
      ok: true,
      value: {
        status: 200,
        notModified: false,
        contentType: 'application/rss+xml',
        charset: 'utf-8',
        etag: '"v1"',
        lastModified: 'Thu, 18 Jan 2024 00:00:00 GMT',
      },
    });
    if (r.ok) expect(Buffer.from(r.value.body).toString()).toBe(FEED);
  });

  it('sends a conditional GET and reports 304', async () => {
    const r = await fetchUrl(`${server.base}/feed`, { ...safe, etag: '"v1"' });
    expect(r).toMatchObject({
      ok: true,
      value: { status: 304, notModified: true, body: new Uint8Array() },
    });
  });

  it('fails on 404 without retrying, and on 500 after retries with back-off', async () => {
    sleeps.length = 0;
    expect(await fetchUrl(`${server.base}/missing`, safe)).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 404 },
    });
    expect(server.hits.get('/missing')).toBe(1);
    const r = await fetchUrl(`${server.base}/500`, safe);
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 500, message: expect.stringMatching(/^ingest: HTTP 500/) },
    });
    expect(server.hits.get('/500')).toBe(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('recovers when a retry succeeds', async () => {
    expect(await fetchUrl(`${server.base}/flaky`, safe)).toMatchObject({
      ok: true,
      value: { status: 200 },
    });
  });

  it('times out slow responses', async () => {
    const started = Date.now();
    expect(await fetchUrl(`${server.base}/slow`, { ...safe, timeoutMs: 300 })).toMatchObject({
      ok: false,
      error: { kind: 'timeout' },
    });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('caps endless and over-declared bodies', async () => {
    expect(await fetchUrl(`${server.base}/endless`, safe)).toMatchObject({
      ok: false,
      error: { kind: 'too-large' },
    });
    expect(await fetchUrl(`${server.base}/declared-huge`, safe)).toMatchObject({
      ok: false,
      error: { kind: 'too-large' },
    });
  });

  it('follows redirects, and stops loops and long chains', async () => {
    const ok = await fetchUrl(`${server.base}/to-feed`, safe);
    expect(ok).toMatchObject({
      ok: true,
      value: { url: `${server.base}/feed`, redirects: [`${server.base}/to-feed`] },
    });
    expect(await fetchUrl(`${server.base}/loop-a`, safe)).toMatchObject({
      ok: false,
      error: { kind: 'too-many-redirects', message: expect.stringMatching(/loop/) },
    });
    expect(await fetchUrl(`${server.base}/chain`, { ...safe, maxRedirects: 3 })).toMatchObject({
      ok: false,
      error: { kind: 'too-many-redirects' },
    });
  });

  it('blocks private addresses unless allowed, checked after DNS and on every redirect', async () => {
    expect(await fetchUrl(`${server.base}/feed`, { ...safe, allowPrivateHosts: [] })).toMatchObject(
      { ok: false, error: { kind: 'blocked' } },
    );
    expect(await fetchUrl(`${server.base}/to-localhost`, safe)).toMatchObject({
      ok: false,
      error: { kind: 'blocked', message: expect.stringMatching(/localhost resolves to/) },
    });
    expect(await fetchUrl(`${server.base}/to-metadata`, safe)).toMatchObject({
      ok: false,
      error: { kind: 'blocked' },
    });
    expect(await fetchUrl('http://[::1]:9/', safe)).toMatchObject({
      ok: false,
      error: { kind: 'blocked' },
    });
  });

  it.each(['/gzip', '/deflate', '/deflate-raw', '/br'])('decodes %s bodies', async (path) => {
    const r = await fetchUrl(`${server.base}${path}`, safe);
    expect(r.ok && Buffer.from(r.value.body).toString()).toBe(FEED);
  });

  it('stops gzip bombs at the cap and reports corrupt encodings', async () => {
    expect(await fetchUrl(`${server.base}/bomb`, safe)).toMatchObject({
      ok: false,
      error: { kind: 'too-large', message: expect.stringMatching(/decompresses/) },
    });
    expect(await fetchUrl(`${server.base}/corrupt-gzip`, safe)).toMatchObject({
      ok: false,
      error: { kind: 'decoding' },
    });
  });

  it('hands wrong charsets and broken XML to the importer, which copes', async () => {
    const wrong = await fetchUrl(`${server.base}/wrong-charset`, safe);
    if (!wrong.ok) throw new Error(wrong.error.message);
    const feed = extractFeed(wrong.value.body, wrong.value.url, {
      httpCharset: wrong.value.charset ?? '',
    });
    expect(feed.entries[0]?.origin?.outlet).toBe('テスト');
    expect(feed.diagnostics[0]?.message).toMatch(/declared charset utf-8 does not fit/);
    const broken = await fetchUrl(`${server.base}/broken-xml`, safe);
    if (!broken.ok) throw new Error(broken.error.message);
    expect(extractFeed(broken.value.body, broken.value.url).entries).toHaveLength(1);
  });

  it('reports refused connections, bad URLs and other schemes as failures', async () => {
    const closed = await startTestServer({});
    await closed.close();
    expect(await fetchUrl(closed.base, { ...safe, retries: 0 })).toMatchObject({
      ok: false,
      error: { kind: 'network' },
    });
    expect(await fetchUrl('not a url', safe)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-url' },
    });
    expect(await fetchUrl('file:///etc/passwd', safe)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-url' },
    });
  });

  it('waits between requests to one host', async () => {
    const waits: number[] = [];
    const limiter = new HostRateLimiter(1000, {
      now: () => 0,
      sleep: async (ms) => void waits.push(ms),
    });
    await Promise.all([limiter.wait('a'), limiter.wait('a'), limiter.wait('b'), limiter.wait('a')]);
    expect(waits).toEqual([1000, 2000]);
    await fetchUrl(`${server.base}/feed`, { ...safe, rateLimiter: limiter });
    expect(waits).toEqual([1000, 2000]);
  });
});

describe('detectSource', () => {
  it('routes feeds, pages and posts', async () => {
    const feed = await fetchUrl(`${server.base}/feed`, safe);
    const page = await fetchUrl(`${server.base}/page`, safe);
    if (!feed.ok || !page.ok) throw new Error('fetch failed');
    expect(detectSource(`${server.base}/feed`, feed.value)).toBe('feed');
    expect(detectSource(`${server.base}/page`, page.value)).toBe('article');
    expect(
      detectSource('https://x.com/a/status/1', { ...page.value, url: 'https://x.com/a/status/1' }),
    ).toBe('embed');
    expect(
      detectSource('https://e.jp/f', {
        contentType: 'text/html',
        url: 'https://e.jp/f',
        body: Buffer.from('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'),
      }),
    ).toBe('feed');
    expect(
      detectSource('https://e.jp/f', {
        contentType: 'application/octet-stream',
        url: 'https://e.jp/f',
        body: Buffer.from([0, 1, 2]),
      }),
    ).toBe('unknown');
  });
});

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:808:808', false],
    ['8.8.8.8', false],
    ['203.0.113.7', false],
    ['2001:db8::1', false],
    ['::ffff:8.8.8.8', false],
    ['not-an-ip', true],
  ])('%s → %s', (ip, blocked) => {
    expect(isBlockedAddress(ip)).toBe(blocked);
  });
});
