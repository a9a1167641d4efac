/**
 * The routes that reach beyond the server, against real loopback servers: capturing a feed URL
 * through the pipeline's safe fetch (POST /api/capture, POST /api/entries with a url), and
 * publishing a day to a WordPress site (POST /api/digest/{day}/publish).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import { startWordPressServer, type WordPressServer } from '../fixtures/blog/wordpress-server.js';
import { startTestServer as startFeedServer } from '../fixtures/ingest/test-server.js';
import {
  json,
  ROOT,
  SAMPLE_FILES,
  sharedKnowledge,
  startTestServer,
  type ErrorBody,
  type TestServer,
} from './server-harness.js';

const RSS = readFileSync(join(ROOT, 'test/fixtures/capture/rss2.xml'));
const WP_USER = 'curator';
const WP_PASSWORD = 'abcd efgh ijkl mnop';

interface Card {
  id: string;
  day: string;
  headline: string;
  articleUrl: string | null;
}

let feeds: Awaited<ReturnType<typeof startFeedServer>>;
let wordpress: WordPressServer;
let s: TestServer;
let env: Record<string, string>;
beforeAll(async () => {
  feeds = await startFeedServer({
    '/rss.xml': (_req, res) => {
      res.setHeader('Content-Type', 'application/rss+xml; charset=utf-8');
      res.end(RSS);
    },
  });
  wordpress = await startWordPressServer({ user: WP_USER, appPassword: WP_PASSWORD });
  s = await startTestServer({ fetch: { allowPrivateHosts: ['127.0.0.1'], retries: 0 } });
  // No settings file of the machine's user: the environment alone, as the server is given it.
  const settings = join(s.dir, 'blogs.json');
  writeFileSync(settings, '{}', { mode: 0o600 });
  env = {
    KIRINUKI_BLOG_CONFIG: settings,
    KIRINUKI_WP_URL: wordpress.siteUrl,
    KIRINUKI_WP_USER: WP_USER,
    KIRINUKI_WP_APP_PASSWORD: WP_PASSWORD,
  };
}, 60_000);
afterAll(async () => {
  await s.close();
  await feeds.close();
  await wordpress.close();
});

/** The feed's items as the fixture writes them: title and link. */
const items = [
  ...RSS.toString('utf8').matchAll(/<item>\s*<title>([^<]*)<\/title>\s*<link>([^<]*)<\/link>/g),
].map((m) => ({ title: m[1], link: m[2] }));

describe('POST /api/capture', () => {
  it('fetches a feed and answers with its items as cards; again, the same entries', async () => {
    const url = `${feeds.base}/rss.xml`;
    const res = await s.send('POST', '/api/capture', { url });
    const body = await json<{ created: Card[]; warnings: string[] }>(res);
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(items.length).toBeGreaterThan(1);
    expect(body.created.map((c) => c.headline)).toEqual(items.map((i) => i.title));
    expect(body.created.map((c) => c.articleUrl)).toEqual(items.map((i) => i.link));
    const again = await json<{ created: Card[]; warnings: string[] }>(
      await s.send('POST', '/api/capture', { url }),
    );
    expect(again.created.map((c) => c.id)).toEqual(body.created.map((c) => c.id));
    expect(again.warnings.join(' ')).toContain('already in the archive');
  });

  it('files a URL given to POST /api/entries under the day asked for', async () => {
    const res = await s.send('POST', '/api/entries', {
      url: `${feeds.base}/rss.xml?again`,
      day: '2024-03-09',
    });
    const body = await json<{ created: Card[] }>(res);
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.created.length).toBe(items.length);
  });

  it('refuses a URL it cannot fetch, or a private address it was not allowed, naming url', async () => {
    const missing = await s.send('POST', '/api/capture', { url: `${feeds.base}/gone.xml` });
    expect(missing.status).toBe(400);
    expect((await json<ErrorBody>(missing)).error.field).toBe('url');
    const local = await s.send('POST', '/api/capture', {
      url: feeds.base.replace('127.0.0.1', 'localhost') + '/rss.xml',
    });
    const refusal = await json<ErrorBody>(local);
    expect(local.status).toBe(400);
    expect(refusal.error.field).toBe('url');
    const notUrl = await s.send('POST', '/api/capture', { url: 'not a url' });
    expect((await json<ErrorBody>(notUrl)).error.field).toBe('url');
  });
});

describe('POST /api/digest/{day}/publish', () => {
  const day = SAMPLE_FILES[0]?.slice(0, 10) as string;

  /** A server over the same archive, with this environment for the blog's credentials. */
  async function publishWith(
    blogEnv: Record<string, string>,
    body: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const r = await startServer({
      archive: s.archive,
      archivePath: s.dbPath,
      knowledge: sharedKnowledge(),
      port: 0,
      env: blogEnv,
      log: () => {},
    });
    if (!r.ok) throw new Error(r.error.message);
    const origin = r.value.url.replace(/\/$/, '');
    try {
      const { token } = await json<{ token: string }>(await fetch(`${origin}/api/session`));
      const res = await fetch(`${origin}/api/digest/${day}/publish`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kirinuki-Token': token, Origin: origin },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    } finally {
      await r.value.close();
    }
  }

  it('posts the day as a draft, then updates the same post and makes it public', async () => {
    const first = await publishWith(env, { to: 'wordpress' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ action: 'created', post: { day, status: 'draft' } });
    expect(wordpress.posts.size).toBe(1);
    const post = [...wordpress.posts.values()][0];
    const headline = readFileSync(join(ROOT, 'samples', `${day}.txt`), 'utf8').split('\n')[0] ?? '';
    expect(post?.content).toContain(headline.split(' ')[0]);
    const second = await publishWith(env, { to: 'wordpress', publish: true });
    expect(second.body).toMatchObject({ action: 'updated', post: { status: 'publish' } });
    expect(wordpress.posts.size).toBe(1);
  });

  it('refuses a blog with no credentials, an unknown blog, and a day with nothing filed', async () => {
    const hatena = await publishWith(env, { to: 'hatena' });
    expect(hatena.status).toBe(400);
    expect((hatena.body as ErrorBody).error.field).toBe('to');
    const unknown = await publishWith(env, { to: 'medium' });
    expect(unknown.status).toBe(400);
    expect((unknown.body as ErrorBody).error.field).toBe('to');
    const empty = await s.send('POST', '/api/digest/1999-01-01/publish', { to: 'wordpress' });
    expect(empty.status).toBe(404);
  });

  it('answers 502 when the blog refuses the credentials, with no secret in the message', async () => {
    const wrong = { ...env, KIRINUKI_WP_APP_PASSWORD: 'Zz99 Zz99 Zz99 Zz99' };
    const r = await publishWith(wrong, { to: 'wordpress' });
    expect(r.status).toBe(502);
    const message = (r.body as ErrorBody).error.message;
    expect(message).toContain('credentials');
    expect(message).not.toContain('Zz99');
  });
});
