import type { Entry } from '../../model/index.js';
import type { StoredEntry } from '../archive.js';

/** The columns of `entries e` and `entry_docs d` that make a `StoredEntry`. */
export const ENTRY_COLUMNS =
  'e.rowid AS rowid, e.day AS day, e.seq AS seq, e.source AS source, e.story AS story, d.json AS json';

/** `entries e` with its document `d`. */
export const ENTRY_TABLES = 'entries e JOIN entry_docs d ON d.entry = e.rowid';

export interface EntryRow {
  rowid: number;
  day: string;
  seq: number;
  source: string;
  /** NULL when the entry is a story of its own. */
  story: string | null;
  json: string;
}

/** Rebuilds the stored entry; the JSON was written by the archive from a valid `Entry`. */
export function storedEntry(row: EntryRow): StoredEntry {
  const entry = parseEntryJson(row.json);
  return { entry, day: row.day, seq: row.seq, source: row.source, story: row.story ?? entry.id };
}

export function parseEntryJson(json: string): Entry {
  return JSON.parse(json) as Entry;
}
