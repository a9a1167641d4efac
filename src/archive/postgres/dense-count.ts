import type { DenseCountSource } from '../fulltext/dense-count.js';
import type { ParsedQuery } from '../query/query-ast.js';
import {
  alternativesOf,
  compilePgQuery,
  handleNorm,
  pgPersonIds,
  type PgQuery,
  type PgQueryOptions,
} from './compile-query.js';
import type { PgConnection } from './connection.js';
import type { PgSearch } from './search.js';

/**
 * What PostgreSQL answers for a count with the dense sets (`fulltext/dense-count.ts`): the
 * query compiled once (`full`, for `parsed`), and any part of it compiled when asked. A term
 * matches where the normalised text contains it (`strpos`), which is what a word's set holds,
 * so every alternative of a term is a key of the sets.
 *
 * @example
 * countWithDenseSets(parsed, pgDenseSource(c, searcher, options, parsed, full), sets.snapshot());
 */
export function pgDenseSource(
  c: PgConnection,
  search: PgSearch,
  options: PgQueryOptions,
  parsed: ParsedQuery,
  full: PgQuery,
): DenseCountSource {
  const compiled = new Map<ParsedQuery, PgQuery>([[parsed, full]]);
  const compile = (q: ParsedQuery): PgQuery => {
    let pg = compiled.get(q);
    if (pg === undefined) compiled.set(q, (pg = compilePgQuery(q, options)));
    return pg;
  };
  return {
    termKeys: (term) => alternativesOf(term.text, options),
    authorKey: handleNorm,
    speakerIds: (f) => pgPersonIds(f, options),
    // The sets answer filters faster than most plans here (a tag held by most entries is
    // counted by reading every one of its rows); an author's entries since a date are counted
    // from the (handle, date) index alone.
    countIfCheap: (q) => (authorsAndDates(q) ? search.count(compile(q)) : null),
    wordsExceed: (q, limit) => search.plannedMatches(compile(q)) > limit,
    newest: (q, limit) => search.newestMatches(compile(q), limit),
    countAmong: (q, rids) => search.countAmong(compile(q), rids),
    maxRowid: () => Number(c.value('SELECT coalesce(max(rid), 0) AS n FROM entries') ?? 0),
  };
}

/**
 * Whether a query is only authors and dates (`from:@nhk_news since:2024-01-01`): an index-only
 * scan of `entries_handle` counts it, where the sets would list every entry since the date.
 */
function authorsAndDates(q: ParsedQuery): boolean {
  return (
    q.terms.length === 0 &&
    q.filters.some((f) => f.key === 'from') &&
    q.filters.every(
      (f) => !f.negated && (f.key === 'from' || f.key === 'since' || f.key === 'until'),
    )
  );
}
