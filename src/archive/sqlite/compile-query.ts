import { normaliseForMatch } from '../../text/index.js';
import { termMatch, type TermMatch } from '../fulltext/term-match.js';
import type { ParsedQuery, QueryFilter } from '../query/query-ast.js';

/**
 * A parsed query as SQL pieces: an FTS5 MATCH expression for what the index can answer, and
 * conditions on the `entries` row `e` for the rest (filters, exclusions the index cannot
 * express alone, checks of terms the index only narrows). Values are bound, never spliced
 * into the SQL, so no query text can cause an SQL error.
 */
export interface CompiledQuery {
  /** FTS5 expression that every result matches, or `null` when there is no positive term. */
  match: string | null;
  /**
   * SQL conditions, joined with AND; each `?` is bound from `params` in order. `{rowid}`
   * stands for the entry's rowid (the full-text table's own when there is a MATCH, so that no
   * join is needed); `e.` is the `entries` row, joined only when a condition uses it.
   */
  conditions: string[];
  params: string[];
  /** Normalised positive terms and their alternatives (`expandTerm`), for ranking and snippets. */
  highlight: string[];
  /** FTS5 expressions of `highlight`, one per entry (`null` where there is none). */
  termMatches: (string | null)[];
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

/** Name of the SQL function that checks a term against an entry's normalised text. */
export const CONTAINS_FUNCTION = 'kirinuki_contains';

const FTS_ROWIDS = 'SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?';
const JSON_OF = '(SELECT json FROM entry_docs WHERE entry = {rowid})';

/** What compiling needs to look up: the ids of the persons a `speaker:`/`person:` value names. */
export interface QueryLookups {
  /** Ids of persons whose normalised name contains `norm`, as a JSON array. */
  speakerIds(norm: string): string;
  /** Alternatives of a term or a `speaker:`/`person:` value (`SearchOptions.expandTerm`). */
  expandTerm?: ((term: string) => string[]) | undefined;
}

/**
 * @example
 * compileQuery(parsed, lookups).match; // '{post body summary} : "停戦"'
 */
export function compileQuery(query: ParsedQuery, lookups: QueryLookups): CompiledQuery {
  const out: CompiledQuery = {
    match: null,
    conditions: [],
    params: [],
    highlight: [],
    termMatches: [],
    since: null,
    until: null,
    counted: null,
  };
  const positives = query.terms
    .filter((t) => !t.negated)
    .map((t) => alternativeMatches(t.text, lookups));
  const negatives = query.terms
    .filter((t) => t.negated)
    .flatMap((t) => alternativeMatches(t.text, lookups));
  const ftsPositive: string[] = [];
  for (const alts of positives) {
    for (const m of alts) {
      out.highlight.push(m.normalised);
      out.termMatches.push(m.fts);
    }
    // A term matches when any of its alternatives does: OR in the MATCH when the index can
    // narrow every alternative, and an exact check of all of them when any needs one.
    if (alts.every((m) => m.fts !== null))
      ftsPositive.push(
        alts.length === 1 ? `(${alts[0]?.fts})` : `(${alts.map((m) => `(${m.fts})`).join(' OR ')})`,
      );
    if (alts.some((m) => m.verify || m.fts === null))
      addCondition(
        out,
        `(${alts.map(() => `${CONTAINS_FUNCTION}(${JSON_OF}, ?)`).join(' OR ')})`,
        ...alts.map((m) => m.normalised),
      );
  }
  // Exclusions the index answers exactly go into the MATCH as NOT when there is something to
  // subtract from; the others become conditions.
  const exact = negatives.filter((m) => !m.verify && m.fts !== null);
  if (ftsPositive.length > 0) {
    out.match = ftsPositive.join(' AND ');
    if (exact.length > 0)
      out.match = `(${out.match}) NOT (${exact.map((m) => `(${m.fts})`).join(' OR ')})`;
  } else if (exact.length > 0) {
    addCondition(
      out,
      `{rowid} NOT IN (${FTS_ROWIDS})`,
      exact.map((m) => `(${m.fts})`).join(' OR '),
    );
  }
  for (const m of negatives) if (m.verify) excludeVerified(out, m);
  compileFilters(query.filters, out, lookups);
  out.counted = query.terms.length === 0 ? countedFilter(query.filters, lookups) : null;
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

function excludeVerified(out: CompiledQuery, m: TermMatch): void {
  if (m.fts === null) addCondition(out, `NOT ${CONTAINS_FUNCTION}(${JSON_OF}, ?)`, m.normalised);
  else
    addCondition(
      out,
      `NOT ({rowid} IN (${FTS_ROWIDS}) AND ${CONTAINS_FUNCTION}(${JSON_OF}, ?))`,
      m.fts,
      m.normalised,
    );
}

function compileFilters(
  filters: readonly QueryFilter[],
  out: CompiledQuery,
  lookups: QueryLookups,
): void {
  const from = filters.filter((f) => f.key === 'from' && !f.negated);
  if (from.length > 0) {
    const marks = from.map(() => '?').join(', ');
    addCondition(
      out,
      `e.handle_id IN (SELECT id FROM handles WHERE norm IN (${marks}))`,
      ...from.map(handleNorm),
    );
  }
  for (const f of filters) {
    switch (f.key) {
      case 'from':
        if (f.negated)
          addCondition(
            out,
            '(e.handle_id IS NULL OR e.handle_id NOT IN (SELECT id FROM handles WHERE norm = ?))',
            handleNorm(f),
          );
        break;
      case 'tag':
        addCondition(
          out,
          `{rowid} ${f.negated ? 'NOT IN' : 'IN'} (${TAGGED})`,
          normaliseForMatch(f.value),
        );
        break;
      case 'speaker':
      case 'person':
        addCondition(
          out,
          `{rowid} ${f.negated ? 'NOT IN' : 'IN'} (${f.key === 'speaker' ? SPOKEN : NAMED})`,
          personIds(f, lookups),
        );
        break;
      case 'since':
        addCondition(out, 'e.date >= ?', f.value);
        if (out.since === null || f.value > out.since) out.since = f.value;
        break;
      case 'until':
        addCondition(out, 'e.date <= ?', f.value);
        if (out.until === null || f.value < out.until) out.until = f.value;
        break;
    }
  }
}

// Written as nested IN lists so that SQLite looks the few matching tags and persons up first
// and then reads their entries from the index, rather than scanning every entry's links.
const TAGGED = 'SELECT entry FROM entry_tags WHERE tag IN (SELECT id FROM tags WHERE norm = ?)';
// Speakers from summary lines and from the text alike; `person:` takes every role.
export const SPOKEN = `SELECT entry FROM entry_persons WHERE role = 'speaker'
  AND person IN (SELECT value FROM json_each(?))`;
export const NAMED = `SELECT entry FROM entry_persons
  WHERE person IN (SELECT value FROM json_each(?))`;

/**
 * The term and its alternatives (`expandTerm`) as index matches, the term first, without
 * duplicates or alternatives that normalise to nothing.
 */
function alternativeMatches(text: string, lookups: QueryLookups): TermMatch[] {
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

/** Ids of the persons a `speaker:`/`person:` value or any of its alternatives names (JSON). */
function personIds(f: QueryFilter, lookups: QueryLookups): string {
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

function handleNorm(f: QueryFilter): string {
  return f.value.normalize('NFKC').toLowerCase();
}

function addCondition(out: CompiledQuery, sql: string, ...params: string[]): void {
  out.conditions.push(sql);
  out.params.push(...params);
}
