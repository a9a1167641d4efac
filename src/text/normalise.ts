/**
 * Normalisation for matching, never for storage: stored text keeps the curator's exact bytes.
 *
 * Both the index and the query go through the same function, so a query matches the text when
 * it matches after:
 * - NFKC (full-width ASCII and digits, half-width katakana, compatibility characters) and
 *   lower case;
 * - katakana spelling variants: ヴァ/ヴィ/ヴ/ヴェ/ヴォ → バ/ビ/ブ/ベ/ボ (ヴォロディミル = ボロディミル);
 * - the long vowel mark after katakana dropped (ゼレンスキー = ゼレンスキ, コンピューター =
 *   コンピュータ), including its dash look-alikes (ｰ, ―, ‐, −) in that position;
 * - the middle dot or equals sign between two katakana dropped (ミック・ウォレス = ミックウォレス).
 */
export function normaliseForMatch(text: string): string {
  return foldKana(text.normalize('NFKC').toLowerCase(), null).text;
}

/** A normalised text with, for each of its UTF-16 units, the offset it came from. */
export interface MappedText {
  text: string;
  /** `map[i]` is the source offset of `text[i]`; `map[text.length]` is the source length. */
  map: number[];
}

/**
 * Same as {@link normaliseForMatch}, and also maps every normalised unit back to its source
 * offset, so a match found in normalised text can be highlighted in the original.
 *
 * @example
 * const m = normaliseWithMap('ＮＡＴＯ首脳');
 * m.text; // 'nato首脳'
 * m.map[4]; // 4 — '首' came from offset 4
 */
export function normaliseWithMap(text: string): MappedText {
  let out = '';
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    i += codePointLength(text, i);
    // Keep combining marks (including half-width dakuten ﾞ ﾟ) with their base character.
    while (i < text.length && isCombining(text.charCodeAt(i))) i += 1;
    const piece = text.slice(start, i).normalize('NFKC').toLowerCase();
    out += piece;
    for (let k = 0; k < piece.length; k += 1) map.push(start);
  }
  map.push(text.length);
  return foldKana(out, map);
}

const SMALL_TO_V: Record<string, string> = { ァ: 'バ', ィ: 'ビ', ェ: 'ベ', ォ: 'ボ' };
const LONG_VOWEL_LIKE = new Set(['ー', '―', '‐', '−', '-', '～']);
const JOINERS = new Set(['・', '=', '･']);

function isKatakana(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}

function foldKana(text: string, map: number[] | null): MappedText {
  // Pieces are joined once at the end: indexing into a string while appending to it makes V8
  // flatten the rope on every character, which is quadratic on long texts.
  const out: string[] = [];
  const outMap: number[] = [];
  let prev: string | undefined;
  const emit = (s: string, from: number): void => {
    out.push(s);
    prev = s;
    if (map) outMap.push(map[from] ?? 0);
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === 'ヴ') {
      const next = text[i + 1];
      const folded = next === undefined ? undefined : SMALL_TO_V[next];
      if (folded) {
        emit(folded, i);
        i += 1;
      } else emit('ブ', i);
    } else if (ch === 'ゔ') emit('ぶ', i);
    else if (LONG_VOWEL_LIKE.has(ch) && ch !== '-' && isKatakana(prev)) continue;
    else if (JOINERS.has(ch) && isKatakana(prev) && isKatakana(text[i + 1])) continue;
    else emit(ch, i);
  }
  if (map) outMap.push(map[text.length] ?? 0);
  return { text: out.join(''), map: map ? outMap : [] };
}

function codePointLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

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
