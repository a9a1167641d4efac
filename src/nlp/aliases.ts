import type { Knowledge } from './knowledge/index.js';

/**
 * The canonical name of an entity written as `term` (any alias or spelling variant), or null
 * when the gazetteer does not know the whole term as one name.
 *
 * @example
 * canonicalName('ハリコフ', knowledge); // 'ハルキウ'
 * canonicalName('ゼレンスキ', knowledge); // 'ゼレンスキー' (long vowel folded)
 */
export function canonicalName(term: string, k: Knowledge): string | null {
  const m = k.gazetteer.longestAt(term, 0);
  return m && m.end === term.length && m.value.type !== 'role' ? m.value.canonical : null;
}

/**
 * Every way the entity named by `term` is written, canonical first, for search: a query for
 * ハルキウ should also match ハリコフ and ハルキフ. A term the gazetteer does not know comes back
 * alone.
 *
 * @example
 * aliasesOf('ハルキウ', knowledge); // ['ハルキウ', 'ハリコフ', 'ハルキフ', 'ハルキュウ']
 */
export function aliasesOf(term: string, k: Knowledge): string[] {
  const canonical = canonicalName(term, k);
  if (canonical === null) return [term];
  return [...new Set([canonical, ...(k.names.get(canonical) ?? [])])];
}
