import type { Database, Statement } from 'better-sqlite3';
import { KirinukiError } from '../../model/index.js';
import type { PublishedPost } from '../archive.js';

interface PublishedRow {
  day: string;
  target: string;
  blog: string;
  remote_id: string;
  edit_url: string;
  url: string | null;
  status: PublishedPost['status'];
  first_posted_at: string;
  last_posted_at: string;
}

/**
 * The `published_posts` table (migration 3): where each day's digest was posted, by target,
 * for `Archive.publishedPost` and `Archive.recordPublished`.
 */
export class PublishedPosts {
  private readonly byDay: Statement;
  private readonly upsert: Statement;
  private readonly everyPost: Statement;

  constructor(db: Database) {
    this.everyPost = db.prepare('SELECT * FROM published_posts ORDER BY day, target');
    this.byDay = db.prepare('SELECT * FROM published_posts WHERE day = ? AND target = ?');
    // The first posting time survives updates of the same post; another post (re-created
    // after it was deleted, or on another blog) starts afresh.
    this.upsert = db.prepare(
      `INSERT INTO published_posts (day, target, blog, remote_id, edit_url, url, status,
         first_posted_at, last_posted_at)
       VALUES (@day, @target, @blog, @remoteId, @editUrl, @url, @status, @firstPostedAt,
         @lastPostedAt)
       ON CONFLICT (day, target) DO UPDATE SET
         first_posted_at = CASE WHEN blog = excluded.blog AND remote_id = excluded.remote_id
           THEN first_posted_at ELSE excluded.first_posted_at END,
         blog = excluded.blog, remote_id = excluded.remote_id, edit_url = excluded.edit_url,
         url = excluded.url, status = excluded.status, last_posted_at = excluded.last_posted_at`,
    );
  }

  get(day: string, target: string): PublishedPost | null {
    const row = this.byDay.get(day, target) as PublishedRow | undefined;
    return row ? publishedPost(row) : null;
  }

  /** Every remembered post, by day then target: a table of one row per day and blog. */
  all(): PublishedPost[] {
    return (this.everyPost.all() as PublishedRow[]).map(publishedPost);
  }

  record(post: PublishedPost): void {
    try {
      this.upsert.run({ ...post, url: post.url ?? null });
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

function publishedPost(row: PublishedRow): PublishedPost {
  return {
    day: row.day,
    target: row.target,
    blog: row.blog,
    remoteId: row.remote_id,
    editUrl: row.edit_url,
    url: row.url,
    status: row.status,
    firstPostedAt: row.first_posted_at,
    lastPostedAt: row.last_posted_at,
  };
}
