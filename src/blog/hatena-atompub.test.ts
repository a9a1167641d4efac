import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHatenaServer, type HatenaServer } from '../../test/fixtures/blog/hatena-server.js';
import { basicToken, type HatenaCredentials } from './credentials.js';
import { createHatenaClient } from './hatena-atompub.js';
import type { BlogClient, BlogHttpOptions, BlogPostInput } from './types.js';

const API_KEY = 'hatena-api-key-7f3k9q';
const ID = 'kirinuki-test';
const BLOG = 'kirinuki-test.hatenablog.com';

let server: HatenaServer;
let client: BlogClient;
let sleeps: number[];

function credentials(apiKey = API_KEY): HatenaCredentials {
  return {
    target: 'hatena',
    hatenaId: ID,
    blogId: BLOG,
    apiKey,
    endpoint: server.endpoint,
    syntax: 'hatena',
    source: 'test',
  };
}

function clientWith(options: BlogHttpOptions = {}, apiKey = API_KEY): BlogClient {
  return createHatenaClient(credentials(apiKey), {
    retries: 2,
    retryDelayMs: 10,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
}

const post: BlogPostInput = {
  title: '2024年3月4日の切り抜き <&> "引用"',
  content:
    '[https://twitter.com/nhk_news/status/1764500000000000000:embed]\n\n>>\nウクライナ南部オデーサ & <script>alert(1)</script>\n<<\n#ウクライナ戦況(空軍「撃墜した」)\n',
  tags: ['NATOexpansion', '反ロシア', '対中露戦'],
  categories: ['ニュース & 解説'],
  status: 'draft',
};

beforeEach(async () => {
  server = await startHatenaServer({ hatenaId: ID, blogId: BLOG, apiKey: API_KEY });
  sleeps = [];
  client = clientWith();
});

afterEach(async () => {
  await client.close();
  await server.close();
});

describe('createHatenaClient against a loopback Hatena Blog', () => {
  it('posts a draft entry to the collection URI with Basic auth and an Atom entry body', async () => {
    const r = await client.create(post);
    expect(server.problems).toEqual([]);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`/${ID}/${BLOG}/atom/entry`);
    expect(request?.headers.authorization).toBe(`Basic ${basicToken(ID, API_KEY)}`);
    expect(request?.headers['content-type']).toMatch(/^application\/atom\+xml; type=entry/);
    const [entry] = [...server.entries.values()];
    expect(entry).toMatchObject({
      title: post.title,
      content: post.content,
      sentContentType: 'text/plain',
      categories: ['NATOexpansion', '反ロシア', '対中露戦', 'ニュース & 解説'],
      draft: true,
      author: ID,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        remoteId: entry?.id,
        editUrl: `${server.collection}/${entry?.id}`,
        url: expect.stringMatching(new RegExp(`^http://${BLOG}/entry/2024/03/04/`)),
        status: 'draft',
      },
    });
  });

  it('--publish: app:draft no, and the answer says public', async () => {
    const r = await client.create({ ...post, status: 'publish' });
    expect([...server.entries.values()][0]?.draft).toBe(false);
    expect(r.ok && r.value.status).toBe('publish');
  });

  it('updates the same entry with PUT to its member URI, keeping its status when none is asked', async () => {
    const created = await client.create(post);
    if (!created.ok) throw new Error(created.error.message);
    // The curator published the draft in Hatena's editor meanwhile.
    const id = created.value.remoteId;
    const onBlog = server.entries.get(id);
    if (onBlog) server.entries.set(id, { ...onBlog, draft: false });
    const withoutStatus = { ...post, status: undefined };
    const updated = await client.update(created.value.editUrl, {
      ...withoutStatus,
      content: '更新した本文\n',
      tags: ['NATOexpansion'],
      categories: [],
    });
    expect(server.problems).toEqual([]);
    expect(server.requests.map((q) => q.method)).toEqual(['POST', 'GET', 'PUT']);
    expect(server.requests[2]?.url).toBe(`/${ID}/${BLOG}/atom/entry/${id}`);
    expect(server.entries.size).toBe(1);
    expect(server.entries.get(id)).toMatchObject({
      content: '更新した本文\n',
      categories: ['NATOexpansion'],
      draft: false,
    });
    expect(updated).toEqual({
      ok: true,
      value: { ...created.value, url: expect.any(String), status: 'publish' },
    });
  });

  it('an update asking for a status sends it without reading the entry first', async () => {
    const created = await client.create(post);
    if (!created.ok) throw new Error(created.error.message);
    const r = await client.update(created.value.editUrl, { ...post, status: 'publish' });
    expect(server.requests.map((q) => q.method)).toEqual(['POST', 'PUT']);
    expect(r.ok && r.value.status).toBe('publish');
  });

  it('401: an auth failure that names the blog and quotes the server, without the key', async () => {
    await client.close();
    client = clientWith({}, 'wrong-key-000');
    const r = await client.create(post);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('auth');
    expect(r.error.status).toBe(401);
    expect(r.error.message).toBe(
      'blog: Hatena Blog refused the credentials (HTTP 401 401 Unauthorized)',
    );
    expect(server.requests).toHaveLength(1); // not retried
    expect(server.entries.size).toBe(0);
  });

  it('5xx then success: retried with back-off, one entry in the end', async () => {
    server.forceNext({ status: 503, body: 'Service Unavailable' }, { status: 500 });
    const r = await client.create(post);
    expect(r.ok).toBe(true);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([10, 20]);
    expect(server.entries.size).toBe(1);
  });

  it('a dropped connection is retried like a 5xx', async () => {
    server.forceNext('drop');
    const r = await client.create(post);
    expect(r.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('Retry-After is honoured, capped by the longest wait', async () => {
    await client.close();
    client = clientWith({ maxRetryDelayMs: 5000 });
    server.forceNext(
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 503, headers: { 'retry-after': '120' } },
    );
    expect((await client.create(post)).ok).toBe(true);
    expect(sleeps).toEqual([3000, 5000]);
  });

  it('5xx to the end: unavailable, with the tries counted and nothing created', async () => {
    server.forceNext(
      { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
      { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
      { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
    );
    const r = await client.create(post);
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'unavailable',
        status: 502,
        message:
          'blog: Hatena Blog could not post the entry: HTTP 502 502 Bad Gateway, still after 3 tries',
      },
    });
  });

  it('409 and other 4xx: refused at once, with the server’s own words', async () => {
    server.forceNext({ status: 409, body: 'Conflict: the entry was edited elsewhere' });
    const r = await client.create(post);
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'rejected',
        status: 409,
        message:
          'blog: Hatena Blog could not post the entry: HTTP 409 Conflict: the entry was edited elsewhere',
      },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('a 400 from the server’s own checks is reported as a refusal', async () => {
    const r = await client.create({ ...post, title: '   ' });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'rejected', status: 400 });
    expect(server.problems).toEqual(['no title']);
  });

  it('an entry deleted on the blog: not-found on update', async () => {
    const created = await client.create(post);
    if (!created.ok) throw new Error(created.error.message);
    server.entries.clear();
    const r = await client.update(created.value.editUrl, { ...post, status: undefined });
    expect(r.ok ? null : r.error.kind).toBe('not-found');
  });

  it('never sends the key to an address outside the blog', async () => {
    const r = await client.update('https://evil.example/atom/entry/1', post);
    expect(r.ok ? null : r.error.kind).toBe('config');
    const other = await client.update(
      `${server.endpoint.replace(BLOG, 'other.example')}/entry/1`,
      post,
    );
    expect(other.ok ? null : other.error.kind).toBe('config');
    expect(server.requests).toHaveLength(0);
  });

  it('a server that echoes the key in its error never gets it into the message', async () => {
    server.forceNext({
      status: 403,
      body: `Forbidden for key ${API_KEY} (Authorization: Basic ${basicToken(ID, API_KEY)})`,
    });
    const r = await client.create(post);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).not.toContain(API_KEY);
    expect(r.error.message).not.toContain(basicToken(ID, API_KEY));
    expect(r.error.message).toContain('Forbidden for key [secret]');
  });

  it('a 201 without Location or edit link is a protocol failure, not a success', async () => {
    server.forceNext({ status: 201, body: '<entry xmlns="http://www.w3.org/2005/Atom"/>' });
    const r = await client.create(post);
    expect(r.ok ? null : r.error.kind).toBe('protocol');
  });

  it('an unreachable blog: unavailable after the retries', async () => {
    const endpoint = server.endpoint;
    await server.close();
    const r = await client.create(post);
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(
        new RegExp(
          `^blog: Hatena Blog could not post the entry: cannot reach ${endpoint}/entry: .*\\(3 tries\\)$`,
        ),
      ),
    });
    server = await startHatenaServer({ hatenaId: ID, blogId: BLOG, apiKey: API_KEY });
  });
});
