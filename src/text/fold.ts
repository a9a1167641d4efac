import { isKatakana, JOINERS, LONG_VOWEL_MARKS } from './chars.js';

/**
 * The katakana folding rules, defined once, one UTF-16 unit at a time so that the gazetteer's
 * matcher can walk the original text without building a normalised copy, and the normaliser
 * (normalise.ts) applies the very same function to its NFKC text. A unit folds to:
 * - ASCII for full-width ASCII (ＮＡＴＯ), lower case for A–Z, ー for ｰ and ・ for ･ (what NFKC
 *   and lower-casing give, for the units names are written in);
 * - the large vowel for a small one (イェルマーク = イエルマーク, ウォロディミル = ウオロディミル);
 * - バ ビ ベ ボ for ヴァ ヴィ ヴェ ヴォ (two units), ブ for ヴ otherwise, ぶ for ゔ;
 * - nothing (-1, skipped) for a long vowel mark after katakana (ゼレンスキー = ゼレンスキ〜 =
 *   ゼレンスキ), or a joiner between katakana (ミック・ウォレス = ミックウォレス); "after" and
 *   "between" look at the neighbouring units of the text as they are, not at what they fold
 *   to, so each unit's fold depends only on its neighbours and costs O(1): a long vowel mark
 *   right after katakana counts as katakana to the next mark (ジョ―・バイデン = ジョーバイデン).
 *
 * NFKC does more than this (half-width katakana and their voicing marks, compatibility
 * ideographs, ligatures): the normaliser does it all, the per-unit fold only the above; the
 * tests check that the two agree on every text made of units whose NFKC form the fold gives.
 */

/** The long vowel mark and its look-alikes: skipped after katakana. */
const LONG = 1;
/** The middle dot and the equals sign: skipped between katakana. */
const JOIN = 2;
/** ヴ: folds with the small vowel after it. */
const VU = 3;

// The tables are filled from short lists, never by a loop over all 65,536 units: module
// start-up is part of the annotator's cold start.
/** `FOLD[u]`: the unit `u` folds to whatever its neighbours, or 0 when that is `u` itself. */
const FOLD = new Uint16Array(0x10000);
/** `KIND[u]`: 0, or what kind of context-dependent unit `u` is (LONG, JOIN or VU). */
const KIND = new Uint8Array(0x10000);
/** The units that fold to another. */
const FOLDED: number[] = [];

const SMALL_VOWELS = [0x30a1, 0x30a3, 0x30a5, 0x30a7, 0x30a9]; // ァ ィ ゥ ェ ォ
const VU_CODE = 0x30f4; // ヴ

function setFold(u: number, to: number): void {
  FOLD[u] = to;
  FOLDED.push(u);
}
const lower = (a: number): number => (a >= 0x41 && a <= 0x5a ? a + 0x20 : a);
for (let u = 0x41; u <= 0x5a; u += 1) setFold(u, lower(u));
for (let u = 0xff01; u <= 0xff5e; u += 1) setFold(u, lower(u - 0xfee0));
setFold(0xff70, 0x30fc); // ｰ → ー
setFold(0xff65, 0x30fb); // ･ → ・
for (const u of SMALL_VOWELS) setFold(u, u + 1);
setFold(VU_CODE, 0x30d6); // ヴ → ブ
setFold(0x3094, 0x3076); // ゔ → ぶ
for (const u of LONG_VOWEL_MARKS) KIND[u] = LONG;
for (const u of JOINERS) KIND[u] = JOIN;
// A unit is of a kind when what it folds to is: ～ becomes ~, ＝ becomes =.
for (const u of FOLDED) if (KIND[u] === 0) KIND[u] = KIND[FOLD[u] as number] as number;
KIND[VU_CODE] = VU;

/** The unit `u` folds to on its own (NaN stays NaN). */
function folded(u: number): number {
  return FOLD[u] || u;
}

/** ヴァ ヴィ ヴェ ヴォ: the small vowel after ヴ, and the syllable the pair folds to. */
function vuWith(small: number): number {
  if (small === 0x30a1) return 0x30d0; // バ
  if (small === 0x30a3) return 0x30d3; // ビ
  if (small === 0x30a7) return 0x30d9; // ベ
  if (small === 0x30a9) return 0x30dc; // ボ
  return -1;
}

/** Whether the unit at `j` is katakana once folded (ｰ is ー); false out of range. */
function katakanaAt(text: string, j: number): boolean {
  return isKatakana(folded(text.charCodeAt(j)));
}

