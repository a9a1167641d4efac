import { normaliseForMatch } from '../../text/index.js';

const PIECE = 2048;

/**
 * {@link normaliseForMatch} for texts of any length. The text module's normaliser slows down
 * faster than linearly on long input (≈ 4 s for 80 KB), so long texts are normalised in pieces
 * of about 2 KB, cut after a line break or a space when there is one nearby. Normalisation
 * only looks at neighbouring characters, so pieces give the same result except right at a
 * cut between two katakana, which matching and ids do not notice.
 *
 * @example
 * normaliseLong('ＡＢＣ\n'.repeat(100_000)).length; // 400000, in milliseconds
 */
export function normaliseLong(text: string): string {
  if (text.length <= PIECE) return normaliseForMatch(text);
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + PIECE);
    if (end < text.length) {
      const cut = breakBefore(text, end, start + PIECE / 2);
      if (cut !== -1) end = cut + 1;
      // Never split a surrogate pair.
      const code = text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end += 1;
    }
    out.push(normaliseForMatch(text.slice(start, end)));
    start = end;
  }
  return out.join('');
}

/**
 * The last line break or space in `text` at or before `end` and after `floor`, or -1. Looks
 * back no further than `floor`: `lastIndexOf` would search to the start of a text without
 * either, for every piece — quadratic.
 */
function breakBefore(text: string, end: number, floor: number): number {
  for (let i = Math.min(end, text.length - 1); i > floor; i -= 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x20) return i;
  }
  return -1;
}
