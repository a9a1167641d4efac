import { normaliseForMatch } from '../../text/index.js';
import { asTextMatch, termMatch, type IndexTable, type TermMatch } from '../fulltext/term-match.js';
import type { ParsedQuery, QueryFilter } from '../query/query-ast.js';

/**
 * An FTS5 expression and the full-text table that answers it: `entries_fts` (the text's
 * bigrams) or `entries_chars` (each entry's distinct characters, for one-character terms).
 */
export interface IndexMatch {
  table: IndexTable;
  fts: string;
}

/**
 * The SQL name of a full-text table.
 *
 * @example
 * tableName('chars'); // 'entries_chars'
 */
export function tableName(table: IndexTable): 'entries_fts' | 'entries_chars' {
  return table === 'text' ? 'entries_fts' : 'entries_chars';
}

/**
 * A parsed query as the pieces the SQL is built from: an FTS5 MATCH expression for what the
 * index answers (in one of the two full-text tables; what the other table answers is a
 * condition), and conditions on each candidate entry for the rest (filters, exclusions the
 * index cannot express alone, checks of terms the index only narrows). The conditions are
 * kept structured, not as SQL, because how each is best written depends on the plan
 * (`query-plan.ts`): a list built once, or a lookup per candidate. Values are always bound,
 * never spliced into the SQL, so no query text can cause an SQL error.
 */
export interface CompiledQuery {
  /**
   * FTS5 expression that every result matches, or `null` when there is no positive term: in
   * the text table when any positive term is answered there, else in the chars table.
   */
  match: IndexMatch | null;
  /** Conditions every result meets, besides `match`, cheapest to check first. */
  conditions: Condition[];
  /** Normalised positive terms and their alternatives (`expandTerm`), for ranking and snippets. */
  highlight: string[];
  /** FTS5 expressions of `highlight`, one per entry (`null` where there is none). */
  termMatches: (IndexMatch | null)[];
  /** For each of `highlight`, the index of the query term it is an alternative of. */
  termOf: number[];
  /**
   * True when the query is positive terms only (no filter, no exclusion): an entry matches it
   * exactly when its normalised text contains an alternative of every term, which a ranking
   * that counts occurrences can check without the index.
   */
  termsOnly: boolean;
  /** The inclusive date range of since:/until:, to narrow the full-text scan by rowid. */
  since: string | null;
  until: string | null;
  /**
   * Set when the query is nothing but one kind of filter that can be counted from counters
   * kept at import (one tag, authors, a date range) or from one index (one speaker), without
   * reading entries.
   */
  counted: CountedFilter | null;
}

export type CountedFilter =
  | { kind: 'tag'; norm: string }
  | { kind: 'speaker'; ids: string }
  | { kind: 'person'; ids: string }
  | { kind: 'from'; norms: string[] }
  | { kind: 'dates' };

/**
 * One condition on a candidate entry. `tag`, `persons` and a positive `from` name a set of
 * entries known from an index, which a plan may also start from (`drives` in query-plan.ts).
 */
export type Condition =
  /** Has (or, negated, has not) a summary-line tag whose normalised form is `norm`. */
  | { kind: 'tag'; negated: boolean; norm: string }
  /** Names (or not) one of the persons `ids` (a JSON array): as a speaker, or in any role. */
  | { kind: 'persons'; negated: boolean; speakers: boolean; ids: string }
  /** Posted by one of these handles (normalised). */
  | { kind: 'from'; norms: string[] }
  /** Not posted by this handle (entries without a post pass). */
  | { kind: 'notFrom'; norm: string }
  | { kind: 'since'; date: string }
  | { kind: 'until'; date: string }
  /** Matched by an FTS5 expression of the table the query's MATCH is not in. */
  | { kind: 'match'; match: IndexMatch }
  /** Not matched by an FTS5 expression that the index answers exactly. */
  | { kind: 'notMatch'; match: IndexMatch }
  /** The normalised text contains one of `terms` (alternatives of a term the index narrows). */
  | { kind: 'contains'; terms: string[] }
  /** The normalised text does not contain `term`; `match` narrows where it might. */
  | { kind: 'notContains'; match: IndexMatch | null; term: string };

