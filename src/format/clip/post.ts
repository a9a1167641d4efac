import type { Post } from '../../model/index.js';
import type { Attribution } from './attribution.js';
import { trailingHashtagsStart } from './post-tail.js';

// t.co and other links may be glued to Japanese text (`強調https://t.co/…`); pic.twitter.com
// links come without a scheme.
const LINK = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|pic\.twitter\.com\/[A-Za-z0-9]+/g;

/**
 * Builds the Post from its exact source lines and attribution.
 *
 * @example
 * buildPost(['停戦協議へ https://t.co/AbCdEf1234'], '— ロイター (@ReutersJapan) March 4, 2024',
 *   [], { authorName: 'ロイター', handle: 'ReutersJapan', date: '2024-03-04' }).text;
 * // '停戦協議へ'
 */
export function buildPost(
  headLines: string[],
  attribution: string,
  tailLines: string[],
  who: Attribution,
): Post {
  const lines = tailLines.length === 0 ? headLines : [...headLines, ...tailLines];
  const links: string[] = [];
  const cleaned: string[] = [];
  let hashtags: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const pieces = splitLinks(line, links);
    let t = pieces.join('');
    if (i === lines.length - 1 && t.includes('#')) {
      // Trailing hashtags are looked for with the links blanked out, then removed from the text.
      const joined = pieces.join(' ');
      const run = trailingHashtagsStart(joined);
      if (run >= 0) hashtags = hashtagsOf(joined.slice(run));
      const cut = trailingHashtagsStart(t);
      if (cut >= 0) t = t.slice(0, cut);
    }
    cleaned.push(t.trimEnd());
  }
  const lastText = cleaned[cleaned.length - 1] ?? '';
  // A cut-short embed ends with `…` (before the link): drop it and the space before it.
  const truncated = lastText.endsWith('…');
  if (truncated) cleaned[cleaned.length - 1] = lastText.slice(0, -1).trimEnd();
  return {
    platform: 'x',
    headLines,
    attribution,
    tailLines,
    text: cleaned.join('\n'),
    links,
    hashtags,
    authorName: who.authorName,
    handle: who.handle,
    date: who.date,
    truncated,
  };
}

/**
 * The tags of a run of trailing hashtags (` #nhk_news #ロシア `): what follows each `#`, less the
 * white space after it — a tag is letters, digits and `_` only, so it holds no `#` or space.
 */
function hashtagsOf(run: string): string[] {
  return run
    .split('#')
    .slice(1)
    .map((t) => t.trimEnd());
}

/**
 * The text of a line around its links, in order (one more piece than links), and its links
 * pushed to `links`: one pass of the link expression serves both the links and the text.
 */
function splitLinks(line: string, links: string[]): string[] {
  const pieces: string[] = [];
  let last = 0;
  LINK.lastIndex = 0;
  for (let m = LINK.exec(line); m !== null; m = LINK.exec(line)) {
    pieces.push(line.slice(last, m.index));
    links.push(m[0]);
    last = m.index + m[0].length;
  }
  pieces.push(last === 0 ? line : line.slice(last));
  return pieces;
}
