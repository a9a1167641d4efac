import { STALE_AT_MOST, type DenseSnapshot } from '../fulltext/dense-count.js';
import {
  chooseDenseWords,
  DENSE_SAMPLE_ENTRIES,
  type DenseSetBuilder,
} from '../fulltext/dense-set-builder.js';
import {
  blockFromBytes,
  DEFAULT_DENSE_TERM_OPTIONS,
  denseThreshold,
  type DenseTermOptions,
  type DenseThresholds,
  type RowBits,
} from '../fulltext/dense-terms.js';
import { pgTextArray, type PgConnection } from './connection.js';

/**
 * The dense terms' sets in PostgreSQL (`fulltext/dense-terms.ts` says what they are), as the
 * SQLite archive keeps them: built by `optimize()` in the pass over the entries that builds
 * the champion lists, read by `fulltext/dense-count.ts`. A word's set holds the entries whose
 * normalised text (`entry_search.norm`, what a term's `strpos` reads) contains it. The sets
 * cover the rids up to `meta.dense_through`; an entry removed or rewritten since is listed in
 * `dense_stale` (by triggers, schema 4) and checked against its text instead, as are entries
 * filed since.
 */

/**
 * Picks the words to build sets for from a sample of entries spread over the archive.
 *
 * @example
 * minePgDenseTerms(connection, 1_000_000); // ['ロシア', 'ウクライナ', '大統領', …]
 */
export function minePgDenseTerms(
  c: PgConnection,
  entries: number,
  options: DenseTermOptions = DEFAULT_DENSE_TERM_OPTIONS,
): string[] {
  if (entries < denseThreshold(entries, options)) return [];
  const range = c.run('SELECT min(rid) AS lo, max(rid) AS hi FROM entries')[0];
  const lo = Number(range?.lo ?? 0);
  const hi = Number(range?.hi ?? 0);
  const step = Math.max(1, Math.floor((hi - lo + 1) / DENSE_SAMPLE_ENTRIES));
  return chooseDenseWords(sampleTexts(c, lo, hi, step), entries, options);
}

/** Sample entries read at a time: the miner reads the sample once, and need not hold it all. */
const SAMPLE_CHUNK = 250;

/** The normalised text of every `step`-th rid from `lo` to `hi`, a chunk of rids at a time. */
function* sampleTexts(c: PgConnection, lo: number, hi: number, step: number): Generator<string[]> {
  for (let from = lo; from <= hi; from += step * SAMPLE_CHUNK) {
    const rows = c.run(
      `SELECT s.norm FROM entry_search s
       WHERE s.entry IN (SELECT generate_series($1::bigint, $2::bigint, $3::bigint))`,
      [from, Math.min(hi, from + step * SAMPLE_CHUNK - 1), step],
    );
    for (const row of rows) yield [String(row.norm)];
  }
}

/**
 * Adds to `builder` the sets of the filters that at least `threshold` entries meet: a tag
 * (`tag:<normalised tag>`), an author (`from:<normalised handle>`), a speaker
 * (`speaker:<person id>`), of the entries up to `through`, read one filter value at a time (a value's rids as one string, so
 * a million of them do not become a million row objects).
 *
 * @example
 * addPgFilterSets(connection, builder, 10_000);
 */
export function addPgFilterSets(
  c: PgConnection,
  builder: DenseSetBuilder,
  threshold: number,
  through = Number.MAX_SAFE_INTEGER,
): void {
  const filters: [prefix: string, values: string, rids: string][] = [
    [
      'tag:',
      'SELECT norm AS v FROM tags GROUP BY norm HAVING sum(entry_count) >= $1',
      `SELECT string_agg(et.entry::text, ',') AS rids FROM entry_tags et
       WHERE et.tag IN (SELECT id FROM tags WHERE norm = $1)`,
    ],
    [
      'from:',
      'SELECT norm AS v FROM handles GROUP BY norm HAVING sum(entry_count) >= $1',
      `SELECT string_agg(e.rid::text, ',') AS rids FROM entries e
       WHERE e.handle_id IN (SELECT id FROM handles WHERE norm = $1)`,
    ],
    [
      'speaker:',
      `SELECT person::text AS v FROM entry_persons WHERE role = 'speaker'
       GROUP BY person HAVING count(DISTINCT entry) >= $1`,
      `SELECT string_agg(DISTINCT entry::text, ',') AS rids FROM entry_persons
       WHERE role = 'speaker' AND person = $1::bigint`,
    ],
  ];
  for (const [prefix, values, rids] of filters)
    for (const row of c.run(values, [threshold])) {
      const value = String(row.v);
      const list = c.run(rids, [value])[0]?.rids;
      if (typeof list !== 'string' || list === '') continue;
      const key = `${prefix}${value}`;
      forEachRid(list, (rid) => {
        if (rid <= through) builder.addFilterRow(key, rid);
      });
    }
}

