/**
 * The index's view of text: overlapping character bigrams (Groonga's TokenBigram), so that a
 * search for any substring of one or more characters can be answered from an inverted index
 * — SQLite's trigram tokenizer cannot match fewer than three characters, and two-character
 * words (停戦, 制裁, 露朝) are everywhere in Japanese news.
 *
 * Text, already normalised with `normaliseForMatch`, is split into *runs* at whitespace. Each
 * run `c1 c2 … cn` becomes the tokens `c1c2 c2c3 … c(n-1)cn cn`: every bigram, then the last
 * character alone. The trailing unigram makes the last character findable by a one-character
 * prefix query, and it sits between two runs, so a phrase of consecutive bigrams can never
 * straddle a run boundary (`ab` + `bc` from `…ab bc…` are two positions apart, not one).
 *
 * One-character searches use a separate column instead of a prefix index: the entry's distinct
 * characters (`indexChars`), one token each — a prefix index would store a position for every
 * bigram, this stores one per character and entry, for about half the cost.
 *
 * Tokens are written space-separated for FTS5's `ascii` tokenizer, which treats every
 * non-ASCII character as part of a token and ASCII letters and digits likewise. ASCII
 * punctuation would split a token there, so it is moved to the private-use block U+E000+code
 * (`(` → U+E028); the few real characters in that block are treated like whitespace, so the
 * mapping stays one-to-one.
 */

/** First code point of the escape block that stands for ASCII punctuation. */
const ESCAPE_BASE = 0xe000;
const ESCAPE_END = 0xe07f;

/** Whether the index keeps the character (else it ends a run, like whitespace). */
export function isIndexable(cp: number): boolean {
  if (cp <= 0x20 || cp === 0x7f) return false;
  if (cp < 0x80) return true;
  if (cp >= 0x3001 && cp <= 0x9fff) return true; // kana, CJK: the common case, decided fast
  if (cp >= ESCAPE_BASE && cp <= ESCAPE_END) return false;
  if (cp <= 0x9f) return false; // C1 controls
  return !WHITESPACE.test(String.fromCodePoint(cp));
}

const WHITESPACE = /^[\s\p{Cc}\p{Zs}\p{Zl}\p{Zp}]$/u;

/** The index spelling of one indexable character: ASCII punctuation is escaped. */
function indexChar(cp: number): string {
  if (cp < 0x80 && !isAsciiAlnum(cp)) return String.fromCharCode(ESCAPE_BASE + cp);
  return String.fromCodePoint(cp);
}

function isAsciiAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
}

/**
 * Splits normalised text into runs of indexable characters, each as an array of index
 * characters (one per code point).
 *
 * @example
 * indexRuns('露朝 会談'); // [['露', '朝'], ['会', '談']]
 */
export function indexRuns(normalised: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const ch of normalised) {
    const cp = ch.codePointAt(0) as number;
    if (isIndexable(cp)) run.push(indexChar(cp));
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The tokens of one run: its bigrams, then its last character. */
export function runTokens(run: readonly string[]): string[] {
  const tokens: string[] = [];
  for (let i = 0; i + 1 < run.length; i += 1) tokens.push((run[i] as string) + run[i + 1]);
  if (run.length > 0) tokens.push(run[run.length - 1] as string);
  return tokens;
}

/**
 * The space-separated token text the FTS5 table indexes for a normalised text.
 *
 * @example
 * indexText('停戦協議'); // '停戦 戦協 協議 議'
 */
export function indexText(normalised: string): string {
  let out = '';
  // The previous character of the current run: it starts the next bigram, or, when the run
  // ends, stands alone as the trailing unigram. Kept in a variable: reading back from `out`
  // would flatten the concatenated string on every character.
  let pending = '';
  const n = normalised.length;
  for (let i = 0; i < n;) {
    const cu = normalised.charCodeAt(i);
    const width = cu >= 0xd800 && cu <= 0xdbff && i + 1 < n ? 2 : 1;
    const cp = width === 2 ? (normalised.codePointAt(i) as number) : cu;
    let c: string;
    if (cp >= 0x3001 && cp <= 0x9fff) c = normalised[i] as string;
    else if (isIndexable(cp)) c = indexChar(cp);
    else {
      if (pending !== '') out += `${pending} `;
      pending = '';
      i += width;
      continue;
    }
    if (pending !== '') out += pending + c + ' ';
    pending = c;
    i += width;
  }
  if (pending !== '') out += pending;
  return out.trimEnd();
}

/**
 * The distinct indexable characters of normalised texts, in index spelling, space-separated:
 * the `chars` column, which answers one-character searches.
 *
 * @example
 * indexChars(['露朝', '朝鮮']); // '露 朝 鮮'
 */
export function indexChars(normalised: readonly string[]): string {
  // Code points, not strings: a string per character read was most of this function's time
  // in an import. A Set keeps the order of first appearance, which the index spelling keeps.
  const seen = new Set<number>();
  for (const text of normalised) {
    const n = text.length;
    for (let i = 0; i < n;) {
      const cu = text.charCodeAt(i);
      if (cu >= 0x3001 && cu <= 0x9fff) {
        seen.add(cu); // kana, CJK: indexable, one code unit
        i += 1;
        continue;
      }
      const cp = text.codePointAt(i) as number;
      if (isIndexable(cp)) seen.add(cp);
      i += cp > 0xffff ? 2 : 1;
    }
  }
  let out = '';
  for (const cp of seen) out += out === '' ? indexChar(cp) : ` ${indexChar(cp)}`;
  return out;
}
