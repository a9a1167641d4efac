import type { Database, Statement } from 'better-sqlite3';
import { ChampionCollector, mergeChampionLists, type ChampionList } from '../fulltext/champions.js';
import type { EntrySections } from '../fulltext/entry-text.js';
import { rankingSections, termImpact } from '../fulltext/ranking.js';
import { normaliseForMatch } from '../../text/index.js';
import { decodeEntrySections } from './entry-docs.js';
import { VersionedCache } from './tag-supersets.js';

/**
 * Keys held by more entries than this get a champion list: a term with at most this many
 * matches is ranked by scoring every match (`ranked-search.ts`), so it needs none.
 */
export const CHAMPION_MIN_DF = 300;

/**
 * Builds the champion lists (`fulltext/champions.ts`) of the whole archive into
 * `rank_champions`, in one pass over the entries, and records the highest rowid they cover
 * (`meta.champions_upto`). Run by `Archive.optimize()`; about 7 s for 100,000 entries.
 * `onEntry` is told each entry's whole normalised post, body and summary, so that another
 * index built from the text (the dense terms' sets) shares the pass.
 *
 * @example
 * buildChampions(db);
 */
export function buildChampions(
  db: Database,
  minDf = CHAMPION_MIN_DF,
  onEntry?: (rowid: number, normalised: readonly string[]) => void,
): number {
  const entries =
    (db.prepare('SELECT coalesce(sum(entry_count), 0) FROM days').pluck().get() as number) || 1;
  const length = db
    .prepare("SELECT value FROM meta WHERE key = 'fulltext_length'")
    .pluck()
    .get() as number;
  const newest =
    (db.prepare('SELECT max(date) FROM dates WHERE entry_count > 0').pluck().get() as
      string | null) ?? '1970-01-01';
  // The days' counts, kept at import: keys that can no longer reach minDf are dropped on the
  // way (a count too low would only cost lists).
  const collector = new ChampionCollector(length / entries, newest, { minDf, entries });
  let upto = 0;
  const rows = db
    .prepare(
      'SELECT e.rowid, e.date, d.doc FROM entries e JOIN entry_docs d ON d.entry = e.rowid ORDER BY e.rowid',
    )
    .raw()
    .iterate() as IterableIterator<[number, string, unknown]>;
  for (const [rowid, date, doc] of rows) {
    const sections = normalisedSections(doc);
    collector.add(rowid, sections, date);
    upto = rowid;
    if (onEntry === undefined) continue;
    // Ranking reads the start of a very long section; others are told the whole text.
    const whole = sections.capped ? decodeEntrySections(doc) : null;
    onEntry(
      rowid,
      whole
        ? [whole.post, whole.body, whole.summary].map(normaliseForMatch)
        : [sections.post, sections.body, sections.summary],
    );
  }
  const lists = collector.lists();
  const insert = db.prepare(
    'INSERT INTO rank_champions (key, df, floor, blend_floor, rowids, tfs, lengths, recencies) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    db.exec('DELETE FROM rank_champions');
    for (const l of lists)
      insert.run(
        l.key,
        l.df,
        l.floor,
        l.blendFloor,
        JSON.stringify(l.rowids),
        JSON.stringify(l.tfs),
        JSON.stringify(l.lengths),
        JSON.stringify(l.recencies.map(round)),
      );
    const meta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    meta.run('champions_upto', upto);
    meta.run('champions_newest', newest);
    meta.run('champions_average_length', length / entries);
  })();
  return lists.length;
}

interface ChampionRow {
  df: number;
  floor: number;
  blend_floor: number;
  rowids: string;
  tfs: string;
  lengths: string;
  recencies: string;
}

/** More new entries than this are left to the next `optimize()`. */
export const REFRESH_AT_MOST = 5000;

