import type { DescriptionTerms } from './description.js';
import { isWordUnit } from './units.js';

/**
 * The description words of a model, compiled for counting: each distinct word once (`terms`),
 * indexed by its first UTF-16 unit so that all of them are counted in one pass over a text,
 * and each tag's words as positions in `terms` with their weights.
 */
export interface CompiledTerms {
  terms: readonly string[];
  /** Word positions by first unit. */
  byFirst: ReadonlyMap<number, readonly number[]>;
  /** 1 where some word starts with that unit: most characters of a text start none. */
  starts: Uint8Array;
  /** Whether the word starts with a Latin letter (it then counts only as a whole word). */
  latin: Uint8Array;
  tags: readonly {
    ids: Int32Array;
    weights: Float64Array;
    parties: readonly Int32Array[];
    /** Words of which the entry must say one for the tag to score at all (none: no such rule). */
    requires: Int32Array;
  }[];
}

// Made once per descriptions list: a model keeps its list until its taxonomy changes.
const compiled = new WeakMap<readonly DescriptionTerms[], CompiledTerms>();

/**
 * The compiled form of a descriptions list (cached while the list lives).
 *
 * @example
 * compileTerms(model.descriptions).terms.length; // distinct description words
 */
export function compileTerms(descriptions: readonly DescriptionTerms[]): CompiledTerms {
  const known = compiled.get(descriptions);
  if (known) return known;
  const ids = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) ids.set(term, (id = ids.size));
    return id;
  };
  const tags = descriptions.map((d) => ({
    ids: Int32Array.from(d.terms, (t) => idOf(t.term)),
    weights: Float64Array.from(d.terms, (t) => t.weight),
    parties: (d.parties ?? []).map((words) => Int32Array.from(words, idOf)),
    requires: Int32Array.from(d.requires ?? [], idOf),
  }));
  const terms = [...ids.keys()];
  const byFirst = new Map<number, number[]>();
  const starts = new Uint8Array(0x10000);
  const latin = new Uint8Array(terms.length);
  terms.forEach((term, id) => {
    if (term === '') return;
    const first = term.charCodeAt(0);
    byFirst.set(first, [...(byFirst.get(first) ?? []), id]);
    starts[first] = 1;
    latin[id] = first >= 0x61 && first <= 0x7a ? 1 : 0;
  });
  const made = { terms, byFirst, starts, latin, tags };
  compiled.set(descriptions, made);
  return made;
}

/**
 * Occurrences of every compiled word in a text, at most `max` each, in one pass (a scan per
 * word would read the text a hundred times for a taxonomy's descriptions): `all[id]`, and
 * `before[id]` for those starting before offset `before` (the lead). A Latin word counts only
 * as a whole word: "eu" is not inside "museum".
 *
 * @example
 * countTerms('制裁と制裁', compileTerms(descriptions), 8).all[0]; // 2, if 制裁 is word 0
 */
export function countTerms(
  text: string,
  c: CompiledTerms,
  max: number,
  before = 0,
): { all: Int32Array; before: Int32Array } {
  const all = new Int32Array(c.terms.length);
  const lead = new Int32Array(c.terms.length);
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (c.starts[unit] !== 1) continue;
    for (const id of c.byFirst.get(unit) ?? []) {
      if ((all[id] as number) >= max || !text.startsWith(c.terms[id] as string, i)) continue;
      if (c.latin[id] === 1 && i > 0 && isWordUnit(text.charCodeAt(i - 1))) continue;
      all[id] = (all[id] as number) + 1;
      if (i < before) lead[id] = (lead[id] as number) + 1;
    }
  }
  return { all, before: lead };
}
