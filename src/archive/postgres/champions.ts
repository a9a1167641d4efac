import { normaliseForMatch } from '../../text/index.js';
import { rankingSections } from '../fulltext/ranking.js';
import { ChampionCollector, championKeys } from '../fulltext/champions.js';
import { entrySections } from '../fulltext/entry-text.js';
import { pgTextArray, type PgConnection } from './connection.js';
import { ridOf, storedEntry } from './rows.js';

/**
 * Keys held by more entries than this get a champion list: a query with at most this many
 * matches is ranked by scoring every match.
 */
export const PG_CHAMPION_MIN_DF = 300;

/** Champion lists read per term: those of its rarest keys. */
const LISTS_PER_TERM = 2;

/**
 * Entries read at a time by the pass. Each row is an entry's whole JSON, parsed: with 1,000 at a
 * time the heap grew to 226 MB and the process to 376 MB by the end of the pass over a million
 * entries; with 200, to 85 MB and 236 MB. The round trips cost a little: `optimize()` of those
 * million took 168.5 s against 162 s (one pair of runs).
 */
const PASS_ROWS = 200;

/**
 * Builds the champion lists (`fulltext/champions.ts`, the shared rule's) of the whole archive
 * into `rank_champions`, in one pass over the entries a page at a time. Run by `optimize()`.
 * `onEntry` is told each entry's rid and its sections (post, body, summary), whole and
 * normalised as `entry_search.norm` holds them: what else is built from the text (the dense
 * terms' sets) shares the pass, and the texts are not read twice. Returns how many lists were
 * written.
 *
 * @example
 * buildPgChampions(connection); // 1834
 */
export function buildPgChampions(
  c: PgConnection,
  minDf = PG_CHAMPION_MIN_DF,
  onEntry?: (rid: number, sections: readonly string[]) => void,
): number {
  const entries = Number(c.value('SELECT coalesce(sum(entry_count), 0) AS n FROM days')) || 1;
  const length = Number(c.value(`SELECT value FROM meta WHERE key = 'fulltext_length'`) ?? 0);
  const newest = String(c.value('SELECT max(date) AS d FROM entries') ?? '1970-01-01');
  // Keys that can no longer reach minDf are dropped on the way: entries filed during the pass
  // may make a key miss its list, never give it a wrong one.
  const collector = new ChampionCollector(length / entries, newest, { minDf, entries });
  let after = 0;
  for (;;) {
    const rows = c.run(
      `SELECT e.rid AS rid, e.day AS day, e.seq AS seq, e.source AS source, e.story AS story,
         e.json AS json, e.date AS date
       FROM entries e WHERE e.rid > $1 ORDER BY e.rid LIMIT ${PASS_ROWS}`,
      [after],
    );
    for (const row of rows) {
      const raw = entrySections(storedEntry(row).entry);
      const sections = rankingSections(raw);
      collector.add(ridOf(row), sections, String(row.date));
      // The whole of each section, normalised: what ranking read, unless it was cut.
      if (onEntry)
        onEntry(
          ridOf(row),
          sections.capped
            ? [raw.post, raw.body, raw.summary].map(normaliseForMatch)
            : [sections.post, sections.body, sections.summary],
        );
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < PASS_ROWS) break;
    after = ridOf(last);
  }
  const lists = collector.lists();
  c.transaction(() => {
    c.query('DELETE FROM rank_champions');
    for (const l of lists)
      c.run('INSERT INTO rank_champions (key, df, rids) VALUES ($1, $2, $3::bigint[])', [
        l.key,
        l.df,
        `{${l.rowids.join(',')}}`,
      ]);
  });
  return lists.length;
}

/**
 * The champions of a normalised term: the entries listed for its rarest keys (none when the
 * lists were never built, or its keys are rare enough to need none).
 *
 * @example
 * championsOf(connection, '停戦'); // [812, 77, …]
 */
export function championsOf(c: PgConnection, normalised: string): number[] {
  const keys = championKeys(normalised);
  if (keys.length === 0) return [];
  const rows = c.run(
    `SELECT rids FROM rank_champions WHERE key = ANY($1::text[]) ORDER BY df LIMIT ${LISTS_PER_TERM}`,
    [pgTextArray(keys)],
  );
  return rows.flatMap((r) => (r.rids as (string | number)[]).map(Number));
}
