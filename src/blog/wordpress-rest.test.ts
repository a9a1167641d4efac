import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startWordPressServer,
  type WordPressServer,
} from '../../test/fixtures/blog/wordpress-server.js';
import { basicToken, type WordPressCredentials } from './credentials.js';
import type { BlogClient, BlogHttpOptions, BlogPostInput } from './types.js';
import { createWordPressClient, wordpressRestRoot } from './wordpress-rest.js';

const USER = 'curator';
const APP_PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';

let server: WordPressServer;
let client: BlogClient;
let sleeps: number[];

function clientWith(options: BlogHttpOptions = {}, appPassword = APP_PASSWORD): BlogClient {
  const credentials: WordPressCredentials = {
    target: 'wordpress',
    siteUrl: `${server.siteUrl}/`,
    user: USER,
    appPassword,
    categories: [],
    source: 'test',
  };
  return createWordPressClient(credentials, {
    retries: 2,
    retryDelayMs: 10,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
}

const post: BlogPostInput = {
  title: '2024年3月4日の切り抜き',
  content: '<blockquote class="twitter-tweet"><p>ウクライナ &amp; NATO</p></blockquote>\n',
  tags: ['NATOexpansion', '反ロシア', 'R&D'],
  categories: ['ニュース'],
  status: 'draft',
};

beforeEach(async () => {
  server = await startWordPressServer({
    user: USER,
    appPassword: APP_PASSWORD,
    tags: ['NATOexpansion', 'NATO', 'R&D'],
  });
  sleeps = [];
  client = clientWith();
});

afterEach(async () => {
  await client.close();
  await server.close();
});

const termName = (list: { id: number; name: string }[], id: number): string | undefined =>
  list.find((t) => t.id === id)?.name;

describe('createWordPressClient against a loopback WordPress', () => {
  it('finds or creates the tags and categories by name, then creates a draft post', async () => {
    const r = await client.create(post);
    expect(server.problems).toEqual([]);
    for (const q of server.requests)
      expect(q.headers.authorization).toBe(`Basic ${basicToken(USER, APP_PASSWORD)}`);
    const writes = server.requests.filter((q) => q.method === 'POST');
    for (const q of writes)
      expect(q.headers['content-type']).toBe('application/json; charset=utf-8');
    // NATOexpansion is found; 反ロシア and ニュース are created; R&D, stored as R&amp;D, is
    // missed by the search and its creation answered term_exists with its id.
    expect(writes.map((q) => q.url)).toEqual([
      '/wp-json/wp/v2/tags',
      '/wp-json/wp/v2/tags',
      '/wp-json/wp/v2/categories',
      '/wp-json/wp/v2/posts',
    ]);
    expect(server.tags.map((t) => t.name)).toEqual([
      'NATOexpansion',
      'NATO',
      'R&amp;D',
      '反ロシア',
    ]);
    const [created] = [...server.posts.values()];
    expect(created).toMatchObject({ title: post.title, content: post.content, status: 'draft' });
    expect(created?.tags.map((id) => termName(server.tags, id))).toEqual([
      'NATOexpansion',
      '反ロシア',
      'R&amp;D',
    ]);
    expect(created?.categories.map((id) => termName(server.categories, id))).toEqual(['ニュース']);
    expect(r).toEqual({
      ok: true,
      value: {
        remoteId: String(created?.id),
        editUrl: `${server.siteUrl}/wp-json/wp/v2/posts/${created?.id}`,
        url: `${server.siteUrl}/?p=${created?.id}`,
        status: 'draft',
      },
    });
  });

  it('a term the search missed but the site has: term_exists gives its id', async () => {
    // The search is by substring and this site pages at per_page; force an empty result.
    server.forceNext({ status: 200, body: '[]', headers: { 'content-type': 'application/json' } });
    const r = await client.create({ ...post, tags: ['NATO'], categories: [] });
    expect(r.ok).toBe(true);
    const tagOfPost = [...server.posts.values()][0]?.tags;
    expect(tagOfPost?.map((id) => termName(server.tags, id))).toEqual(['NATO']);
    expect(server.tags.filter((t) => t.name === 'NATO')).toHaveLength(1);
  });

  it('publishes with status publish and reports the public link', async () => {
    const r = await client.create({ ...post, status: 'publish' });
    expect(r.ok && r.value.status).toBe('publish');
    expect(r.ok && r.value.url).toMatch(/\/2024\/03\/04\/post-\d+\/$/);
  });

  it('updates the same post, keeping its status on the site when none is asked', async () => {
    const created = await client.create(post);
    if (!created.ok) throw new Error(created.error.message);
    const id = Number(created.value.remoteId);
    const onSite = server.posts.get(id);
    if (onSite) server.posts.set(id, { ...onSite, status: 'publish' });
    const withoutStatus = { ...post, status: undefined };
    const r = await client.update(created.value.editUrl, {
      ...withoutStatus,
      content: '<p>新</p>',
    });
    expect(server.problems).toEqual([]);
    const last = server.requests.at(-1);
    expect(last?.url).toBe(`/wp-json/wp/v2/posts/${id}`);
    expect(JSON.parse(last?.body ?? '{}')).not.toHaveProperty('status');
    expect(server.posts.size).toBe(1);
    expect(server.posts.get(id)).toMatchObject({ content: '<p>新</p>', status: 'publish' });
    expect(r.ok && r.value).toMatchObject({ remoteId: String(id), status: 'publish' });
  });

  it('401 with a wrong application password: auth, with WordPress’s code and message', async () => {
    await client.close();
    client = clientWith({}, 'zzzz zzzz zzzz zzzz');
    const r = await client.create({ ...post, tags: [], categories: [] });
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'auth',
        status: 401,
        message:
          'blog: WordPress refused the credentials (HTTP 401 incorrect_password: The provided password is an invalid application password.)',
      },
    });
    expect(server.posts.size).toBe(0);
  });

  it('409: refused with the server’s own code and message, not retried', async () => {
    server.forceNext({
      status: 409,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'rest_post_conflict',
        message: 'The post was changed by someone else.',
        data: { status: 409 },
      }),
    });
    const r = await client.create({ ...post, tags: [], categories: [] });
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'rejected',
        status: 409,
        message:
          'blog: WordPress could not create the post: HTTP 409 rest_post_conflict: The post was changed by someone else.',
      },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('5xx then success: retried, one post in the end', async () => {
    const wpError = JSON.stringify({
      code: 'internal_server_error',
      message: 'There has been a critical error on this website.',
      data: { status: 500 },
    });
    server.forceNext({ status: 500, body: wpError }, { status: 503, body: 'busy' });
    const r = await client.create({ ...post, tags: [], categories: [] });
    expect(r.ok).toBe(true);
    expect(sleeps).toEqual([10, 20]);
    expect(server.posts.size).toBe(1);
  });

  it('a deleted post: not-found on update', async () => {
    const created = await client.create(post);
    if (!created.ok) throw new Error(created.error.message);
    server.posts.clear();
    const r = await client.update(created.value.editUrl, post);
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('rest_post_invalid_id: Invalid post ID.'),
    });
  });

  it('no REST API at the address: refused, with a hint, not taken for a deleted post', async () => {
    await client.close();
    const credentials: WordPressCredentials = {
      target: 'wordpress',
      siteUrl: `${server.siteUrl}/blog`,
      user: USER,
      appPassword: APP_PASSWORD,
      categories: [],
      source: 'test',
    };
    client = createWordPressClient(credentials, { retries: 0 });
    const r = await client.create({ ...post, tags: [], categories: [] });
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'rejected',
      message: expect.stringMatching(
        /HTTP 404 rest_no_route: .*; is http:.*\/blog\/wp-json\/wp\/v2 the site's REST API\?$/,
      ),
    });
  });

  it('never posts to a URL outside the site', async () => {
    const r = await client.update('https://evil.example/wp-json/wp/v2/posts/1', post);
    expect(r.ok ? null : r.error.kind).toBe('config');
    expect(server.requests).toHaveLength(0);
  });

  it('the application password never reaches a message, with or without its spaces', async () => {
    server.forceNext({
      status: 400,
      body: JSON.stringify({
        code: 'rest_invalid_param',
        message: `bad password ${APP_PASSWORD} / ${APP_PASSWORD.replace(/ /g, '')}`,
        data: { status: 400 },
      }),
    });
    const r = await client.create({ ...post, tags: [], categories: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).not.toContain(APP_PASSWORD);
    expect(r.error.message).not.toContain(APP_PASSWORD.replace(/ /g, ''));
    expect(r.error.message).toContain('bad password [secret] / [secret]');
  });
});

describe('wordpressRestRoot', () => {
  it('is under /wp-json of the site, whether or not the address names it', () => {
    expect(wordpressRestRoot('https://example.com/')).toBe('https://example.com/wp-json/wp/v2');
    expect(wordpressRestRoot('https://example.com/blog')).toBe(
      'https://example.com/blog/wp-json/wp/v2',
    );
    expect(wordpressRestRoot('https://example.com/wp-json/')).toBe(
      'https://example.com/wp-json/wp/v2',
    );
  });
});
