import type { Post } from '../../model/index.js';

/**
 * Whether the lines after a post are the post's own full text rather than an article: commentary
 * embeds are cut short (`… pic.twitter.com/…`) and curators paste the whole text after them,
 * with line breaks merged differently. So the body, ignoring white space, starts with what the
 * embed showed.
 */
export function isFullTextOf(post: Post, body: readonly string[]): boolean {
  const shown = squash(post.text);
  if (shown.length < 8) return false;
  // Only the start of the body matters; don't join, let alone normalise, a whole article.
  const full = squash(joinedStart(body, post.text.length * 2 + 64));
  if (full.startsWith(shown)) return true;
  // Tolerate small differences near the cut (an emoji or a character dropped by the embed).
  return commonPrefix(shown, full) >= Math.max(20, Math.floor(shown.length * 0.9));
}

/** `lines.join('').slice(0, length)`, joining only the lines it takes. */
function joinedStart(lines: readonly string[], length: number): string {
  let out = '';
  for (const line of lines) {
    if (out.length >= length) break;
    out += line;
  }
  return out.slice(0, length);
}

function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  return i;
}
