import {
  countDense,
  meetsDense,
  setRow,
  type DenseCondition,
  type RowBits,
} from '../fulltext/dense-terms.js';
import type { ParsedQuery, QueryFilter, QueryTerm } from '../query/query-ast.js';
import { normaliseForMatch } from '../../text/index.js';
import {
  compileQuery,
  handleNorm,
  personIds,
  termAlternatives,
  type CompiledQuery,
  type QueryLookups,
} from './compile-query.js';
import type { DenseSnapshot } from './dense-terms.js';
import type { QueryRunner } from './run-query.js';

/** A count of filters alone that the index's plan puts at most this long is left to it. */
const CHEAP_MS = 10;
/**
 * The rest of a query (a rare word, a filter) is listed and each of its entries checked in the
 * sets only when it has at most this many; beyond, the index counts the whole query.
 */
const ROWS_AT_MOST = 50_000;
/**
 * The same when the rest has a word of its own: the index's AND of that word with a dense one
 * lines up the dense word's positions only where both occur, which costs less than listing.
 */
const WORD_ROWS_AT_MOST = 5_000;
/** Entries filed since the sets were built are checked in the index, up to this many. */
const NEWER_AT_MOST = 5_000;

/**
 * The exact number of entries matching a query, counted with the dense sets
 * (`dense-terms.ts`) where its words and filters have them; `null` when they do not help, and
 * the index counts it (`full`: the query compiled, which the index would count). A term or filter is answered by the sets when each of its alternatives
 * has one:
 * - nothing else in the query: the sets' bits are combined and counted;
 * - with other words or filters: those are listed (when few) and each entry checked in the sets.
 * Entries filed since the sets were built, and those removed or rewritten since, are checked
 * in the index: the count is exact whatever has been written since `optimize()`. `setsOnly`
 * (a search's total) answers only queries the sets answer whole.
 *
 * @example
 * const parsed = parseQuery('ウクライナ 停戦').value;
 * countWithDenseSets(parsed, compileQuery(parsed, lookups), lookups, runner, sets.snapshot()); // 81234
 */
export function countWithDenseSets(
  parsed: ParsedQuery,
  full: CompiledQuery,
  lookups: QueryLookups,
  runner: QueryRunner,
  sets: DenseSnapshot | null,
  setsOnly = false,
): number | null {
  if (sets === null) return null;
  const split = splitByDenseSets(parsed, lookups, sets);
  if (split.all.length + split.none.length === 0) return null;
  // What costs more than the sets (listing the rest, asking the index) is for counts only.
  if (setsOnly && split.rest.length + split.restFilters.length > 0) return null;
  // Filters alone are often counted from counters or a small index at once (an author since
  // a date): the sets help only where the index would read many rows.
  if (split.rest.length === parsed.terms.length) {
    const cheap = runner.countIfCheap(full, CHEAP_MS);
    if (cheap !== null) return cheap;
  }
  const condition: DenseCondition = {
    all: split.all.map((part) => partBits(part, sets)),
    none: split.none.flatMap((part) => partBits(part, sets)),
  };
  const rest: ParsedQuery = { terms: split.rest, filters: split.restFilters };
  if (rest.terms.some((t) => !t.negated) || rest.filters.some((f) => !f.negated))
    return countByRest(runner, lookups, rest, full, condition, sets);
  // Nothing but exclusions left over: the rest of the archive would have to be listed.
  if (condition.all.length === 0 || rest.terms.length + rest.filters.length > 0) return null;
  const newer = newerMatches(runner, full, sets.through);
  if (newer === null) return null;
  return countDense(condition, sets.stale) + newer + runner.among(full, [...sets.stale]).length;
}

/**
 * A word or filter the sets answer: the sets of its alternatives, and the entries of those of
 * its alternatives without one (a speaker's rarer spellings), listed.
 */
interface DensePart {
  ids: number[];
  listed: number[];
}

/** A query's parts that the sets answer, and the rest. */
interface DenseSplit {
  all: DensePart[];
  none: DensePart[];
  rest: QueryTerm[];
  restFilters: QueryFilter[];
}