export type ConditionKind = Condition['kind'];

/** Name of the SQL function that checks a term against an entry's normalised text. */
export const CONTAINS_FUNCTION = 'kirinuki_contains';

/** What compiling needs to look up: the ids of the persons a `speaker:`/`person:` value names. */
export interface QueryLookups {
  /** Ids of persons whose normalised name contains `norm`, as a JSON array. */
  speakerIds(norm: string): string;
  /** Alternatives of a term or a `speaker:`/`person:` value (`SearchOptions.expandTerm`). */
  expandTerm?: ((term: string) => string[]) | undefined;
}

/**
 * @example
 * compileQuery(parsed, lookups).match; // { table: 'text', fts: '("停戦")' }
 */
export function compileQuery(query: ParsedQuery, lookups: QueryLookups): CompiledQuery {
  const out: CompiledQuery = {
    match: null,
    conditions: [],
    highlight: [],
    termMatches: [],
    termOf: [],
    termsOnly: false,
    since: null,
    until: null,
    counted: null,
  };
  const positives = query.terms
    .filter((t) => !t.negated)
    .map((t) => termAlternatives(t.text, lookups));
  const negatives = query.terms
    .filter((t) => t.negated)
    .flatMap((t) => termAlternatives(t.text, lookups));
  // The positive terms' expressions and the exact exclusions, per table.
  const positive: Record<IndexTable, string[]> = { text: [], chars: [] };
  const checks: Condition[] = [];
  positives.forEach((alts, term) => {
    for (const m of alts) {
      out.highlight.push(m.normalised);
      out.termMatches.push(m.fts === null ? null : { table: m.table, fts: m.fts });
      out.termOf.push(term);
    }
    // A term matches when any of its alternatives does: OR in the MATCH when the index can
    // narrow every alternative, and an exact check of all of them when any needs one.
    if (alts.every((m) => m.fts !== null)) {
      // Alternatives in both tables (an alias of a one-character word) are all asked of the
      // text table, where a character is a prefix of its tokens.
      const table = alts.every((m) => m.table === 'chars') ? 'chars' : 'text';
      const fts = alts.map((m) => (table === 'text' ? asTextMatch(m) : m.fts));
      positive[table].push(
        fts.length === 1 ? `(${fts[0]})` : `(${fts.map((f) => `(${f})`).join(' OR ')})`,
      );
    }
    if (alts.some((m) => m.verify || m.fts === null))
      checks.push({ kind: 'contains', terms: alts.map((m) => m.normalised) });
  });
  // Exclusions the index answers exactly go into an expression of their table as NOT when
  // there is something to subtract from; the others become conditions.
  const excluded: Record<IndexTable, string[]> = { text: [], chars: [] };
  for (const m of negatives) if (!m.verify && m.fts !== null) excluded[m.table].push(`(${m.fts})`);
  const expression = (table: IndexTable): string | null => {
    if (positive[table].length === 0) return null;
    const all = positive[table].join(' AND ');
    return excluded[table].length === 0 ? all : `(${all}) NOT (${excluded[table].join(' OR ')})`;
  };
  // The MATCH is in the text table when a positive term is answered there: a phrase is
  // rarer than a character, and only the text table knows the tags' supersets.
  const driving: IndexTable = positive.text.length > 0 ? 'text' : 'chars';
  for (const table of [driving, driving === 'text' ? 'chars' : 'text'] as const) {
    const fts = expression(table);
    if (fts !== null && out.match === null) out.match = { table, fts };
    else if (fts !== null) checks.unshift({ kind: 'match', match: { table, fts } });
    else if (excluded[table].length > 0)
      checks.unshift({ kind: 'notMatch', match: { table, fts: excluded[table].join(' OR ') } });
  }
  for (const m of negatives)
    if (m.verify)
      checks.push({
        kind: 'notContains',
        match: m.fts === null ? null : { table: m.table, fts: m.fts },
        term: m.normalised,
      });
  // Filters first (index lookups), then exclusions, then text checks (JSON parsing per entry).
  out.conditions = [...compileFilters(query.filters, out, lookups), ...checks];
  out.counted = query.terms.length === 0 ? countedFilter(query.filters, lookups) : null;
  out.termsOnly = positives.length > 0 && negatives.length === 0 && query.filters.length === 0;
  return out;
}

