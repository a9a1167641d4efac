/**
 * The baseline: a plain SQLite FTS5 table with the trigram tokenizer over the same text, queried
 * the way an application without a bigram index would — MATCH for terms of three or more
 * characters, `LIKE '%x%'` (a scan) for shorter ones, FTS5's own `snippet()`. It has no
 * normalisation beyond case folding and no filters (those queries are reported as n/a).
 */
import { rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { entrySearchText, parseQuery } from '../src/archive/index.js';
import type { Entry } from '../src/model/index.js';
import type { ImportFigures } from './archive.js';
import { generateCorpus } from './corpus.js';

interface Plan {
  match: string | null;
  likes: string[];
  notLikes: string[];
}

export class TrigramBaseline {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly insertMany: (entries: Entry[]) => void;

  constructor(readonly path: string) {
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('cache_size = -65536');
    this.db.pragma('mmap_size = 268435456');
    this.db.exec(`CREATE VIRTUAL TABLE tri USING fts5(text, tokenize = 'trigram')`);
    this.insert = this.db.prepare('INSERT INTO tri (text) VALUES (?)');
    this.insertMany = this.db.transaction((entries: Entry[]) => {
      for (const e of entries) this.insert.run(entrySearchText(e));
    });
  }

  importEntries(entries: Entry[]): void {
    this.insertMany(entries);
  }

  /** Number of matches, or `null` when the baseline cannot express the query. */
  count(query: string): number | null {
    const plan = planOf(query);
    if (!plan) return null;
    const { sql, params } = this.sql(plan, 'count(*)');
    return this.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  }

  /** Top 20 by bm25 with FTS5's snippet(); newest first when there is no MATCH term. */
  search(query: string, limit = 20): unknown[] | null {
    const plan = planOf(query);
    if (!plan) return null;
    const what =
      plan.match === null
        ? 'rowid, substr(text, 1, 60) AS snippet'
        : `rowid, snippet(tri, 0, '[', ']', '…', 16) AS snippet`;
    const order = plan.match === null ? 'ORDER BY rowid DESC' : 'ORDER BY rank';
    const { sql, params } = this.sql(plan, what);
    return this.db.prepare(`${sql} ${order} LIMIT ?`).all(...params, limit);
  }

  /** Merges the index into one segment, as `Archive.optimize()` does for kirinuki's. */
  optimize(): void {
    this.db.exec("INSERT INTO tri (tri) VALUES ('optimize')");
  }

  bytesOnDisk(): number {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return statSync(this.path).size;
  }

  close(): void {
    this.db.close();
  }

  private sql(plan: Plan, what: string): { sql: string; params: string[] } {
    const where: string[] = [];
    const params: string[] = [];
    if (plan.match !== null) {
      where.push('tri MATCH ?');
      params.push(plan.match);
    }
    for (const l of plan.likes) {
      where.push('text LIKE ?');
      params.push(`%${l}%`);
    }
    for (const l of plan.notLikes) {
      where.push('text NOT LIKE ?');
      params.push(`%${l}%`);
    }
    return { sql: `SELECT ${what} FROM tri WHERE ${where.join(' AND ') || '1'}`, params };
  }
}

/** MATCH for terms of 3+ characters, LIKE for shorter ones; `null` for filters. */
function planOf(query: string): Plan | null {
  const parsed = parseQuery(query);
  if (!parsed.ok || parsed.value.filters.length > 0) return null;
  const pos: string[] = [];
  const neg: string[] = [];
  const plan: Plan = { match: null, likes: [], notLikes: [] };
  for (const t of parsed.value.terms) {
    const long = [...t.text].length >= 3;
    if (long) (t.negated ? neg : pos).push(`"${t.text.replaceAll('"', '""')}"`);
    else (t.negated ? plan.notLikes : plan.likes).push(t.text);
  }
  if (pos.length > 0)
    plan.match = pos.join(' AND ') + (neg.length > 0 ? ` NOT (${neg.join(' OR ')})` : '');
  else for (const n of neg) plan.notLikes.push(n.slice(1, -1));
  return plan;
}

/** Builds the baseline over the same corpus (unparsed: it has no parser), then optimizes it. */
export function buildTrigram(
  path: string,
  size: number,
  log: (s: string) => void,
): { db: TrigramBaseline; figures: ImportFigures } {
  const db = new TrigramBaseline(path);
  let seconds = 0;
  let cpuSeconds = 0;
  let clips = 0;
  for (const day of generateCorpus({ size })) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    db.importEntries(day.entries);
    const used = process.cpuUsage(cpu);
    seconds += (performance.now() - t) / 1000;
    cpuSeconds += (used.user + used.system) / 1e6;
    clips += day.entries.length;
  }
  const t = performance.now();
  db.optimize();
  const optimizeSeconds = (performance.now() - t) / 1000;
  const bytesOnDisk = db.bytesOnDisk();
  log(`trigram: ${(clips / seconds).toFixed(0)} clips/s, ${(bytesOnDisk / 1e6).toFixed(0)} MB`);
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const figures = {
    clips,
    seconds,
    cpuSeconds,
    parseSeconds: null,
    optimizeSeconds,
    bytesOnDisk,
    peakRssBytes,
  };
  return { db, figures };
}
