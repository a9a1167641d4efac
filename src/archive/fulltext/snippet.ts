import type { Snippet } from '../archive.js';
import { normaliseWithMap } from '../../text/index.js';

export interface SnippetOptions {
  /** Length of the excerpt in UTF-16 units, about; default 120. */
  length?: number;
  /** Context kept before the first highlight of the window; default 20. */
  lead?: number;
}

/**
 * Cuts an excerpt of `text` around the matches of `terms`, with highlights as `[start, end)`
 * ranges into the excerpt. Terms are matched after normalisation (`normaliseWithMap`), and
 * each match is mapped back to the original characters, so `ＮＡＴＯ` in the text is
 * highlighted whole for the term `nato`. The excerpt is the window with the most matches —
 * in a text longer than 16,000 units, the most in the first part (1,000 to 8,000 units) that has any
 * (see {@link firstRanges}).
 *
 * @example
 * const s = makeSnippet('ロシアと露朝の会談', ['露朝']);
 * s.text.slice(...s.highlights[0]); // '露朝'
 */
export function makeSnippet(
  text: string,
  normalisedTerms: readonly string[],
  options: SnippetOptions = {},
): Snippet {
  const length = options.length ?? 120;
  const lead = options.lead ?? 20;
  const ranges = firstRanges(text, normalisedTerms);
  if (ranges.length === 0) return cut(text, 0, Math.min(text.length, length), []);
  const first = bestWindow(ranges, length - lead);
  let start = Math.max(0, (ranges[first] as [number, number])[0] - lead);
  const end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  return cut(text, snapBack(text, start), snapForward(text, end), ranges);
}

// A cut falls where a phrase starts or ends when one is near — after 、。, a space or a line
// break, before an opening bracket — so the excerpt does not begin with ルコ for トルコ.
const BREAK_AFTER = /[、。，．！？!?\s」』）)]/u;
/** How far a cut moves to meet a phrase boundary, in UTF-16 units. */
const SNAP = 12;

function snapBack(text: string, start: number): number {
  if (start <= SNAP) return 0;
  for (let i = start; i > start - SNAP; i -= 1)
    if (BREAK_AFTER.test(text.charAt(i - 1)) || text.charAt(i) === '「') return i;
  return start;
}

function snapForward(text: string, end: number): number {
  if (text.length - end <= SNAP) return text.length;
  for (let i = end; i < end + SNAP; i += 1) if (BREAK_AFTER.test(text.charAt(i - 1))) return i;
  return end;
}

/** Texts longer than twice this are searched for matches a part at a time, parts up to this size. */
const SCAN_PART = 8_000;
/** The first part's size; each next part is twice the one before, up to {@link SCAN_PART}. */
const FIRST_PART = 1_000;

/**
 * How far before a term's first literal place its part starts: the part then ends at least
 * this far past it (`partEnd` keeps at least half of `FIRST_PART`).
 */
const LITERAL_LEAD = 250;

/**
 * The matches of the first part of `text` that holds any. A long text — a 50,000-character part
 * of a paste — is normalised a part at a time, each cut after a line break or 。, and only as
 * far as the first match: normalising twenty such texts whole was a third of a search's time.
 * Parts start small and double, so a common word costs a thousand units of such a text and a
 * rare one about as many parts as before. A match running across a cut is not found in either
 * part. First, though, the part around the first place a term is spelled as it is normalised
 * ({@link rangesNearLiteral}): a match spelled otherwise before it is then passed over.
 */
function firstRanges(text: string, normalisedTerms: readonly string[]): [number, number][] {
  if (text.length <= 2 * SCAN_PART) return findRanges(text, normalisedTerms);
  const near = rangesNearLiteral(text, normalisedTerms);
  if (near.length > 0) return near;
  let size = FIRST_PART;
  for (let from = 0; from < text.length; size = Math.min(2 * size, SCAN_PART)) {
    const to = partEnd(text, from, size);
    const found = findRanges(text.slice(from, to), normalisedTerms);
    if (found.length > 0) return found.map(([a, b]) => [a + from, b + from]);
    from = to;
  }
  return [];
}

/**
 * The matches in a part around the first place where a term is spelled in the text as it is
 * normalised (most Japanese is): found by the engine's own search, without normalising what
 * comes before. A term common in a long text but rare in each stretch of it (a pair of kana
 * in random text) had every part before its first match normalised. Empty when no term is
 * there as it is, or the normalised part does not match there after all (a combining mark
 * after it); the parts are then read in turn.
 */
function rangesNearLiteral(text: string, normalisedTerms: readonly string[]): [number, number][] {
  let first = -1;
  for (const term of normalisedTerms) {
    if (term.length === 0) continue;
    const at = text.indexOf(term);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return [];
  const from = avoidSplitPair(text, Math.max(0, first - LITERAL_LEAD), -1);
  const to = partEnd(text, from, FIRST_PART);
  return findRanges(text.slice(from, to), normalisedTerms).map(([a, b]) => [a + from, b + from]);
}

/**
 * Where the part of about `size` units starting at `from` ends: after a line break or 。 in its
 * second half, if any.
 */
function partEnd(text: string, from: number, size: number): number {
  const end = from + size;
  if (end >= text.length) return text.length;
  const half = from + (size >> 1);
  const window = text.slice(half, end);
  const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'));
  if (cut >= 0) return half + cut + 1;
  return avoidSplitPair(text, end, 1);
}

/** Every match of every term in the original text, sorted, overlaps merged. */
export function findRanges(text: string, normalisedTerms: readonly string[]): [number, number][] {
  const terms = normalisedTerms.filter((t) => t.length > 0);
  if (terms.length === 0) return [];
  const mapped = normaliseWithMap(text);
  const found: [number, number][] = [];
  for (const term of terms) {
    for (let i = mapped.text.indexOf(term); i >= 0; i = mapped.text.indexOf(term, i + 1)) {
      const start = mapped.map[i] as number;
      const end = mapped.map[i + term.length] as number;
      if (end > start) found.push([start, end]);
    }
  }
  return merge(found.sort((a, b) => a[0] - b[0] || a[1] - b[1]));
}

function merge(sorted: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Index of the range that starts the window of `length` covering the most ranges. */
function bestWindow(ranges: [number, number][], length: number): number {
  let best = 0;
  let bestCount = 0;
  let j = 0;
  for (let i = 0; i < ranges.length; i += 1) {
    const limit = (ranges[i] as [number, number])[0] + length;
    if (j < i) j = i;
    while (j < ranges.length && (ranges[j] as [number, number])[1] <= limit) j += 1;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = i;
    }
  }
  return best;
}

function cut(text: string, start: number, end: number, ranges: [number, number][]): Snippet {
  const s = avoidSplitPair(text, start, -1);
  const e = avoidSplitPair(text, end, 1);
  const highlights: [number, number][] = [];
  for (const [a, b] of ranges) {
    const from = Math.max(a, s);
    const to = Math.min(b, e);
    if (to > from) highlights.push([from - s, to - s]);
  }
  return { text: text.slice(s, e), highlights, offset: s };
}

/** Moves a cut off the middle of a surrogate pair. */
function avoidSplitPair(text: string, at: number, direction: -1 | 1): number {
  if (at <= 0 || at >= text.length) return at;
  const c = text.charCodeAt(at);
  const isLow = c >= 0xdc00 && c <= 0xdfff;
  return isLow ? at + (direction === 1 ? 1 : -1) : at;
}
