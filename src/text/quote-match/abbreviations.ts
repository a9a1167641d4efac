import type { Abbreviations } from './types.js';

/**
 * Abbreviations and other equivalent forms compiled for a view: each form (in view form) → the
 * key its class is written as. Both sides of a comparison are contracted to the keys, so `ウク`
 * in a quote meets `ウクライナ` in the text and the other way round.
 */
export interface Contraction {
  pattern: RegExp | null;
  keyOf: Map<string, string>;
}

/** Keys are private-use characters: a view never holds one (they are not letters). */
const FIRST_KEY = 0xe000;
const LAST_KEY = 0xf8ff;

/**
 * Compiles abbreviations (short → long forms) and groups of equivalent forms (the names of one
 * person) into classes of forms that count as equal; classes sharing a form merge. `toView` puts
 * every form into the form of the text it will be applied to.
 *
 * @example
 * const c = compileContraction({ ウク: ['ウクライナ'] }, [], (s) => s);
 * c.keyOf.get('ウク') === c.keyOf.get('ウクライナ'); // true
 */
export function compileContraction(
  abbreviations: Abbreviations,
  equivalents: readonly (readonly string[])[],
  toView: (s: string) => string,
): Contraction {
  const groups = [
    ...Object.entries(abbreviations).map(([short, longs]) => [short, ...longs]),
    ...equivalents,
  ];
  // Union-find over forms: a form in two groups joins them.
  const parent = new Map<string, string>();
  const find = (f: string): string => {
    let r = f;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(f, r);
    return r;
  };
  for (const g of groups) {
    const forms = [...new Set(g.map(toView).filter((f) => f !== ''))];
    if (forms.length < 2) continue;
    for (const f of forms) if (!parent.has(f)) parent.set(f, f);
    const root = find(forms[0] as string);
    for (const f of forms.slice(1)) parent.set(find(f), root);
  }
  const keyOf = new Map<string, string>();
  const keyOfRoot = new Map<string, string>();
  for (const f of parent.keys()) {
    const root = find(f);
    let key = keyOfRoot.get(root);
    if (key === undefined) {
      if (FIRST_KEY + keyOfRoot.size > LAST_KEY) continue;
      key = String.fromCharCode(FIRST_KEY + keyOfRoot.size);
      keyOfRoot.set(root, key);
    }
    keyOf.set(f, key);
  }
  if (keyOf.size === 0) return { pattern: null, keyOf };
  // Longest first, so ウクライナ人 is not cut at a shorter form inside it.
  const alternatives = [...keyOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(alternatives.join('|'), 'gu'), keyOf };
}

/**
 * Replaces every form in a view by its class key. `text` and `starts`/`ends` (the source range
 * of each unit) are rewritten together: a key spans the source of the whole form.
 *
 * @example
 * contract(matchView('ウクライナ軍', false), c);
 * // { text: '\ue000軍', starts: [0, 5], ends: [5, 6] } (as Int32Arrays)
 */
export function contract<T extends { text: string; starts: Int32Array; ends: Int32Array }>(
  view: T,
  c: Contraction,
): T {
  if (c.pattern === null) return view;
  c.pattern.lastIndex = 0;
  let m = c.pattern.exec(view.text);
  if (m === null) return view;
  // A key is one unit and a form at least one: the arrays never outgrow the view's.
  const starts = new Int32Array(view.text.length);
  const ends = new Int32Array(view.text.length);
  let n = 0;
  const copy = (from: number, to: number): void => {
    starts.set(view.starts.subarray(from, to), n);
    ends.set(view.ends.subarray(from, to), n);
    n += to - from;
  };
  let text = '';
  let at = 0;
  while (m !== null) {
    const i = m.index;
    const form = m[0];
    text += view.text.slice(at, i) + (c.keyOf.get(form) ?? form);
    copy(at, i);
    starts[n] = view.starts[i] as number;
    ends[n] = view.ends[i + form.length - 1] as number;
    n += 1;
    at = i + form.length;
    m = c.pattern.exec(view.text);
  }
  text += view.text.slice(at);
  copy(at, view.text.length);
  return { ...view, text, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}
