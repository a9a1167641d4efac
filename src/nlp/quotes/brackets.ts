/**
 * A bracketed quotation: `open` is the 「 or 『, `close` the matching 」 or 』. `inner` holds
 * the pairs right inside it (`「…『…』…」`), each with its own, when there are any.
 */
export interface Bracket {
  open: number;
  close: number;
  inner?: Bracket[];
}

const OPEN_KAGI = 0x300c;
const OPEN_DOUBLE = 0x300e;
const CLOSE_DOUBLE = 0x300f;

/**
 * The outermost bracket pairs of a text, in order, each with the pairs nested in it. One pass
 * with a stack, so unbalanced or deeply nested input stays linear: a closer with no opener is
 * ignored, an opener never closed is dropped (its inner pairs then count as outermost), and a
 * closer of the other kind closes down to its own opener.
 *
 * @example
 * findBrackets('「a『b』」と「c'); // [{ open: 0, close: 5, inner: [{ open: 2, close: 4 }] }]
 */
export function findBrackets(text: string): Bracket[] {
  // Two typed stacks, not an array of objects: a text of nothing but openers stays small.
  let openers = new Uint16Array(64);
  let positions = new Int32Array(64);
  let depth = 0;
  const pairs: Bracket[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < OPEN_KAGI || c > CLOSE_DOUBLE) continue;
    if (c === OPEN_KAGI || c === OPEN_DOUBLE) {
      if (depth === openers.length) {
        openers = grown(openers, new Uint16Array(depth * 2));
        positions = grown(positions, new Int32Array(depth * 2));
      }
      openers[depth] = c;
      positions[depth] = i;
      depth += 1;
      continue;
    }
    // A closer pops down to the nearest opener of its own kind; the openers above it stay
    // unclosed. Only a short way down is looked at, so unbalanced text stays linear.
    const opener = c - 1;
    let k = depth - 1;
    while (k >= 0 && depth - k <= MAX_POP && openers[k] !== opener) k -= 1;
    if (k < 0 || openers[k] !== opener) continue;
    // `inner` from the start: every pair then has one shape, and the code reading `open` and
    // `close` all over the annotator stays monomorphic (a second shape cost quotes 2–3 %).
    pairs.push({ open: positions[k] ?? 0, close: i, inner: undefined });
    depth = k;
  }
  return outermost(pairs);
}

/** How far down the stack a closer looks for its opener. */
const MAX_POP = 64;

function grown<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Pairs are properly nested; sorted by opener, each pair goes into the innermost open pair
 * that still reaches past it, or is outermost when none does.
 */
function outermost(pairs: Bracket[]): Bracket[] {
  pairs.sort((a, b) => a.open - b.open);
  const out: Bracket[] = [];
  const enclosing: Bracket[] = [];
  for (const p of pairs) {
    while (enclosing.length > 0 && (enclosing[enclosing.length - 1]?.close ?? -1) < p.open)
      enclosing.pop();
    const parent = enclosing[enclosing.length - 1];
    if (parent) (parent.inner ??= []).push(p);
    else out.push(p);
    enclosing.push(p);
  }
  return out;
}
