import type { Database, Statement } from 'better-sqlite3';
import { normaliseForMatch } from '../../text/index.js';
import { ChampionCollector, type ChampionList } from '../fulltext/champions.js';
import { entrySections } from '../fulltext/entry-text.js';
import { parseEntryJson } from './rows.js';
import { VersionedCache } from './tag-supersets.js';

/**
 * Keys held by more entries than this get a champion list: a term with at most this many
 * matches is ranked by scoring every match (`ranked-search.ts`), so it needs none.
 */
export const CHAMPION_MIN_DF = 300;

/**
 * Builds the champion lists (`fulltext/champions.ts`) of the whole archive into
 * `rank_champions`, in one pass over the entries, and records the highest rowid they cover
 * (`meta.champions_upto`). Run by `Archive.optimize()`; about 20 s for 100,000 entries.
 *
 * @example
 * buildChampions(db);
 */
export function buildChampions(db: Database, minDf = CHAMPION_MIN_DF): number {
  const entries =
    (db.prepare('SELECT coalesce(sum(entry_count), 0) FROM days').pluck().get() as number) || 1;
  const length = db
    .prepare("SELECT value FROM meta WHERE key = 'fulltext_length'")
    .pluck()
    .get() as number;
  const newest =
    (db.prepare('SELECT max(date) FROM dates WHERE entry_count > 0').pluck().get() as
      string | null) ?? '1970-01-01';
  const collector = new ChampionCollector(length / entries, newest);
  let upto = 0;
  const rows = db
    .prepare(
      'SELECT e.rowid, e.date, d.json FROM entries e JOIN entry_docs d ON d.entry = e.rowid ORDER BY e.rowid',
    )
    .raw()
    .iterate() as IterableIterator<[number, string, string]>;
  for (const [rowid, date, json] of rows) {
    const s = entrySections(parseEntryJson(json));
    collector.add(
      rowid,
      {
        post: normaliseForMatch(s.post),
        body: normaliseForMatch(s.body),
        summary: normaliseForMatch(s.summary),
      },
      date,
    );
    upto = rowid;
  }
  const lists = collector.lists(minDf);
  const insert = db.prepare(
    'INSERT INTO rank_champions (key, df, floor, blend_floor, rowids, tfs, lengths) VALUES (?, ?, ?, ?, ?, ?, ?)',
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
      'SELECT df, floor, blend_floor, rowids, tfs, lengths FROM rank_champions WHERE key = ?',
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
