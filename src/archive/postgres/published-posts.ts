import { KirinukiError } from '../../model/index.js';
import type { PublishedPost } from '../archive.js';
import type { PgConnection, PgRow } from './connection.js';

const COLUMNS = `day, target, blog, remote_id, edit_url, url, status, first_posted_at,
  last_posted_at`;

/** The `published_posts` table: where each day's digest was posted, by target. */
export class PublishedPostsTable {
  constructor(private readonly c: PgConnection) {}

  get(day: string, target: string): PublishedPost | null {
    const row = this.c.run(
      `SELECT ${COLUMNS} FROM published_posts WHERE day = $1 AND target = $2`,
      [day, target],
    )[0];
    return row ? publishedPost(row) : null;
  }

  all(): PublishedPost[] {
    return this.c
      .run(`SELECT ${COLUMNS} FROM published_posts ORDER BY day, target COLLATE "C"`)
      .map(publishedPost);
  }

  /**
   * Remembers a post, replacing the day and target's record; the first posting time survives
   * updates of the same post (same blog and remote id), another post starts afresh.
   */
  record(post: PublishedPost): void {
    try {
      this.c.run(
        `INSERT INTO published_posts (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (day, target) DO UPDATE SET
           first_posted_at = CASE WHEN published_posts.blog = EXCLUDED.blog
             AND published_posts.remote_id = EXCLUDED.remote_id
             THEN published_posts.first_posted_at ELSE EXCLUDED.first_posted_at END,
           blog = EXCLUDED.blog, remote_id = EXCLUDED.remote_id, edit_url = EXCLUDED.edit_url,
           url = EXCLUDED.url, status = EXCLUDED.status, last_posted_at = EXCLUDED.last_posted_at`,
        [
          post.day,
          post.target,
          post.blog,
          post.remoteId,
          post.editUrl,
          post.url ?? null,
          post.status,
          post.firstPostedAt,
          post.lastPostedAt,
        ],
      );
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new KirinukiError(
        'archive',
        `cannot record the ${post.target} post of ${post.day}: ${why}`,
        { cause: e },
      );
    }
  }
}

function publishedPost(row: PgRow): PublishedPost {
  return {
    day: String(row.day),
    target: String(row.target),
    blog: String(row.blog),
    remoteId: String(row.remote_id),
    editUrl: String(row.edit_url),
    url: row.url === null ? null : String(row.url),
    status: row.status === 'publish' ? 'publish' : 'draft',
    firstPostedAt: String(row.first_posted_at),
    lastPostedAt: String(row.last_posted_at),
  };
}
