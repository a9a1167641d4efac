import type { SearchHit, SearchResults, StoredEntry } from '../archive.js';
import { entrySearchText, entrySections } from '../fulltext/entry-text.js';
import { rankIdf, rankingSections, rankScore, type RankedTerm } from '../fulltext/ranking.js';
import { makeSnippet } from '../fulltext/snippet.js';
import { championsOf } from './champions.js';
import { pgTextArray, type PgConnection, type PgValue } from './connection.js';
import type { PgCondition, PgQuery } from './compile-query.js';
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
  /**
   * What is known of the matches without the index (from the dense sets): the exact total
   * and, newest first, at least `newestAsked` of the newest matches (for ranking) — or, with
   * `all`, every match (for the newest posts first). The index is then not asked for them.
   */
  known?: { total: number; newest?: readonly number[]; all?: boolean } | undefined;
}

/** The most entries of a filter whose text is checked one by one (`access`): about 30 ms. */
const SCAN_MAX = 10_000;

/** Entries walked for the newest matches of common terms, per match wanted (`walkNewest`). */
const WALK_FACTOR = 6;

/** How many entries holding a term's tokens are counted for its idf before it counts as common. */
const DF_CAP = 2_000;

/**
 * Search and count over `entries e`, `entry_tokens t` and `entry_search s`. With terms, matches are scored by the
 * rule every backend shares (`fulltext/ranking.ts`: BM25 blended with recency) and the best
 * come first (see `candidates` for which are scored); without terms, or with `sort: 'date'`,
 * the newest posts first. Totals are exact up to `totalLimit`, estimated beyond from how
 * densely the newest matches are filed.
 */
export class PgSearch {
  constructor(private readonly c: PgConnection) {}

  count(q: PgQuery): number {
    if (q.conditions === 0) return this.entryCount();
    const access = this.access(q);
    if (access === 'index' && q.readsNorm && q.candidates !== null)
      return this.countChecked(q, q.candidates);
    const terms = joined({ entries: false, tokens: q.readsTokens, norm: q.readsNorm });
    const c =
      access === 'index' && q.split !== null
        ? {
            // Both the filters and the terms hold many entries: the terms' matches from the
            // index, then the filters on each (the planner would rather probe the text of
            // each of the filter's entries, reading its tokens).
            where: q.split.filters,
            params: q.params,
            prefix: `WITH m AS MATERIALIZED (SELECT ${terms.rid} AS entry FROM ${terms.from}
              WHERE ${q.split.terms}) `,
            from: 'm JOIN entries e ON e.rid = m.entry',
          }
        : this.condition(q, access);
    const row = this.c.query(
      `${c.prefix}SELECT count(*)::float8 AS n FROM ${c.from} WHERE ${c.where}`,
      c.params,
    );
    return Number(row[0]?.n ?? 0);
  }

  /**
   * A count of terms the text decides: the GIN index's candidates, each checked against its
   * own text (a subquery per candidate, which the planner cannot turn into a join), then the
   * filters joined. The planner prices `strpos` as free, so it checked the text of every
   * entry and joined the candidates to it: `露朝 ミサイル` (14,865 of 100,000) 1,138 ms, 10 times
   * that at 1,000,000.
   */
  private countChecked(q: PgQuery, candidates: NonNullable<PgQuery['candidates']>): number {
    const { tokens, text } = candidates;
    const matches = `SELECT t.entry FROM entry_tokens t WHERE ${tokens}
      AND (SELECT ${text.where} FROM entry_search s WHERE s.entry = t.entry)`;
    const sql =
      q.split === null
        ? `SELECT count(*)::float8 AS n FROM (${matches}) m`
        : `WITH m AS MATERIALIZED (${matches})
           SELECT count(*)::float8 AS n FROM m JOIN entries e ON e.rid = m.entry
           WHERE ${q.split.filters}`;
    return Number(this.c.query(sql, text.params)[0]?.n ?? 0);
  }

