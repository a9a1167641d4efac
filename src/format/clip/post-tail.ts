import { isSpace } from './lines.js';

// The end of a post's last line: its link, then hashtags (` #nhk_news`). Both are read from
// the end by hand: the patterns they replace, `(?:\s+#[\p{L}\p{N}_]+)+\s*$` and one for the
// link, are not anchored at the start, so a line of ` #a #a … !` or of `http://` repeated made
// them try every start — quadratic time on text anyone can paste.
const WORD = /^[\p{L}\p{N}_]$/u;

/**
 * Where the run of trailing hashtags starts — the white space before the first `#` of
 * ` #a #b ` at the end of `line` — or -1 when the line does not end with one. The same answer
 * as `/(?:\s+#[\p{L}\p{N}_]+)+\s*$/u.exec(line)?.index ?? -1`.
 *
 * @example
 * trailingHashtagsStart('攻撃 https://t.co/x #nhk_news '); // 21
 */
export function trailingHashtagsStart(line: string): number {
  let i = skipSpaceBack(line, line.length);
  let start = -1;
  for (;;) {
    const wordStart = skipWordBack(line, i);
    if (wordStart === i || line.charCodeAt(wordStart - 1) !== 0x23 /* # */) break;
    const hash = wordStart - 1;
    const spaceStart = skipSpaceBack(line, hash);
    if (spaceStart === hash) break;
    start = spaceStart;
    i = spaceStart;
  }
  return start;
}

/**
 * Whether a post line ends with its link and, optionally, hashtags: the post is complete. The
 * same answer as `/(?:https?:\/\/\S+|pic\.twitter\.com\/[A-Za-z0-9]+)(?:\s+#[\p{L}\p{N}_]+)*\s*$/u`.
 *
 * @example
 * endsWithLink('停戦協議へ https://t.co/AbCdEf1234 #nhk_news'); // true
 */
export function endsWithLink(line: string): boolean {
  const tags = trailingHashtagsStart(line);
  const end = tags >= 0 ? tags : skipSpaceBack(line, line.length);
  // `https?://\S+`: the scheme anywhere in the last run of non-space characters.
  let tokenStart = end;
  while (tokenStart > 0 && !isSpace(line.charCodeAt(tokenStart - 1))) tokenStart -= 1;
  const token = line.slice(tokenStart, end);
  const scheme = token.search(/https?:\/\//u);
  if (scheme >= 0 && scheme + (token.startsWith('https', scheme) ? 8 : 7) < token.length)
    return true;
  // `pic\.twitter\.com\/[A-Za-z0-9]+` right at the end.
  const pic = token.lastIndexOf('pic.twitter.com/');
  if (pic < 0) return false;
  const id = token.slice(pic + 'pic.twitter.com/'.length);
  return /^[A-Za-z0-9]+$/u.test(id);
}

function skipSpaceBack(line: string, from: number): number {
  let i = from;
  while (i > 0 && isSpace(line.charCodeAt(i - 1))) i -= 1;
  return i;
}

/** The start of the run of `[\p{L}\p{N}_]` ending at `from`, read by code point. */
function skipWordBack(line: string, from: number): number {
  let i = from;
  while (i > 0) {
    const low = line.charCodeAt(i - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && i > 1 && isHighSurrogate(line.charCodeAt(i - 2));
    const at = pair ? i - 2 : i - 1;
    if (!WORD.test(line.slice(at, i))) break;
    i = at;
  }
  return i;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
