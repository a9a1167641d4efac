import type { Entry } from '../../model/index.js';
import type { StoredEntry } from '../archive.js';
import type { PgRow } from './connection.js';

/** The columns of `entries e` that make a `StoredEntry`. */
export const ENTRY_COLUMNS =
  'e.rid AS rid, e.day AS day, e.seq AS seq, e.source AS source, e.story AS story, e.json AS json';

/**
 * The stored entry of a row with `ENTRY_COLUMNS`; the JSON was written from a valid `Entry`.
 *
 * @example
 * c.run(`SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.id = $1`, [id]).map(storedEntry);
 */
export function storedEntry(row: PgRow): StoredEntry {
  const entry = JSON.parse(String(row.json)) as Entry;
  const story = row.story === null || row.story === undefined ? entry.id : String(row.story);
  return {
    entry,
    day: String(row.day),
    seq: Number(row.seq),
    source: String(row.source),
    story,
  };
}

/**
 * A row's `rid` (int8 arrives as text).
 *
 * @example
 * ridOf({ rid: '42' }); // 42
 */
export function ridOf(row: PgRow): number {
  return Number(row.rid);
}
