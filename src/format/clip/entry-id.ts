import { createHash } from 'node:crypto';
import type { Entry } from '../../model/index.js';
import { normaliseForMatch } from '../../text/index.js';

/**
 * A stable id derived from content, so that importing the same thing twice is a no-op: the
 * captured URL when there is one, else the post's author and first link, else its text.
 *
 * @example
 * entryId({ ...entry, origin: { kind: 'article', url: 'https://example.jp/a/1' } }); // 'a3f…' (16 hex)
 */
export function entryId(entry: Omit<Entry, 'id'>): string {
  return hashKey(entryKey(entry));
}

function entryKey(entry: Omit<Entry, 'id'>): string {
  if (entry.origin?.url) return `url:${entry.origin.url}`;
  const post = entry.post;
  if (post) {
    const link = post.links[0];
    const what = link ?? normaliseForMatch(post.text);
    return `x:${post.handle.toLowerCase()}:${what}`;
  }
  const text = [...entry.body, ...entry.summaries.map((s) => s.raw)].join('\n');
  return `text:${normaliseForMatch(text)}`;
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
