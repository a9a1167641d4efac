import type { Database, Statement } from 'better-sqlite3';
import { KirinukiError } from '../../model/index.js';
import {
  tableName,
  type CompiledQuery,
  type Condition,
  type CountedFilter,
  type IndexMatch,
} from './compile-query.js';
import {
  COST,
  filterPlans,
  matchPlans,
  planFilters,
  planMatch,
  type Plan,
  type Sizes,
} from './query-plan.js';
import { entrySet, matchesAt, readsEntryRow, renderCondition } from './query-sql.js';
import { TagSupersets, VersionedCache } from './tag-supersets.js';

/**
 * Runs compiled queries: estimates the sizes of their parts, picks a plan (`query-plan.ts`)
 * and runs its SQL. A plan reads candidates from the FTS5 table (newest first, narrowed to a
 * rowid range when the query has since:/until:, since entries are mostly filed in date
 * order), from `entries`, or from a small filter's index, and checks the other conditions on
 * each candidate.
 */
export class QueryRunner {
  private readonly cache = new Map<string, Statement>();
  private readonly supersets: TagSupersets;
  /** Links of speaker:/person: filters, counted for planning. */
  private readonly links: VersionedCache<number>;
  /**
   * While one query runs (`answering`): each FTS5 expression's estimate, and the newest-first
   * rowids of those found to have fewer matches than the sample — all of them. A rare word
   * made of common character pairs costs FTS5 a walk of the pairs' lists each time it is run,
   * and a search ran it to plan, to list the matches and again to weigh the word for ranking.
   */
  private seen: { estimates: Map<string, number>; complete: Map<string, number[]> } | null = null;

  constructor(private readonly db: Database) {
    this.supersets = new TagSupersets(db, (fts) => this.estimateMatches({ table: 'text', fts }));
    this.links = new VersionedCache(db);
  }

  /**
   * Runs `answer` as one query: what the index was asked in it is remembered until it
   * returns (the archive cannot change meanwhile: the connection is this thread's).
   */
  answering<T>(answer: () => T): T {
    if (this.seen) return answer();
    this.seen = { estimates: new Map(), complete: new Map() };
    try {
      return answer();
    } finally {
      this.seen = null;
    }
  }

  /** Exact number of entries matching. */
  count(q: CompiledQuery): number {
    const counted = this.counters(q);
    if (counted !== null) return counted;
    const sizes = this.sizes(q);
    const plan = q.match === null ? planFilters(q, sizes, Infinity) : planMatch(q, sizes, Infinity);
    return this.countOf(q, plan);
  }

  /**
   * The exact number of matches from counters kept at import, or from one index when that
   * costs at most `budgetMs` (a speaker's links); `null` when the query needs more.
   */
  countFromCounters(q: CompiledQuery, budgetMs: number): number | null {
    if (q.counted?.kind === 'speaker' || q.counted?.kind === 'person') {
      const cap = (budgetMs / COST.listRow) * 1000;
      if (this.setSize(personsOf(q.counted), cap) >= cap) return null;
    }
    return this.counters(q);
  }

  /**
   * The exact number of matches if a count's plan costs at most `budgetMs`, else `null`;
   * with `onlyEntries`, also `null` when the plan would read the full-text index.
   */
  countIfCheap(q: CompiledQuery, budgetMs: number, onlyEntries = false): number | null {
    const counted = this.countFromCounters(q, budgetMs);
    if (counted !== null) return counted;
    const sizes = this.sizes(q);
    const plan = q.match === null ? planFilters(q, sizes, Infinity) : planMatch(q, sizes, Infinity);
    if (plan.cost > 1000 * budgetMs || (onlyEntries && plan.source !== 'entries')) return null;
    return this.countOf(q, plan);
  }

