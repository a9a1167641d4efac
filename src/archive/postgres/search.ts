import { normaliseForMatch } from '../../text/index.js';
import type { SearchHit, SearchResults, StoredEntry } from '../archive.js';
import { entrySearchText, entrySections } from '../fulltext/entry-text.js';
import { rankIdf, rankScore, type RankedTerm } from '../fulltext/ranking.js';
import { makeSnippet } from '../fulltext/snippet.js';
import { championsOf } from './champions.js';
import { pgTextArray, type PgConnection, type PgValue } from './connection.js';
import type { PgQuery } from './compile-query.js';
import { ENTRY_COLUMNS, ridOf, storedEntry } from './rows.js';

export interface PgSearchOptions {
  limit: number;
  offset: number;
  totalLimit: number;
  /** Matches scored: every match when there are at most this many, else see `candidates`. */
  candidates: number;
  rankedEntries: number;
  /** `rank`: best first; `date`: newest post date first. */
  sort: 'rank' | 'date';
}

/** How many entries holding a term's tokens are counted for its idf before it counts as common. */
const DF_CAP = 2_000;

/**
 * Search and count over `entries e JOIN entry_search s`. With terms, matches are scored by the
 * rule every backend shares (`fulltext/ranking.ts`: BM25 blended with recency) and the best
 * come first (see `candidates` for which are scored); without terms, or with `sort: 'date'`,
 * the newest posts first. Totals are exact up to `totalLimit`, estimated beyond from how
 * densely the newest matches are filed.
 */
export class PgSearch {
  constructor(private readonly c: PgConnection) {}

  count(q: PgQuery): number {
    if (q.conditions === 0) return this.entryCount();
    const row = this.c.query(
      `SELECT count(*)::float8 AS n FROM ${from(q)} WHERE ${q.where}`,
      q.params,
    );
    return Number(row[0]?.n ?? 0);
  }

  search(q: PgQuery, o: PgSearchOptions): SearchResults {
    return q.highlight.length === 0 ? this.byDate(q, o) : this.ranked(q, o);
  }