/**
 * Whether the unit at `j` stands for katakana to the marks after it: katakana, or a long vowel
 * mark right after katakana (skipped itself), so ジョ―・バイデン and ゼレンスキ〜〜 fold as
 * ジョー・バイデン and ゼレンスキー do. One unit of look-back keeps each fold O(1); a third mark
 * in a row (ア〜〜〜) stays.
 */
function katakanaBefore(text: string, j: number): boolean {
  return katakanaAt(text, j) || (KIND[text.charCodeAt(j)] === LONG && katakanaAt(text, j - 1));
}

/**
 * What unit `u` folds to when its neighbours do not matter: width, case, small vowels, ヴ ゔ.
 *
 * @example
 * foldUnit('Ａ'.charCodeAt(0)); // 0x61 ('a')
 * foldUnit('ェ'.charCodeAt(0)); // 0x30a8 ('エ')
 */
export function foldUnit(u: number): number {
  return folded(u);
}

/**
 * The folded unit at `i`, or -1 when matching skips it, without allocating: the annotator's
 * matcher calls this once per character. Call {@link foldWidth} for how many units it took
 * (2 for ヴァ ヴィ ヴェ ヴォ).
 *
 * @example
 * foldCode('ゼレンスキー', 5); // -1 — the long vowel mark after katakana is skipped
 * foldCode('ヴォ', 0); // 0x30dc ('ボ')
 */
export function foldCode(text: string, i: number): number {
  const raw = text.charCodeAt(i);
  const kind = KIND[raw];
  if (kind === 0) return folded(raw);
  if (kind === VU) {
    const v = vuWith(text.charCodeAt(i + 1));
    return v < 0 ? 0x30d6 : v;
  }
  if (kind === undefined || !katakanaBefore(text, i - 1)) return folded(raw);
  if (kind === LONG) return -1;
  return katakanaAt(text, i + 1) ? -1 : folded(raw);
}

/**
 * How many units {@link foldCode} consumed at `i`: 2 for ヴァ ヴィ ヴェ ヴォ, else 1.
 *
 * @example
 * foldWidth('ヴァイオリン', 0); // 2
 */
export function foldWidth(text: string, i: number): number {
  return text.charCodeAt(i) === VU_CODE && vuWith(text.charCodeAt(i + 1)) >= 0 ? 2 : 1;
}

/** What one step of folding gives: the folded unit (or -1 to skip) and the next index. */
export interface FoldStep {
  code: number;
  next: number;
}

/**
 * Folds the unit at `i` and says where the next one starts.
 *
 * @example
 * foldAt('ゼレンスキー', 5); // { code: -1, next: 6 } — the long vowel mark is skipped
 */
export function foldAt(text: string, i: number): FoldStep {
  return { code: foldCode(text, i), next: i + foldWidth(text, i) };
}

/**
 * Folds a whole word unit by unit, for building dictionaries (and for the tests that hold it
 * equal to `normaliseForMatch`).
 *
 * @example
 * foldWord('ヴォロディミル・ゼレンスキ〜'); // 'ボロディミルゼレンスキ'
 */
export function foldWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length;) {
    const code = foldCode(word, i);
    if (code >= 0) out += String.fromCharCode(code);
    i += foldWidth(word, i);
  }
  return out;
}

let inverse: Map<number, number[]> | null = null;

/**
 * The units that fold to `code` on their own or as the first unit of a pair: itself, upper
 * case and full-width forms, the small vowel of a large one, ヴ for バ ビ ブ ベ ボ. A matcher
 * that indexes words by their first folded unit looks for all of these in the raw text.
 *
 * @example
 * unitsFoldingTo(0x61); // [0x61, 0x41, 0xff21, 0xff41] — a A Ａ ａ
 */
export function unitsFoldingTo(code: number): readonly number[] {
  if (inverse === null) {
    const map = new Map<number, number[]>();
    const add = (to: number, u: number): void => {
      const list = map.get(to);
      if (list) list.push(u);
      else map.set(to, [u]);
    };
    for (const u of FOLDED) add(FOLD[u] as number, u);
    for (const small of SMALL_VOWELS) if (vuWith(small) >= 0) add(vuWith(small), VU_CODE);
    inverse = map;
  }
  const self = folded(code) === code ? [code] : [];
  return [...self, ...(inverse.get(code) ?? [])];
}

/**
 * Whether the fold of unit `u` may differ from `u`: what the normaliser stops at, copying the
 * text in between whole. Built from the tables, so a new rule can never be missed there.
 *
 * @example
 * mayFold('ェ'.charCodeAt(0)); // true
 * mayFold('露'.charCodeAt(0)); // false
 */
export function mayFold(u: number): boolean {
  return FOLD[u] !== 0 || KIND[u] !== 0;
}
