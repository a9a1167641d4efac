import type { Archive, PublishedPost } from '../archive/index.js';
import type {
  BlogClient,
  BlogCredentials,
  BlogFailure,
  BlogHttpOptions,
  BlogPostInput,
  PostStatus,
  RemotePost,
} from '../blog/index.js';
import { err, ok, type Result } from '../model/index.js';
import {
  documentTags,
  renderDigestHatena,
  renderDigestHtml,
  type DigestDay,
} from '../publish/index.js';
import { digestDayOf } from './digest-of-day.js';

/** How a day is published; everything has a default. */
export interface PublishDayOptions {
  /**
   * `publish` makes the post public, `draft` makes it a draft. Unset, a new post is a draft and
   * an existing one keeps the status it has on the blog.
   */
  status?: PostStatus;
  /** The post's title; `2024年3月4日の切り抜き` by default. */
  title?: string;
  /** Categories to file the post in, besides the day's document tags (added first). */
  categories?: readonly string[];
  /** Retries, back-off and time-outs of the blog client. */
  http?: BlogHttpOptions;
  /** The clock of the record's times. */
  now?: () => Date;
}

/** What publishing did. */
export interface PublishOutcome {
  /** `recreated`: the post remembered for the day was gone from the blog, so it was posted anew. */
  action: 'created' | 'updated' | 'recreated';
  /** Where the day now is on the blog, as the archive remembers it. */
  post: PublishedPost;
  /** What the curator should know besides. */
  notices: string[];
}

/** Why nothing was published: a blog's failure, or nothing filed for the day. */
export type PublishFailure = BlogFailure | { kind: 'empty-day'; message: string };

/**
 * Posts a filed day's digest to a blog, or updates the post it was posted as before: renders
 * the day in the blog's markup (Hatena notation or Markdown per the blog's `syntax`, HTML for
 * WordPress), files it under the day's document tags, sends it with the blog's client, and
 * records where it went in the archive — only once the blog has accepted it. The post
 * remembered for the day and target is updated, never duplicated; when it was deleted on the
 * blog, or the day was posted to another blog of that kind, a new post is made and remembered.
 *
 * @example
 * const r = await publishDay(archive, '2024-03-04', hatenaCredentials, { status: 'publish' });
 * if (r.ok) console.log(r.value.action, r.value.post.url); // created https://….hatenablog.com/entry/…
 */
export async function publishDay(
  archive: Archive,
  day: string,
  target: BlogCredentials,
  options: PublishDayOptions = {},
): Promise<Result<PublishOutcome, PublishFailure>> {
  const digest = digestDayOf(archive, day);
  if (digest.entries.length === 0)
    return err({ kind: 'empty-day', message: `publish: no entries filed for ${day}` });
  const post: BlogPostInput = {
    title: options.title ?? defaultPostTitle(day),
    content: blogContent(digest, target),
    tags: documentTags(digest),
    categories: [
      ...(options.categories ?? []),
      ...(target.target === 'wordpress' ? target.categories : []),
    ],
  };
  const client = await clientFor(target, options.http);
  try {
    const posted = await postOrUpdate(
      client,
      archive.publishedPost(day, target.target),
      post,
      options.status,
    );
    if (!posted.ok) return posted;
    const { remote, action, notices } = posted.value;
    const at = (options.now ?? (() => new Date()))().toISOString();
    const record: PublishedPost = {
      day,
      target: target.target,
      blog: client.blog,
      remoteId: remote.remoteId,
      editUrl: remote.editUrl,
      url: remote.url,
      status: remote.status,
      firstPostedAt: at,
      lastPostedAt: at,
    };
    archive.recordPublished(record);
    return ok({ action, post: archive.publishedPost(day, target.target) ?? record, notices });
  } finally {
    await client.close();
  }
}

async function postOrUpdate(
  client: BlogClient,
  before: PublishedPost | null,
  post: BlogPostInput,
  status: PostStatus | undefined,
): Promise<
  Result<{ remote: RemotePost; action: PublishOutcome['action']; notices: string[] }, BlogFailure>
> {
  const notices: string[] = [];
  if (before !== null && before.blog === client.blog) {
    const updated = await client.update(before.editUrl, { ...post, status });
    if (updated.ok) return ok({ remote: updated.value, action: 'updated', notices });
    if (updated.error.kind !== 'not-found') return updated;
    notices.push(
      `publish: the post of ${before.day} (${before.editUrl}) is gone from the blog; posting it anew`,
    );
  } else if (before !== null) {
    notices.push(
      `publish: ${before.day} was posted to ${before.blog} before; posting to ${client.blog} now, and remembering this post instead`,
    );
  }
  const created = await client.create({ ...post, status: status ?? 'draft' });
  if (!created.ok) return created;
  const action = before !== null && before.blog === client.blog ? 'recreated' : 'created';
  return ok({ remote: created.value, action, notices });
}

/**
 * The day's digest in the markup the blog reads: Hatena notation or Hatena's Markdown (as the
 * blog is set), an HTML fragment for WordPress.
 *
 * @example
 * blogContent(day, wordpressCredentials); // '<div class="kirinuki-digest">\n…'
 */
export function blogContent(day: DigestDay, target: BlogCredentials): string {
  return target.target === 'hatena'
    ? renderDigestHatena(day, { mode: target.syntax })
    : renderDigestHtml(day);
}

/**
 * The title a day's post gets unless told otherwise.
 *
 * @example
 * defaultPostTitle('2024-03-04'); // '2024年3月4日の切り抜き'
 */
export function defaultPostTitle(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日の切り抜き`;
}

/**
 * The blog's client, loaded when a day is published: the pipeline barrel is imported by every
 * command, and the clients bring undici, feedsmith and zod with them.
 */
async function clientFor(
  target: BlogCredentials,
  http: BlogHttpOptions | undefined,
): Promise<BlogClient> {
  const { createHatenaClient, createWordPressClient } = await import('../blog/index.js');
  return target.target === 'hatena'
    ? createHatenaClient(target, http)
    : createWordPressClient(target, http);
}
