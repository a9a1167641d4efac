import type { Segment } from '../../model/index.js';

/** Bracket pairs by UTF-16 code: 「」 『』 () （） “”. */
const CLOSER_OF = new Map([
  [0x300c, 0x300d],
  [0x300e, 0x300f],
  [0x28, 0x29],
  [0xff08, 0xff09],
  [0x201c, 0x201d],
]);
const NAKAGURO = 0x30fb; // ・

/**
 * Splits summary-line content on top-level `・`. A `・` between two katakana is part of a name
 * (ミック・ウォレス, ドミニク・ドロール) and does not split; nor does one inside brackets.
 *
 * @example
 * splitSegments('反転攻勢・ミック・ウォレス議員「戦争だ」').length; // 2
 */
export function splitSegments(content: string): Segment[] {
  const pieces: string[] = [];
  const stack: number[] = [];
  let start = 0;
  // Jump from bracket to bracket: this runs over every summary line of an archive.
  const interesting = /[「」『』()（）“”・]/g;
  for (let m = interesting.exec(content); m !== null; m = interesting.exec(content)) {
    const i = m.index;
    const c = content.charCodeAt(i);
    const closer = CLOSER_OF.get(c);
    if (closer !== undefined) stack.push(closer);
    else if (c === stack[stack.length - 1]) stack.pop();
    else if (c === NAKAGURO && stack.length === 0 && !joinsKatakana(content, i)) {
      pieces.push(content.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(content.slice(start));
  if (pieces.length === 1 && pieces[0] === '') return [];
  return pieces.map(parseSegment);
}

function isKatakana(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}

function joinsKatakana(text: string, i: number): boolean {
  return isKatakana(text[i - 1]) && isKatakana(text[i + 1]);
}

/** One segment: plain context, or `speaker「quote」「quote」rest`. */
function parseSegment(text: string): Segment {
  const open = text.indexOf('「');
  if (open < 0) return { kind: 'context', text };
  const quotes: string[] = [];
  let i = open;
  while (text[i] === '「') {
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
    if (text[i] === '「') depth += 1;
    else if (text[i] === '」') {
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
  return !(last >= 0x3041 && last <= 0x309f);
}
