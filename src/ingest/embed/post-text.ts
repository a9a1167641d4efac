const LINK = /(?:https?:\/\/|pic\.(?:twitter|x)\.com\/)[^\s<>"]+/g;
const TRAILING_HASHTAG = /(?:^|[\s\u3000])[#＃]([^\s#＃\u3000]+)[\s\u3000]*$/u;

/** The derived fields of a post's text, as `Post` keeps them. */
export interface PostText {
  text: string;
  links: string[];
  hashtags: string[];
  truncated: boolean;
}

/**
 * Splits a post's lines into its text, links and trailing hashtags. X cuts long posts with
 * `…` right before the t.co or pic.twitter.com link, so a text ending in `…` once links are
 * gone is a truncated post.
 *
 * @example
 * analysePostText(['停戦案を協議… https://t.co/abc']);
 * // { text: '停戦案を協議…', links: ['https://t.co/abc'], hashtags: [], truncated: true }
 */
export function analysePostText(lines: readonly string[]): PostText {
  const joined = lines.join('\n');
  const links = [...joined.matchAll(LINK)].map((m) => m[0]);
  let text = joined
    .replace(LINK, '')
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+$/u, ''))
    .join('\n')
    .trim();
  const hashtags: string[] = [];
  for (let m = TRAILING_HASHTAG.exec(text); m; m = TRAILING_HASHTAG.exec(text)) {
    hashtags.unshift(m[1] ?? '');
    text = text.slice(0, m.index).trimEnd();
  }
  return { text, links, hashtags, truncated: text.endsWith('…') || text.endsWith('...') };
}

/** Milliseconds between the Unix epoch and X's snowflake epoch (2010-11-04). */
const SNOWFLAKE_EPOCH = 1288834974657n;

/**
 * The UTC day a post was made, read from its status id (a snowflake carries its timestamp in
 * the upper bits). Ids before snowflakes (2010) give `undefined`.
 *
 * @example
 * dateFromStatusId('1747871244170555421'); // '2024-01-18'
 */
export function dateFromStatusId(id: string): string | undefined {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  const ms = (BigInt(id) >> 22n) + SNOWFLAKE_EPOCH;
  if (BigInt(id) < 1n << 32n) return undefined;
  return new Date(Number(ms)).toISOString().slice(0, 10);
}
