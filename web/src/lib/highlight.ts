import type { Range } from '../api/types.js';

/** A run of text, marked (a search hit) or not. */
export interface TextPiece {
  text: string;
  marked: boolean;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Moves an offset that falls inside a surrogate pair to the pair's start or end. */
const snap = (text: string, offset: number, direction: 'down' | 'up'): number => {
  if (offset <= 0 || offset >= text.length) return offset;
  if (!isHighSurrogate(text.charCodeAt(offset - 1))) return offset;
  return direction === 'down' ? offset - 1 : offset + 1;
};

/**
 * Sorts, clamps and merges `[start, end)` ranges over a text: out-of-range ends are clamped,
 * empty or inverted ranges dropped, overlapping or touching ones merged, and an end inside a
 * surrogate pair widened so no character is cut in two.
 *
 * @example
 *   normaliseRanges('abcdef', [[3, 5], [0, 2], [1, 3]]); // [[0, 5]]
 */
export function normaliseRanges(text: string, ranges: readonly Range[]): [number, number][] {
  const clamped = ranges
    .map(([start, end]): [number, number] => [
      snap(text, Math.max(0, Math.min(start, text.length)), 'down'),
      snap(text, Math.max(0, Math.min(end, text.length)), 'up'),
    ])
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of clamped) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Splits a snippet into plain and marked pieces, for rendering as text nodes and `<mark>`s
 * (never as HTML). The pieces joined give the text back exactly.
 *
 * @example
 *   splitHighlights('停戦交渉の行方', [[0, 2]]);
 *   // [{ text: '停戦', marked: true }, { text: '交渉の行方', marked: false }]
 */
export function splitHighlights(text: string, ranges: readonly Range[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of normaliseRanges(text, ranges)) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
