import type { MappedText } from '../../text/index.js';

/**
 * Fast ports of `normaliseForMatch` and `normaliseWithMap` (src/text), same results.
 *
 * Why: the originals fold katakana one character at a time through a closure, a `Set` and a
 * one-character string each (≈0.25 ms for a 2 KB clip, ten times the rest of an import).
 * These ports work on UTF-16 codes and copy unchanged spans whole. Equality with src/text is
 * property-tested (`fast-normalise.test.ts`), so a change there that is not made here fails
 * the tests; the better fix is to adopt this code in src/text, which belongs to its owner.
 */
export function normaliseFast(text: string): string {
  return fold(text.normalize('NFKC').toLowerCase(), null).text;
}

/**
 * Same as `normaliseWithMap`: each normalised UTF-16 unit with the source offset it came
 * from. Characters that NFKC and lower-casing leave alone are not normalised one by one.
 *
 * @example
 * normaliseWithMapFast('ＮＡＴＯ首脳').map[4]; // 4
 */
export function normaliseWithMapFast(text: string): MappedText {
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

const SMALL_TO_V: Record<number, string> = {
  0x30a1: 'バ',
  0x30a3: 'ビ',
  0x30a7: 'ベ',
  0x30a9: 'ボ',
};

function isKatakana(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}

/** ー ― ‐ − ～ (the ASCII hyphen is not one: it is not dropped). */
function isLongVowelLike(c: number): boolean {
  return c === 0x30fc || c === 0x2015 || c === 0x2010 || c === 0x2212 || c === 0xff5e;
}

/** ・ = ･ */
function isJoiner(c: number): boolean {
  return c === 0x30fb || c === 0x3d || c === 0xff65;
}

const TRIGGERS = /[\u30f4\u3094\u30fc\u2015\u2010\u2212\uff5e\u30fb=\uff65]/g;

/**
 * The katakana folding of src/text's `foldKana`, the same decisions in the same order, but
 * jumping from one character that may fold to the next: the text between is copied whole.
 */
function fold(text: string, map: number[] | null): MappedText {
  TRIGGERS.lastIndex = 0;
  let m = TRIGGERS.exec(text);
  if (m === null) return { text, map: map ?? [] };
  let out = '';
  const outMap: number[] = [];
  let span = 0; // start of the input not yet copied to the output
  let prev = -1; // last UTF-16 unit written to the output, before `span`
  while (m !== null) {
    const i = m.index;
    if (i > span) prev = text.charCodeAt(i - 1);
    const c = text.charCodeAt(i);
    let replacement: string | null = null; // null: keep the character; '': drop it
    let skip = 0;
    if (c === 0x30f4) {
      const folded = SMALL_TO_V[text.charCodeAt(i + 1)];
      replacement = folded ?? 'ブ';
      skip = folded ? 1 : 0;
    } else if (c === 0x3094) replacement = 'ぶ';
    else if (isLongVowelLike(c) && isKatakana(prev)) replacement = '';
    else if (isJoiner(c) && isKatakana(prev) && isKatakana(text.charCodeAt(i + 1)))
      replacement = '';
    if (replacement !== null) {
      if (map) for (let k = span; k < i; k += 1) outMap.push(map[k] as number);
      if (map && replacement !== '') outMap.push(map[i] as number);
      out += text.slice(span, i) + replacement;
      if (replacement !== '') prev = replacement.charCodeAt(0);
      span = i + 1 + skip;
      TRIGGERS.lastIndex = span;
    }
    m = TRIGGERS.exec(text);
  }
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
