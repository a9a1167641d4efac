import type { SearchHit, SearchResults, StoredEntry } from '../archive.js';
import { championKeys, type ChampionList } from '../fulltext/champions.js';
import {
  K1,
  rankIdf,
  rankingSections,
  rankScore,
  recencyFactor,
  termImpact,
  type RankedTerm,
  type RankingContext,
} from '../fulltext/ranking.js';
import type { ChampionLists } from './champions.js';
import { entrySearchText, type EntrySections } from '../fulltext/entry-text.js';
import { makeSnippet } from '../fulltext/snippet.js';
import type { CompiledQuery } from './compile-query.js';
import type { QueryRunner } from './run-query.js';
import type { EntryCandidate } from './rows.js';

export interface RankedSearchOptions {
  limit: number;
  offset: number;
  /** Count matches exactly up to this many; beyond, `total` is an estimate. */
  totalLimit: number;
  /**
   * The newest this many matches are always scored (with the champions), so that the recency
   * blend can lift a recent match of middling strength.
   */
  candidates: number;
  /** Also the entries of the best this many matches, without snippets (0: none). */
  rankedEntries: number;
  /** `rank` (default): by the ranking rule; `date`: newest post date first. */
  sort?: 'rank' | 'date';
}

/** A query with at most this many matches is ranked by scoring every one of them. */
export const SCORE_ALL_UP_TO = 300;

/** Champion lists read per term: those of its rarest pairs of characters. */
const LISTS_PER_TERM = 2;

/**
 * Rowid → entry, for the rowids asked (missing ones are left out): its text is read at once,
 * the whole entry only for those shown.
 */
export type FetchEntries = (rowids: readonly number[]) => Map<number, EntryCandidate>;

/**
 * A page of ranked results, ranked over all matches by the rule of `fulltext/ranking.ts` (BM25
 * with a recency blend).
 *
 * - A query with at most {@link SCORE_ALL_UP_TO} matches: every match is scored.
 * - More, up to `totalLimit`, once champion lists exist (`champions.ts`, built by
 *   `optimize()`): every match is a candidate.
 * - More still: the candidates are the newest `candidates` matches and, for each term, the
 *   champions of its two rarest character pairs (the entries where that pair weighs most, and
 *   where it weighs most times recency).
 *
 * Candidates are scored exactly by the rule in order of an upper bound of their score, which
 * the lists give (a term occurs in an entry at most as often as each of its pairs), until the
 * next bound is below the page's last score or {@link MAX_SCORED} were scored. What this can
 * miss: an entry strong for a term only by being short, a strong entry of a filtered query that
 * is not among the champions passing the filter, a phrase's best entries when its pairs are far
 * commoner than it (the cap then decides), and, in an archive never optimised, anything older
 * than the newest `candidates` matches.
 *
 * With `sort: 'date'`, or without terms (filters only), the newest entries by post date come
 * first.
 */
export function rankedSearch(
  runner: QueryRunner,
  fetch: FetchEntries,
  champions: ChampionLists,
  q: CompiledQuery,
  o: RankedSearchOptions,
): SearchResults {
  if (q.highlight.length === 0) return byDate(runner, fetch, q, o);
  const want = Math.max(o.offset + o.limit, o.rankedEntries);
  // One statement gives the total up to `totalLimit` and the candidates: the newest matches,
  // all of them when there are few. Fewer than asked for means these are all of them.
  const asked = Math.max(o.totalLimit + 1, SCORE_ALL_UP_TO + 1, o.candidates);
  const newest = runner.newest(q, asked);
  const allKnown = newest.length < asked;
  const total = allKnown ? newest.length : runner.estimateFromNewest(newest, newest.length, q);
  const totalExact = total <= o.totalLimit;
  if (newest.length === 0 || (o.limit <= 0 && o.rankedEntries <= 0))
    return { total, totalExact, hits: [], ...ranked(o, []) };
  if (o.sort === 'date') return byDateOfMatches(runner, fetch, q, o, newest, allKnown, total);
  const context = rankingContext(runner, q);
  const scored =
    newest.length <= SCORE_ALL_UP_TO
      ? newestWithin(fetch, newest, want, context)
      : bestByBounds(runner, fetch, champions, q, {
          newest,
          allKnown,
          candidates: o.candidates,
          want,
          context,
        });
  // Snippets only for the page: cutting one reads and normalises the whole entry.
  const page = o.limit > 0 ? scored.slice(o.offset, o.offset + o.limit) : [];
  return {
    total,
    totalExact,
    hits: page.map((s) => hit(s.candidate.stored(), s.score, q.highlight)),
    ...ranked(
      o,
      scored.map((s) => s.candidate),
    ),
  };
}

