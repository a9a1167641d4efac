/**
 * A test server on 127.0.0.1 playing the attacks a fetched server can make on the body: bombs
 * in every content coding, codings stacked until decoding alone outlasts the time limit, and
 * bodies that trickle or stall.
 */
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/fixtures/ingest/test-server.js';
import { fetchUrl, type FetchOptions } from './index.js';

const FEED = '<rss version="2.0"><channel><title>t</title></channel></rss>';
const local: FetchOptions = { allowPrivateHosts: ['127.0.0.1'], timeoutMs: 1_000, retries: 0 };
let server: Awaited<ReturnType<typeof startTestServer>>;

/** `layers` gzip codings over FEED, the outer one first, as a server would list them. */
function gzipLayers(layers: number): Buffer {
  let body = Buffer.from(FEED);
  for (let i = 0; i < layers; i += 1) body = gzipSync(body);
  return body;
}

/**
 * The stacked-codings attack: every inner layer a stored (uncompressed) gzip of the one below,
 * so each decodes to megabytes, and the outer one squeezed small for the wire.
 */
function storedLayers(layers: number, bytes: number): Buffer {
  let body = Buffer.alloc(bytes);
  for (let i = 0; i < layers - 1; i += 1) body = gzipSync(body, { level: 0 });
  return gzipSync(body, { level: 9 });
}

function encoded(res: ServerResponse, codings: string, body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': codings });
  res.end(body);
}

const gzip = (n: number): string => Array.from({ length: n }, () => 'gzip').join(', ');

/** Writes one byte every 100 ms until the client goes away: under every size cap, never done. */
function trickle(res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.writeHead(status, headers);
  const timer = setInterval(() => {
    if (res.destroyed) clearInterval(timer);
    else res.write('a');
  }, 100);
}

beforeAll(async () => {
  const stacked = storedLayers(60, 4_000_000);
  const zeros = Buffer.alloc(20_000_000); // twice the cap; 19 KB of deflate
  const bombs = {
    br: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }), // 2 s at the default quality
    deflate: deflateSync(zeros),
    raw: deflateRawSync(zeros),
  };
  server = await startTestServer({
    '/bomb-br': (_req, res) => encoded(res, 'br', bombs.br),
    '/bomb-deflate': (_req, res) => encoded(res, 'deflate', bombs.deflate),
    '/bomb-deflate-raw': (_req, res) => encoded(res, 'deflate', bombs.raw),
    // br applied first, then gzip: undone in the reverse order.
    '/bomb-nested': (_req, res) => encoded(res, 'br, gzip', gzipSync(bombs.br)),
    '/trickle': (_req, res) => trickle(res, 200, { 'content-type': 'text/html' }),
    '/trickle-redirect': (_req, res) => trickle(res, 302, { location: '/gzip-5' }),
    '/stall': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      res.write('<p>');
    },
    '/gzip-5': (_req, res) => encoded(res, gzip(5), gzipLayers(5)),
    '/gzip-6': (_req, res) => encoded(res, gzip(6), gzipLayers(6)),
    '/stacked-60': (_req, res) => encoded(res, gzip(60), stacked),
    '/bad-location': (_req, res) => {
      res.writeHead(302, { location: 'http://[::1' });
      res.end();
    },
  });
});

afterAll(async () => server.close());

describe('stacked content codings', () => {
  it('undoes up to five codings, as curl does', async () => {
    const r = await fetchUrl(`${server.base}/gzip-5`, local);
    expect(r.ok && Buffer.from(r.value.body).toString()).toBe(FEED);
  });

  it('refuses a sixth before decoding any, so stacking cannot outlast the time limit', async () => {
    expect(await fetchUrl(`${server.base}/gzip-6`, local)).toMatchObject({
      ok: false,
      error: { kind: 'decoding', message: expect.stringMatching(/6 content codings; at most 5/) },
    });
    // 60 layers of 4 MB each took 0.23 s of decoding no timer interrupts (200 of 9 MB: 1.8 s).
    const started = Date.now();
    expect(await fetchUrl(`${server.base}/stacked-60`, local)).toMatchObject({
      ok: false,
      error: { kind: 'decoding', message: expect.stringMatching(/60 content codings/) },
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('redirects the fetch cannot follow', () => {
  it('fails at once on a Location that is not a URL, without retrying it as a network fault', async () => {
    const r = await fetchUrl(`${server.base}/bad-location`, { ...local, retries: 2 });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-url',
        message: expect.stringMatching(/redirects to "http:\/\/\[::1", not a URL$/),
      },
    });
    expect(server.hits.get('/bad-location')).toBe(1);
  });
});

describe('decompression bombs in every coding', () => {
  it.each(['/bomb-br', '/bomb-deflate', '/bomb-deflate-raw', '/bomb-nested'])(
    '%s (20 MB of zeros) stops at the 10 MB cap',
    async (path) => {
      const r = await fetchUrl(`${server.base}${path}`, local);
      expect(r).toMatchObject({
        ok: false,
        error: {
          kind: 'too-large',
          message: 'ingest: body decompresses to more than 10000000 bytes',
        },
      });
    },
  );

  it('applies the cap the caller sets', async () => {
    const r = await fetchUrl(`${server.base}/bomb-br`, { ...local, maxBytes: 1_000 });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'too-large', message: /more than 1000 bytes/ },
    });
  });
});

describe('bodies that never end', () => {
  it.each(['/trickle', '/trickle-redirect', '/stall'])(
    '%s ends at the time limit, though each byte comes in time',
    async (path) => {
      const started = Date.now();
      const r = await fetchUrl(`${server.base}${path}`, { ...local, timeoutMs: 600 });
      expect(r).toMatchObject({ ok: false, error: { kind: 'timeout' } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(550);
      expect(Date.now() - started).toBeLessThan(1_500);
    },
  );
});