  /**
   * Counts kept at import (per tag, per author, per post date) or read from one index (per
   * speaker or person); `null` when the query needs more, or for a tag spelled in several
   * ways (an entry may carry two of them, so their counts do not add up).
   */
  private counters(q: CompiledQuery): number | null {
    if (q.match === null && q.conditions.length === 0) return this.entryCount();
    const c: CountedFilter | null = q.counted;
    if (c === null) return null;
    const one = (sql: string, ...params: unknown[]): number =>
      (this.cached(sql)
        .pluck()
        .get(...params) as number | null) ?? 0;
    if (c.kind === 'tag') {
      const sql = 'SELECT count(*), coalesce(sum(entry_count), 0) FROM tags WHERE norm = ?';
      const [spellings, n] = this.cached(sql).raw().get(c.norm) as [number, number];
      return spellings <= 1 ? n : null;
    }
    if (c.kind === 'speaker' || c.kind === 'person') {
      const set = entrySet(personsOf(c)) as { sql: string; params: unknown[] };
      return one(`SELECT count(DISTINCT entry) FROM (${set.sql})`, ...set.params);
    }
    if (c.kind === 'from') {
      const marks = c.norms.map(() => '?').join(', ');
      return one(`SELECT sum(entry_count) FROM handles WHERE norm IN (${marks})`, ...c.norms);
    }
    const sql = 'SELECT sum(entry_count) FROM dates WHERE date >= ? AND date <= ?';
    return one(sql, q.since ?? '0000-00-00', q.until ?? '9999-99-99');
  }

  /**
   * Rowids of the `limit` most recently filed matches (highest rowids), newest first. Fewer
   * than `limit` means these are all of them.
   */
  newest(q: CompiledQuery, limit: number): number[] {
    const sizes = this.sizes(q);
    const plan = q.match === null ? planFilters(q, sizes, limit) : planMatch(q, sizes, limit);
    return this.newestOf(q, plan, Math.floor(limit));
  }

  /**
   * The newest `limit` rows of a plan. When the plan expects to read every match anyway, the
   * full-text index is read in rowid order, which FTS5 does faster than backwards (up to
   * twice as fast), and the rows are reversed here; should there be many more than expected,
   * the rows are read again backwards, stopping after `limit`.
   */
  private newestOf(q: CompiledQuery, plan: Plan, limit: number): number[] {
    const key = this.matchOnly(q, plan);
    const known = key === null ? undefined : this.seen?.complete.get(key);
    if (known) return limit < 0 ? [...known] : known.slice(0, limit);
    const rows = this.readNewest(q, plan, limit);
    // Fewer than asked for: all of the MATCH's matches, for the rest of the query.
    if (key !== null && (limit < 0 || rows.length < limit)) this.seen?.complete.set(key, rows);
    return rows;
  }

  private readNewest(q: CompiledQuery, plan: Plan, limit: number): number[] {
    if (plan.styles.includes('merge')) {
      const rows: number[] = [];
      this.merged(q, plan, limit < 0 ? Infinity : limit, rows);
      return rows;
    }
    if (plan.source !== 'fts' || !plan.complete || limit < 0)
      return this.run(q, plan, 'newest')(limit) as number[];
    const all = this.run(q, plan, 'ascending')(ASCENDING_CAP) as number[];
    if (all.length >= ASCENDING_CAP) return this.run(q, plan, 'newest')(limit) as number[];
    return all.reverse().slice(0, limit);
  }

  /**
   * A page of the matches of a query without a MATCH by post date, newest first, given
   * about how many there are. When they are a large share of the archive, walking the date
   * index backwards finds a page after a few rows, checking each against the conditions;
   * when they are few, they are collected from the smallest filter and sorted.
   */
  byDate(q: CompiledQuery, limit: number, offset: number, total: number): number[] {
    const n = this.entryCount();
    const sizes = this.sizes(q);
    if ((offset + limit) * n <= 5000 * total) {
      // The date index is walked from the `until:` date: its conditions stay indexable.
      const plan = { ...planFilters(q, sizes, offset + limit, 'scan'), indexed: true };
      return this.run(q, plan, 'dateWalk')(limit, offset) as number[];
    }
    const plan = planFilters(q, sizes, Infinity);
    if (plan.source === 'entries') return this.run(q, plan, 'byDate')(limit, offset) as number[];
    // Found through the full-text index: all of them, then sorted.
    return this.sortByDate(this.newestOf(q, plan, -1), limit, offset);
  }