  /**
   * Where a statement's candidates come from. `index`: the GIN index of the terms (the
   * planner joins the filters to them). `scan`: the terms checked against the text alone
   * (`PgQuery.scan`), so the candidates come from a filter's index when a positive filter
   * holds fewer entries than half the rarest term is estimated to, and fewer than `SCAN_MAX`
   * (a tag with a word found in most entries: the planner, misjudging `@>`, otherwise walks
   * every entry testing it). Beyond `SCAN_MAX`, checking each of the filter's entries costs
   * more than the planner's own choice (often walking the newest entries, for a page).
   */
  private access(q: PgQuery): 'index' | 'scan' {
    if (!q.readsText) return 'index';
    const entries = Math.max(this.entryCount(), 1);
    const terms = q.termTokens.map((alternatives) =>
      alternatives.reduce(
        (n, tokens) => n + (tokens.length === 0 ? entries : this.planned(tokens)),
        0,
      ),
    );
    const rarest = Math.min(entries, ...terms);
    if (q.filters !== null) {
      // Only exclusions besides the filters: the index cannot serve them anyway.
      if (terms.length === 0) return 'scan';
      const cap = Math.max(1, Math.min(SCAN_MAX, Math.floor(rarest / 2)));
      const held = Number(
        this.c.value(
          `SELECT count(*)::float8 AS n FROM (SELECT 1 FROM entries e WHERE ${q.filters.where} LIMIT ${cap}) x`,
          q.filters.params,
        ),
      );
      return held < cap ? 'scan' : 'index';
    }
    return 'index';
  }

  /**
   * A statement's condition for an access. A scan with filters reads the filters' entries
   * first (a MATERIALIZED CTE): else the planner, to give the newest first, may walk every
   * entry by date testing the filter on each.
   */
  private condition(q: PgQuery, access: 'index' | 'scan', withEntries = false): Access {
    if (access === 'index')
      return { where: q.where, params: q.params, prefix: '', ...joined(reads(q, withEntries)) };
    if (q.filters === null)
      return {
        ...q.scan,
        prefix: '',
        ...joined({ entries: withEntries || !q.readsText, tokens: false, norm: q.readsText }),
      };
    // The filters' parameters are the first of the scan's (compile-query binds them first).
    return {
      ...q.scan,
      prefix: `WITH f AS MATERIALIZED (SELECT e.rid FROM entries e WHERE ${q.filters.where}) `,
      from: 'f JOIN entries e ON e.rid = f.rid JOIN entry_search s ON s.entry = e.rid',
      rid: 'e.rid',
    };
  }

  search(q: PgQuery, o: PgSearchOptions): SearchResults {
    return q.highlight.length === 0 ? this.byDate(q, o) : this.ranked(q, o);
  }