  private ranked(q: PgQuery, o: PgSearchOptions): SearchResults {
    const want = Math.max(o.offset + o.limit, o.rankedEntries);
    const asked = Math.max(want, o.totalLimit + 1, o.candidates + 1);
    const newest = this.rids(
      `SELECT ${rid(q)} AS rid FROM ${from(q)} WHERE ${q.where} ORDER BY ${rid(q)} DESC LIMIT ${next(q, 1)}`,
      q,
      asked,
    );
    const allKnown = newest.length < asked;
    const total = allKnown ? newest.length : this.estimate(newest);
    if (o.sort === 'date') return { total, totalExact: allKnown, ...this.newestPosts(q, o, total) };
    if (newest.length === 0 || (o.limit <= 0 && o.rankedEntries <= 0))
      return { total, totalExact: allKnown, hits: [], ...ranked(o, []) };
    const scored = this.score(
      q,
      this.fetch(this.candidates(q, newest, allKnown, Math.max(o.candidates, want))),
    ).slice(0, want);
    const totalExact = allKnown;
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

  /**
   * The matches to score: all of them when there are at most `candidates`, or when all are
   * known (at most `totalLimit`) and no champion lists were built; else the newest
   * `candidates` and, for each term, the champions of its rarest keys (the entries where it
   * can weigh most, `champions.ts`) that match the whole query. An old entry that is about a
   * common word is such a champion; what is missed is an entry strong only by being short, and
   * entries filed since the last `optimize()` beyond the newest `candidates`.
   */
  private candidates(
    q: PgQuery,
    newest: readonly number[],
    allKnown: boolean,
    count: number,
  ): number[] {
    if (newest.length <= count) return [...newest];
    const champions = [...new Set(q.highlight.flatMap((t) => championsOf(this.c, t)))];
    if (champions.length === 0) return allKnown ? [...newest] : newest.slice(0, count);
    const matching = this.rids(
      `SELECT ${rid(q)} AS rid FROM ${from(q)}
       WHERE ${q.where} AND ${rid(q)} = ANY(${next(q, 1)}::bigint[])`,
      q,
      `{${champions.join(',')}}`,
    );
    return [...new Set([...newest.slice(0, count), ...matching])];
  }

  /** Matches by post date, newest first (`sort: 'date'`), with snippets of the terms. */
  private newestPosts(
    q: PgQuery,
    o: PgSearchOptions,
    total: number,
  ): Pick<SearchResults, 'hits' | 'ranked'> {
    const top = o.rankedEntries > 0 ? Math.max(o.offset + o.limit, o.rankedEntries) : 0;
    const [count, skip] = top > 0 ? [top, 0] : [o.limit, o.offset];
    const rids =
      count > 0 && total > 0
        ? this.rids(
            `SELECT e.rid FROM ${from(q, true)} WHERE ${q.where}
             ORDER BY e.date DESC, e.rid DESC LIMIT ${next(q, 1)} OFFSET ${next(q, 2)}`,
            q,
            count,
            skip,
          )
        : [];
    const entries = this.fetch(rids);
    const inOrder = rids.flatMap((r) => {
      const stored = entries.get(r);
      return stored ? [stored] : [];
    });
    const page = top > 0 ? inOrder.slice(o.offset, o.offset + o.limit) : inOrder;
    return { hits: page.map((s) => hit(s, 0, q.highlight)), ...ranked(o, inOrder) };
  }

  /** Filters only: the newest posts first; the total is exact. */
  private byDate(q: PgQuery, o: PgSearchOptions): SearchResults {
    const top = o.rankedEntries > 0 ? Math.max(o.offset + o.limit, o.rankedEntries) : 0;
    const [count, skip] = top > 0 ? [top, 0] : [o.limit, o.offset];
    const total = this.count(q);
    const rids =
      count > 0 && total > 0
        ? this.rids(
            `SELECT e.rid FROM ${from(q, true)} WHERE ${q.where}
             ORDER BY e.date DESC, e.rid DESC LIMIT ${next(q, 1)} OFFSET ${next(q, 2)}`,
            q,
            count,
            skip,
          )
        : [];
    const entries = this.fetch(rids);
    const inOrder = rids.flatMap((r) => {
      const stored = entries.get(r);
      return stored ? [stored] : [];
    });
    const page = top > 0 ? inOrder.slice(o.offset, o.offset + o.limit) : inOrder;
    return { total, totalExact: true, hits: page.map((s) => hit(s, 0, [])), ...ranked(o, inOrder) };
  }

  /** Runs a statement of `q` with extra trailing parameters; gives the rids. */
  private rids(sql: string, q: PgQuery, ...extra: PgValue[]): number[] {
    return this.c.query(sql, [...q.params, ...extra]).map(ridOf);
  }

  /**
   * How many entries match, given the newest `rids` (newest first): as many as the newest
   * matches are dense among the entries filed since the oldest of them.
   */
  private estimate(rids: readonly number[]): number {
    const oldest = rids[rids.length - 1] ?? 0;
    const since = Number(
      this.c.value('SELECT count(*)::float8 AS n FROM entries WHERE rid >= $1', [oldest]),
    );
    return Math.max(
      rids.length,
      Math.round((rids.length * this.entryCount()) / Math.max(since, 1)),
    );
  }

  private fetch(rids: readonly number[]): Map<number, StoredEntry> {
    if (rids.length === 0) return new Map();
    const rows = this.c.run(
      `SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.rid = ANY($1::bigint[])`,
      [`{${rids.join(',')}}`],
    );
    return new Map(rows.map((r) => [ridOf(r), storedEntry(r)]));
  }

  private score(q: PgQuery, entries: Map<number, StoredEntry>): Scored[] {
    const documents = Math.max(this.entryCount(), 1);
    const context = {
      documents,
      averageLength: this.lengthTotal() / documents,
      newest: String(this.c.value('SELECT max(date) AS d FROM entries') ?? ''),
    };
    const terms: RankedTerm[] = q.highlight.map((normalised, i) => {
      const tokens = q.highlightTokens[i] ?? [];
      const containing = tokens.length === 0 ? documents : this.holding(tokens);
      return { normalised, idf: rankIdf(documents, containing) };
    });
    const scored: Scored[] = [];
    for (const [rid, stored] of entries) {
      const s = entrySections(stored.entry);
      const sections = {
        post: normaliseForMatch(s.post),
        body: normaliseForMatch(s.body),
        summary: normaliseForMatch(s.summary),
      };
      // The date since:/until: filter on: the post's, else the digest day.
      const date = stored.entry.post?.date ?? stored.day;
      scored.push({ rid, stored, score: rankScore(sections, date, terms, context) });
    }
    return scored.sort((a, b) => b.score - a.score || b.rid - a.rid);
  }

  /**
   * About how many entries hold all of the tokens, for a term's idf: counted from the GIN index
   * up to `DF_CAP`, beyond that the planner's estimate from the array statistics (a common
   * word's most-common-element frequency), so a word in most clips costs a bounded count.
   */
  private holding(tokens: readonly string[]): number {
    const array = pgTextArray(tokens);
    const counted = Number(
      this.c.value(
        `SELECT count(*)::float8 AS n FROM (
           SELECT 1 FROM entry_search WHERE tokens @> $1::text[] LIMIT ${DF_CAP}) x`,
        [array],
      ),
    );
    if (counted < DF_CAP) return counted;
    const plan = this.c.query(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM entry_search WHERE tokens @> $1::text[]`,
      [array],
    )[0]?.['QUERY PLAN'];
    const rows = Number(
      (plan as { Plan?: { 'Plan Rows'?: number } }[] | undefined)?.[0]?.Plan?.['Plan Rows'],
    );
    return Number.isFinite(rows) ? Math.max(DF_CAP, rows) : DF_CAP;
  }

  entryCount(): number {
    return Number(this.c.value('SELECT coalesce(sum(entry_count), 0)::float8 AS n FROM days') ?? 0);
  }

  private lengthTotal(): number {
    return Number(this.c.value(`SELECT value FROM meta WHERE key = 'fulltext_length'`) ?? 0);
  }
}

interface Scored {
  rid: number;
  stored: StoredEntry;
  score: number;
}

/**
 * `FROM` of a query: the tables its conditions read. Terms alone read only `entry_search`,
 * whose `entry` is the entry's rid, so the newest matches come from its primary key.
 */
function from(q: PgQuery, withEntries = false): string {
  if (!q.readsText) return 'entries e';
  return q.readsEntries || withEntries
    ? 'entries e JOIN entry_search s ON s.entry = e.rid'
    : 'entry_search s';
}

/** The rid column of `from(q)`. */
function rid(q: PgQuery): string {
  return q.readsText && !q.readsEntries ? 's.entry' : 'e.rid';
}

/** The placeholder of the `nth` parameter after the query's own. */
function next(q: PgQuery, nth: number): string {
  return `$${q.params.length + nth}`;
}

function ranked(o: PgSearchOptions, inOrder: readonly StoredEntry[]): { ranked?: StoredEntry[] } {
  return o.rankedEntries > 0 ? { ranked: inOrder.slice(0, o.rankedEntries) } : {};
}

function hit(stored: StoredEntry, score: number, terms: readonly string[]): SearchHit {
  return { stored, score, snippet: makeSnippet(entrySearchText(stored.entry), terms) };
}