  /**
   * Every plan considered for a statement needing `want` rows, cheapest or not: they must
   * all give the same rows (tested in query-plan.test.ts).
   */
  candidatePlans(q: CompiledQuery, want: number): Plan[] {
    const sizes = this.sizes(q);
    return q.match === null
      ? filterPlans(q, sizes, want, 'any', true)
      : matchPlans(q, sizes, want, true);
  }

  /** Runs a plan: the count of its rows, or with `limit` its newest rowids. */
  runPlan(q: CompiledQuery, plan: Plan, limit?: number): number | number[] {
    return limit === undefined ? this.countOf(q, plan) : this.newestOf(q, plan, limit);
  }

  /** The number of rows of a plan. */
  private countOf(q: CompiledQuery, plan: Plan): number {
    if (plan.styles.includes('merge')) return this.merged(q, plan, Infinity);
    return this.run(q, plan, 'count')() as number;
  }

  /**
   * How many of the newest `limit` rows of a plan with a `merge` condition (a MATCH, or its
   * exclusion, in the other full-text table) there are, and those rows into `rows` if given:
   * the plan's rows without the condition and that table's matches are both read newest first
   * and merged by rowid, so that a page reads only as far back as it needs in either.
   */
  private merged(q: CompiledQuery, plan: Plan, limit: number, rows?: number[]): number {
    const at = plan.styles.indexOf('merge');
    const c = q.conditions[at];
    if (c?.kind !== 'match' && c?.kind !== 'notMatch')
      throw new KirinukiError('archive', 'a merged plan needs a full-text condition');
    const table = tableName(c.match.table);
    const outer = this.run(q, plan, 'stream')() as IterableIterator<number>;
    const inner = this.cached(
      `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC`,
    )
      .pluck()
      .iterate(c.match.fts) as IterableIterator<number>;
    let count = 0;
    try {
      let next = inner.next();
      for (const rowid of outer) {
        while (next.done !== true && next.value > rowid) next = inner.next();
        const matched = next.done !== true && next.value === rowid;
        if (matched !== (c.kind === 'match')) continue;
        rows?.push(rowid);
        if ((count += 1) >= limit) break;
      }
    } finally {
      outer.return?.();
      inner.return?.();
    }
    return count;
  }

  /**
   * The key of a plan's MATCH when the plan is that MATCH alone (no driver, no condition but
   * exclusions inside the MATCH, no date range) and a query is being answered; else null.
   */
  private matchOnly(q: CompiledQuery, plan: Plan): string | null {
    if (this.seen === null || plan.source !== 'fts' || plan.match === null) return null;
    if (plan.driver !== null || !plan.styles.every((s) => s === 'omit')) return null;
    return q.since === null && q.until === null ? matchKey(plan.match) : null;
  }

  /** The page `offset, limit` of these rowids by post date, newest first. */
  sortByDate(rowids: readonly number[], limit: number, offset: number): number[] {
    const sql = `SELECT rowid FROM entries WHERE rowid IN (SELECT value FROM json_each(?))
      ORDER BY date DESC, rowid DESC LIMIT ? OFFSET ?`;
    return this.cached(sql).pluck().all(JSON.stringify(rowids), limit, offset) as number[];
  }

  /**
   * Roughly how many entries match an FTS5 expression, from how densely its newest matches
   * are filed: exact below `sample` matches, else scaled from the rowid span they cover.
   * Costs one short scan, whatever the archive size.
   */
  estimateMatches(match: IndexMatch, sample = 64): number {
    const matched = matchKey(match);
    const all = this.seen?.complete.get(matched);
    if (all) return all.length;
    const key = `${matched}:${sample}`;
    const remembered = this.seen?.estimates.get(key);
    if (remembered !== undefined) return remembered;
    const table = tableName(match.table);
    const sql = `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ?`;
    const rowids = this.cached(sql).pluck().all(match.fts, sample) as number[];
    const complete = rowids.length < sample;
    if (complete) this.seen?.complete.set(matched, rowids);
    const estimate = complete ? rowids.length : this.estimateFromNewest(rowids, sample);
    this.seen?.estimates.set(key, estimate);
    return estimate;
  }