/**
 * Each rid of a comma-separated list, read in place: split, a filter's list of hundreds of
 * thousands of rids became as many strings, and `optimize()` of a million entries peaked at
 * 297 MB instead of 257.
 *
 * @example
 * forEachRid('3,41,590', (rid) => rids.push(rid)); // rids: [3, 41, 590]
 */
export function forEachRid(list: string, visit: (rid: number) => void): void {
  let rid = 0;
  for (let i = 0; i < list.length; i += 1) {
    const code = list.charCodeAt(i);
    if (code === COMMA) {
      visit(rid);
      rid = 0;
    } else rid = rid * 10 + (code - DIGIT_ZERO);
  }
  if (list.length > 0) visit(rid);
}

const COMMA = 0x2c;
const DIGIT_ZERO = 0x30;

/**
 * Starts a build: forgets the old sets and fixes what the new ones will cover, the rids filed
 * so far, in a transaction of its own. From then on the triggers list each of those entries
 * removed or rewritten, also while the pass reads the entries (other processes may write
 * meanwhile): an entry read before it was rewritten is checked apart, one read after is right.
 * Returns the rid the sets will cover up to.
 *
 * @example
 * const through = beginPgDenseBuild(connection); // 1000000
 */
export function beginPgDenseBuild(c: PgConnection): number {
  return c.transaction(() => {
    dropPgDenseSets(c);
    const through = Number(c.value('SELECT coalesce(max(rid), 0) AS n FROM entries') ?? 0);
    writeMeta(c, 'dense_through', through);
    bumpVersion(c);
    return through;
  });
}

/**
 * Stores the builder's sets (of entries up to `beginPgDenseBuild`'s rid), keeping the words,
 * phrases and filters held by at least their thresholds of entries; the entries listed stale
 * since the build began stay listed. Returns how many sets were stored.
 *
 * @example
 * storePgDenseSets(connection, builder, denseThresholds(1_000_000, options)); // 2056
 */
export function storePgDenseSets(
  c: PgConnection,
  builder: DenseSetBuilder,
  thresholds: DenseThresholds,
): number {
  let stored = 0;
  c.transaction(() => {
    const ids = new Map<string, number>();
    for (const set of builder.kept(thresholds)) {
      stored += 1;
      ids.set(set.term, stored);
      const sameAs = set.sameAs === undefined ? null : (ids.get(set.sameAs) ?? null);
      c.run('INSERT INTO dense_terms (id, term, entries, same_as) VALUES ($1, $2, $3, $4)', [
        stored,
        set.term,
        set.entries,
        sameAs,
      ]);
      if (sameAs !== null) continue;
      for (const [block, bytes] of set.blocks)
        c.run(
          `INSERT INTO dense_blocks (term, block, bits) VALUES ($1, $2, decode($3, 'base64'))`,
          [stored, block, bytes.toString('base64')],
        );
    }
    if (stored === 0) writeMeta(c, 'dense_through', 0);
    bumpVersion(c);
  });
  return stored;
}

