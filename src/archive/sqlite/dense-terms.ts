import type { Database, Statement } from 'better-sqlite3';
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
import { normaliseForMatch } from '../../text/index.js';
import { decodeEntrySections } from './entry-docs.js';

/**
 * The dense terms' sets in SQLite (`fulltext/dense-terms.ts` says what they are): built by
 * `optimize()` in the same pass over the entries as the champion lists
 * (`fulltext/dense-set-builder.ts`), read by `fulltext/dense-count.ts`. The sets cover the
 * rowids up to `meta.dense_through`; an entry removed or rewritten since is listed in
 * `dense_stale` (by triggers, so no write path can forget it) and checked against the index
 * instead, as are entries filed since.
 */

/** Blocks of one term are keyed `term · KEY_SPAN + block`. */
const KEY_SPAN = 1 << 20;

/**
 * Picks the words to build sets for: word-like n-grams held by at least the threshold's share
 * of a sample of entries spread over the archive (every k-th rowid).
 *
 * @example
 * mineDenseTerms(db, 1_000_000); // ['ロシア', 'ウクライナ', '大統領', …]
 */
export function mineDenseTerms(
  db: Database,
  entries: number,
  options: DenseTermOptions = DEFAULT_DENSE_TERM_OPTIONS,
): string[] {
  if (entries < denseThreshold(entries, options)) return [];
  const max = (db.prepare('SELECT max(rowid) FROM entries').pluck().get() as number | null) ?? 0;
  const step = Math.max(1, Math.floor(max / DENSE_SAMPLE_ENTRIES));
  const docs = db
    .prepare(
      'SELECT doc FROM entry_docs WHERE entry IN (SELECT rowid FROM entries WHERE rowid % ? = 0 LIMIT ?)',
    )
    .pluck()
    .iterate(step, DENSE_SAMPLE_ENTRIES) as IterableIterator<unknown>;
  // Each entry decoded as the miner reads it: the sample's texts are never all in memory.
  return chooseDenseWords(decodedSections(docs), entries, options);
}

function* decodedSections(docs: Iterable<unknown>): Generator<string[]> {
  for (const doc of docs) yield normalisedSections(decodeEntrySections(doc));
}

function normalisedSections(s: { post: string; body: string; summary: string }): string[] {
  return [normaliseForMatch(s.post), normaliseForMatch(s.body), normaliseForMatch(s.summary)];
}

/**
 * Adds to `builder` the sets of the filters that at least `threshold` entries meet: a tag
 * (key `tag:<normalised tag>`), an author (`from:<normalised handle>`) and a summary-line or
 * text speaker (`speaker:<person id>`), read from the tables `tag:`, `from:` and `speaker:` ask.
 *
 * @example
 * addFilterSets(db, builder, 10_000);
 */
export function addFilterSets(db: Database, builder: DenseSetBuilder, threshold: number): void {
  const filters: [prefix: string, sql: string][] = [
    [
      'tag:',
      `SELECT t.norm, et.entry FROM entry_tags et JOIN tags t ON t.id = et.tag
       WHERE t.norm IN (SELECT norm FROM tags GROUP BY norm HAVING sum(entry_count) >= ?)`,
    ],
    [
      'from:',
      `SELECT h.norm, e.rowid FROM entries e JOIN handles h ON h.id = e.handle_id
       WHERE h.norm IN (SELECT norm FROM handles GROUP BY norm HAVING sum(entry_count) >= ?)`,
    ],
    [
      'speaker:',
      `SELECT person, entry FROM entry_persons WHERE role = 'speaker' AND person IN (
         SELECT person FROM entry_persons WHERE role = 'speaker'
         GROUP BY person HAVING count(DISTINCT entry) >= ?)`,
    ],
  ];
  for (const [prefix, sql] of filters) {
    const rows = db.prepare(sql).raw().iterate(threshold) as IterableIterator<
      [string | number, number]
    >;
    for (const [name, rowid] of rows) builder.addFilterRow(`${prefix}${name}`, rowid);
  }
}

/**
 * Replaces the stored sets with the builder's, keeping the words, phrases and filters held by at
 * least their thresholds of entries, and records what they cover; `dense_stale` starts empty
 * again. Returns how many sets were stored.
 *
 * @example
 * storeDenseSets(db, builder, denseThresholds(1_000_000, options)); // 2057
 */
