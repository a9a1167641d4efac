import { foldCode, foldWidth, mayFold } from './fold.js';

/**
 * The version of the rules below. Whatever stores normalised text (the archive's search index
 * and normalised names) records it, and normalises again when it changes: a query normalised by
 * new rules does not meet text indexed by old ones. Raise it with any change to what
 * `normaliseForMatch` gives for some text.
 *
 * - 1: NFKC, lower case, ヴ spellings, ー ｰ ― ‐ − after katakana, ・ = between katakana.
 * - 2: the fold of fold.ts: small vowels as large, 〜 ～ ~ as long vowel marks too,
 *   neighbours read as written.
 *
 * @example
 * if (storedVersion !== NORMALISATION_VERSION) reindex();
 */
export const NORMALISATION_VERSION = 2;

/**
 * Normalisation for matching, never for storage: stored text keeps the curator's exact bytes.
 *
 * Both the index and the query go through the same function, so a query matches the text when
 * it matches after NFKC (full-width ASCII and digits, half-width katakana, compatibility
 * characters) and lower case, then the katakana folding of `fold.ts` — the same function the
 * gazetteer's matcher uses, so search and annotation agree on every rule:
 * - small vowels as large ones (イェルマーク = イエルマーク);
 * - ヴァ/ヴィ/ヴ/ヴェ/ヴォ as バ/ビ/ブ/ベ/ボ (ヴォロディミル = ボロディミル);
 * - the long vowel mark after katakana dropped (ゼレンスキー = ゼレンスキ), and its look-alikes
 *   there too (ｰ ― ‐ − 〜 ～; see `LONG_VOWEL_MARKS` in chars.ts): ゼレンスキ〜 = ゼレンスキ;
 * - the middle dot or equals sign between two katakana dropped (ミック・ウォレス = ミックウォレス).
 *
 * Speed matters: every imported entry and every query goes through here. The folding jumps from
 * one unit that may fold to the next and copies the text between whole; the simple
 * character-by-character specification lives in `test/fixtures/normalise-reference.ts` and
 * the property tests keep the two equal.
 *
 * @example
 * normaliseForMatch('ヴォロディミル・ゼレンスキー'); // 'ボロディミルゼレンスキ'
 */
export function normaliseForMatch(text: string): string {
  return fold(text.normalize('NFKC').toLowerCase(), null).text;
}

/** A normalised text with, for each of its UTF-16 units, the offset it came from. */
export interface MappedText {
  text: string;
  /** `map[i]` is the source offset of `text[i]`; `map[text.length]` is the source length. */
  map: number[];
}

/**
 * Same as {@link normaliseForMatch}, and also maps every normalised unit back to its source
 * offset, so a match found in normalised text can be highlighted in the original. Characters
 * that NFKC and lower-casing leave alone are copied in runs, not normalised one by one.
 *
 * @example
 * const m = normaliseWithMap('ＮＡＴＯ首脳');
 * m.text; // 'nato首脳'
 * m.map[4]; // 4 — '首' came from offset 4
 */
export function normaliseWithMap(text: string): MappedText {
  let out = '';
  const map: number[] = [];
  let span = 0; // start of the run of stable characters not yet copied to `out`
  let i = 0;
  while (i < text.length) {
    const start = i;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    if (isStable(c) && (i >= text.length || !isCombining(text.charCodeAt(i)))) {
      map.push(start);
      continue;
    }
    // Keep combining marks (including half-width dakuten) with their base character.
    while (i < text.length && isCombining(text.charCodeAt(i))) i += 1;
    const piece = text.slice(start, i).normalize('NFKC').toLowerCase();
    out += text.slice(span, start) + piece;
    span = i;
    for (let k = 0; k < piece.length; k += 1) map.push(start);
  }
  out += text.slice(span);
  map.push(text.length);
  return fold(out, map);
}

/**
 * Characters that NFKC and lower-casing map to themselves, whatever surrounds them (unless a
 * combining mark follows): ASCII other than capitals, kana, CJK ideographs and the common
 * Japanese punctuation. Checked exhaustively by the tests.
 */
function isStable(c: number): boolean {
  if (c < 0x80) return c >= 0x20 && !(c >= 0x41 && c <= 0x5a);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fe) ||
    (c >= 0x3001 && c <= 0x3003) ||
    (c >= 0x3005 && c <= 0x3011)
  );
}

/**
 * The katakana folding of fold.ts applied to a whole NFKC text: `foldCode` at each unit that
 * may fold (`mayFold`), the text between copied whole. Decisions look at the neighbours in
 * `text`, as `foldCode` does in the raw text, so the result is the unit-by-unit fold. A
 * char-code scan, not a regular expression: small vowels and ー are common, and a match object
 * per stop cost a third of the speed.
 */
function fold(text: string, map: number[] | null): MappedText {
  let out = '';
  const outMap: number[] = [];
  let span = 0; // start of the input not yet copied to the output
  for (let i = 0; i < text.length; i += 1) {
    if (!mayFold(text.charCodeAt(i))) continue;
    const code = foldCode(text, i);
    const width = foldWidth(text, i);
    if (width === 1 && code === text.charCodeAt(i)) continue;
    if (map) for (let k = span; k < i; k += 1) outMap.push(map[k] as number);
    if (map && code >= 0) outMap.push(map[i] as number);
    out += code >= 0 ? text.slice(span, i) + String.fromCharCode(code) : text.slice(span, i);
    span = i + width;
    i = span - 1;
  }
  if (span === 0) return { text, map: map ?? [] };
  if (map) {
    for (let k = span; k <= text.length; k += 1) outMap.push(map[k] as number);
  }
  return { text: out + text.slice(span), map: map ? outMap : [] };
}

/** The marks `normaliseWithMap` keeps with the character before them. */
function isCombining(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    c === 0x3099 ||
    c === 0x309a ||
    c === 0xff9e ||
    c === 0xff9f ||
    (c >= 0xfe00 && c <= 0xfe0f)
  );
}