function countedFilter(
  filters: readonly QueryFilter[],
  lookups: QueryLookups,
): CountedFilter | null {
  if (filters.length === 0 || filters.some((f) => f.negated)) return null;
  const keys = new Set(filters.map((f) => f.key));
  if (keys.size === 1 && keys.has('tag') && filters.length === 1)
    return { kind: 'tag', norm: normaliseForMatch((filters[0] as QueryFilter).value) };
  const only = filters.length === 1 ? (filters[0] as QueryFilter) : null;
  if (only?.key === 'speaker' || only?.key === 'person')
    return { kind: only.key, ids: personIds(only, lookups) };
  if (keys.size === 1 && keys.has('from')) return { kind: 'from', norms: filters.map(handleNorm) };
  if ([...keys].every((k) => k === 'since' || k === 'until')) return { kind: 'dates' };
  return null;
}

function compileFilters(
  filters: readonly QueryFilter[],
  out: CompiledQuery,
  lookups: QueryLookups,
): Condition[] {
  const conditions: Condition[] = [];
  for (const f of filters) {
    if (f.key === 'since') {
      conditions.push({ kind: 'since', date: f.value });
      if (out.since === null || f.value > out.since) out.since = f.value;
    } else if (f.key === 'until') {
      conditions.push({ kind: 'until', date: f.value });
      if (out.until === null || f.value < out.until) out.until = f.value;
    }
  }
  // Repeated from: filters are alternatives (an entry has one author).
  const from = filters.filter((f) => f.key === 'from' && !f.negated);
  if (from.length > 0) conditions.push({ kind: 'from', norms: from.map(handleNorm) });
  for (const f of filters) {
    if (f.key === 'from' && f.negated) conditions.push({ kind: 'notFrom', norm: handleNorm(f) });
    else if (f.key === 'tag')
      conditions.push({ kind: 'tag', negated: f.negated, norm: normaliseForMatch(f.value) });
    else if (f.key === 'speaker' || f.key === 'person')
      conditions.push({
        kind: 'persons',
        negated: f.negated,
        speakers: f.key === 'speaker',
        ids: personIds(f, lookups),
      });
  }
  return conditions;
}

/**
 * The term and its alternatives (`expandTerm`) as index matches, the term first, without
 * duplicates or alternatives that normalise to nothing.
 *
 * @example
 * termAlternatives('ハルキウ', { speakerIds, expandTerm }).map((m) => m.normalised); // ['ハルキウ', 'ハリコフ']
 */
export function termAlternatives(text: string, lookups: QueryLookups): TermMatch[] {
  const first = termMatch(text);
  const out = [first];
  const seen = new Set([first.normalised]);
  for (const alt of lookups.expandTerm?.(text) ?? []) {
    const m = termMatch(alt);
    if (m.normalised.trim() === '' || seen.has(m.normalised)) continue;
    seen.add(m.normalised);
    out.push(m);
  }
  return out;
}

/**
 * Ids of the persons a `speaker:`/`person:` value or any of its alternatives names (JSON).
 *
 * @example
 * personIds({ key: 'speaker', value: 'ラブロフ', negated: false }, lookups); // '[12,40]'
 */
export function personIds(f: QueryFilter, lookups: QueryLookups): string {
  const norms = new Set([normaliseForMatch(f.value)]);
  for (const alt of lookups.expandTerm?.(f.value) ?? []) {
    const norm = normaliseForMatch(alt);
    if (norm.trim() !== '') norms.add(norm);
  }
  if (norms.size === 1) return lookups.speakerIds([...norms][0] as string);
  const ids = new Set<number>();
  for (const norm of norms)
    for (const id of JSON.parse(lookups.speakerIds(norm)) as number[]) ids.add(id);
  return JSON.stringify([...ids]);
}

/**
 * The normalised handle a `from:` filter names.
 *
 * @example
 * handleNorm({ key: 'from', value: 'ReutersJapan', negated: false }); // 'reutersjapan'
 */
export function handleNorm(f: QueryFilter): string {
  return f.value.normalize('NFKC').toLowerCase();
}
