import { normaliseWithMap } from '../normalise.js';

/**
 * A text as the quote check compares it: normalised by `normaliseWithMap` (width, case, kana
 * variants), then only letters, digits and marks kept — white space, line breaks, brackets,
 * punctuation and emoji dropped — with each kept unit's `[start, end)` range in the source.
 */
export interface MatchView {
  text: string;
  /** `starts[i]` is the source offset where `text[i]` begins. */
  starts: Int32Array;
  /** `ends[i]` is the source offset where the character of `text[i]` ends. */
  ends: Int32Array;
}

const KEPT = /[\p{L}\p{N}\p{Mn}\p{Mc}]/u;
/** How far an aside `(…)` may run: longer brackets are not an aside the curator left out. */
const MAX_ASIDE = 40;

/**
 * The view of `source`; with `dropAsides`, round-bracketed asides such as a reading or an
 * editor's insertion (`その座に(プーチン氏は)いなくなる`) are dropped too, since a curator
 * quoting the sentence leaves them out.
 *
 * @example
 * matchView('「ＮＡＴＯ」は\n拡大🇺🇦', false).text; // 'natoは拡大'
 * matchView('その座に(同氏は)いない', true).text; // 'その座にいない'
 */
export function matchView(source: string, dropAsides: boolean): MatchView {
  const m = normaliseWithMap(source);
  const n = m.text;
  const map = m.map.length > 0 ? m.map : identityMap(n.length);
  const unitEnds = endsOf(map, source.length, n.length);
  const aside = dropAsides ? asideMask(n) : null;
  let text = '';
  const starts = new Int32Array(n.length);
  const ends = new Int32Array(n.length);
  let kept = 0;
  let run = 0; // start of the run of kept units not yet copied to `text`
  let i = 0;
  while (i < n.length) {
    const c = n.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n.length ? 2 : 1;
    if ((aside === null || aside[i] === 0) && isKept(n, i, c, width)) {
      for (let k = i; k < i + width; k += 1) {
        starts[kept] = map[k] as number;
        ends[kept] = unitEnds[k] as number;
        kept += 1;
      }
    } else {
      text += n.slice(run, i);
      run = i + width;
    }
    i += width;
  }
  text += n.slice(run);
  return { text, starts: starts.subarray(0, kept), ends: ends.subarray(0, kept) };
}

function isKept(n: string, i: number, c: number, width: number): boolean {
  // Fast paths for what news text is mostly made of: kana, kanji, ASCII letters and digits.
  if ((c >= 0x3041 && c <= 0x30ff && c !== 0x30fb && c !== 0x30a0) || (c >= 0x4e00 && c <= 0x9fff))
    return true;
  if (c < 0x80)
    return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xfe00 && c <= 0xfe0f) return false; // variation selectors (emoji presentation)
  return KEPT.test(n.slice(i, i + width));
}

function identityMap(length: number): number[] {
  return Array.from({ length: length + 1 }, (_, i) => i);
}

/** Where the source character of each normalised unit ends: the next unit from elsewhere. */
function endsOf(map: readonly number[], sourceLength: number, length: number): Int32Array {
  const ends = new Int32Array(length);
  let next = sourceLength;
  for (let i = length - 1; i >= 0; i -= 1) {
    const here = map[i] as number;
    const after = map[i + 1] as number;
    if (after !== here) next = after;
    ends[i] = next;
  }
  return ends;
}

/** 1 for each unit inside (and on the brackets of) a short `(…)` aside on one line. */
function asideMask(n: string): Uint8Array {
  const mask = new Uint8Array(n.length);
  let open = n.indexOf('(');
  while (open !== -1) {
    let close = -1;
    for (let k = open + 1; k < n.length && k - open <= MAX_ASIDE + 1; k += 1) {
      const c = n.charCodeAt(k);
      if (c === 0x29 /* ) */) {
        close = k;
        break;
      }
      if (c === 0x28 /* ( */ || c === 0x0a || c === 0x0d) break;
    }
    if (close !== -1) mask.fill(1, open, close + 1);
    open = n.indexOf('(', close === -1 ? open + 1 : close + 1);
  }
  return mask;
}
