import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/fixtures/ingest/test-server.js';
import {
  emptyWatchState,
  formatPollReport,
  parseSourcesFile,
  pollSources,
  type PollOptions,
} from './index.js';

const feed = (items: string[]): string =>
  `<rss version="2.0"><channel><title>t</title><link>https://w.example.jp/</link>${items.map((i) => `<item><title>${i}</title><link>https://w.example.jp/${i}</link></item>`).join('')}</channel></rss>`;

let server: Awaited<ReturnType<typeof startTestServer>>;
let items = ['a', 'b'];

beforeAll(async () => {
  server = await startTestServer({
    '/feed': (req, res) => {
      const etag = `"${items.join('')}"`;
      if (req.headers['if-none-match'] === etag) {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
      res.end(feed(items));
    },
    '/mirror': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(feed(['b', 'c']));
    },
    '/page': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>no feed</body></html>');
    },
    '/down': (_req, res) => {
      res.statusCode = 500;
      res.end();
    },
  });
});

afterAll(async () => server.close());

const options = (): PollOptions => ({
  allowPrivateHosts: ['127.0.0.1'],
  retries: 0,
  perHostIntervalMs: 0,
  now: () => new Date('2024-01-18T00:00:00Z'),
});

describe('pollSources', () => {
  it('returns new items once, uses conditional GET, and reports each source', async () => {
    const sources = [
      { url: `${server.base}/feed`, name: '本紙' },
      { url: `${server.base}/mirror` },
      { url: `${server.base}/page` },
      { url: `${server.base}/down` },
    ];
    const first = await pollSources(sources, emptyWatchState(), options());
    expect(first.newEntries.map((e) => e.origin?.title)).toEqual(['a', 'b', 'c']);
    expect(first.report.map((r) => r.outcome)).toEqual(['new', 'new', 'failed', 'failed']);
    expect(first.state.sources[`${server.base}/feed`]).toMatchObject({
      etag: '"ab"',
      failures: 0,
      lastPolled: '2024-01-18T00:00:00.000Z',
    });
    expect(first.state.sources[`${server.base}/down`]).toMatchObject({
      failures: 1,
      lastError: expect.stringMatching(/^ingest: HTTP 500/),
    });

    const second = await pollSources(sources, first.state, options());
    expect(second.newEntries).toEqual([]);
    expect(second.report.map((r) => r.outcome)).toEqual([
      'not-modified',
      'unchanged',
      'failed',
      'failed',
    ]);
    expect(second.state.sources[`${server.base}/down`]?.failures).toBe(2);

    items = ['a', 'b', 'd'];
    const third = await pollSources(sources.slice(0, 1), second.state, options());
    expect(third.newEntries.map((e) => e.origin?.title)).toEqual(['d']);
    expect(formatPollReport(third.report)).toBe('本紙: 1 new\n1 new in all');
  });

  it('keeps the input state unchanged and caps remembered ids', async () => {
    const state = emptyWatchState();
    const r = await pollSources([{ url: `${server.base}/mirror` }], state, {
      ...options(),
      maxSeen: 1,
    });
    expect(state.sources).toEqual({});
    expect(r.state.sources[`${server.base}/mirror`]?.seen).toHaveLength(1);
  });
});

describe('parseSourcesFile', () => {
  it('reads URLs with optional names, skipping comments and reporting bad lines', () => {
    const text =
      '\ufeff# 国内\nhttps://www3.nhk.or.jp/rss/news/cat0.xml   NHK ニュース\n\nnot-a-url\nftp://x.example.jp/feed\nhttps://example.jp/feed.atom\nhttps://EXAMPLE.jp/feed.atom\n';
    const r = parseSourcesFile(text, 'sources.txt');
    expect(r.sources).toEqual([
      { url: 'https://www3.nhk.or.jp/rss/news/cat0.xml', name: 'NHK ニュース' },
      { url: 'https://example.jp/feed.atom' },
    ]);
    expect(r.diagnostics.map((d) => [d.severity, d.line])).toEqual([
      ['error', 4],
      ['error', 5],
      ['warning', 7],
    ]);
  });
  it('handles empty and binary files', () => {
    expect(parseSourcesFile('', 's').sources).toEqual([]);
    expect(parseSourcesFile('\u0000\ufffd', 's').diagnostics).toHaveLength(1);
  });
});
