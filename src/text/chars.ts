/**
 * The character classes of Japanese text, defined once for every layer: the normaliser, the
 * gazetteer's per-unit folding, the clip parser and the summary-line writer all ask these. Each
 * class is a predicate on one UTF-16 unit (for scanners that walk `charCodeAt`, which allocates
 * nothing) and the same set as a regular-expression class body (for patterns), and the tests
 * check that the two agree on every BMP unit.
 *
 * Surrogate pairs are never letters here: a kanji outside the BMP (𠮟) is rare enough in news
 * that a word containing one is split there rather than every scanner paying for pairs.
 */

/** Katakana letters ァ…ヺ and the long vowel mark ー, which writes a vowel inside a katakana word. */
export const KATAKANA_CLASS = '\\u30a1-\\u30fa\\u30fc';
/** Hiragana ぁ…ゖ (not the iteration marks ゝゞ, not the voicing marks). */
export const HIRAGANA_CLASS = '\\u3041-\\u3096';
/**
 * CJK ideographs (the unified block and extension A), and 々 〆 ヶ, which behave as kanji
 * inside words (佐々木, 〆切, 霞ヶ関).
 */
export const KANJI_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3005\\u3006\\u30f6';

/**
 * An age in brackets as news writes it after a person (`男性(24)`, `Yさん（５２）`), as a pattern
 * body: the annotator reads past it between a name and its particle, copula or verb.
 */
export const AGE_IN_BRACKETS = '[(（][0-9０-９]{1,3}[)）]';

/**
 * True for a katakana letter or the long vowel mark ー; false for NaN (out of range), so
 * `isKatakana(text.charCodeAt(i - 1))` needs no bounds check.
 *
 * @example
 * isKatakana('ロ'.charCodeAt(0)); // true
 * isKatakana('・'.charCodeAt(0)); // false — the middle dot joins words, it is no letter
 */
export function isKatakana(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}

/**
 * True for a hiragana letter.
 *
 * @example
 * isHiragana('た'.charCodeAt(0)); // true
 */
export function isHiragana(c: number): boolean {
  return c >= 0x3041 && c <= 0x3096;
}

/**
 * True when `text` holds a hiragana letter anywhere: words written with kana are said, not names.
 *
 * @example
 * hasHiragana('ロシアが優勢だ'); // true
 * hasHiragana('国家情報院'); // false
 */
export function hasHiragana(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (isHiragana(text.charCodeAt(i))) return true;
  return false;
}

/**
 * True when every unit of a non-empty `text` passes `is`: a word written in one script.
 *
 * @example
 * isWordOf('河智勲', isKanji); // true
 * isWordOf('ペスコフ', isKatakana); // true
 * isWordOf('ペスコフ氏', isKatakana); // false
 */
export function isWordOf(text: string, is: (c: number) => boolean): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) if (!is(text.charCodeAt(i))) return false;
  return true;
}

/**
 * True for a kanji, or 々 〆 ヶ.
 *
 * @example
 * isKanji('露'.charCodeAt(0)); // true
 * isKanji('々'.charCodeAt(0)); // true
 */
export function isKanji(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    c === 0x3005 ||
    c === 0x3006 ||
    c === 0x30f6 ||
    (c >= 0x3400 && c <= 0x4dbf)
  );
}

/**
 * True for ASCII and full-width letters and digits, and the underscore: the units of a Latin
 * word. `_` too, because handles such as cnn_co_jp are one word, not the outlet name CNN.
 *
 * @example
 * isAlnum('Ｎ'.charCodeAt(0)); // true
 */
export function isAlnum(c: number): boolean {
  const a = c >= 0xff10 && c <= 0xff5a ? c - 0xfee0 : c;
  return (
    (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5a) || (a >= 0x61 && a <= 0x7a) || a === 0x5f
  );
}

/**
 * The marks that write a long vowel after katakana, as news and posts type them: ー and its
 * half-width form ｰ, and the look-alikes ― ‐ − (dash, hyphen, minus), the wave dash 〜 and the
 * full-width tilde ～, which is how Windows encodes the wave dash, and so the ASCII tilde ~ that
 * NFKC makes of it. The ASCII hyphen is not one: `F-16`, `ロシア-ウクライナ` join words.
 */
export const LONG_VOWEL_MARKS: readonly number[] = [
  0x30fc, 0xff70, 0x2015, 0x2010, 0x2212, 0x301c, 0xff5e, 0x7e,
];

/**
 * The marks that join the parts of a foreign name between katakana: the middle dot ・ (and its
 * half-width ･) and the equals sign = (and its full-width ＝), as in `ミック・ウォレス`.
 */
export const JOINERS: readonly number[] = [0x30fb, 0xff65, 0x3d, 0xff1d];

const LONG_VOWEL_SET = new Set(LONG_VOWEL_MARKS);
const JOINER_SET = new Set(JOINERS);

/**
 * True for the long vowel mark and its look-alikes ({@link LONG_VOWEL_MARKS}).
 *
 * @example
 * isLongVowelMark('〜'.charCodeAt(0)); // true
 * isLongVowelMark('-'.charCodeAt(0)); // false
 */
export function isLongVowelMark(c: number): boolean {
  return LONG_VOWEL_SET.has(c);
}

/**
 * True for a mark that joins the parts of a katakana name ({@link JOINERS}).
 *
 * @example
 * isJoiner('・'.charCodeAt(0)); // true
 */
export function isJoiner(c: number): boolean {
  return JOINER_SET.has(c);
}
