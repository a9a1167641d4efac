import type { Post } from '../../model/index.js';
import type { Attribution } from './attribution.js';

// t.co and other links may be glued to Japanese text (`強調https://t.co/…`); pic.twitter.com
// links come without a scheme.
const LINK = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|pic\.twitter\.com\/[A-Za-z0-9]+/g;
const TRAILING_HASHTAGS = /(?:\s+#[\p{L}\p{N}_]+)+\s*$/u;
const ENDS_WITH_LINK =
  /(?:https?:\/\/\S+|pic\.twitter\.com\/[A-Za-z0-9]+)(?:\s+#[\p{L}\p{N}_]+)*\s*$/u;

/** Whether a post line ends with its link (and optional hashtags): the post is complete. */
export function endsWithLink(line: string): boolean {
  return ENDS_WITH_LINK.test(line);
}

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
  const lines = [...headLines, ...tailLines];
  const links = lines.flatMap((l) => [...l.matchAll(LINK)].map((m) => m[0]));
  const last = lines[lines.length - 1] ?? '';
  const tagMatch = TRAILING_HASHTAGS.exec(last.replace(LINK, ' '));
  const hashtags = tagMatch
    ? [...tagMatch[0].matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1] ?? '')
    : [];
  const cleaned = lines.map((l, i) => {
    let t = l.replace(LINK, '');
    if (i === lines.length - 1) t = t.replace(TRAILING_HASHTAGS, '');
    return t.trimEnd();
  });
  const lastText = cleaned[cleaned.length - 1] ?? '';
  const truncated = /…$/u.test(lastText);
  if (truncated) cleaned[cleaned.length - 1] = lastText.replace(/\s*…$/u, '');
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