/** What scoring a query's matches needs: its terms with their idf, the archive's figures. */
interface QueryContext extends RankingContext {
  terms: RankedTerm[];
}

function rankingContext(runner: QueryRunner, q: CompiledQuery): QueryContext {
  const documents = Math.max(runner.entryCount(), 1);
  const terms: RankedTerm[] = q.highlight.map((normalised, i) => {
    const match = q.termMatches[i] ?? null;
    const containing = match === null ? documents : runner.estimateMatches(match);
    return { normalised, idf: rankIdf(documents, containing) };
  });
  return {
    documents,
    averageLength: runner.lengthTotal() / documents,
    newest: runner.newestDate(),
    terms,
  };
}

/** Candidates scored exactly per batch, in order of their bounds. */
const BATCH = 16;

/**
 * Once `want` entries are scored, scoring stops when it has read this many units of text
 * (UTF-16, whole sections as stored): news entries are a few thousand units, so this binds
 * only for very long ones — 20 parts of a pasted book are enough to fill a page, not 128.
 */
export const SCORED_TEXT_BUDGET = 1_000_000;

/**
 * How many candidates to score next: {@link BATCH} at first; then, from the length of those
 * read so far, as many as the text budget has room for (at least enough to fill the page, at
 * most `most`) — twenty parts of a paste, not 32 or 64.
 */
function batchSize(scored: number, read: number, want: number, most: number): number {
  if (scored === 0) return BATCH;
  const room = Math.ceil(Math.max(SCORED_TEXT_BUDGET - read, 0) / (read / scored || 1));
  return Math.min(most, Math.max(want - scored, room, 1));
}

/**
 * Every match when there are at most {@link SCORE_ALL_UP_TO}, newest first, until
 * {@link SCORED_TEXT_BUDGET} units are read and `want` are scored.
 */
function newestWithin(
  fetch: FetchEntries,
  newest: readonly number[],
  want: number,
  context: QueryContext,
): Scored[] {
  const scored: Scored[] = [];
  let read = 0;
  for (let i = 0; i < newest.length;) {
    if (scored.length >= want && read >= SCORED_TEXT_BUDGET) break;
    const n = batchSize(scored.length, read, want, 4 * BATCH);
    const batch = newest.slice(i, (i += n));
    for (const s of score(fetch(batch), context)) {
      read += s.units;
      scored.push(s);
    }
  }
  return scored.sort(byScore).slice(0, want);
}

/**
 * At most this many candidates are scored (or `want`, if more): when the bounds do not stop
 * the scoring earlier — a phrase whose character pairs are all much commoner than it is — the
 * best of the candidates with the highest bounds are the answer. Reading and normalising an
 * entry costs 20–80 µs, so this caps the scoring at a few milliseconds.
 */
export const MAX_SCORED = 128;

/**
 * The floors of champion lists are impacts computed with the average length of their build;
 * once entries were added or removed since, they are raised by this much so that they stay
 * bounds after the average drifts a little.
 */
const BOUND_SLACK = 1.02;

/**
 * The best `want` matches among the candidates — every match when they are all known (at most
 * `totalLimit`), else the newest `candidates` matches and the champions of each term's rarest
 * character pairs — scored exactly in order of an upper bound of their score, stopping when
 * the next bound is below the `want`-th score. A term's impact in an entry is at most its
 * pair's: known for a champion; for another entry the lists cover, at most the list's floor,
 * and at most its floor of impact × recency at build time divided by the entry's recency then.
 * Champions are checked against the whole query only when their turn comes.
 */
