import type { Entry } from '../../model/index.js';
import type { StoredEntry } from '../archive.js';

/** The columns of `entries e` and `entry_docs d` that make a `StoredEntry`. */
export const ENTRY_COLUMNS =
  'e.rowid AS rowid, e.day AS day, e.seq AS seq, e.source AS source, d.json AS json';

/** `entries e` with its document `d`. */
export const ENTRY_TABLES = 'entries e JOIN entry_docs d ON d.entry = e.rowid';

export interface EntryRow {
  rowid: number;
  day: string;
  seq: number;
  source: string;
  json: string;
}

/** Rebuilds the stored entry; the JSON was written by the archive from a valid `Entry`. */
export function storedEntry(row: EntryRow): StoredEntry {
  return { entry: parseEntryJson(row.json), day: row.day, seq: row.seq, source: row.source };
}

export function parseEntryJson(json: string): Entry {
  return JSON.parse(json) as Entry;
}
