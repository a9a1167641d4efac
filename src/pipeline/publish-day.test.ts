import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteArchive, type Archive } from '../archive/index.js';
import type { HatenaCredentials, WordPressCredentials } from '../blog/index.js';
import { renderDigestHatena, renderDigestHtml, type DigestDay } from '../publish/index.js';
import { exampleDay, sampleDays } from '../../test/fixtures/digest-days.js';
import { startHatenaServer, type HatenaServer } from '../../test/fixtures/blog/hatena-server.js';
import {
  startWordPressServer,
  type WordPressServer,
} from '../../test/fixtures/blog/wordpress-server.js';
import { defaultPostTitle, publishDay, type PublishDayOptions } from './publish-day.js';

const API_KEY = 'hatena-key-for-pipeline';
const APP_PASSWORD = 'wp01 app2 pass 3456';

let archive: Archive;
let hatena: HatenaServer;
let wordpress: WordPressServer;
let day: DigestDay;

const quick: PublishDayOptions['http'] = { retries: 2, retryDelayMs: 1 };
let clock = 0;
const now = (): Date => new Date(Date.UTC(2024, 2, 4, 12, 0, (clock += 1)));

function file(a: Archive, d: DigestDay): void {
  a.importBatch({
    source: `${d.day}.txt`,
    day: d.day,
    entries: [...d.entries],
    documentTagLines: [...d.documentTagLines],
  });
}

function hatenaCredentials(over: Partial<HatenaCredentials> = {}): HatenaCredentials {
  return {
    target: 'hatena',
    hatenaId: 'kirinuki',
    blogId: 'kirinuki.hatenablog.com',
    apiKey: API_KEY,
    endpoint: hatena.endpoint,
    syntax: 'hatena',
    source: 'test',
    ...over,
  };
}

function wordpressCredentials(): WordPressCredentials {
  return {
    target: 'wordpress',
    siteUrl: wordpress.siteUrl,
    user: 'curator',
    appPassword: APP_PASSWORD,
    categories: ['ウクライナ情勢'],
    source: 'test',
  };
}

beforeEach(async () => {
  clock = 0;
  archive = openSqliteArchive(':memory:');
  const first = sampleDays()[0];
  if (!first) throw new Error('no sample days');
  day = first;
  file(archive, day);
  hatena = await startHatenaServer({
    hatenaId: 'kirinuki',
    blogId: 'kirinuki.hatenablog.com',
    apiKey: API_KEY,
  });
  wordpress = await startWordPressServer({ user: 'curator', appPassword: APP_PASSWORD });
});

afterEach(async () => {
  archive.close();
  await hatena.close();
  await wordpress.close();
});

