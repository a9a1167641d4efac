import * as crypto from 'node:crypto';
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

// One-shot `crypto.hash` builds no Hash object per entry and takes about half the time; it hashes
// the same UTF-8 bytes, so the ids are the same (they are stored in archives and must never
// change). It needs Node 20.12; older Node 20 releases fall back to `createHash`.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

function hashKey(key: string): string {
  const hex = oneShot
    ? oneShot('sha256', key, 'hex')
    : crypto.createHash('sha256').update(key).digest('hex');
  return hex.slice(0, 16);
}