  /**
   * Total matches of `q` estimated from its newest matching rowids (highest first), at least
   * `atLeast`: their count scaled by the share they span of the rowids `q` can reach (all of
   * them, or those of its since:/until: dates).
   */
  estimateFromNewest(rowids: readonly number[], atLeast: number, q?: CompiledQuery): number {
    const last = rowids[rowids.length - 1];
    if (last === undefined) return atLeast;
    const max = this.maxRowid();
    const [lo, hi] = (q && this.rowidRange(q)) ?? [1, max];
    const share = rowids.length / Math.max(hi - last + 1, rowids.length);
    const reachable = lo <= 1 && hi >= max ? this.entryCount() : hi - lo + 1;
    return Math.max(atLeast, Math.round(share * reachable));
  }

  /**
   * Those of `rowids` that match `q` (its MATCH and every condition), with their post dates, in
   * no order: a check of a few hundred candidates, each looked up in the full-text index by
   * rowid.
   */
  among(q: CompiledQuery, rowids: readonly number[]): [rowid: number, date: string][] {
    if (rowids.length === 0) return [];
    // Driven by the list: FTS5 seeks each candidate in the phrases' position lists. With the
    // MATCH outside, FTS5 would read every match and SQLite check each against the list.
    const where: string[] = [];
    const params: unknown[] = [JSON.stringify(rowids)];
    if (q.match !== null) {
      where.push(matchesAt(q.match, 'e.rowid'));
      params.push(q.match.fts);
    }
    for (const c of q.conditions) {
      const r = renderCondition(c, '+e.rowid', 'probe');
      where.push(r.sql);
      params.push(...r.params);
    }
    const cond = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const sql = `SELECT e.rowid, e.date FROM json_each(?) AS j CROSS JOIN entries e ON e.rowid = j.value ${cond}`;
    return this.cached(sql)
      .raw()
      .all(...params) as [number, string][];
  }

  /**
   * A page of a word query's matches by post date, newest first, given about how many there
   * are (`total`). When they are at least a hundredth of the archive, the date index is walked
   * backwards and each entry looked up in the full-text index (a page is found after about
   * `100 × (offset + limit)` entries at most); else every match is collected and sorted.
   */
  byDateMatching(q: CompiledQuery, limit: number, offset: number, total: number): number[] {
    if (q.match === null) return this.byDate(q, limit, offset, total);
    if (total * 100 < this.entryCount())
      return this.sortByDate(this.newest(q, ASCENDING_CAP), limit, offset);
    const where = [matchesAt(q.match, 'e.rowid')];
    const params: unknown[] = [q.match.fts];
    for (const c of q.conditions) {
      const r = renderCondition(c, '+e.rowid', 'probe', true);
      where.push(r.sql);
      params.push(...r.params);
    }
    const sql = `SELECT e.rowid FROM entries e INDEXED BY entries_date WHERE ${where.join(' AND ')}
      ORDER BY e.date DESC, e.rowid DESC LIMIT ? OFFSET ?`;
    return this.cached(sql)
      .pluck()
      .all(...params, limit, offset) as number[];
  }

  /** The lowest rowid of the entries dated `date` or later (Infinity: none). */
  firstRowidDated(date: string): number {
    const sql = 'SELECT min(min_rowid) FROM dates WHERE date >= ? AND entry_count > 0';
    return (this.cached(sql).pluck().get(date) as number | null) ?? Infinity;
  }

  /** The post dates of these rowids (those that exist), in no order. */
  datesOf(rowids: readonly number[]): [rowid: number, date: string][] {
    const sql = 'SELECT rowid, date FROM entries WHERE rowid IN (SELECT value FROM json_each(?))';
    return this.cached(sql).raw().all(JSON.stringify(rowids)) as [number, string][];
  }

  /** The newest post date in the archive (`YYYY-MM-DD`), for the recency blend. */
  newestDate(): string {
    return (
      (this.cached('SELECT max(date) FROM dates WHERE entry_count > 0').pluck().get() as
        string | null) ?? '1970-01-01'
    );
  }