function writeMeta(c: PgConnection, key: string, value: number): void {
  c.run(
    `INSERT INTO meta (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [key, String(value)],
  );
}

/** A new version of the sets: readers load the terms again. */
function bumpVersion(c: PgConnection): void {
  writeMeta(
    c,
    'dense_version',
    Number(c.value(`SELECT value FROM meta WHERE key = 'dense_version'`) ?? 0) + 1,
  );
}

/**
 * Forgets the sets (until the next `optimize()`).
 *
 * @example
 * dropPgDenseSets(connection);
 */
export function dropPgDenseSets(c: PgConnection): void {
  c.query(`DELETE FROM dense_blocks; DELETE FROM dense_terms; DELETE FROM dense_stale;
    DELETE FROM meta WHERE key = 'dense_through'`);
}

/**
 * Marks an entry whose bits may be wrong from now on, for a write the triggers do not see:
 * speakers found by annotation, filed without rewriting the entry.
 *
 * @example
 * markPgDenseStale(connection, 812);
 */
export function markPgDenseStale(c: PgConnection, rid: number): void {
  c.run(
    `INSERT INTO dense_stale (rid) SELECT $1::bigint
     WHERE $1::bigint <= coalesce((SELECT value::bigint FROM meta WHERE key = 'dense_through'), 0)
     ON CONFLICT DO NOTHING`,
    [rid],
  );
}

/**
 * Reads the stored sets.
 *
 * @example
 * new PgDenseTermSets(connection).snapshot()?.idOf('ウクライナ'); // 3
 */
export class PgDenseTermSets {
  private vocabulary: { version: number; ids: Map<string, number> } | null = null;

  constructor(private readonly c: PgConnection) {}

  /** The sets as they stand, or `null` when there are none or too many entries changed. */
  snapshot(): DenseSnapshot | null {
    const state = this.c.run(
      `SELECT (SELECT value FROM meta WHERE key = 'dense_through') AS through,
              (SELECT value FROM meta WHERE key = 'dense_version') AS version,
              (SELECT count(*) FROM (SELECT 1 FROM dense_stale LIMIT ${STALE_AT_MOST + 1}) s) AS stale`,
    )[0];
    const through = Number(state?.through ?? 0);
    if (!(through > 0)) return null;
    const staleCount = Number(state?.stale ?? 0);
    if (staleCount > STALE_AT_MOST) return null;
    const version = Number(state?.version ?? 0);
    if (this.vocabulary?.version !== version) {
      // A term stored once with another's set reads that term's blocks.
      const rows = this.c.run('SELECT coalesce(same_as, id) AS id, term FROM dense_terms');
      this.vocabulary = {
        version,
        ids: new Map(rows.map((r) => [String(r.term), Number(r.id)])),
      };
    }
    const ids = this.vocabulary.ids;
    const stale =
      staleCount === 0 ? [] : this.c.run('SELECT rid FROM dense_stale').map((r) => Number(r.rid));
    const read = new Map<number, RowBits>();
    return {
      through,
      stale: new Set(stale),
      idOf: (term) => ids.get(term),
      // A search asks for a term's set twice (its total, its newest matches): read once.
      bits: (id) => {
        let set = read.get(id);
        if (set === undefined) read.set(id, (set = this.bits(id)));
        return set;
      },
      entriesOf: (kind, values, limit) => {
        const sql =
          kind === 'from'
            ? `SELECT e.rid FROM entries e WHERE e.handle_id IN
                 (SELECT id FROM handles WHERE norm = ANY($1::text[])) LIMIT $2`
            : `SELECT DISTINCT entry AS rid FROM entry_persons
               WHERE role = 'speaker' AND person = ANY($1::bigint[]) LIMIT $2`;
        const list =
          kind === 'from' ? pgTextArray(values.map(String)) : `{${values.map(Number).join(',')}}`;
        const rows = this.c.run(sql, [list, limit + 1]).map((r) => Number(r.rid));
        return rows.length > limit ? null : rows;
      },
    };
  }

  private bits(id: number): RowBits {
    const out: RowBits = new Map();
    const rows = this.c.run(
      `SELECT block, encode(bits, 'base64') AS bits FROM dense_blocks WHERE term = $1`,
      [id],
    );
    for (const row of rows) {
      out.set(Number(row.block), blockFromBytes(Buffer.from(String(row.bits), 'base64')));
    }
    return out;
  }
}
