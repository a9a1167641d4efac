import type { Database, Statement } from 'better-sqlite3';
import { NAMED, SPOKEN, type CompiledQuery, type CountedFilter } from './compile-query.js';

/**
 * Runs the SQL of compiled queries. Every full-text query has the same shape: the FTS5 table,
 * joined to `entries e` only when there are conditions on it, narrowed to a rowid range when
 * the query has since:/until: (entries are mostly filed in date order, and FTS5 seeks
 * straight to a rowid range instead of scanning the whole posting list).
 */
export class QueryRunner {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  /** Exact number of entries matching. */
  count(q: CompiledQuery): number {
    if (q.match === null && q.conditions.length === 0)
      return this.cached('SELECT coalesce(sum(entry_count), 0) FROM days').pluck().get() as number;
    const counted = q.counted ? this.countFromCounters(q, q.counted) : null;
    if (counted !== null) return counted;
    const { sql, params } = this.select(q, 'count(*)', '');
    return this.cached(sql)
      .pluck()
      .get(...params) as number;
  }

  /**
   * Counts kept at import (per tag, per author, per post date) or read from one index (per
   * speaker or person); `null` for a tag spelled in several ways (an entry may carry two of them, so
   * their counts do not add up).
   */
  private countFromCounters(q: CompiledQuery, c: CountedFilter): number | null {
    const one = (sql: string, ...params: unknown[]): number =>
      (this.cached(sql)
        .pluck()
        .get(...params) as number | null) ?? 0;
    if (c.kind === 'tag') {
      const sql = 'SELECT count(*), coalesce(sum(entry_count), 0) FROM tags WHERE norm = ?';
      const [spellings, n] = this.cached(sql).raw().get(c.norm) as [number, number];
      return spellings <= 1 ? n : null;
    }
    if (c.kind === 'speaker') return one(`SELECT count(DISTINCT entry) FROM (${SPOKEN})`, c.ids);
    if (c.kind === 'person') return one(`SELECT count(DISTINCT entry) FROM (${NAMED})`, c.ids);
    if (c.kind === 'from') {
      const marks = c.norms.map(() => '?').join(', ');
      return one(`SELECT sum(entry_count) FROM handles WHERE norm IN (${marks})`, ...c.norms);
    }
    const sql = 'SELECT sum(entry_count) FROM dates WHERE date >= ? AND date <= ?';
    return one(sql, q.since ?? '0000-00-00', q.until ?? '9999-99-99');
  }

  /** The number of matches if at most `limit`, else `limit + 1`: cheap for common terms. */
  countUpTo(q: CompiledQuery, limit: number): number {
    if (q.match === null && q.conditions.length === 0) return Math.min(this.count(q), limit + 1);
    const { sql, params } = this.select(q, '1', `LIMIT ${Math.floor(limit) + 1}`);
    return this.cached(`SELECT count(*) FROM (${sql})`)
      .pluck()
      .get(...params) as number;
  }

  /** Rowids of the `limit` most recently filed matches (highest rowids), newest first. */
  newest(q: CompiledQuery, limit: number): number[] {
    const rowid = q.match === null ? 'e.rowid' : 'entries_fts.rowid';
    const { sql, params } = this.select(q, `${rowid} AS rowid`, `ORDER BY ${rowid} DESC LIMIT ?`);
    return this.cached(sql)
      .pluck()
      .all(...params, limit) as number[];
  }

  /**
   * A page of matches by post date, newest first: the order when there are no terms. When
   * the matches are a large share of the archive (`dense`), walking the date index backwards
   * finds a page after a few rows; when they are few, SQLite collects and sorts them.
   */
  byDate(q: CompiledQuery, limit: number, offset: number, dense: boolean): number[] {
    const where = q.conditions.length > 0 ? `WHERE ${render(q.conditions, 'e.rowid')}` : '';
    const from = dense ? 'entries e INDEXED BY entries_date' : 'entries e';
    const sql = `SELECT e.rowid FROM ${from} ${where} ORDER BY e.date DESC, e.rowid DESC LIMIT ? OFFSET ?`;
    return this.cached(sql)
      .pluck()
      .all(...q.params, limit, offset) as number[];
  }

  /**
   * Roughly how many entries match an FTS5 expression, from how densely its newest matches
   * are filed: exact below `sample` matches, else scaled from the rowid span they cover.
   * Costs one short scan, whatever the archive size.
   */
  estimateMatches(match: string, sample = 64): number {
    const sql =
      'SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid DESC LIMIT ?';
    const rowids = this.cached(sql).pluck().all(match, sample) as number[];
    return rowids.length < sample ? rowids.length : this.estimateFromNewest(rowids, sample);
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

  entryCount(): number {
    return this.cached('SELECT coalesce(sum(entry_count), 0) FROM days').pluck().get() as number;
  }

  /** Total normalised length of all entries (for BM25's average document length). */
  lengthTotal(): number {
    return this.cached("SELECT value FROM meta WHERE key = 'fulltext_length'")
      .pluck()
      .get() as number;
  }

  private maxRowid(): number {
    return (this.cached('SELECT max(rowid) FROM entries').pluck().get() as number | null) ?? 0;
  }

  /**
   * A SELECT over the matches of `q`, with `tail` (ORDER BY / LIMIT) appended: from the
   * full-text table when there is a MATCH (joining `entries` only for conditions on its
   * columns, and narrowed to the rowids since:/until: can reach), else from `entries`.
   */
  private select(q: CompiledQuery, what: string, tail: string): { sql: string; params: unknown[] } {
    if (q.match === null) {
      const where = q.conditions.length > 0 ? `WHERE ${render(q.conditions, 'e.rowid')}` : '';
      return { sql: `SELECT ${what} FROM entries e ${where} ${tail}`, params: [...q.params] };
    }
    // `+` keeps SQLite from handing `rowid IN (…)` to FTS5 as one point lookup per listed
    // entry (a second for a common tag); FTS5 scans its matches and checks the list instead.
    const where = q.conditions.length > 0 ? [render(q.conditions, '+entries_fts.rowid')] : [];
    const params: unknown[] = [q.match, ...q.params];
    const range = this.rowidRange(q);
    if (range) {
      where.push('entries_fts.rowid BETWEEN ? AND ?');
      params.push(...range);
    }
    const join = q.conditions.some((c) => /\be\.\w/.test(c))
      ? 'JOIN entries e ON e.rowid = entries_fts.rowid'
      : '';
    const rest = where.length > 0 ? `AND ${where.join(' AND ')}` : '';
    const sql = `SELECT ${what} FROM entries_fts ${join} WHERE entries_fts MATCH ? ${rest} ${tail}`;
    return { sql, params };
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

/** The conditions joined with AND, `{rowid}` replaced by the rowid column in scope. */
function render(conditions: readonly string[], rowid: string): string {
  return conditions.map((c) => c.replaceAll('{rowid}', rowid)).join(' AND ');
}
