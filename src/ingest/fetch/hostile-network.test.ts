/**
 * A test server on 127.0.0.1 playing the network attacks of issue 13: an IPv4-compatible IPv6
 * host (`[::127.0.0.1]`) that passed the address policy, directly, by redirect and by DNS; and
 * a 503 whose Retry-After held one fetch for 122 s despite `--timeout`, because each request
 * had its own time-out and the waits between them had none.
 */
import type { LookupAddress } from 'node:dns';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/fixtures/ingest/test-server.js';
import { BlockedAddressError, guardedLookup, type Resolver } from './address-policy.js';
import { fetchUrl, HostRateLimiter, isBlockedAddress, type Clock } from './index.js';

const FEED = '<rss version="2.0"><channel><title>t</title></channel></rss>';
let server: Awaited<ReturnType<typeof startTestServer>>;
let port = '';
let busyUntilSecondTry = 0;

beforeAll(async () => {
  server = await startTestServer({
    '/feed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    },
    '/to-compat': (_req, res) => redirect(res, `http://[::127.0.0.1]:${port}/feed`),
    '/to-translated': (_req, res) => redirect(res, `http://[::ffff:0:127.0.0.1]:${port}/feed`),
    '/busy-120': (_req, res) => busy(res, '120'),
    '/busy-date': (_req, res) => busy(res, new Date(Date.now() + 3_600_000).toUTCString()),
    '/busy-once': (_req, res) => {
      busyUntilSecondTry += 1;
      if (busyUntilSecondTry === 1) busy(res, '1');
      else {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(FEED);
      }
    },
    '/slow-hop': (req, res) => {
      const n = Number(req.url?.split('?')[1] ?? 0);
      setTimeout(() => redirect(res, `/slow-hop?${n + 1}`), 300);
    },
  });
  port = new URL(server.base).port;
});

afterAll(async () => server.close());

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(302, { location: to });
  res.end();
}

function busy(res: ServerResponse, retryAfter: string): void {
  res.writeHead(503, { 'retry-after': retryAfter });
  res.end('busy');
}

const local = { allowPrivateHosts: ['127.0.0.1'], timeoutMs: 2_000 };

describe('IPv6 addresses that carry an IPv4 one', () => {
  it.each([
    ['::7f00:1', true], // [::127.0.0.1], IPv4-compatible
    ['::127.0.0.1', true],
    ['::8.8.8.8', true], // IPv4-compatible addresses are refused whatever they hold
    ['::ffff:0:7f00:1', true], // IPv4-translated
    ['::ffff:0:808:808', false],
    ['2002:7f00:1::', true], // 6to4 of 127.0.0.1
    ['2002:c0a8:101::1', true], // 6to4 of 192.168.1.1
    ['2002:808:808::1', false],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true], // Teredo
    ['fec0::1', true], // site-local
    ['fe80::1%eth0', true],
    ['64:ff9b:1::a00:1', true],
    ['2606:4700:4700::1111', false],
  ])('%s → %s', (address, blocked) => {
    expect(isBlockedAddress(address)).toBe(blocked);
  });

  it('refuses [::127.0.0.1] as a URL host and on a redirect', async () => {
    for (const url of [
      `http://[::127.0.0.1]:${port}/feed`,
      `http://[::ffff:0:127.0.0.1]:${port}/feed`,
      `http://[2002:7f00:1::]:${port}/feed`,
    ])
      expect(await fetchUrl(url, { timeoutMs: 2_000 })).toMatchObject({
        ok: false,
        error: { kind: 'blocked' },
      });
    for (const path of ['/to-compat', '/to-translated'])
      expect(await fetchUrl(`${server.base}${path}`, local)).toMatchObject({
        ok: false,
        error: { kind: 'blocked', message: expect.stringMatching(/loopback, private/) },
      });
  });

  it('refuses a name that resolves there, after DNS resolution', async () => {
    const answer =
      (address: string): Resolver =>
      (_host, _options, callback) =>
        callback(null, [{ address, family: 6 } as LookupAddress]);
    const lookup = (address: string, allowed: string[] = []) =>
      new Promise<unknown>((resolve) =>
        guardedLookup(new Set(allowed), answer(address))('feed.example', {}, (err, a) =>
          resolve(err ?? a),
        ),
      );
    expect(await lookup('::7f00:1')).toBeInstanceOf(BlockedAddressError);
    expect(await lookup('::ffff:0:a00:1')).toBeInstanceOf(BlockedAddressError);
    expect(await lookup('::7f00:1', ['feed.example'])).toBe('::7f00:1');
    expect(await lookup('2606:4700:4700::1111')).toBe('2606:4700:4700::1111');
  });
});

describe('one time limit for the whole fetch', () => {
  it('does not wait out a Retry-After longer than the time left, and says why', async () => {
    for (const path of ['/busy-120', '/busy-date']) {
      const r = await fetchUrl(`${server.base}${path}`, { ...local, timeoutMs: 1_000 });
      expect(r).toMatchObject({
        ok: false,
        error: {
          kind: 'http',
          status: 503,
          message: expect.stringMatching(
            /^ingest: HTTP 503 from .*; it asks to be tried again in \d+ s \(Retry-After\), past the time limit of 1 s/,
          ),
        },
      });
      expect(server.hits.get(path)).toBe(1);
    }
  });

  it('waits a Retry-After that fits, then tries again', async () => {
    const sleeps: number[] = [];
    const clock: Clock = { now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) };
    const r = await fetchUrl(`${server.base}/busy-once`, { ...local, timeoutMs: 5_000, clock });
    expect(r.ok).toBe(true);
    expect(sleeps).toEqual([1_000]);
  });

  it('counts every redirect hop against the one limit', async () => {
    // Five hops of 300 ms each passed when each hop had its own 1 s.
    const r = await fetchUrl(`${server.base}/slow-hop`, { ...local, timeoutMs: 1_000 });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'timeout', message: expect.stringMatching(/within 1 s$/) },
    });
  });

  it('does not count waiting for the rate limiter, and hands the rest on as a deadline', async () => {
    // A clock whose sleeps pass at once: the limiter's 10 s wait is virtual.
    let skipped = 0;
    const clock: Clock = {
      now: () => Date.now() + skipped,
      sleep: async (ms) => void (skipped += ms),
    };
    const rateLimiter = new HostRateLimiter(10_000, clock);
    // The fetch's turn comes 10 s after this first one (no earlier than `turn`).
    const turn = clock.now() + 10_000;
    await rateLimiter.wait(`127.0.0.1:${port}`);
    const started = Date.now();
    const r = await fetchUrl(`${server.base}/feed`, { ...local, clock, rateLimiter });
    const spent = Date.now() - started; // real time, of which the part before the turn counts
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    // Had the wait counted, the deadline would be 10 s earlier. (Comparing with a clock read
    // after the first wait failed by 1 ms when a millisecond passed in between.)
    expect(r.value.deadline).toBeGreaterThanOrEqual(turn + 2_000 - spent);
    expect(r.value.deadline).toBeLessThanOrEqual(clock.now() + 2_000);
  });
});