/** Recency factors are kept to four decimals (they only order entries). */
function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * Merges the entries filed since the champion lists were built (or last merged) into the lists
 * that exist, in one transaction, so that a strong new entry is a champion without waiting for
 * `optimize()`. A key that had no list gets none (its entry count is not kept) until the next
 * `optimize()`. Does nothing when the lists were never built, or when more than `maxNew`
 * entries are new (rebuilding them is `optimize()`'s work). Returns the number of lists
 * rewritten. About 0.3–0.9 s at 100,000 entries, whatever the number of new entries: every
 * new entry is recent, so it enters the recency part of most lists it touches.
 *
 * @example
 * archive.importBatches(batches); refreshChampions(db);
 */
export function refreshChampions(db: Database, maxNew = REFRESH_AT_MOST): number {
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const upto = (meta.get('champions_upto') as number | undefined) ?? 0;
  if (upto === 0) return 0;
  const max = (db.prepare('SELECT max(rowid) FROM entries').pluck().get() as number | null) ?? 0;
  if (max <= upto || max - upto > maxNew) return 0;
  const newest = (meta.get('champions_newest') as string | undefined) ?? '1970-01-01';
  const averageLength = (meta.get('champions_average_length') as number | undefined) ?? 1;
  const collector = new ChampionCollector(averageLength, newest);
  let last = upto;
  const rows = db
    .prepare(
      'SELECT e.rowid, e.date, d.doc FROM entries e JOIN entry_docs d ON d.entry = e.rowid WHERE e.rowid > ? ORDER BY e.rowid',
    )
    .raw()
    .iterate(upto) as IterableIterator<[number, string, unknown]>;
  for (const [rowid, date, doc] of rows) {
    collector.add(rowid, normalisedSections(doc), date);
    last = rowid;
  }
  if (last === upto) return 0;
  const lists = new ChampionLists(db);
  // A list is read and rewritten only when a new entry beats one of its floors (or it is not
  // full): most new entries are champions of no key.
  const floors = new Map(
    (
      db.prepare('SELECT key, floor, blend_floor FROM rank_champions').raw().all() as [
        string,
        number,
        number,
      ][]
    ).map(([key, floor, blend]) => [key, { floor, blend }]),
  );
  const update = db.prepare(
    'UPDATE rank_champions SET df = ?, floor = ?, blend_floor = ?, rowids = ?, tfs = ?, lengths = ?, recencies = ? WHERE key = ?',
  );
  let rewritten = 0;
  db.transaction(() => {
    for (const fresh of collector.lists()) {
      const f = floors.get(fresh.key);
      if (f === undefined || !beats(fresh, f, averageLength)) continue;
      const stored = lists.of([fresh.key])[0];
      if (stored === undefined) continue;
      const m = mergeChampionLists(stored, fresh, averageLength);
      update.run(
        m.df,
        m.floor,
        m.blendFloor,
        JSON.stringify(m.rowids),
        JSON.stringify(m.tfs),
        JSON.stringify(m.lengths),
        JSON.stringify(m.recencies.map(round)),
        m.key,
      );
      rewritten += 1;
    }
    db.prepare("UPDATE meta SET value = ? WHERE key = 'champions_upto'").run(last);
  })();
  return rewritten;
}

/** Whether an entry of `fresh` would enter a stored list with these floors (0: not full). */
function beats(
  fresh: ChampionList,
  floors: { floor: number; blend: number },
  averageLength: number,
): boolean {
  if (floors.floor === 0 || floors.blend === 0) return true;
  return fresh.rowids.some((_, i) => {
    const impact = termImpact(fresh.tfs[i] ?? 0, fresh.lengths[i] ?? 0, averageLength);
    return impact > floors.floor || impact * (fresh.recencies[i] ?? 1) > floors.blend;
  });
}

/** What ranking scores of a stored entry: the lists' impacts are its scores' own. */
function normalisedSections(doc: unknown): EntrySections & { capped: boolean } {
  return rankingSections(decodeEntrySections(doc));
}

/**
 * Reads champion lists, keeping the parsed lists until the database changes.
 *
 * @example
 * new ChampionLists(db).of(['ロシ', 'シア']);
 */
export class ChampionLists {
  private readonly select: Statement;
  private readonly meta: Statement;
  private readonly cache: VersionedCache<ChampionList | null>;

  constructor(db: Database) {
    this.select = db.prepare(
      'SELECT df, floor, blend_floor, rowids, tfs, lengths, recencies FROM rank_champions WHERE key = ?',
    );
    this.meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    this.cache = new VersionedCache(db, 4096);
  }

  /** The lists of these keys that exist (a key held by few entries has none). */
  of(keys: readonly string[]): ChampionList[] {
    return keys.flatMap((key) => {
      const list = this.cache.get(key, () => {
        const row = this.select.get(key) as ChampionRow | undefined;
        if (!row) return null;
        return {
          key,
          df: row.df,
          floor: row.floor,
          blendFloor: row.blend_floor,
          rowids: JSON.parse(row.rowids) as number[],
          tfs: JSON.parse(row.tfs) as number[],
          lengths: JSON.parse(row.lengths) as number[],
          recencies: JSON.parse(row.recencies) as number[],
        };
      });
      return list ? [list] : [];
    });
  }

  /**
   * The highest rowid the lists cover (0: never built), and the archive's newest date and
   * average entry length when they were built.
   */
  built(): { upto: number; newest: string; averageLength: number } {
    return {
      upto: (this.meta.get('champions_upto') as number | undefined) ?? 0,
      newest: (this.meta.get('champions_newest') as string | undefined) ?? '1970-01-01',
      averageLength: (this.meta.get('champions_average_length') as number | undefined) ?? 0,
    };
  }
}
