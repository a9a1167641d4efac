import type { Result } from '../model/index.js';

/** The blogs a digest can be posted to. */
export const BLOG_TARGETS = ['hatena', 'wordpress'] as const;
export type BlogTarget = (typeof BLOG_TARGETS)[number];

/** Public or a draft, in the words of the WordPress REST API. */
export type PostStatus = 'draft' | 'publish';

/** A post as kirinuki sends it; each client maps it to its blog's protocol. */
export interface BlogPostInput {
  title: string;
  /** The body, already in the markup the blog reads (Hatena notation, Markdown, HTML). */
  content: string;
  /** Keywords of the post: Hatena Blog categories, WordPress tags. */
  tags: readonly string[];
  /** Sections of the blog: WordPress categories; Hatena Blog has only categories and adds them. */
  categories: readonly string[];
  /**
   * Public or draft. Left out of an update, the post keeps the status it has on the blog now
   * (a draft the curator made public in the blog's editor stays public).
   */
  status?: PostStatus;
}

/** A post as the blog reports it after creating or updating it. */
export interface RemotePost {
  /** Hatena's entry id, WordPress's post id. */
  remoteId: string;
  /** Where the post is read and updated through the API (Hatena's member URI, WordPress's item route). */
  editUrl: string;
  /** The post's page, when the blog said. */
  url: string | null;
  status: PostStatus;
}

/**
 * Why posting failed: an expected outcome, not an exception. `message` starts with `blog: `,
 * names the blog and carries the server's own message; it never contains a secret.
 */
export interface BlogFailure {
  kind:
    | 'config' // missing or unsafe settings: nothing was sent
    | 'auth' // 401: the blog refused the credentials
    | 'not-found' // 404 on an existing post: it was deleted on the blog
    | 'rejected' // another 4xx: the blog refused the request, and would again
    | 'unavailable' // 5xx or the network, still after the retries
    | 'protocol'; // an answer this client cannot read
  message: string;
  /** The HTTP status of the answer that failed, when there was one. */
  status?: number;
}

/** The client of one blog, for one run: create or update a post, then close. */
export interface BlogClient {
  readonly target: BlogTarget;
  /** Which blog this is (its AtomPub collection, its REST root): what the archive records. */
  readonly blog: string;
  create(post: BlogPostInput): Promise<Result<RemotePost, BlogFailure>>;
  /** Updates the post at `editUrl` (a `RemotePost.editUrl` this blog gave). */
  update(editUrl: string, post: BlogPostInput): Promise<Result<RemotePost, BlogFailure>>;
  /** Closes the connections; closing twice is harmless. */
  close(): Promise<void>;
}

/** How the clients talk to the network; every value has a safe default. */
export interface BlogHttpOptions {
  /** Retries after a 5xx, 429 or network error. Default 3. */
  retries?: number;
  /** The first back-off in ms, doubled at each retry. Default 1,000. */
  retryDelayMs?: number;
  /** The longest wait between tries, `Retry-After` included. Default 30,000 ms. */
  maxRetryDelayMs?: number;
  /** Time for one request, headers and body. Default 30,000 ms. */
  timeoutMs?: number;
  /** How to wait between tries; tests pass one that records the delays. */
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
}
