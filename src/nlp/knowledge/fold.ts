/**
 * Character folding for dictionary matching, one UTF-16 unit at a time so the matcher can walk
 * the original text without building a normalised copy (normaliseWithMap allocates a map of the
 * whole text and is far too slow for the hot path). The rules follow `normaliseForMatch` in
 * src/text for what names need: full-width ASCII → ASCII, lower case, ヴァ → バ, small vowels → large
 * (イェ → イエ), and the long vowel
 * mark or a middle dot after katakana skipped (ゼレンスキー = ゼレンスキ, ミック・ウォレス =
 * ミックウォレス).
 */

/** What one step of folding gives: the folded unit (or -1 to skip) and the next index. */
export interface FoldStep {
  code: number;
  next: number;
}

const SMALL_TO_V: Record<number, number> = {
  0x30a1: 0x30d0,
  0x30a3: 0x30d3,
  0x30a7: 0x30d9,
  0x30a9: 0x30dc,
};
const LONG_VOWELS = new Set([0x30fc, 0x2015, 0x2010, 0x2212, 0xff70, 0x301c]);
const JOINERS = new Set([0x30fb, 0xff65, 0x3d, 0xff1d]);

/** True for the long vowel mark and its look-alikes. */
export function isLongVowelCode(c: number): boolean {
  return LONG_VOWELS.has(c);
}

/** True for katakana letters and the long vowel mark. */
export function isKatakanaCode(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}

/** True for CJK ideographs (and 々 〆 ヶ, which behave as kanji inside words). */
export function isKanjiCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    c === 0x3005 ||
    c === 0x3006 ||
    c === 0x30f6 ||
    (c >= 0x3400 && c <= 0x4dbf)
  );
}

/** True for ASCII and full-width letters, digits and the underscore. */
export function isAlnumCode(c: number): boolean {
  const a = c >= 0xff10 && c <= 0xff5a ? c - 0xfee0 : c;
  // `_` too: handles such as cnn_co_jp are one word, not the outlet name CNN.
  return (
    (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5a) || (a >= 0x61 && a <= 0x7a) || a === 0x5f
  );
}

/**
 * Folds the unit at `i`. Returns code -1 for a unit that matching ignores.
 *
 * @example
 * foldAt('ゼレンスキー', 5); // { code: -1, next: 6 } — the long vowel mark is skipped
 */
export function foldAt(text: string, i: number): FoldStep {
  const code = foldCode(text, i);
  return { code, next: i + foldWidth(text, i) };
}

/**
 * The folded unit at `i` (-1 to skip), without allocating: the matcher's hot loop calls this
 * once per character, and {@link foldWidth} only when the unit is ヴ.
 */
export function foldCode(text: string, i: number): number {
  let c = text.charCodeAt(i);
  if (c < 0x41) return c;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c === 0x30f4) return SMALL_TO_V[text.charCodeAt(i + 1)] ?? 0x30d6;
  // Small vowels are a spelling choice in names (イェルマーク = イエルマーク).
  if (c >= 0x30a1 && c <= 0x30a9 && (c & 1) === 1) return c + 1;
  // Kanji and kana other than ー and ・ are by far the most common units: leave them at once.
  if (c < 0x2010 || c > 0xff70 || (c > 0x301c && c < 0x30fb) || c > 0x30fc) {
    if (c !== 0x3d && c !== 0xff1d && c !== 0xff65 && c !== 0xff70) return c;
  }
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  if (LONG_VOWELS.has(c) && isKatakanaCode(prev)) return -1;
  if (JOINERS.has(c) && isKatakanaCode(prev) && isKatakanaCode(text.charCodeAt(i + 1))) return -1;
  return c;
}

/** How many units {@link foldCode} consumed at `i`: 2 for ヴァ ヴィ ヴェ ヴォ, else 1. */
export function foldWidth(text: string, i: number): number {
  return text.charCodeAt(i) === 0x30f4 && SMALL_TO_V[text.charCodeAt(i + 1)] !== undefined ? 2 : 1;
}

/** Folds a whole word the same way, for building dictionaries. */
export function foldWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length;) {
    const step = foldAt(word, i);
    if (step.code >= 0) out += String.fromCharCode(step.code);
    i = step.next;
  }
  return out;
}
