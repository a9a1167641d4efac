import { isKanji } from '../../text/index.js';

/**
 * The units text features are made of: the word characters of normalised text. Japanese has
 * no spaces, so character bigrams stand in for words (ロシ, シア, 凍結, 結資…); punctuation and
 * spaces break a run, so no bigram straddles two phrases. Digits all become `0`: 17日 and 18日
 * are the same feature. An emoji is one unit, so a flag (🇷🇺, two regional indicators) is a
 * bigram of its own.
 */

const VARIATION_SELECTOR = 0xfe0f;

/** Whether a code point is part of a word: letters, digits, kana, kanji, emoji. */
export function isWordUnit(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z (text is lower-cased)
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x3041 && c <= 0x30ff && c !== 0x30fb) || // kana without the middle dot
    isKanji(c) ||
    c > 0xffff // emoji and rare kanji
  );
}

/**
 * Calls `visit(a, b)` for every pair of adjacent word units of `text`, in order.
 *
 * @example
 * const pairs: string[] = [];
 * forEachBigram('露朝 会談', (a, b) => pairs.push(String.fromCodePoint(a, b)));
 * pairs; // ['露朝', '会談']
 */
export function forEachBigram(text: string, visit: (a: number, b: number) => void): void {
  let prev = -1;
  for (let i = 0; i < text.length; i += 1) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      c = text.codePointAt(i) as number;
      i += 1;
    }
    if (c === VARIATION_SELECTOR) continue;
    if (!isWordUnit(c)) {
      prev = -1;
      continue;
    }
    if (c >= 0x30 && c <= 0x39) c = 0x30;
    if (prev >= 0) visit(prev, c);
    prev = c;
  }
}