export function storeDenseSets(
  db: Database,
  builder: DenseSetBuilder,
  thresholds: DenseThresholds,
): number {
  const insertTerm = db.prepare(
    'INSERT INTO dense_terms (id, term, entries, same_as) VALUES (?, ?, ?, ?)',
  );
  const insertBlock = db.prepare('INSERT INTO dense_blocks (key, bits) VALUES (?, ?)');
  const meta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  let stored = 0;
  db.transaction(() => {
    dropDenseSets(db);
    const ids = new Map<string, number>();
    for (const set of builder.kept(thresholds)) {
      stored += 1;
      ids.set(set.term, stored);
      const sameAs = set.sameAs === undefined ? null : (ids.get(set.sameAs) ?? null);
      insertTerm.run(stored, set.term, set.entries, sameAs);
      if (sameAs !== null) continue;
      for (const [block, bytes] of set.blocks) insertBlock.run(stored * KEY_SPAN + block, bytes);
    }
    const version =
      (db.prepare("SELECT value FROM meta WHERE key = 'dense_version'").pluck().get() as
        number | undefined) ?? 0;
    meta.run('dense_through', stored > 0 ? builder.through : 0);
    meta.run('dense_version', version + 1);
  })();
  return stored;
}

/**
 * Forgets the sets (until the next `optimize()`): for a change that makes every one of them
 * wrong, such as text normalised by other rules.
 *
 * @example
 * dropDenseSets(db);
 */
export function dropDenseSets(db: Database): void {
  db.exec(`DELETE FROM dense_blocks; DELETE FROM dense_terms; DELETE FROM dense_stale;
    DELETE FROM meta WHERE key = 'dense_through'`);
}

/**
 * Marks entries whose bits may be wrong from now on, for a write the triggers of schema 9 do
 * not see: speakers found by annotation, filed without rewriting the entry.
 *
 * @example
 * const stale = staleMarker(db);
 * stale(812); // entry 812's speakers changed
 */
export function staleMarker(db: Database): (rowid: number) => void {
  const mark = db.prepare(
    `INSERT OR IGNORE INTO dense_stale (rowid) SELECT ?
     WHERE ? <= coalesce((SELECT value FROM meta WHERE key = 'dense_through'), 0)`,
  );
  return (rowid) => {
    mark.run(rowid, rowid);
  };
}

/**
 * Reads the stored sets.
 *
 * @example
 * new DenseTermSets(db).snapshot()?.idOf('ウクライナ'); // 3
 */
export class DenseTermSets {
  private readonly meta: Statement;
  private readonly staleCount: Statement;
  private readonly staleRows: Statement;
  private readonly terms: Statement;
  private readonly blocks: Statement;
  private readonly byAuthors: Statement;
  private readonly bySpeakers: Statement;
  private vocabulary: { version: number; ids: Map<string, number> } | null = null;

  constructor(db: Database) {
    this.meta = db.prepare(
      "SELECT key, value FROM meta WHERE key IN ('dense_through', 'dense_version')",
    );
    this.staleCount = db.prepare('SELECT count(*) FROM dense_stale').pluck();
    this.staleRows = db.prepare('SELECT rowid FROM dense_stale').pluck();
    // A term stored once with another's set reads that term's blocks.
    this.terms = db.prepare('SELECT coalesce(same_as, id), term FROM dense_terms');
    this.blocks = db.prepare('SELECT key, bits FROM dense_blocks WHERE key >= ? AND key < ?');
    this.byAuthors = db
      .prepare(
        `SELECT rowid FROM entries WHERE handle_id IN
           (SELECT id FROM handles WHERE norm IN (SELECT value FROM json_each(?))) LIMIT ?`,
      )
      .pluck();
    this.bySpeakers = db
      .prepare(
        `SELECT DISTINCT entry FROM entry_persons
         WHERE role = 'speaker' AND person IN (SELECT value FROM json_each(?)) LIMIT ?`,
      )
      .pluck();
  }

  /** The sets as they stand, or `null` when there are none or too many entries changed. */
  snapshot(): DenseSnapshot | null {
    const meta = new Map(
      (this.meta.raw().all() as [string, number][]).map(([k, v]) => [k, Number(v)]),
    );
    const through = meta.get('dense_through') ?? 0;
    if (through === 0) return null;
    const stale = this.staleCount.get() as number;
    if (stale > STALE_AT_MOST) return null;
    const version = meta.get('dense_version') ?? 0;
    if (this.vocabulary?.version !== version) {
      const rows = this.terms.raw().all() as [number, string][];
      this.vocabulary = { version, ids: new Map(rows.map(([id, term]) => [term, id])) };
    }
    const ids = this.vocabulary.ids;
    return {
      through,
      stale: new Set(stale === 0 ? [] : (this.staleRows.all() as number[])),
      idOf: (term) => ids.get(term),
      bits: (id) => {
        const out: RowBits = new Map();
        const rows = this.blocks.raw().all(id * KEY_SPAN, (id + 1) * KEY_SPAN) as [
          number,
          Buffer,
        ][];
        for (const [key, bits] of rows) {
          out.set(key - id * KEY_SPAN, blockFromBytes(bits));
        }
        return out;
      },
      entriesOf: (kind, values, limit) => {
        const list = kind === 'from' ? this.byAuthors : this.bySpeakers;
        const rows = list.all(JSON.stringify(values), limit + 1) as number[];
        return rows.length > limit ? null : rows;
      },
    };
  }
}