  private ranked(q: PgQuery, o: PgSearchOptions): SearchResults {
    const want = Math.max(o.offset + o.limit, o.rankedEntries);
    const asked = newestAsked(o);
    const known = o.known;
    if (o.sort === 'date' && known)
      return { total: known.total, totalExact: true, ...this.newestPosts(q, o, known.total) };
    // The newest matches from the sets when they gave them, else from the index.
    const fromSets = known?.newest !== undefined && !known.all ? [...known.newest] : null;
    const newest = fromSets ?? this.walkNewest(q, asked) ?? this.newestMatches(q, asked);
    const allKnown =
      fromSets !== null ? newest.length >= (known?.total ?? 0) : newest.length < asked;
    const total = known ? known.total : allKnown ? newest.length : this.estimate(newest);
    if (o.sort === 'date') return { total, totalExact: allKnown, ...this.newestPosts(q, o, total) };
    if (newest.length === 0 || (o.limit <= 0 && o.rankedEntries <= 0))
      return { total, totalExact: known !== undefined || allKnown, hits: [], ...ranked(o, []) };
    const scored = this.score(
      q,
      this.fetch(this.candidates(q, newest, allKnown, Math.max(o.candidates, want))),
    ).slice(0, want);
    const totalExact = known !== undefined || allKnown;
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

  /** The newest `asked` matches, newest first, from the index or a filter's (`access`). */
  newestMatches(q: PgQuery, asked: number): number[] {
    const access = this.access(q);
    // `t.entry + 0`: the planner must not walk entry_tokens' primary key backwards testing
    // `@>` on each row — it prices that as cheap when a token is in a quarter of the entries,
    // but each test reads the row's array from TOAST (16 µs): the newest 1,001 of 露 took
    // 45–85 ms so, against a few ms for the GIN index's bitmap and a top-N sort of its rids.
    if (access === 'index' && q.readsNorm && q.candidates !== null && !q.readsEntries) {
      // The GIN index's candidates, newest first (their rids only, from the narrow table),
      // each checked against its text until enough match: `ハルキウ 避難` checked all 16,203
      // candidates' texts to keep the newest 1,001 matches (101 ms); now 1,001 (32 ms).
      const { tokens, text } = q.candidates;
      return this.rids(
        `SELECT c.entry AS rid FROM (
           SELECT t.entry + 0 AS entry FROM entry_tokens t WHERE ${tokens}
           ORDER BY 1 DESC OFFSET 0) c
         JOIN entry_search s ON s.entry = c.entry
         WHERE ${text.where} ORDER BY c.entry DESC LIMIT ${next(text, 1)}`,
        text,
        asked,
      );
    }
    if (access === 'index' && q.readsTokens && !q.readsNorm && !q.readsEntries)
      return this.rids(
        `SELECT t.entry + 0 AS rid FROM entry_tokens t WHERE ${q.where}
         ORDER BY 1 DESC LIMIT ${next(q, 1)}`,
        q,
        asked,
      );
    const c = this.condition(q, access);
    return this.rids(
      `${c.prefix}SELECT ${c.rid} AS rid FROM ${c.from} WHERE ${c.where}
       ORDER BY ${c.rid} DESC LIMIT ${next(c, 1)}`,
      c,
      asked,
    );
  }

  /**
   * The newest `asked` matches of terms found in most entries, by walking the newest entries
   * backwards and checking each one's text (`PgQuery.scan`): the index would give every match
   * (most of the archive) to sort. The walk is bounded — at most `WALK_FACTOR` times `asked`
   * entries — and gives null when it found fewer than `asked`, or when the champion lists'
   * counts (an upper bound per term: its rarest pair's entries) say a term is in fewer than
   * a quarter of the entries; then the index answers.
   */
  private walkNewest(q: PgQuery, asked: number): number[] | null {
    if (q.readsEntries || q.termTokens.length === 0 || q.highlight.length === 0) return null;
    const entries = this.entryCount();
    const keys = q.termChampionKeys;
    const all = [...new Set(keys.flat(2))];
    if (all.length === 0 || keys.some((alternatives) => alternatives.some((k) => k.length === 0)))
      return null;
    const df = new Map(
      this.c
        .run('SELECT key, df FROM rank_champions WHERE key = ANY($1::text[])', [pgTextArray(all)])
        .map((r) => [String(r.key), Number(r.df)]),
    );
    const bound = Math.min(
      ...keys.map((alternatives) =>
        alternatives.reduce((n, k) => n + Math.min(...k.map((key) => df.get(key) ?? 0)), 0),
      ),
    );
    if (bound * 4 < entries) return null;
    const walked = this.rids(
      `SELECT s.entry AS rid FROM (
         SELECT entry, norm FROM entry_search ORDER BY entry DESC LIMIT ${next(q.scan, 1)}) s
       WHERE ${q.scan.where} ORDER BY s.entry DESC LIMIT ${next(q.scan, 2)}`,
      q.scan,
      asked * WALK_FACTOR,
      asked,
    );
    return walked.length === asked ? walked : null;
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
    // A few hundred champions, each read by its key: the text alone decides.
    const scan = joined({ entries: q.readsEntries, tokens: false, norm: true });
    const matching = this.rids(
      `SELECT ${scan.rid} AS rid FROM ${scan.from}
       WHERE ${q.scan.where} AND ${scan.rid} = ANY(${next(q.scan, 1)}::bigint[])`,
      q.scan,
      `{${champions.join(',')}}`,
    );
    return [...new Set([...newest.slice(0, count), ...matching])];
  }

  /** How many of the entries `rids` match, each checked against its text and filters. */
  countAmong(q: PgQuery, rids: readonly number[]): number {
    if (rids.length === 0) return 0;
    const scan = joined({
      entries: q.readsEntries || !q.readsText,
      tokens: false,
      norm: q.readsText,
    });
    return Number(
      this.c.query(
        `SELECT count(*)::float8 AS n FROM ${scan.from}
         WHERE ${q.scan.where} AND ${scan.rid} = ANY(${next(q.scan, 1)}::bigint[])`,
        [...q.scan.params, `{${rids.join(',')}}`],
      )[0]?.n ?? 0,
    );
  }

  /**
   * About how many entries hold the query's rarest positive term (by the planner's statistics
   * of its tokens; a term without tokens counts as every entry); 0 without positive terms.
   */
  plannedMatches(q: PgQuery): number {
    if (q.termTokens.length === 0) return 0;
    const entries = this.entryCount();
    return Math.min(
      ...q.termTokens.map((alternatives) =>
        alternatives.reduce(
          (n, tokens) => n + (tokens.length === 0 ? entries : this.planned(tokens)),
          0,
        ),
      ),
    );
  }

  /** Matches by post date, newest first (`sort: 'date'`), with snippets of the terms. */
  private newestPosts(
    q: PgQuery,
    o: PgSearchOptions,
    total: number,
  ): Pick<SearchResults, 'hits' | 'ranked'> {
    const top = o.rankedEntries > 0 ? Math.max(o.offset + o.limit, o.rankedEntries) : 0;
    const [count, skip] = top > 0 ? [top, 0] : [o.limit, o.offset];
    const rids = count > 0 && total > 0 ? this.newestPostRids(q, o, count, skip) : [];
    const entries = this.fetch(rids);
    const inOrder = rids.flatMap((r) => {
      const stored = entries.get(r);
      return stored ? [stored] : [];
    });
    const page = top > 0 ? inOrder.slice(o.offset, o.offset + o.limit) : inOrder;
    return { hits: page.map((s) => hit(s, 0, q.highlight)), ...ranked(o, inOrder) };
  }

  /** The rids of `count` matches from the `skip`-th, the newest posts first. */
  private newestPostRids(q: PgQuery, o: PgSearchOptions, count: number, skip: number): number[] {
    if (o.known?.all && o.known.newest)
      // Every match is known (from the dense sets): their posts' dates order them.
      return this.c
        .run(
          `SELECT rid FROM entries WHERE rid = ANY($1::bigint[])
           ORDER BY date DESC, rid DESC LIMIT $2 OFFSET $3`,
          [`{${o.known.newest.join(',')}}`, count, skip],
        )
        .map(ridOf);
    const c = this.condition(q, this.access(q), true);
    return this.rids(
      `${c.prefix}SELECT e.rid FROM ${c.from} WHERE ${c.where}
       ORDER BY e.date DESC, e.rid DESC LIMIT ${next(c, 1)} OFFSET ${next(c, 2)}`,
      c,
      count,
      skip,
    );
  }

  /** Filters only: the newest posts first; the total is exact. */
  private byDate(q: PgQuery, o: PgSearchOptions): SearchResults {
    const total = o.known?.total ?? this.count(q);
    return { total, totalExact: true, ...this.newestPosts(q, o, total) };
  }

  /** Runs a statement of condition `c` with extra trailing parameters; gives the rids. */
  private rids(sql: string, c: PgCondition, ...extra: PgValue[]): number[] {
    return this.c.query(sql, [...c.params, ...extra]).map(ridOf);
  }

  /**
   * How many entries match, given the newest `rids` (newest first): as many as the newest
   * matches are dense among the rids since the oldest of them, as the SQLite archive estimates
   * (`estimateFromNewest`). Counting the entries since the oldest instead read a quarter of a
   * million rows for a phrase at a million entries (41 ms); rids are given in filing order, so
   * their span is the entries filed since, give or take those removed.
   */
  private estimate(rids: readonly number[]): number {
    const oldest = rids[rids.length - 1] ?? 0;
    const newest = Number(this.c.value('SELECT max(rid)::float8 AS n FROM entries') ?? 0);
    const share = rids.length / Math.max(newest - oldest + 1, rids.length);
    return Math.max(rids.length, Math.round(share * this.entryCount()));
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
      const sections = rankingSections(entrySections(stored.entry));
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
    // Far beyond the cap by the statistics: counting would only reach the cap (and read as
    // many rows as it did); the estimate is what the count's overflow took anyway.
    const planned = this.planned(tokens);
    if (planned >= 10 * DF_CAP) return planned;
    const array = pgTextArray(tokens);
    const counted = Number(
      this.c.value(
        `SELECT count(*)::float8 AS n FROM (
           SELECT 1 FROM entry_tokens WHERE tokens @> $1::text[] LIMIT ${DF_CAP}) x`,
        [array],
      ),
    );
    if (counted < DF_CAP) return counted;
    return Math.max(DF_CAP, planned);
  }

  /**
   * The planner's estimate of how many entries hold all of the tokens (from the array
   * statistics that `optimize()`'s ANALYZE gathers; 0 when it has none).
   */
  private planned(tokens: readonly string[]): number {
    const plan = this.c.query(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM entry_tokens WHERE tokens @> $1::text[]`,
      [pgTextArray(tokens)],
    )[0]?.['QUERY PLAN'];
    const rows = Number(
      (plan as { Plan?: { 'Plan Rows'?: number } }[] | undefined)?.[0]?.Plan?.['Plan Rows'],
    );
    return Number.isFinite(rows) ? rows : 0;
  }

  entryCount(): number {
    return Number(this.c.value('SELECT coalesce(sum(entry_count), 0)::float8 AS n FROM days') ?? 0);
  }

  private lengthTotal(): number {
    return Number(this.c.value(`SELECT value FROM meta WHERE key = 'fulltext_length'`) ?? 0);
  }
}

/**
 * How many of its newest matches a ranked search reads: enough for the page, for an exact
 * total up to `totalLimit`, and one more than the candidates scored (so that it knows whether
 * there are more, and asks the champion lists).
 *
 * @example
 * newestAsked({ limit: 20, offset: 0, rankedEntries: 0, totalLimit: 1000, candidates: 300 }); // 1001
 */
export function newestAsked(
  o: Pick<PgSearchOptions, 'limit' | 'offset' | 'rankedEntries' | 'totalLimit' | 'candidates'>,
): number {
  return Math.max(o.offset + o.limit, o.rankedEntries, o.totalLimit + 1, o.candidates + 1);
}

/** A condition as a statement reads it: a CTE before the SELECT, its FROM and rid column. */
interface Access extends PgCondition, Joined {
  prefix: string;
}

interface Scored {
  rid: number;
  stored: StoredEntry;
  score: number;
}

/** Which of the tables `compile-query` names a statement reads. */
interface Tables {
  /** `entries e` */
  entries: boolean;
  /** `entry_tokens t` */
  tokens: boolean;
  /** `entry_search s` */
  norm: boolean;
}

/** A statement's FROM and the column that is the entry's rid in it. */
interface Joined {
  from: string;
  rid: string;
}

/** The tables `q.where` reads (and `entries e` when the statement needs it besides). */
function reads(q: PgQuery, withEntries: boolean): Tables {
  return {
    entries: q.readsEntries || withEntries || !q.readsText,
    tokens: q.readsTokens,
    norm: q.readsNorm,
  };
}

/**
 * The tables joined on the entry's rid (every table's `entry` is one). Terms alone read only
 * `entry_tokens` and `entry_search`, so the newest matches come from their primary keys, and a
 * word of one or two characters reads only the narrow `entry_tokens`.
 */
function joined(tables: Tables): Joined {
  const all: [string, string][] = [];
  if (tables.entries) all.push(['entries e', 'e.rid']);
  if (tables.tokens) all.push(['entry_tokens t', 't.entry']);
  if (tables.norm) all.push(['entry_search s', 's.entry']);
  const [first = ['entries e', 'e.rid'], ...rest] = all;
  return {
    from: [first[0], ...rest.map(([table, rid]) => `JOIN ${table} ON ${rid} = ${first[1]}`)].join(
      ' ',
    ),
    rid: first[1],
  };
}

/** The placeholder of the `nth` parameter after the condition's own. */
function next(c: PgCondition, nth: number): string {
  return `$${c.params.length + nth}`;
}

function ranked(o: PgSearchOptions, inOrder: readonly StoredEntry[]): { ranked?: StoredEntry[] } {
  return o.rankedEntries > 0 ? { ranked: inOrder.slice(0, o.rankedEntries) } : {};
}

function hit(stored: StoredEntry, score: number, terms: readonly string[]): SearchHit {
  return { stored, score, snippet: makeSnippet(entrySearchText(stored.entry), terms) };
}
