/** A top-level bracketed quotation: `open` is the 「 or 『, `close` the matching 」 or 』. */
export interface Bracket {
  open: number;
  close: number;
}

const OPEN_KAGI = 0x300c;
const OPEN_DOUBLE = 0x300e;
const CLOSE_DOUBLE = 0x300f;

/**
 * The outermost bracket pairs of a text, in order. One pass with a stack, so unbalanced or
 * deeply nested input stays linear: a closer with no opener is ignored, an opener never closed
 * is dropped (its inner pairs then count as outermost), and a closer of the other kind closes
 * down to its own opener.
 *
 * @example
 * findBrackets('「a『b』」と「c'); // [{ open: 0, close: 5 }]
 */
export function findBrackets(text: string): Bracket[] {
  const stack: { opener: number; at: number }[] = [];
  const pairs: Bracket[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < OPEN_KAGI || c > CLOSE_DOUBLE) continue;
    if (c === OPEN_KAGI || c === OPEN_DOUBLE) stack.push({ opener: c, at: i });
    else closeDown(stack, c - 1, i, pairs);
  }
  return outermost(pairs);
}

/** Pops down to the nearest opener of the closer's kind; the openers above it stay unclosed. */
function closeDown(
  stack: { opener: number; at: number }[],
  opener: number,
  i: number,
  pairs: Bracket[],
): void {
  let k = stack.length - 1;
  while (k >= 0 && stack[k]?.opener !== opener) k -= 1;
  if (k < 0) return;
  const top = stack[k];
  stack.length = k;
  if (top) pairs.push({ open: top.at, close: i });
}

/** Pairs are properly nested; sorted by opener, a pair inside the previous outer one is inner. */
function outermost(pairs: Bracket[]): Bracket[] {
  pairs.sort((a, b) => a.open - b.open);
  const out: Bracket[] = [];
  let reach = -1;
  for (const p of pairs) {
    if (p.open > reach) {
      out.push(p);
      reach = p.close;
    }
  }
  return out;
}
