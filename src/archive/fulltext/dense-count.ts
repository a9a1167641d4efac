import type { ParsedQuery, QueryFilter, QueryTerm } from '../query/query-ast.js';
import { normaliseForMatch } from '../../text/index.js';
import {
  countDense,
  meetsDense,
  newestDense,
  setRow,
  type DenseCondition,
  type RowBits,
} from './dense-terms.js';

/**
 * Counting with the dense terms' sets (`dense-terms.ts`), the rule both backends share: the
 * sets answer the words and filters they have, and the backend — SQLite's index, PostgreSQL's
 * tables — answers the rest through `DenseCountSource`.
 */

/** What a count may use of the stored sets: their terms, what they cover, what to check apart. */
export interface DenseSnapshot {
  /** Highest rowid the sets cover. */
  through: number;
  /** Rowids up to `through` whose bits may be wrong (removed or rewritten since). */
  stale: ReadonlySet<number>;
  /** The id of a dense term, by its key (a normalised word, `tag:…`, `from:…`, `speaker:…`). */
  idOf(term: string): number | undefined;
  /** The set of a dense term. */
  bits(id: number): RowBits;
  /**
   * The entries of authors (normalised handles) or speakers (person ids) that have no set,
   * read from their tables; `null` when there are more than `limit`.
   */
  entriesOf(
    kind: 'from' | 'speaker',
    values: readonly (string | number)[],
    limit: number,
  ): number[] | null;
}

/** What a backend answers for a count with the sets: the parts the sets do not have. */
export interface DenseCountSource {
  /**
   * The keys of a term's alternatives in the sets (normalised texts), `null` for one whose
   * matches its set would not give exactly.
   */
  termKeys(term: QueryTerm): (string | null)[];
  /** The normalised handle of a `from:` filter. */
  authorKey(filter: QueryFilter): string;
  /** The persons a `speaker:` filter names. */
  speakerIds(filter: QueryFilter): number[];
  /** The query's count when the backend's own plan for it is cheap, else `null`. */
  countIfCheap(query: ParsedQuery): number | null;
  /**
   * Whether the query's positive words are held by more than `limit` entries, by an estimate
   * (false when it has none).
   */
  wordsExceed(query: ParsedQuery, limit: number): boolean;
  /** The rowids of the newest `limit` matches of the query, newest first. */
  newest(query: ParsedQuery, limit: number): number[];
  /** How many of `rowids` match the query. */
  countAmong(query: ParsedQuery, rowids: readonly number[]): number;
  /** The highest rowid filed. */
  maxRowid(): number;
}

/**
 * The rest of a query (a rare word, a filter) is listed and each of its entries checked in the
 * sets only when it has at most this many; beyond, the backend counts the whole query.
 */
const ROWS_AT_MOST = 50_000;
/**
 * The same when the rest has a word of its own: the index's AND of that word with a dense one
 * lines up the dense word's positions only where both occur, which costs less than listing.
 */
const WORD_ROWS_AT_MOST = 5_000;
/** Entries filed since the sets were built are checked in the backend, up to this many. */
const NEWER_AT_MOST = 5_000;
/**
 * At most this many entries removed or rewritten since the sets were built are checked apart;
 * beyond, a backend's snapshot is `null` and counts wait for `optimize()`.
 */
export const STALE_AT_MOST = 1000;
/** At most this many entries of a filter's alternatives without sets are listed. */
const LISTED_AT_MOST = 20_000;

/**
 * The exact number of entries matching a query, counted with the dense sets where its words
 * and filters have them; `null` when they do not help, and the backend counts it. A term or
 * filter is answered by the sets when each of its alternatives has one:
 * - nothing else in the query: the sets' bits are combined and counted;
 * - with other words or filters: those are listed (when few) and each entry checked in the sets.
 * Entries filed since the sets were built, and those removed or rewritten since, are checked
 * by the backend: the count is exact whatever has been written since `optimize()`.
 * `setsOnly` (a search's total) answers only queries the sets answer whole.
 *
 * @example
 * const parsed = parseQuery('ウクライナ 停戦').value;
 * countWithDenseSets(parsed, source, sets.snapshot()); // 81234
 */
