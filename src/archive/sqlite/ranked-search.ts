import type { SearchHit, SearchResults, StoredEntry } from '../archive.js';
import { bm25, documentLength, idf, type ScoredTerm } from '../fulltext/bm25.js';
import { entrySearchText, entrySections } from '../fulltext/entry-text.js';
import { normaliseForMatch } from '../../text/index.js';
import { makeSnippet } from '../fulltext/snippet.js';
import type { CompiledQuery } from './compile-query.js';
import type { QueryRunner } from './run-query.js';

export interface RankedSearchOptions {
  limit: number;
  offset: number;
  /** Count matches exactly up to this many; beyond, `total` is an estimate. */
  totalLimit: number;
  /** At most this many matches, the most recently filed, are ranked by BM25. */
  candidates: number;
  /** Also the entries of the best this many matches, without snippets (0: none). */
  rankedEntries: number;
}

/** Rowid → stored entry, for the rowids asked (missing ones are left out). */
export type FetchEntries = (rowids: readonly number[]) => Map<number, StoredEntry>;

/**
 * A page of ranked results. With terms, the `candidates` most recently filed matches are
 * scored with BM25 (see `fulltext/bm25.ts`) and the best come first, so a query with up to
 * that many matches is ranked exactly, and one with more is ranked among its newest matches:
 * the documented trade-off that keeps a search on a word found in most clips as fast as one
 * on a rare name. Without terms (filters only), the newest entries by post date come first.
 */
export function rankedSearch(
  runner: QueryRunner,
  fetch: FetchEntries,
  q: CompiledQuery,
  o: RankedSearchOptions,
): SearchResults {
  if (q.highlight.length === 0) return byDate(runner, fetch, q, o);
  const want = Math.max(o.candidates, o.offset + o.limit, o.rankedEntries);
  // One statement gives the candidates and the total up to `totalLimit`: the newest matches,
  // as many as either needs. Fewer than asked for means these are all of them.
  const asked = Math.max(want, o.totalLimit + 1);
  const newest = runner.newest(q, asked);
  const { total, totalExact } =
    newest.length < asked
      ? { total: newest.length, totalExact: true }
      : { total: runner.estimateFromNewest(newest, newest.length, q), totalExact: false };
  const rowids = newest.slice(0, want);
  if (rowids.length === 0 || (o.limit <= 0 && o.rankedEntries <= 0))
    return { total, totalExact, hits: [], ...ranked(o, []) };
  const scored = score(runner, fetch(rowids), q);
  // Snippets only for the page: cutting one reads and normalises the whole entry.
  const page = o.limit > 0 ? scored.slice(o.offset, o.offset + o.limit) : [];
  return {
    total,
    totalExact,
    hits: page.map((s) => hit(s.stored, s.score, q.highlight)),
    ...ranked(
      o,
      scored.map((s) => s.stored),
    ),
  };
}

/** `ranked` when it was asked for: the first `rankedEntries` of the entries in result order. */
function ranked(
  o: RankedSearchOptions,
  inOrder: readonly StoredEntry[],
): { ranked?: StoredEntry[] } {
  return o.rankedEntries > 0 ? { ranked: inOrder.slice(0, o.rankedEntries) } : {};
}

/** A count that costs more than this (by its plan's estimate) is not made for a search total. */
const EXACT_BUDGET_MS = 15;

/**
 * Filters only: the newest entries by post date. The total is exact when that is cheap —
 * from the counters kept at import, or when there are at most `totalLimit` matches, or from
 * a count whose plan costs little — else it is estimated, as for words: `speaker:` of someone
 * quoted in a tenth of the archive would otherwise cost a count of 100,000 links at a million
 * entries.
 */
function byDate(
  runner: QueryRunner,
  fetch: FetchEntries,
  q: CompiledQuery,
  o: RankedSearchOptions,
): SearchResults {
  // With ranked entries asked for, the newest from the first; the page is a slice of them.
  const top = o.rankedEntries > 0 ? Math.max(o.offset + o.limit, o.rankedEntries) : 0;
  const [count, from] = top > 0 ? [top, 0] : [o.limit, o.offset];
  // Counters, or a cheap count from the filters' indexes. A count that would read the
  // full-text index (an excluded word) is left for later: collecting the matches below
  // costs as much, and gives the page too when they are few.
  let total = runner.countIfCheap(q, EXACT_BUDGET_MS, true);
  let totalExact = true;
  let rowids: number[] | null = null;
  if (total === null) {
    // The newest filed matches, up to one more than `totalLimit`: all of them, to be sorted
    // by date here, or enough to estimate how many there are.
    const newest = runner.newest(q, o.totalLimit + 1);
    if (newest.length <= o.totalLimit) {
      total = newest.length;
      rowids = count > 0 ? runner.sortByDate(newest, count, from) : [];
    } else {
      total = runner.countIfCheap(q, EXACT_BUDGET_MS);
      totalExact = total !== null;
      total ??= runner.estimateFromNewest(newest, newest.length, q);
    }
  }
  rowids ??= total > 0 && count > 0 ? runner.byDate(q, count, from, total) : [];
  const entries = fetch(rowids);
  const inOrder = rowids.flatMap((r) => {
    const stored = entries.get(r);
    return stored ? [stored] : [];
  });
  const page = top > 0 ? inOrder.slice(o.offset, o.offset + o.limit) : inOrder;
  return {
    total,
    totalExact,
    hits: page.map((stored) => hit(stored, 0, [])),
    ...ranked(o, inOrder),
  };
}

interface Scored {
  rowid: number;
  stored: StoredEntry;
  score: number;
}

function score(runner: QueryRunner, entries: Map<number, StoredEntry>, q: CompiledQuery): Scored[] {
  const documents = Math.max(runner.entryCount(), 1);
  const averageLength = runner.lengthTotal() / documents;
  const terms: ScoredTerm[] = q.highlight.map((normalised, i) => {
    const match = q.termMatches[i] ?? null;
    const containing = match === null ? documents : runner.estimateMatches(match);
    return { normalised, idf: idf(documents, containing) };
  });
  const scored: Scored[] = [];
  for (const [rowid, stored] of entries) {
    const s = entrySections(stored.entry);
    const sections = {
      post: normaliseForMatch(s.post),
      body: normaliseForMatch(s.body),
      summary: normaliseForMatch(s.summary),
    };
    scored.push({
      rowid,
      stored,
      score: bm25(sections, documentLength(sections), terms, averageLength),
    });
  }
  return scored.sort((a, b) => b.score - a.score || b.rowid - a.rowid);
}

function hit(stored: StoredEntry, score: number, terms: readonly string[]): SearchHit {
  return { stored, score, snippet: makeSnippet(entrySearchText(stored.entry), terms) };
}
