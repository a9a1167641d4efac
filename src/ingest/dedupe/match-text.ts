import type { Entry } from '../../model/index.js';
import { normaliseLong } from '../shared/index.js';

const URL_LIKE = /(?:https?:\/\/|pic\.(?:twitter|x)\.com\/)\S+/g;

/**
 * The text an entry is compared by: its title, its post's text and its body, links removed.
 *
 * @example
 * entryText({ ...entry, origin: { kind: 'feed', title: '見出し' }, body: ['本文'] }); // '見出し\n本文'
 */
export function entryText(entry: Entry): string {
  const parts = [entry.origin?.title ?? '', entry.post?.text ?? '', ...entry.body];
  return parts
    .filter((p) => p !== '')
    .join('\n')
    .replace(URL_LIKE, '');
}

/**
 * Text reduced to what matters for matching: `normaliseForMatch` (in pieces), then letters and
 * digits only — punctuation, brackets, spaces and emoji carry no story identity, and outlets
 * differ in them most.
 *
 * @example
 * matchKey('ＮＡＴＯ、「演習」開始！'); // 'nato演習開始'
 */
export function matchKey(text: string): string {
  return matchText(text).replace(NOT_KEY, '');
}

const NOT_KEY = /[^\p{L}\p{N}]+/gu;

/**
 * {@link matchKey} before the characters that are not letters or digits are taken out: the
 * normalised text without links (what `keySketch` reads).
 *
 * @example
 * matchText('ＮＡＴＯ、「演習」開始！'); // 'nato、「演習」開始!'
 */
export function matchText(text: string): string {
  return normaliseLong(text.replace(URL_LIKE, ''));
}

/**
 * Whether a code point stays in {@link matchKey}: a letter or a digit (`\p{L}`, `\p{N}`). Kana,
 * kanji and ASCII are decided at once; others are asked of the regular expression once each.
 *
 * @example
 * isKeyChar(0x6226); // true ('戦')
 * isKeyChar(0x3001); // false ('、')
 */
export function isKeyChar(cp: number): boolean {
  if (cp < 0x80)
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  if (
    (cp >= 0x3041 && cp <= 0x3096) ||
    (cp >= 0x30a1 && cp <= 0x30fa) ||
    (cp >= 0x4e00 && cp <= 0x9fff)
  )
    return true;
  if (cp > 0xffff) return IS_KEY.test(String.fromCodePoint(cp));
  let known = KEY_CHARS[cp] as number;
  if (known === 0) {
    known = IS_KEY.test(String.fromCharCode(cp)) ? 1 : 2;
    KEY_CHARS[cp] = known;
  }
  return known === 1;
}

const IS_KEY = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit: 0 not asked yet, 1 a letter or digit, 2 not. */
const KEY_CHARS = new Uint8Array(0x10000);
