import type { Abbreviations } from './types.js';

/**
 * Abbreviations compiled for a view: each long form (already in view form) → the short form it
 * is written as. Both sides of a comparison are contracted to the short forms, so `ウク` in a
 * quote meets `ウクライナ` in the text and the other way round.
 */
export interface Contraction {
  pattern: RegExp | null;
  shortOf: Map<string, string>;
}

/**
 * Compiles abbreviations for {@link contract}; `toView` puts every form into the same form as
 * the text it will be applied to (normalised, punctuation dropped).
 *
 * @example
 * compileAbbreviations({ ウク: ['ウクライナ'] }, (s) => s).shortOf.get('ウクライナ'); // 'ウク'
 */
export function compileAbbreviations(
  abbreviations: Abbreviations,
  toView: (s: string) => string,
): Contraction {
  const shortOf = new Map<string, string>();
  for (const [short, longs] of Object.entries(abbreviations)) {
    const s = toView(short);
    if (s === '') continue;
    for (const long of longs) {
      const l = toView(long);
      // A long form must be longer than its short form, or contraction would not end.
      if (l.length > s.length && !shortOf.has(l)) shortOf.set(l, s);
    }
  }
  if (shortOf.size === 0) return { pattern: null, shortOf };
  // Longest first, so ウクライナ人 is not cut at a shorter form inside it.
  const alternatives = [...shortOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(alternatives.join('|'), 'gu'), shortOf };
}

/**
 * Replaces every long form in `units` by its short form. `units` and `starts`/`ends` (the
 * source range of each unit) are rewritten together: a short form spans the source of the whole
 * long form.
 *
 * @example
 * contract(matchView('ウクライナ軍', false), c);
 * // { text: 'ウク軍', starts: [0, 0, 5], ends: [5, 5, 6] } (as Int32Arrays)
 */
export function contract<T extends { text: string; starts: Int32Array; ends: Int32Array }>(
  view: T,
  c: Contraction,
): T {
  if (c.pattern === null) return view;
  c.pattern.lastIndex = 0;
  let m = c.pattern.exec(view.text);
  if (m === null) return view;
  let text = '';
  // Contraction only shortens: the arrays never outgrow the view's.
  const starts = new Int32Array(view.text.length);
  const ends = new Int32Array(view.text.length);
  let n = 0;
  const push = (s: number, e: number): void => {
    starts[n] = s;
    ends[n] = e;
    n += 1;
  };
  let at = 0;
  while (m !== null) {
    const i = m.index;
    const long = m[0];
    const short = c.shortOf.get(long) ?? long;
    text += view.text.slice(at, i) + short;
    for (let k = at; k < i; k += 1) push(view.starts[k] as number, view.ends[k] as number);
    const from = view.starts[i] as number;
    const to = view.ends[i + long.length - 1] as number;
    for (let k = 0; k < short.length; k += 1) push(from, to);
    at = i + long.length;
    m = c.pattern.exec(view.text);
  }
  text += view.text.slice(at);
  for (let k = at; k < view.text.length; k += 1)
    push(view.starts[k] as number, view.ends[k] as number);
  return { ...view, text, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}
