import type { Segment } from '../../model/index.js';
import { isHiragana, isKatakana } from '../../text/index.js';

const NAKAGURO = 0x30fb; // ・

/** The closing bracket of an opening one, by UTF-16 code: 「」 『』 () （） “”; else -1. */
function closerOf(c: number): number {
  switch (c) {
    case 0x300c:
      return 0x300d;
    case 0x300e:
      return 0x300f;
    case 0x28:
      return 0x29;
    case 0xff08:
      return 0xff09;
    case 0x201c:
      return 0x201d;
    default:
      return -1;
  }
}

/**
 * Splits summary-line content on top-level `・`. A `・` between two katakana is part of a name
 * (ミック・ウォレス, ドミニク・ドロール) and does not split; nor does one inside brackets.
 *
 * @example
 * splitSegments('反転攻勢・ミック・ウォレス議員「戦争だ」').length; // 2
 */
export function splitSegments(content: string): Segment[] {
  if (content === '') return [];
  const segments: Segment[] = [];
  const stack: number[] = [];
  let start = 0;
  // Jump from bracket to bracket: this runs over every summary line of an archive, and the
  // expression finds the next one in native code, warm or cold.
  const interesting = /[「」『』()（）“”・]/g;
  for (let m = interesting.exec(content); m !== null; m = interesting.exec(content)) {
    const i = m.index;
    const c = content.charCodeAt(i);
    const closer = closerOf(c);
    if (closer >= 0) stack.push(closer);
    else if (stack.length > 0 && c === stack[stack.length - 1]) stack.pop();
    else if (c === NAKAGURO && stack.length === 0 && !joinsKatakana(content, i)) {
      segments.push(parseSegment(content.slice(start, i)));
      start = i + 1;
    }
  }
  segments.push(parseSegment(content.slice(start)));
  return segments;
}

// The scanners below compare UTF-16 codes (`charCodeAt`), not `text[i]`: indexing a Japanese
// string allocates a one-character string per step.
const OPEN_QUOTE = 0x300c; // 「
const CLOSE_QUOTE = 0x300d; // 」

function joinsKatakana(text: string, i: number): boolean {
  return isKatakana(text.charCodeAt(i - 1)) && isKatakana(text.charCodeAt(i + 1));
}

/** One segment: plain context, or `speaker「quote」「quote」rest`. */
function parseSegment(text: string): Segment {
  const open = text.indexOf('「');
  if (open < 0) return { kind: 'context', text };
  const quotes: string[] = [];
  let i = open;
  while (text.charCodeAt(i) === OPEN_QUOTE) {
    const close = matchingClose(text, i);
    if (close < 0) return { kind: 'context', text };
    quotes.push(text.slice(i + 1, close));
    i = close + 1;
  }
  if (quotes.every(isTermQuote)) return { kind: 'context', text };
  const speaker = text.slice(0, open);
  return { kind: 'quote', speaker: speaker === '' ? null : speaker, quotes, rest: text.slice(i) };
}

/** Index of the `」` closing the `「` at `open`, counting nested 「」; -1 when unbalanced. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === OPEN_QUOTE) depth += 1;
    else if (c === CLOSE_QUOTE) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * A short bracketed noun — 「ダボス会議」, 「フランケンSAM」 — names a thing rather than quoting
 * speech: speech is a clause, so it ends in a predicate (hiragana) or carries punctuation.
 */
function isTermQuote(quote: string): boolean {
  if (quote.length === 0 || quote.length > 15) return false;
  if (/[。、！？!?]/u.test(quote)) return false;
  const last = quote.codePointAt(quote.length - 1) ?? 0;
  return !isHiragana(last);
}
