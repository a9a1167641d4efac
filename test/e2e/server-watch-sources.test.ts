/**
 * The sources file of `kirinuki watch` through the API (GET, POST and DELETE
 * /api/capture/sources), against a real server on 127.0.0.1: the file the server changes is
 * the one `watch` reads, read back by `watch`'s own reader; every refusal names its field; a
 * change needs the session token and the server's own origin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSourcesFile } from '../../src/ingest/index.js';
import { json, startTestServer, type ErrorBody, type TestServer } from './server-harness.js';

interface SourcesBody {
  file: string;
  sources: { url: string; name?: string }[];
  problems: { line: number | null; message: string }[];
}

const FEED = 'https://example.jp/rss';

describe('/api/capture/sources', () => {
  let s: TestServer;
  let file: string;
  beforeAll(async () => {
    s = await startTestServer({ samples: false });
    file = join(s.dir, 'sources.txt');
  }, 60_000);
  afterAll(() => s.close());

  it('lists nothing while there is no sources file beside the archive', async () => {
    const res = await s.get('/api/capture/sources');
    expect(res.status).toBe(200);
    expect(await json<SourcesBody>(res)).toEqual({ file, sources: [], problems: [] });
  });

  it('lists what the file holds, with the lines watch skips by their number', async () => {
    writeFileSync(file, '# 国内\nhttps://example.jp/a.xml 例新聞 朝刊\nnot-a-url\n');
    const body = await json<SourcesBody>(await s.get('/api/capture/sources'));
    expect(body.sources).toEqual([{ url: 'https://example.jp/a.xml', name: '例新聞 朝刊' }]);
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatchObject({ line: 3 });
    expect(body.problems[0]?.message).toMatch(/not-a-url/);
  });

  it('adds a feed as one line that watch reads, keeping the other lines', async () => {
    const res = await s.send('POST', '/api/capture/sources', { url: FEED, name: '例 通信' });
    expect(res.status).toBe(201);
    const body = await json<SourcesBody>(res);
    expect(body.sources.map((x) => x.url)).toEqual(['https://example.jp/a.xml', FEED]);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# 国内\nhttps://example.jp/a.xml 例新聞 朝刊\nnot-a-url\n')).toBe(true);
    expect(parseSourcesFile(text, file).sources).toEqual(body.sources);
    expect(body.sources[1]).toEqual({ url: FEED, name: '例 通信' });
  });

  it('refuses a feed already listed (as watch compares URLs) with 409', async () => {
    const res = await s.send('POST', '/api/capture/sources', { url: 'https://EXAMPLE.jp/rss' });
    const body = await json<ErrorBody>(res);
    expect(res.status, JSON.stringify(body)).toBe(409);
    expect(body.error).toMatchObject({ code: 'conflict', field: 'url' });
  });

  it('refuses a bad body naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'url'],
      [{ url: 'ftp://example.jp/feed' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: FEED, name: 'two\nlines' }, 'name'],
      [{ url: 'https://example.jp/b', name: 42 }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await s.send('POST', '/api/capture/sources', body);
      const answer = await json<ErrorBody>(res);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(answer.error.field, JSON.stringify(body)).toBe(field);
    }
    const named = await s.send('POST', '/api/capture/sources', {
      url: 'https://example.jp/c',
      name: '#見出し',
    });
    expect(named.status).toBe(400);
    expect((await json<ErrorBody>(named)).error.field).toBe('name');
  });

  it('removes a feed by URL, every other line kept', async () => {
    const res = await s.send('DELETE', `/api/capture/sources?url=${encodeURIComponent(FEED)}`);
    expect(res.status).toBe(200);
    expect((await json<SourcesBody>(res)).sources.map((x) => x.url)).toEqual([
      'https://example.jp/a.xml',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(
      '# 国内\nhttps://example.jp/a.xml 例新聞 朝刊\nnot-a-url\n',
    );
  });

  it('answers 404 for a feed the file does not list, 400 without a URL', async () => {
    const missing = await s.send('DELETE', `/api/capture/sources?url=${encodeURIComponent(FEED)}`);
    expect(missing.status).toBe(404);
    expect((await json<ErrorBody>(missing)).error.field).toBe('url');
    const bad = await s.send('DELETE', '/api/capture/sources');
    expect(bad.status).toBe(400);
    expect((await json<ErrorBody>(bad)).error.field).toBe('url');
  });

  it('refuses a change without the token, or from another site', async () => {
    const before = readFileSync(file, 'utf8');
    const post = (headers: Record<string, string>) =>
      fetch(`${s.origin}/api/capture/sources`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ url: 'https://example.jp/evil' }),
      });
    expect((await post({ Origin: s.origin })).status).toBe(403);
    expect(
      (await post({ 'X-Kirinuki-Token': s.token, Origin: 'https://evil.example' })).status,
    ).toBe(403);
    const del = await fetch(
      `${s.origin}/api/capture/sources?url=${encodeURIComponent('https://example.jp/a.xml')}`,
      {
        method: 'DELETE',
        headers: { Origin: 'https://evil.example', 'X-Kirinuki-Token': s.token },
      },
    );
    expect(del.status).toBe(403);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
