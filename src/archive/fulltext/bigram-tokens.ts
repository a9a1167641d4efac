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
 * Output is written as UTF-16 code units into one reused buffer and made a string once: an
 * import builds these strings for every entry, and a string grown by concatenation (two to
 * three times the text's length, a one-character string per character read) cost more than
 * FTS5 took to index it.
 */
let units = new Uint16Array(1 << 14);

/** The buffer, at least `n` units long. */
function unitsFor(n: number): Uint16Array {
  if (units.length < n) units = new Uint16Array(Math.max(n, 2 * units.length));
  return units;
}

/** The first `length` units of `buf` as a string (lone surrogates kept as they are). */
function unitsText(buf: Uint16Array, length: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset, 2 * length).toString('utf16le');
}

const SPACE = 0x20;

/**
 * The space-separated token text the FTS5 table indexes for a normalised text.
 *
 * @example
 * indexText('停戦協議'); // '停戦 戦協 協議 議'
 */
export function indexText(normalised: string): string {
  const n = normalised.length;
  // A unit of text is written at most three times: closing one bigram, opening the next, and
  // a space after either.
  const buf = unitsFor(3 * n + 4);
  let w = 0;
  // The previous character of the current run, in index spelling (one or two units; none when
  // `pw` is 0): it starts the next bigram or, when the run ends, stands alone.
  let p1 = 0;
  let p2 = 0;
  let pw = 0;
  for (let i = 0; i < n;) {
    const cu = normalised.charCodeAt(i);
    const pair = cu >= 0xd800 && cu <= 0xdbff && i + 1 < n;
    const cp = pair ? (normalised.codePointAt(i) as number) : cu;
    i += pair && cp > 0xffff ? 2 : 1;
    if (!((cp >= 0x3001 && cp <= 0x9fff) || isIndexable(cp))) {
      if (pw === 0) continue;
      // The run ends: its last character alone.
      buf[w++] = p1;
      if (pw === 2) buf[w++] = p2;
      buf[w++] = SPACE;
      pw = 0;
      continue;
    }
    // The index spelling: ASCII punctuation escaped, a pair of surrogates kept.
    let c1 = cp;
    let c2 = 0;
    let cw = 1;
    if (cp < 0x80 && !isAsciiAlnum(cp)) c1 = ESCAPE_BASE + cp;
    else if (cp > 0xffff) {
      c1 = 0xd800 + ((cp - 0x10000) >> 10);
      c2 = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      cw = 2;
    }
    if (pw > 0) {
      buf[w++] = p1;
      if (pw === 2) buf[w++] = p2;
      buf[w++] = c1;
      if (cw === 2) buf[w++] = c2;
      buf[w++] = SPACE;
    }
    p1 = c1;
    p2 = c2;
    pw = cw;
  }
  if (pw > 0) {
    buf[w++] = p1;
    if (pw === 2) buf[w++] = p2;
  }
  while (w > 0 && buf[w - 1] === SPACE) w -= 1;
  return unitsText(buf, w);
}

/**
 * The distinct indexable characters of normalised texts, in index spelling, space-separated:
 * the `chars` column, which answers one-character searches.
 *
 * @example
 * indexChars(['露朝', '朝鮮']); // '露 朝 鮮'
 */
export function indexChars(normalised: readonly string[]): string {
  // Characters of the Basic Multilingual Plane are marked in a bitmap and listed in order of
  // first appearance; the few beyond it go to a set. A Set of every character, and a string
  // grown by concatenation, were most of this function's time in an import.
  let total = 0;
  for (const text of normalised) total += text.length;
  const buf = unitsFor(2 * total + 2);
  let w = 0;
  let astral: Set<number> | null = null;
  for (const text of normalised) {
    const n = text.length;
    for (let i = 0; i < n;) {
      const cu = text.charCodeAt(i);
      let cp = cu;
      if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < n) cp = text.codePointAt(i) as number;
      i += cp > 0xffff ? 2 : 1;
      if (!((cp >= 0x3001 && cp <= 0x9fff) || isIndexable(cp))) continue;
      if (cp > 0xffff) {
        astral ??= new Set();
        if (astral.has(cp)) continue;
        astral.add(cp);
        buf[w++] = 0xd800 + ((cp - 0x10000) >> 10);
        buf[w++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      } else {
        const bit = 1 << (cp & 31);
        const word = cp >>> 5;
        if (((SEEN[word] as number) & bit) !== 0) continue;
        SEEN[word] = (SEEN[word] as number) | bit;
        buf[w++] = cp < 0x80 && !isAsciiAlnum(cp) ? ESCAPE_BASE + cp : cp;
      }
      buf[w++] = SPACE;
    }
  }
  // Clear the marks by the units listed: the words of their marks, whole (the units of an
  // astral character clear words nothing else marked but lone surrogates, which are listed).
  for (let k = 0; k < w; k += 1) {
    const u = buf[k] as number;
    SEEN[(u >= ESCAPE_BASE && u <= ESCAPE_END ? u - ESCAPE_BASE : u) >>> 5] = 0;
  }
  return unitsText(buf, w > 0 ? w - 1 : 0);
}

/** Marks of the characters {@link indexChars} has listed, one bit each; all clear between calls. */
const SEEN = new Uint32Array(0x10000 >>> 5);
