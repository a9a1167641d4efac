/**
 * The address policy end to end, against a test server on 127.0.0.1: every spelling of a
 * loopback, private or link-local host in a URL, directly and on a redirect; names that resolve
 * there (answered by a resolver the test gives, so no DNS beyond this process); and the
 * property that stops DNS rebinding — the address the guard checks is the one the socket
 * connects to, one guarded lookup per connection.
 */
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/fixtures/ingest/test-server.js';
import { fetchUrl, type FetchOptions, type Resolver } from './index.js';

const FEED = '<rss version="2.0"><channel><title>t</title></channel></rss>';
let server: Awaited<ReturnType<typeof startTestServer>>;
let port = '';
/** Remote ports of the connections the server accepted, and the Host header each request bore. */
const sockets = new Set<number>();
const hostHeaders: string[] = [];

/** Answers from a table of names; anything else is ENOTFOUND, as for a name nobody knows. */
function resolverOf(table: Record<string, string[]>, calls: string[] = []): Resolver {
  return (hostname, _options, callback) => {
    calls.push(hostname);
    const addresses = table[hostname.toLowerCase()];
    if (addresses === undefined)
      return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    return callback(
      null,
      addresses.map((address): LookupAddress => ({ address, family: isIP(address) })),
    );
  };
}

beforeAll(async () => {
  server = await startTestServer({
    '/feed': (req, res) => {
      sockets.add(req.socket.remotePort ?? 0);
      hostHeaders.push(req.headers.host ?? '');
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    },
    '/go': (req, res) => {
      sockets.add(req.socket.remotePort ?? 0);
      hostHeaders.push(req.headers.host ?? '');
      const to = decodeURIComponent(req.url?.split('?')[1] ?? '');
      // A header carries bytes: a full-width host goes out percent-encoded, as UTF-8.
      const location = to.replace('PORT', port).replace(/[^\x20-\x7e]/gu, encodeURIComponent);
      res.writeHead(302, { location });
      res.end();
    },
  });
  port = new URL(server.base).port;
});

afterAll(async () => server.close());

/** How a loopback, private or link-local host can be written in a URL (WHATWG parsing). */
const LITERAL_HOSTS = [
  '127.0.0.1',
  '2130706433', // decimal
  '017700000001', // octal, whole
  '0177.0.0.1', // octal, dotted
  '0x7f000001', // hex, whole
  '0x7f.0.0.1', // hex, dotted
  '127.1', // short forms
  '127.0.1',
  '127.0.0.1.', // trailing dot
  '%31%32%37.0.0.1', // percent-encoded
  '１２７．０．０．１', // full-width, as a Japanese page may write it
  '0', // 0.0.0.0, which Linux connects to this machine
  '0.0.0.0',
  '10.0.0.1',
  '172.16.0.1',
  '192.168.0.1',
  '169.254.169.254', // cloud metadata
  '100.64.0.1', // carrier-grade NAT
  '[::]',
  '[::1]',
  '[0:0:0:0:0:0:0:1]',
  '[::ffff:127.0.0.1]', // IPv4-mapped
  '[::ffff:7f00:1]',
  '[0:0:0:0:0:ffff:127.0.0.1]',
  '[::ffff:0:127.0.0.1]', // IPv4-translated
  '[::127.0.0.1]', // IPv4-compatible
  '[64:ff9b::127.0.0.1]', // NAT64
  '[64:ff9b:1::a00:1]', // local-use NAT64
  '[2002:7f00:1::1]', // 6to4
  '[fd00::1]', // unique local
  '[fc00::1]',
  '[fe80::1]', // link-local
  '[fec0::1]', // site-local
];

describe('a loopback, private or link-local host written into the URL', () => {
  it.each(LITERAL_HOSTS)('http://%s/ is refused before any connection', async (host) => {
    const before = server.hits.get('/feed') ?? 0;
    const r = await fetchUrl(`http://${host}:${port}/feed`, { timeoutMs: 2_000, retries: 0 });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'blocked', message: expect.stringMatching(/loopback, private or link-local/) },
    });
    expect(server.hits.get('/feed') ?? 0).toBe(before);
  });

  it.each(LITERAL_HOSTS)('a redirect to http://%s/ is refused', async (host) => {
    // The first hop is a name the curator allowed, resolved to the test server.
    const options: FetchOptions = {
      timeoutMs: 2_000,
      retries: 0,
      allowPrivateHosts: ['feeds.test'],
      resolver: resolverOf({ 'feeds.test': ['127.0.0.1'] }),
    };
    const before = server.hits.get('/feed') ?? 0;
    const to = encodeURIComponent(`http://${host}:PORT/feed`);
    const r = await fetchUrl(`http://feeds.test:${port}/go?${to}`, options);
    expect(r).toMatchObject({ ok: false, error: { kind: 'blocked' } });
    expect(server.hits.get('/feed') ?? 0).toBe(before);
  });
});