  entryCount(): number {
    return this.cached('SELECT coalesce(sum(entry_count), 0) FROM days').pluck().get() as number;
  }

  /** Total normalised length of all entries (for BM25's average document length). */
  lengthTotal(): number {
    return this.cached("SELECT value FROM meta WHERE key = 'fulltext_length'")
      .pluck()
      .get() as number;
  }

  /** The highest rowid an entry has (0: none). */
  maxRowid(): number {
    return (this.cached('SELECT max(rowid) FROM entries').pluck().get() as number | null) ?? 0;
  }

  /** What planning needs, looked up lazily and once per statement. */
  private sizes(q: CompiledQuery): Sizes {
    const n = this.entryCount();
    const range = this.rowidRange(q);
    const max = Math.max(1, this.maxRowid());
    const matches = new Map<string, number>();
    const sets = new Map<string, number>();
    let inDates: number | null = null;
    const datesCount = (): number => (inDates ??= range ? this.datesCount(q) : n);
    return {
      entries: n,
      rangeShare: range ? Math.min(1, Math.max(0, range[1] - range[0] + 1) / max) : 1,
      get inDates(): number {
        return datesCount();
      },
      matches: (match) => {
        const key = `${match.table}:${match.fts}`;
        let m = matches.get(key);
        if (m === undefined) matches.set(key, (m = this.estimateMatches(match)));
        return m;
      },
      setSize: (c) => {
        const key = JSON.stringify(c);
        let s = sets.get(key);
        if (s === undefined) sets.set(key, (s = this.setSize(c, n)));
        return s;
      },
      tagSuperset: (norm) => this.supersets.of(norm),
    };
  }

  private datesCount(q: CompiledQuery): number {
    const sql = 'SELECT coalesce(sum(entry_count), 0) FROM dates WHERE date >= ? AND date <= ?';
    return this.cached(sql)
      .pluck()
      .get(q.since ?? '0000-00-00', q.until ?? '9999-99-99') as number;
  }

  /**
   * How many entries a positive tag:, from: or speaker:/person: condition names, at most
   * `cap`: from the counters for tags and authors, by counting the links (an upper bound:
   * an entry may name two of the persons) for persons.
   */
  private setSize(c: Condition, cap: number): number {
    if (c.kind === 'tag')
      return this.cached('SELECT coalesce(sum(entry_count), 0) FROM tags WHERE norm = ?')
        .pluck()
        .get(c.norm) as number;
    if (c.kind === 'from') {
      const marks = c.norms.map(() => '?').join(', ');
      return this.cached(
        `SELECT coalesce(sum(entry_count), 0) FROM handles WHERE norm IN (${marks})`,
      )
        .pluck()
        .get(...c.norms) as number;
    }
    const set = entrySet(c);
    if (set === null) return cap;
    // Kept until the database changes: a speaker quoted in a tenth of a million entries has
    // 100,000 links, a few milliseconds to count.
    const limit = Math.max(1, Math.floor(cap));
    const count = (): number =>
      this.cached(`SELECT count(*) FROM (${set.sql} LIMIT ?)`)
        .pluck()
        .get(...set.params, limit) as number;
    return this.links.get(`${limit}:${JSON.stringify(set.params)}:${set.sql}`, count);
  }

