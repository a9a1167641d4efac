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
  const want = Math.max(o.candidates, o.offset + o.limit);
  const rowids = runner.newest(q, want);
  const { total, totalExact } =
    rowids.length < want // every match is a candidate: no need to count them again
      ? { total: rowids.length, totalExact: true }
      : totalOf(runner, q, rowids, o.totalLimit);
  if (rowids.length === 0 || o.limit <= 0) return { total, totalExact, hits: [] };
  const scored = score(runner, fetch(rowids), q);
  const page = scored.slice(o.offset, o.offset + o.limit);
  return { total, totalExact, hits: page.map((s) => hit(s.stored, s.score, q.highlight)) };
}

/** Exact up to `limit` matches, else estimated from the newest ones. */
function totalOf(
  runner: QueryRunner,
  q: CompiledQuery,
  newest: readonly number[],
  limit: number,
): { total: number; totalExact: boolean } {
  const counted = runner.countUpTo(q, limit);
  if (counted <= limit) return { total: counted, totalExact: true };
  return { total: runner.estimateFromNewest(newest, counted, q), totalExact: false };
}

/**
 * Filters only: the newest entries by post date, with an exact total — from the counters
 * when the filter has them, from the page itself when it is not full, else counted (filters
 * are answered from indexes, so this is cheap next to counting a common word).
 */
function byDate(
  runner: QueryRunner,
  fetch: FetchEntries,
  q: CompiledQuery,
  o: RankedSearchOptions,
): SearchResults {
  const cheap = q.counted !== null || (q.match === null && q.conditions.length === 0);
  const known = cheap ? runner.count(q) : null;
  if (known === 0 || o.limit <= 0)
    return { total: known ?? runner.count(q), totalExact: true, hits: [] };
  // Dense: walking the date index backwards finds the page within a few thousand rows.
  const dense = known !== null && (o.offset + o.limit) * runner.entryCount() <= 5000 * known;
  const rowids = runner.byDate(q, o.limit, o.offset, dense);
  const pageTells = rowids.length < o.limit && (rowids.length > 0 || o.offset === 0);
  const total = known ?? (pageTells ? o.offset + rowids.length : runner.count(q));
  const entries = fetch(rowids);
  const hits = rowids.flatMap((r) => {
    const stored = entries.get(r);
    return stored ? [hit(stored, 0, [])] : [];
  });
  return { total, totalExact: true, hits };
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