function bestByBounds(
  runner: QueryRunner,
  fetch: FetchEntries,
  champions: ChampionLists,
  q: CompiledQuery,
  o: {
    newest: readonly number[];
    allKnown: boolean;
    candidates: number;
    want: number;
    context: QueryContext;
  },
): Scored[] {
  const { context, want } = o;
  const built = champions.built();
  const slack = built.averageLength === context.averageLength ? 1 : BOUND_SLACK;
  const lists = q.highlight.map((term) =>
    champions
      .of(championKeys(term))
      .sort((a, b) => a.df - b.df)
      .slice(0, LISTS_PER_TERM)
      .map((l) => ({
        floor: l.floor * slack,
        blendFloor: l.blendFloor * slack,
        impacts: impactsOf(l, context.averageLength),
      })),
  );
  // Every match, when they are all known and bounded by the lists; without lists (never
  // optimised), scoring up to `totalLimit` of them would cost too much: the newest only.
  const everyMatch = o.allKnown && built.upto > 0;
  const matches = new Set(everyMatch ? o.newest : o.newest.slice(0, o.candidates));
  const pool = new Set(matches);
  if (!everyMatch)
    for (const ls of lists) for (const l of ls) for (const r of l.impacts.keys()) pool.add(r);
  const bounded = runner.datesOf([...pool]).map(([rowid, date]) => {
    const recencyAtBuild = recencyFactor(date, built.newest);
    let bound = 0;
    context.terms.forEach((t, i) => {
      let impact = K1 + 1;
      for (const l of lists[i] ?? []) {
        const known = l.impacts.get(rowid);
        if (known !== undefined) impact = Math.min(impact, known);
        else if (rowid <= built.upto) {
          if (l.floor > 0) impact = Math.min(impact, l.floor);
          if (l.blendFloor > 0) impact = Math.min(impact, l.blendFloor / recencyAtBuild);
        }
      }
      bound += t.idf * impact;
    });
    return { rowid, bound: bound * recencyFactor(date, context.newest) };
  });
  bounded.sort((a, b) => b.bound - a.bound || b.rowid - a.rowid);
  const scored: Scored[] = [];
  let read = 0;
  for (let i = 0; i < bounded.length && i < Math.max(MAX_SCORED, want);) {
    const next = bounded[i] as { bound: number };
    const last = scored[want - 1];
    if (last !== undefined && (next.bound < last.score || read >= SCORED_TEXT_BUDGET)) break;
    const n = batchSize(scored.length, read, want, BATCH);
    const batch = bounded.slice(i, (i += n)).map((c) => c.rowid);
    const found = q.termsOnly
      ? matchingByText(runner, q, context.terms, score(fetch(batch), context), matches)
      : score(fetch(knownMatches(runner, q, batch, matches)), context);
    for (const s of found) read += s.units;
    scored.push(...found);
    scored.sort(byScore);
  }
  return scored.slice(0, want);
}

/** Those of `batch` that match `q`: the known matches, and the others the index finds. */
function knownMatches(
  runner: QueryRunner,
  q: CompiledQuery,
  batch: readonly number[],
  matches: ReadonlySet<number>,
): number[] {
  const unchecked = batch.filter((r) => !matches.has(r));
  const found = new Set(runner.among(q, unchecked).map(([r]) => r));
  return batch.filter((r) => matches.has(r) || found.has(r));
}

/**
 * Terms only: a champion matches when its text holds every term, which scoring has read —
 * all of it unless the entry was ranked on part of its text (`capped`); the index answers
 * for those.
 */
function matchingByText(
  runner: QueryRunner,
  q: CompiledQuery,
  terms: readonly RankedTerm[],
  scored: readonly ScoredText[],
  matches: ReadonlySet<number>,
): Scored[] {
  const unsure = scored.filter((s) => !matches.has(s.rowid) && s.sections.capped);
  const confirmed = new Set(
    unsure.length > 0
      ? runner
          .among(
            q,
            unsure.map((s) => s.rowid),
          )
          .map(([r]) => r)
      : [],
  );
  return scored.filter((s) => {
    if (matches.has(s.rowid)) return true;
    if (s.sections.capped) return confirmed.has(s.rowid);
    return holdsEveryTerm(s.sections, terms, q.termOf);
  });
}

/** Rowid → impact of a champion list with an average length, kept while the list is. */
const IMPACTS = new WeakMap<
  ChampionList,
  { averageLength: number; impacts: Map<number, number> }
>();

function impactsOf(l: ChampionList, averageLength: number): Map<number, number> {
  let m = IMPACTS.get(l);
  if (m?.averageLength !== averageLength) {
    const impacts = new Map(
      l.rowids.map((r, i) => [r, termImpact(l.tfs[i] ?? 0, l.lengths[i] ?? 0, averageLength)]),
    );
    m = { averageLength, impacts };
    IMPACTS.set(l, m);
  }
  return m.impacts;
}