describe('publishDay to Hatena Blog', () => {
  it('posts the day as a draft in Hatena notation under its document tags, and remembers it', async () => {
    const r = await publishDay(archive, day.day, hatenaCredentials(), { http: quick, now });
    expect(hatena.problems).toEqual([]);
    const [entry] = [...hatena.entries.values()];
    expect(entry).toMatchObject({
      title: defaultPostTitle(day.day),
      content: renderDigestHatena(day, { mode: 'hatena' }),
      categories: ['NATOexpansion', '反ロシア', '対中露戦'],
      draft: true,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.action).toBe('created');
    expect(r.value.notices).toEqual([]);
    expect(r.value.post).toEqual({
      day: day.day,
      target: 'hatena',
      blog: hatena.collection,
      remoteId: entry?.id,
      editUrl: `${hatena.collection}/${entry?.id}`,
      url: expect.stringMatching(/^http:\/\/kirinuki\.hatenablog\.com\/entry\//),
      status: 'draft',
      firstPostedAt: '2024-03-04T12:00:01.000Z',
      lastPostedAt: '2024-03-04T12:00:01.000Z',
    });
    expect(archive.publishedPost(day.day, 'hatena')).toEqual(r.value.post);
  });

  it('publishing again updates the same entry, never a second one', async () => {
    const first = await publishDay(archive, day.day, hatenaCredentials(), { http: quick, now });
    const again = await publishDay(archive, day.day, hatenaCredentials(), {
      http: quick,
      now,
      status: 'publish',
      title: '3月4日のまとめ',
    });
    if (!first.ok || !again.ok) throw new Error('publishing failed');
    expect(hatena.entries.size).toBe(1);
    expect(hatena.requests.map((q) => q.method)).toEqual(['POST', 'PUT']);
    expect(again.value.action).toBe('updated');
    expect(again.value.post).toMatchObject({
      remoteId: first.value.post.remoteId,
      status: 'publish',
      firstPostedAt: first.value.post.firstPostedAt,
      lastPostedAt: '2024-03-04T12:00:02.000Z',
    });
    expect([...hatena.entries.values()][0]).toMatchObject({
      title: '3月4日のまとめ',
      draft: false,
    });
  });

  it('writes Hatena’s Markdown when the blog is set to it', async () => {
    await publishDay(archive, day.day, hatenaCredentials({ syntax: 'markdown' }), { http: quick });
    expect([...hatena.entries.values()][0]?.content).toBe(
      renderDigestHatena(day, { mode: 'markdown' }),
    );
  });

  it('records nothing when the blog refuses, and keeps the earlier record when an update fails', async () => {
    const refused = await publishDay(archive, day.day, hatenaCredentials({ apiKey: 'wrong' }), {
      http: quick,
    });
    expect(refused.ok ? null : refused.error.kind).toBe('auth');
    expect(archive.publishedPost(day.day, 'hatena')).toBeNull();

    const first = await publishDay(archive, day.day, hatenaCredentials(), { http: quick, now });
    if (!first.ok) throw new Error(first.error.message);
    hatena.forceNext({ status: 500 }, { status: 502 }, { status: 503 });
    const failed = await publishDay(archive, day.day, hatenaCredentials(), {
      http: quick,
      status: 'publish',
    });
    expect(failed.ok ? null : failed.error.kind).toBe('unavailable');
    expect(archive.publishedPost(day.day, 'hatena')).toEqual(first.value.post);
  });

  it('an entry deleted on the blog is posted anew and the new one remembered', async () => {
    const first = await publishDay(archive, day.day, hatenaCredentials(), { http: quick, now });
    if (!first.ok) throw new Error(first.error.message);
    hatena.entries.clear();
    const again = await publishDay(archive, day.day, hatenaCredentials(), { http: quick, now });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.action).toBe('recreated');
    expect(again.value.notices).toEqual([
      `publish: the post of ${day.day} (${first.value.post.editUrl}) is gone from the blog; posting it anew`,
    ]);
    expect(again.value.post.remoteId).not.toBe(first.value.post.remoteId);
    expect(again.value.post.firstPostedAt).toBe(again.value.post.lastPostedAt);
    expect(hatena.entries.size).toBe(1);
  });

  it('a day posted to another blog before is posted to this one, with a notice', async () => {
    archive.recordPublished({
      day: day.day,
      target: 'hatena',
      blog: 'https://blog.hatena.ne.jp/old/old.hatenablog.com/atom/entry',
      remoteId: '1',
      editUrl: 'https://blog.hatena.ne.jp/old/old.hatenablog.com/atom/entry/1',
      url: null,
      status: 'publish',
      firstPostedAt: '2024-03-04T00:00:00.000Z',
      lastPostedAt: '2024-03-04T00:00:00.000Z',
    });
    const r = await publishDay(archive, day.day, hatenaCredentials(), { http: quick });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.action).toBe('created');
    expect(r.value.notices[0]).toMatch(/was posted to https:\/\/blog\.hatena\.ne\.jp\/old\//);
    expect(hatena.requests.map((q) => q.method)).toEqual(['POST']);
    expect(archive.publishedPost(day.day, 'hatena')?.blog).toBe(hatena.collection);
  });

  it('a day with no entries: nothing is sent', async () => {
    const r = await publishDay(archive, '1999-01-01', hatenaCredentials(), { http: quick });
    expect(r).toEqual({
      ok: false,
      error: { kind: 'empty-day', message: 'publish: no entries filed for 1999-01-01' },
    });
    expect(hatena.requests).toHaveLength(0);
  });
});

describe('publishDay to WordPress', () => {
  it('posts the HTML fragment with the document tags as tags and the categories, then updates it', async () => {
    const r = await publishDay(archive, day.day, wordpressCredentials(), {
      http: quick,
      categories: ['国際'],
    });
    expect(wordpress.problems).toEqual([]);
    const [post] = [...wordpress.posts.values()];
    expect(post?.content).toBe(renderDigestHtml(day));
    expect(post?.status).toBe('draft');
    const names = (list: { id: number; name: string }[], ids: number[] = []): string[] =>
      ids.map((id) => list.find((t) => t.id === id)?.name ?? '?');
    expect(names(wordpress.tags, post?.tags)).toEqual(['NATOexpansion', '反ロシア', '対中露戦']);
    expect(names(wordpress.categories, post?.categories)).toEqual(['国際', 'ウクライナ情勢']);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.post.editUrl).toBe(`${wordpress.siteUrl}/wp-json/wp/v2/posts/${post?.id}`);

    const again = await publishDay(archive, day.day, wordpressCredentials(), {
      http: quick,
      status: 'publish',
    });
    expect(again.ok && again.value.action).toBe('updated');
    expect(wordpress.posts.size).toBe(1);
    expect(wordpress.posts.get(post?.id ?? 0)?.status).toBe('publish');
    expect(archive.publishedPost(day.day, 'wordpress')?.status).toBe('publish');
  });
});

describe('publishDay on the real example day', () => {
  const example = exampleDay();
  it.skipIf(example === null)('carries the rendered digest to both blogs unaltered', async () => {
    if (example === null) return;
    file(archive, example);
    await publishDay(archive, example.day, hatenaCredentials(), { http: quick });
    await publishDay(archive, example.day, wordpressCredentials(), { http: quick });
    expect(hatena.problems).toEqual([]);
    expect(wordpress.problems).toEqual([]);
    // Every character of the digest — each quote, link and tag — arrives as rendered.
    expect([...hatena.entries.values()][0]?.content).toBe(
      renderDigestHatena(example, { mode: 'hatena' }),
    );
    expect([...wordpress.posts.values()][0]?.content).toBe(renderDigestHtml(example));
  });
});