  /**
   * The statement of a plan, ready to run: `count` gives one number; `newest` takes a LIMIT
   * and gives rowids by filing order; `dateWalk` and `byDate` take LIMIT and OFFSET and give
   * rowids by post date (walking the date index, or sorting).
   */
  private run(
    q: CompiledQuery,
    plan: Plan,
    shape: 'count' | 'newest' | 'ascending' | 'dateWalk' | 'byDate' | 'stream',
  ): (...tail: number[]) => unknown {
    const fts = plan.source === 'fts' ? tableName((plan.match as IndexMatch).table) : null;
    const rowid = fts !== null ? `${fts}.rowid` : 'e.rowid';
    const where: string[] = [];
    const params: unknown[] = [];
    if (fts !== null) {
      where.push(`${fts} MATCH ?`);
      params.push(plan.match?.fts);
    }
    const range = fts !== null ? this.rowidRange(q) : null;
    if (range) {
      // CAST: better-sqlite3 binds numbers as REAL, and FTS5 ignores a rowid bound that is
      // not an INTEGER value — it then scans every match and leaves the range to SQLite.
      where.push(`${rowid} BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)`);
      params.push(...range);
    }
    if (plan.driver) {
      const set = entrySet(plan.driver) as { sql: string; params: unknown[] };
      where.push(`${rowid} IN (${set.sql})`);
      params.push(...set.params);
    }
    q.conditions.forEach((c, i) => {
      const planned = plan.styles[i] ?? 'probe';
      // A merged condition is left to `merged`, which reads this statement as a stream; any
      // other statement checks it against a list of its matches.
      if (planned === 'omit' || (planned === 'merge' && shape === 'stream')) return;
      const style = planned === 'merge' ? 'list' : planned;
      const r = renderCondition(c, `+${rowid}`, style, plan.indexed);
      where.push(r.sql);
      params.push(...r.params);
    });
    const joinEntries =
      fts !== null && q.conditions.some((c, i) => plan.styles[i] !== 'omit' && readsEntryRow(c));
    let from = fts ?? 'entries e';
    if (joinEntries) from += ` CROSS JOIN entries e ON e.rowid = ${fts}.rowid`;
    if (shape === 'dateWalk') from = 'entries e INDEXED BY entries_date';
    const cond = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const sql =
      shape === 'count'
        ? `SELECT count(*) FROM ${from} ${cond}`
        : shape === 'stream'
          ? `SELECT ${rowid} FROM ${from} ${cond} ORDER BY ${rowid} DESC`
          : shape === 'newest' || shape === 'ascending'
            ? `SELECT ${rowid} FROM ${from} ${cond} ORDER BY ${rowid} ${shape === 'newest' ? 'DESC' : ''} LIMIT ?`
            : `SELECT e.rowid FROM ${from} ${cond} ORDER BY e.date DESC, e.rowid DESC LIMIT ? OFFSET ?`;
    const stmt = this.cached(sql).pluck();
    if (shape === 'stream') return () => stmt.iterate(...params);
    return shape === 'count'
      ? () => stmt.get(...params)
      : (...tail: number[]) => stmt.all(...params, ...tail);
  }

  /** The rowids that since:/until: can reach, from the per-date rowid spans. */
  private rowidRange(q: CompiledQuery): [number, number] | null {
    if (q.since === null && q.until === null) return null;
    const sql = 'SELECT min(min_rowid), max(max_rowid) FROM dates WHERE date >= ? AND date <= ?';
    const row = this.cached(sql)
      .raw()
      .get(q.since ?? '0000-00-00', q.until ?? '9999-99-99') as [number | null, number | null];
    return [row[0] ?? 1, row[1] ?? 0];
  }

  private cached(sql: string): Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      if (this.cache.size >= 128) this.cache.delete(this.cache.keys().next().value as string);
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}

/** At most this many rows are read in rowid order to be reversed (see `newestOf`). */
const ASCENDING_CAP = 20_000;

function personsOf(c: CountedFilter & { kind: 'speaker' | 'person' }): Condition {
  return { kind: 'persons', negated: false, speakers: c.kind === 'speaker', ids: c.ids };
}

/**
 * An FTS5 expression and its table, as one key; brackets around the whole expression left out
 * (a one-term query's MATCH is its term's, bracketed).
 */
function matchKey(match: IndexMatch): string {
  let fts = match.fts;
  while (enclosed(fts)) fts = fts.slice(1, -1);
  return `${match.table}:${fts}`;
}

/** Whether the bracket that opens `fts` is the one that closes it (strings skipped). */
function enclosed(fts: string): boolean {
  if (!fts.startsWith('(') || !fts.endsWith(')')) return false;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < fts.length; i += 1) {
    const c = fts[i];
    // Inside a string, `""` is a quote character, which toggling twice leaves as it was.
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '(') depth += 1;
    else if (!quoted && c === ')' && (depth -= 1) === 0) return i === fts.length - 1;
  }
  return false;
}
