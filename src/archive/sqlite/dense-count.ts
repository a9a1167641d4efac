import type { DenseCountSource } from '../fulltext/dense-count.js';
import type { ParsedQuery } from '../query/query-ast.js';
import {
  compileQuery,
  handleNorm,
  personIds,
  termAlternatives,
  type CompiledQuery,
  type QueryLookups,
} from './compile-query.js';
import type { QueryRunner } from './run-query.js';

/** A count of filters alone that the index's plan puts at most this long is left to it. */
const CHEAP_MS = 10;

/**
 * What the SQLite index answers for a count with the dense sets (`fulltext/dense-count.ts`):
 * the query compiled once (`full`, for `parsed`), and any part of it compiled when asked.
 *
 * @example
 * countWithDenseSets(parsed, sqliteDenseSource(runner, lookups, parsed, full), sets.snapshot());
 */
export function sqliteDenseSource(
  runner: QueryRunner,
  lookups: QueryLookups,
  parsed: ParsedQuery,
  full: CompiledQuery,
): DenseCountSource {
  const compiled = new Map<ParsedQuery, CompiledQuery>([[parsed, full]]);
  const compile = (q: ParsedQuery): CompiledQuery => {
    let c = compiled.get(q);
    if (c === undefined) compiled.set(q, (c = compileQuery(q, lookups)));
    return c;
  };
  return {
    termKeys: (term) =>
      termAlternatives(term.text, lookups).map((m) => (m.verify ? null : m.normalised)),
    authorKey: handleNorm,
    speakerIds: (f) => JSON.parse(personIds(f, lookups)) as number[],
    countIfCheap: (q) => runner.countIfCheap(compile(q), CHEAP_MS),
    wordsExceed: (q, limit) => {
      const match = compile(q).match;
      return match !== null && runner.estimateMatches(match) > limit;
    },
    newest: (q, limit) => runner.newest(compile(q), limit),
    countAmong: (q, rowids) => runner.among(compile(q), rowids).length,
    maxRowid: () => runner.maxRowid(),
  };
}
