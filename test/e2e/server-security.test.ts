/**
 * The workbench server's security, against real servers on 127.0.0.1: the session token and
 * the same-origin check on every request that changes something, the Host check that stops DNS
 * rebinding, the access token a server bound beyond loopback needs, the headers of every
 * response, and the built UI served from its folder and nothing outside it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteArchive } from '../../src/archive/index.js';
import { CONTENT_SECURITY_POLICY, startServer } from '../../src/server/index.js';
import {
  json,
  rawRequest,
  sharedKnowledge,
  startTestServer,
  type ErrorBody,
  type TestServer,
} from './server-harness.js';

const ANNOTATE = { text: 'ゼレンスキー大統領は「持ちこたえる」と述べた。' };

describe('state-changing requests: session token and same origin', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ samples: false });
  }, 60_000);
  afterAll(() => s.close());

  const post = (headers: Record<string, string>): Promise<Response> =>
    fetch(`${s.origin}/api/annotate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(ANNOTATE),
    });

  async function forbidden(res: Response, says: RegExp): Promise<void> {
    const body = await json<ErrorBody>(res);
    expect(res.status, JSON.stringify(body)).toBe(403);
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toMatch(says);
  }

  it("accepts the token with the server's own Origin, or with Sec-Fetch-Site: same-origin", async () => {
    expect((await post({ 'X-Kirinuki-Token': s.token, Origin: s.origin })).status).toBe(200);
    const sameSite = await post({ 'X-Kirinuki-Token': s.token, 'Sec-Fetch-Site': 'same-origin' });
    expect(sameSite.status).toBe(200);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    await forbidden(await post({ Origin: s.origin }), /X-Kirinuki-Token/);
    await forbidden(await post({ 'X-Kirinuki-Token': `${s.token}x`, Origin: s.origin }), /wrong/);
    await forbidden(await post({ 'X-Kirinuki-Token': '', Origin: s.origin }), /wrong/);
  });

  it('refuses a request from another site, even with the token', async () => {
    await forbidden(
      await post({ 'X-Kirinuki-Token': s.token, Origin: 'https://evil.example' }),
      /another site/,
    );
    await forbidden(await post({ 'X-Kirinuki-Token': s.token, Origin: 'null' }), /another site/);
    // Same host, another port: another origin.
    const otherPort = s.origin.replace(/:(\d+)$/, (_, p: string) => `:${Number(p) + 1}`);
    await forbidden(await post({ 'X-Kirinuki-Token': s.token, Origin: otherPort }), /another site/);
    await forbidden(
      await post({ 'X-Kirinuki-Token': s.token, 'Sec-Fetch-Site': 'cross-site' }),
      /Origin/,
    );
    await forbidden(await post({ 'X-Kirinuki-Token': s.token }), /Origin/);
  });

  it('checks every method that changes something, and refuses before touching the archive', async () => {
    const day = await json<{ days: unknown[] }>(await s.get('/api/days'));
    for (const [method, path] of [
      ['POST', '/api/entries'],
      ['PATCH', '/api/entries/abcdefgh'],
      ['DELETE', '/api/entries/abcdefgh'],
      ['PUT', '/api/digest/2024-03-04/order'],
      ['POST', '/api/jobs'],
      ['DELETE', '/api/jobs/x'],
    ] as const) {
      const res = await fetch(`${s.origin}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
        body: method === 'DELETE' ? null : JSON.stringify({ paste: 'x' }),
      });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(await json<{ days: unknown[] }>(await s.get('/api/days'))).toEqual(day);
  });

  it('refuses a body over 8 MB before reading it all', async () => {
    const res = await s.send('POST', '/api/entries', { paste: 'あ'.repeat(3_000_000) });
    const body = await json<ErrorBody>(res);
    expect(res.status).toBe(400);
    expect(body.error.message).toContain('bytes');
  });

  it('sends no CORS headers: another site can neither read the token nor preflight', async () => {
    const res = await s.get('/api/session', { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const preflight = await fetch(`${s.origin}/api/annotate`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-kirinuki-token',
      },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toBeNull();
  });

  it('refuses a request naming a foreign host on a loopback server (DNS rebinding)', async () => {
    const port = new URL(s.origin).port;
    const rebound = await rawRequest(`${s.origin}/api/session`, {
      headers: { Host: `evil.example:${port}` },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain(s.token);
    const local = await rawRequest(`${s.origin}/api/session`, {
      headers: { Host: `localhost:${port}` },
    });
    expect(local.status).toBe(200);
  });
});

describe('headers of every response', () => {
  let s: TestServer;
  let web: string;
  beforeAll(async () => {
    s = await startTestServer({ samples: false });
    web = join(s.dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(
      join(web, 'index.html'),
      '<!DOCTYPE html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head><body></body></html>',
    );
    writeFileSync(join(web, 'assets/app-1a2b.js'), 'console.log("kirinuki");');
    writeFileSync(join(s.dir, 'secret.txt'), 'not for the web');
  }, 60_000);
  afterAll(() => s.close());

  /** A second server over the same archive, serving `web`. */
  async function withUi<T>(f: (origin: string) => Promise<T>): Promise<T> {
    const r = await startServer({
      archive: s.archive,
      archivePath: s.dbPath,
      knowledge: sharedKnowledge(),
      port: 0,
      webRoot: web,
      log: () => {},
    });
    if (!r.ok) throw new Error(r.error.message);
    try {
      return await f(r.value.url.replace(/\/$/, ''));
    } finally {
      await r.value.close();
    }
  }

  function expectStrictHeaders(res: Response): void {
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
  }

  it('puts the strict CSP on the UI page, its client routes and its assets', async () => {
    await withUi(async (origin) => {
      for (const path of [
        '/',
        '/app',
        '/app/inbox',
        '/app/people/%E3%83%97%E3%83%BC%E3%83%81%E3%83%B3',
      ]) {
        const res = await fetch(`${origin}${path}`);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
        expect(await res.text()).toContain('/assets/app-1a2b.js');
        expectStrictHeaders(res);
      }
      const asset = await fetch(`${origin}/assets/app-1a2b.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
      expect(asset.headers.get('Cache-Control')).toContain('immutable');
      expectStrictHeaders(asset);
    });
  });

  it('serves nothing outside the UI folder', async () => {
    await withUi(async (origin) => {
      const port = new URL(origin).port;
      for (const path of [
        '/../secret.txt',
        '/assets/../../secret.txt',
        '/%2e%2e/secret.txt',
        '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      ]) {
        const res = await rawRequest(`${origin}${path}`, {
          headers: { Host: `127.0.0.1:${port}` },
        });
        expect(res.body, path).not.toContain('not for the web');
        expect(res.status, path).toBe(404);
      }
      expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    });
  });

  it('says how to build the UI when there is none, with the same headers', async () => {
    const res = await s.get('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build');
    expectStrictHeaders(res);
  });

  it('puts the same headers on API answers and errors', async () => {
    expectStrictHeaders(await s.get('/api/stats'));
    expectStrictHeaders(await s.get('/api/nothing'));
    expectStrictHeaders(await s.send('POST', '/api/annotate', {}));
  });
});

describe('an access token (--token), needed to listen beyond loopback', () => {
  const TOKEN = 'a-long-enough-access-token-for-tests';

  it('refuses to listen on another address without a token, or with a short one', async () => {
    const archive = openSqliteArchive(':memory:');
    try {
      const bare = await startServer({
        archive,
        archivePath: ':memory:',
        knowledge: sharedKnowledge(),
        host: '0.0.0.0',
        port: 0,
      });
      expect(bare.ok).toBe(false);
      if (!bare.ok) expect(bare.error.message).toMatch(/--token/);
      const short = await startServer({
        archive,
        archivePath: ':memory:',
        knowledge: sharedKnowledge(),
        host: '0.0.0.0',
        port: 0,
        accessToken: 'short',
      });
      expect(short.ok).toBe(false);
    } finally {
      archive.close();
    }
  });

  describe('bound to 0.0.0.0 with a token', () => {
    let s: TestServer;
    let origin: string;
    beforeAll(async () => {
      s = await startTestServer({ samples: false, host: '0.0.0.0', accessToken: TOKEN });
      origin = s.origin.replace('0.0.0.0', '127.0.0.1');
    }, 60_000);
    afterAll(() => s.close());

    it('refuses pages and API requests without the token, or with a wrong one', async () => {
      for (const path of ['/', '/api/session', '/api/stats', '/openapi.json', '/app/inbox']) {
        expect((await fetch(`${origin}${path}`)).status, path).toBe(403);
        const wrong = await fetch(`${origin}${path}`, {
          headers: { Authorization: `Bearer ${TOKEN}x` },
        });
        expect(wrong.status, path).toBe(403);
      }
    });

    it('answers with the bearer token; a state change still needs the session token and Origin', async () => {
      const bearer = { Authorization: `Bearer ${TOKEN}` };
      const session = await fetch(`${origin}/api/session`, { headers: bearer });
      expect(session.status).toBe(200);
      const { token } = await json<{ token: string }>(session);
      const body = JSON.stringify(ANNOTATE);
      const headers = { ...bearer, 'Content-Type': 'application/json' };
      const bare = await fetch(`${origin}/api/annotate`, { method: 'POST', headers, body });
      expect(bare.status).toBe(403);
      const full = await fetch(`${origin}/api/annotate`, {
        method: 'POST',
        headers: { ...headers, 'X-Kirinuki-Token': token, Origin: origin },
        body,
      });
      expect(full.status).toBe(200);
    });

    it('logs a browser in with /login?token=T: an HttpOnly, SameSite=Strict cookie', async () => {
      const wrong = await fetch(`${origin}/login?token=nope`, { redirect: 'manual' });
      expect(wrong.status).toBe(403);
      expect(wrong.headers.get('Set-Cookie')).toBeNull();
      const login = await fetch(`${origin}/login?token=${TOKEN}`, { redirect: 'manual' });
      expect(login.status).toBe(303);
      expect(login.headers.get('Location')).toBe('/');
      const cookie = login.headers.get('Set-Cookie') ?? '';
      expect(cookie).toMatch(/^kirinuki_token=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const jar = cookie.split(';')[0] ?? '';
      expect((await fetch(`${origin}/api/stats`, { headers: { Cookie: jar } })).status).toBe(200);
      expect((await fetch(`${origin}/`, { headers: { Cookie: jar } })).status).toBe(200);
      const forged = await fetch(`${origin}/api/stats`, {
        headers: { Cookie: 'kirinuki_token=guess' },
      });
      expect(forged.status).toBe(403);
    });

    it('answers for any host name: the token, not the name, guards it', async () => {
      const port = new URL(origin).port;
      const named = await rawRequest(`${origin}/api/stats`, {
        headers: { Host: `workbench.example:${port}`, Authorization: `Bearer ${TOKEN}` },
      });
      expect(named.status).toBe(200);
    });
  });
});