export function countWithDenseSets(
  parsed: ParsedQuery,
  source: DenseCountSource,
  sets: DenseSnapshot | null,
  setsOnly = false,
): number | null {
  if (sets === null) return null;
  const split = splitByDenseSets(parsed, source, sets);
  if (split.all.length + split.none.length === 0) return null;
  // What costs more than the sets (listing the rest, asking the index) is for counts only.
  if (setsOnly && split.rest.length + split.restFilters.length > 0) return null;
  // Filters alone are often counted from counters or a small index at once (an author since
  // a date): the sets help only where the backend would read many rows.
  if (split.rest.length === parsed.terms.length) {
    const cheap = source.countIfCheap(parsed);
    if (cheap !== null) return cheap;
  }
  const condition: DenseCondition = {
    all: split.all.map((part) => partBits(part, sets)),
    none: split.none.flatMap((part) => partBits(part, sets)),
  };
  const rest: ParsedQuery = { terms: split.rest, filters: split.restFilters };
  if (rest.terms.some((t) => !t.negated) || rest.filters.some((f) => !f.negated))
    return countByRest(source, parsed, rest, condition, sets);
  // Nothing but exclusions left over: the rest of the archive would have to be listed.
  if (condition.all.length === 0 || rest.terms.length + rest.filters.length > 0) return null;
  const newer = newerMatches(source, parsed, sets.through);
  if (newer === null) return null;
  const stale = sets.stale.size === 0 ? 0 : source.countAmong(parsed, [...sets.stale]);
  return countDense(condition, sets.stale) + newer + stale;
}

/**
 * The newest `limit` matches of a query (highest rowids first) read from the dense sets alone,
 * when they answer the whole query and are current: every word and filter has its sets, no
 * entry was filed, removed or rewritten since they were built. Otherwise `null`, and the
 * backend lists them.
 *
 * @example
 * newestWithDenseSets(parseQuery('停戦').value, source, sets.snapshot(), 300); // [99981, …]
 */
export function newestWithDenseSets(
  parsed: ParsedQuery,
  source: DenseCountSource,
  sets: DenseSnapshot | null,
  limit: number,
): number[] | null {
  if (sets === null || sets.stale.size > 0) return null;
  const split = splitByDenseSets(parsed, source, sets);
  if (split.all.length === 0 || split.rest.length + split.restFilters.length > 0) return null;
  if (source.maxRowid() > sets.through) return null;
  return newestDense(
    {
      all: split.all.map((part) => partBits(part, sets)),
      none: split.none.flatMap((part) => partBits(part, sets)),
    },
    limit,
  );
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
  source: DenseCountSource,
  sets: DenseSnapshot,
): DenseSplit {
  const split: DenseSplit = { all: [], none: [], rest: [], restFilters: [] };
  for (const term of parsed.terms) {
    const ids = idsOf(sets, source.termKeys(term));
    if (ids === null) split.rest.push(term);
    else (term.negated ? split.none : split.all).push({ ids, listed: [] });
  }
  // Repeated from: filters are alternatives (an entry has one author): one part of them all.
  const authors = parsed.filters.filter((f) => f.key === 'from' && !f.negated);
  const byAuthor =
    authors.length > 0
      ? partOf(
          sets,
          'from',
          authors.map((f) => source.authorKey(f)),
        )
      : null;
  if (byAuthor !== null) split.all.push(byAuthor);
  else split.restFilters.push(...authors);
  for (const f of parsed.filters) {
    if (f.key === 'from' && !f.negated) continue;
    const part =
      f.key === 'tag'
        ? partOf(sets, 'tag', [normaliseForMatch(f.value)])
        : f.key === 'from'
          ? partOf(sets, 'from', [source.authorKey(f)])
          : f.key === 'speaker'
            ? partOf(sets, 'speaker', source.speakerIds(f))
            : null;
    if (part === null) split.restFilters.push(f);
    else (f.negated ? split.none : split.all).push(part);
  }
  return split;
}

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
 * not stale (the others are checked by the backend, as every entry filed since is).
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
 * them and checks each in the sets, or in the backend when its bits may be wrong; `null` when
 * the rest names too many.
 */
function countByRest(
  source: DenseCountSource,
  full: ParsedQuery,
  rest: ParsedQuery,
  condition: DenseCondition,
  sets: DenseSnapshot,
): number | null {
  if (source.wordsExceed(rest, WORD_ROWS_AT_MOST)) return null;
  const rows = source.newest(rest, ROWS_AT_MOST + 1);
  if (rows.length > ROWS_AT_MOST) return null;
  let count = 0;
  const check: number[] = [];
  for (const rowid of rows)
    if (rowid > sets.through || sets.stale.has(rowid)) check.push(rowid);
    else if (meetsDense(condition, rowid)) count += 1;
  return count + (check.length === 0 ? 0 : source.countAmong(full, check));
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
function newerMatches(source: DenseCountSource, q: ParsedQuery, through: number): number | null {
  if (source.maxRowid() <= through) return 0;
  const rows = source.newest(q, NEWER_AT_MOST + 1);
  const newer = rows.filter((rowid) => rowid > through).length;
  return newer > NEWER_AT_MOST ? null : newer;
}