describe('a name that resolves to a loopback, private or link-local address', () => {
  const table: Record<string, string[]> = {
    localhost: ['127.0.0.1', '::1'],
    'app.localhost': ['127.0.0.1'], // *.localhost, as systemd-resolved answers
    'a.b.localhost': ['::1'],
    'intranet.test': ['10.1.2.3'],
    'router.test': ['192.168.1.1'],
    'metadata.test': ['169.254.169.254'],
    'cgnat.test': ['100.64.0.9'],
    'zero.test': ['0.0.0.0'],
    'any6.test': ['::'],
    'mapped.test': ['::ffff:127.0.0.1'],
    'translated.test': ['::ffff:0:7f00:1'],
    'compat.test': ['::7f00:1'],
    'nat64.test': ['64:ff9b::a00:1'],
    'ula.test': ['fd12:3456::1'],
    'linklocal.test': ['fe80::1%lo'],
    // One public and one private answer: a socket trying addresses in turn (happy eyeballs)
    // would reach the second, so any private answer refuses the name.
    'mixed.test': ['203.0.113.7', '127.0.0.1'],
  };

  it.each(Object.keys(table))(
    '%s is refused after resolution, directly and on a redirect',
    async (name) => {
      const resolver = resolverOf({ ...table, 'feeds.test': ['127.0.0.1'] });
      const before = server.hits.get('/feed') ?? 0;
      const direct = await fetchUrl(`http://${name}:${port}/feed`, {
        timeoutMs: 2_000,
        retries: 0,
        resolver,
      });
      expect(direct).toMatchObject({
        ok: false,
        error: {
          kind: 'blocked',
          message: expect.stringMatching(new RegExp(`^ingest: ${name} resolves to `)),
        },
      });
      const to = encodeURIComponent(`http://${name}:PORT/feed`);
      const hop = await fetchUrl(`http://feeds.test:${port}/go?${to}`, {
        timeoutMs: 2_000,
        retries: 0,
        resolver,
        allowPrivateHosts: ['feeds.test'],
      });
      expect(hop).toMatchObject({ ok: false, error: { kind: 'blocked' } });
      expect(server.hits.get('/feed') ?? 0).toBe(before);
    },
  );

  it('is fetched once the curator allows that name, and only that name', async () => {
    const resolver = resolverOf(table);
    const allowed = await fetchUrl(`http://app.localhost:${port}/feed`, {
      resolver,
      allowPrivateHosts: ['APP.localhost'],
    });
    expect(allowed.ok).toBe(true);
    const other = await fetchUrl(`http://a.b.localhost:${port}/feed`, {
      resolver,
      allowPrivateHosts: ['app.localhost'],
    });
    expect(other).toMatchObject({ ok: false, error: { kind: 'blocked' } });
  });
});

describe('DNS rebinding', () => {
  it('connects to the address the guard checked: no second resolution between check and connect', async () => {
    // The system resolver knows no `*.test` name: had the socket resolved again instead of
    // using the guarded answer, these fetches would fail with ENOTFOUND.
    const calls: string[] = [];
    const resolver = resolverOf(
      { 'a.test': ['127.0.0.1'], 'b.test': ['127.0.0.1'], 'c.test': ['127.0.0.1'] },
      calls,
    );
    sockets.clear();
    hostHeaders.length = 0;
    const chain = (name: string, then: string): string =>
      `http://${name}:${port}/go?${encodeURIComponent(then)}`;
    const url = chain('a.test', chain('b.test', `http://c.test:${port}/feed`));
    const r = await fetchUrl(url, {
      timeoutMs: 2_000,
      allowPrivateHosts: ['a.test', 'b.test', 'c.test'],
      resolver,
    });
    expect(r).toMatchObject({ ok: true, value: { url: `http://c.test:${port}/feed` } });
    // One guarded lookup per connection, each connection to the name it was looked up for.
    expect(calls).toEqual(['a.test', 'b.test', 'c.test']);
    expect(sockets.size).toBe(3);
    expect(hostHeaders).toEqual([`a.test:${port}`, `b.test:${port}`, `c.test:${port}`]);
  });

  it('checks the answer of every lookup, so a name that turns private later is refused then', async () => {
    // A rebinding server answers the allowed first hop, then the same host's later lookups
    // with loopback: the redirect to a new origin looks it up again, and that answer is judged.
    let answers = 0;
    const rebinding: Resolver = (hostname, _options, callback) => {
      answers += 1;
      const address = hostname === 'feeds.test' ? '127.0.0.1' : '10.9.8.7';
      callback(null, [{ address, family: 4 }]);
    };
    const to = encodeURIComponent(`http://rebind.test:PORT/feed`);
    const r = await fetchUrl(`http://feeds.test:${port}/go?${to}`, {
      timeoutMs: 2_000,
      retries: 0,
      allowPrivateHosts: ['feeds.test'],
      resolver: rebinding,
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'blocked',
        message: expect.stringMatching(/rebind\.test resolves to 10\.9\.8\.7/),
      },
    });
    expect(answers).toBe(2);
  });
});
