import type { Knowledge } from '../knowledge/index.js';

/** A block of words after a 🗣️ mark in a post: what the person named before it said. */
export interface MarkBlock {
  mark: number;
  start: number;
  end: number;
}

const LINK = /https?:\/\/|pic\.twitter\.com/g;

/**
 * Commentary posts quote a speaker after 🗣️ rather than in brackets; the words run to the next
 * mark, the poster's own sign-off mark (🐸 on some accounts; a data list), a link, or the end.
 *
 * @example
 * findMarkBlocks('大統領は述べた。🗣️我々は勝つ。🐸', k); // [{ mark: 8, start: 11, end: 17 }]
 */
export function findMarkBlocks(text: string, k: Knowledge): MarkBlock[] {
  const marks = positionsOf(text, k.speechMarks);
  if (marks.length === 0) return [];
  const stops = [...positionsOf(text, k.commentMarks), ...marks].map((m) => m.at);
  for (const m of text.matchAll(LINK)) stops.push(m.index);
  stops.sort((a, b) => a - b);
  const out: MarkBlock[] = [];
  let s = 0;
  for (const { at, length } of marks) {
    const start = skipSpace(text, at + length);
    while (s < stops.length && (stops[s] ?? 0) < start) s += 1;
    const end = trimEnd(text, start, stops[s] ?? text.length);
    // `🗣️「…」⏎`: words in brackets after the mark, closing its line, are the words without
    // their brackets; what follows on the next lines is the poster's own.
    const close = bracketClosingLine(text, start, end);
    if (close > 0) out.push({ mark: at, start: start + 1, end: close });
    else if (end > start) out.push({ mark: at, start, end });
  }
  return out;
}

/** Every occurrence of any of the words, in order; a longer word wins at the same place. */
function positionsOf(text: string, words: readonly string[]): { at: number; length: number }[] {
  const found = new Map<number, number>();
  for (const w of words) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
      found.set(at, Math.max(found.get(at) ?? 0, w.length));
    }
  }
  return [...found].map(([at, length]) => ({ at, length })).sort((a, b) => a.at - b.at);
}

/**
 * Where the bracket opening at `start` closes, when it closes before `end` at a line's end (or
 * at `end`) with no other bracket inside; else -1.
 */
function bracketClosingLine(text: string, start: number, end: number): number {
  if (text.charAt(start) !== '「') return -1;
  const close = text.indexOf('」', start + 1);
  if (close < 0 || close >= end || close - start < 2) return -1;
  if (text.slice(start + 1, close).includes('「')) return -1;
  return close + 1 === end || text.charAt(close + 1) === '\n' ? close : -1;
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/.test(text.charAt(j))) j += 1;
  return j;
}

function trimEnd(text: string, start: number, stop: number): number {
  let e = stop;
  while (e > start && /[\s…]/.test(text.charAt(e - 1))) e -= 1;
  return e;
}