/**
 * The first `top` by post date of the newest-filed matches, when they are the first `top` of
 * all matches: every entry dated on or after the last of them was filed after the oldest of
 * `newest` (from the per-date rowid spans), as when entries are filed in date order. Else
 * `null`.
 */
function newestByDate(
  runner: QueryRunner,
  newest: readonly number[],
  top: number,
): number[] | null {
  const oldest = newest[newest.length - 1];
  if (oldest === undefined || newest.length < top) return null;
  const rowids = runner.sortByDate(newest, top, 0);
  const last = rowids[rowids.length - 1];
  if (last === undefined) return null;
  const date = runner.datesOf([last])[0]?.[1];
  return date !== undefined && runner.firstRowidDated(date) >= oldest ? rowids : null;
}

/** `sort: 'date'` with terms: the page by post date, from the newest matches when they are all. */
function byDateOfMatches(
  runner: QueryRunner,
  fetch: FetchEntries,
  q: CompiledQuery,
  o: RankedSearchOptions,
  newest: readonly number[],
  allKnown: boolean,
  total: number,
): SearchResults {
  const top = Math.max(o.offset + o.limit, o.rankedEntries);
  const rowids = allKnown
    ? runner.sortByDate(newest, top, 0)
    : (newestByDate(runner, newest, top) ?? runner.byDateMatching(q, top, 0, total));
  const entries = fetch(rowids);
  const inOrder = rowids.flatMap((r) => {
    const candidate = entries.get(r);
    return candidate ? [candidate] : [];
  });
  return {
    total,
    totalExact: total <= o.totalLimit,
    hits: inOrder.slice(o.offset, o.offset + o.limit).map((c) => hit(c.stored(), 0, q.highlight)),
    ...ranked(o, inOrder),
  };
}

/** `ranked` when it was asked for: the first `rankedEntries` of the entries in result order. */
function ranked(
  o: RankedSearchOptions,
  inOrder: readonly EntryCandidate[],
): { ranked?: StoredEntry[] } {
  return o.rankedEntries > 0
    ? { ranked: inOrder.slice(0, o.rankedEntries).map((c) => c.stored()) }
    : {};
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
    const candidate = entries.get(r);
    return candidate ? [candidate] : [];
  });
  const page = top > 0 ? inOrder.slice(o.offset, o.offset + o.limit) : inOrder;
  return {
    total,
    totalExact,
    hits: page.map((c) => hit(c.stored(), 0, [])),
    ...ranked(o, inOrder),
  };
}

interface Scored {
  rowid: number;
  candidate: EntryCandidate;
  score: number;
  /** Units of text read to score it (its sections as stored). */
  units: number;
}

/** A scored entry with the text it was scored on. */
interface ScoredText extends Scored {
  sections: ReturnType<typeof rankingSections>;
}

/** The entries scored by the rule, best first. */
function score(entries: Map<number, EntryCandidate>, context: QueryContext): ScoredText[] {
  const scored: ScoredText[] = [];
  for (const [rowid, candidate] of entries) {
    const raw = candidate.sections();
    const sections = rankingSections(raw);
    const units = raw.post.length + raw.body.length + raw.summary.length;
    const value = rankScore(sections, candidate.date, context.terms, context);
    scored.push({ rowid, candidate, score: value, units, sections });
  }
  return scored.sort(byScore);
}

function holdsEveryTerm(
  sections: EntrySections,
  terms: readonly RankedTerm[],
  termOf: readonly number[],
): boolean {
  const held = new Set<number>();
  terms.forEach((t, i) => {
    const { post, body, summary } = sections;
    if (
      post.includes(t.normalised) ||
      body.includes(t.normalised) ||
      summary.includes(t.normalised)
    )
      held.add(termOf[i] ?? -1);
  });
  return termOf.every((term) => held.has(term));
}

/** Best first; ties to the most recently filed. */
function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || b.rowid - a.rowid;
}

function hit(stored: StoredEntry, score: number, terms: readonly string[]): SearchHit {
  return { stored, score, snippet: makeSnippet(entrySearchText(stored.entry), terms) };
}