function splitByDenseSets(
  parsed: ParsedQuery,
  lookups: QueryLookups,
  sets: DenseSnapshot,
): DenseSplit {
  const split: DenseSplit = { all: [], none: [], rest: [], restFilters: [] };
  for (const term of parsed.terms) {
    const keys = termAlternatives(term.text, lookups).map((m) => (m.verify ? null : m.normalised));
    const ids = idsOf(sets, keys);
    if (ids === null) split.rest.push(term);
    else (term.negated ? split.none : split.all).push({ ids, listed: [] });
  }
  // Repeated from: filters are alternatives (an entry has one author): one part of them all.
  const authors = parsed.filters.filter((f) => f.key === 'from' && !f.negated);
  const byAuthor = authors.length > 0 ? partOf(sets, 'from', authors.map(handleNorm)) : null;
  if (byAuthor !== null) split.all.push(byAuthor);
  else split.restFilters.push(...authors);
  for (const f of parsed.filters) {
    if (f.key === 'from' && !f.negated) continue;
    const part =
      f.key === 'tag'
        ? partOf(sets, 'tag', [normaliseForMatch(f.value)])
        : f.key === 'from'
          ? partOf(sets, 'from', [handleNorm(f)])
          : f.key === 'speaker'
            ? partOf(sets, 'speaker', JSON.parse(personIds(f, lookups)) as number[])
            : null;
    if (part === null) split.restFilters.push(f);
    else (f.negated ? split.none : split.all).push(part);
  }
  return split;
}

/** At most this many entries of a filter's alternatives without sets are listed. */
const LISTED_AT_MOST = 20_000;

/**
 * The part of a filter whose alternatives are these values (`kind:value` keys), when at least
 * one has a set and the others' entries are few; else `null`.
 */
function partOf(
  sets: DenseSnapshot,
  kind: 'tag' | 'from' | 'speaker',
  values: readonly (string | number)[],
): DensePart | null {
  const ids: number[] = [];
  const without: (string | number)[] = [];
  for (const value of values) {
    const id = sets.idOf(`${kind}:${value}`);
    if (id === undefined) without.push(value);
    else ids.push(id);
  }
  if (ids.length === 0) return null;
  if (without.length === 0) return { ids, listed: [] };
  if (kind === 'tag') return null;
  const listed = sets.entriesOf(kind, without, LISTED_AT_MOST);
  return listed === null ? null : { ids, listed };
}

/**
 * A part's alternatives as sets: its stored sets, and its listed entries up to `through` and
 * not stale (the others are checked in the index, as every entry filed since is).
 */
function partBits(part: DensePart, sets: DenseSnapshot): RowBits[] {
  const bits = part.ids.map((id) => sets.bits(id));
  if (part.listed.length === 0) return bits;
  const listed: RowBits = new Map();
  for (const rowid of part.listed)
    if (rowid <= sets.through && !sets.stale.has(rowid)) setRow(listed, rowid);
  return [...bits, listed];
}

/**
 * Counts a query whose rest (the words and filters without sets) names a few entries: lists
 * them and checks each in the sets, or in the index when its bits may be wrong; `null` when
 * the rest names too many.
 */
function countByRest(
  runner: QueryRunner,
  lookups: QueryLookups,
  rest: ParsedQuery,
  full: CompiledQuery,
  condition: DenseCondition,
  sets: DenseSnapshot,
): number | null {
  const residual = compileQuery(rest, lookups);
  if (residual.match !== null && runner.estimateMatches(residual.match) > WORD_ROWS_AT_MOST)
    return null;
  const rows = runner.newest(residual, ROWS_AT_MOST + 1);
  if (rows.length > ROWS_AT_MOST) return null;
  let count = 0;
  const check: number[] = [];
  for (const rowid of rows)
    if (rowid > sets.through || sets.stale.has(rowid)) check.push(rowid);
    else if (meetsDense(condition, rowid)) count += 1;
  return count + runner.among(full, check).length;
}

/**
 * The set ids of a part's alternatives, or `null` when any of them has none (a key of `null`:
 * one no set can answer) or there are none.
 */
function idsOf(sets: DenseSnapshot, keys: readonly (string | null)[]): number[] | null {
  const ids = keys.map((key) => (key === null ? undefined : sets.idOf(key)));
  if (ids.length === 0 || ids.some((id) => id === undefined)) return null;
  return ids as number[];
}

/**
 * How many of the query's matches were filed after `through` (the newest matches are theirs),
 * or `null` when there are too many to read here.
 */
function newerMatches(runner: QueryRunner, q: CompiledQuery, through: number): number | null {
  if (runner.maxRowid() <= through) return 0;
  const rows = runner.newest(q, NEWER_AT_MOST + 1);
  const newer = rows.filter((rowid) => rowid > through).length;
  return newer > NEWER_AT_MOST ? null : newer;
}
