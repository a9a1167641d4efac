import type { StoredEntry } from '../archive.js';
import type { EntrySections } from '../fulltext/entry-text.js';
import {
  decodeEntryDoc,
  entryOfParsed,
  parseEntryDoc,
  sectionsOfParsed,
  type ParsedEntryDoc,
} from './entry-docs.js';

/** The columns of `entries e` and `entry_docs d` that make a `StoredEntry`. */
export const ENTRY_COLUMNS =
  'e.rowid AS rowid, e.day AS day, e.seq AS seq, e.source AS source, e.story AS story, d.doc AS doc';

/** `entries e` with its document `d`. */
export const ENTRY_TABLES = 'entries e JOIN entry_docs d ON d.entry = e.rowid';

export interface EntryRow {
  rowid: number;
  day: string;
  seq: number;
  source: string;
  /** NULL when the entry is a story of its own. */
  story: string | null;
  /** The stored entry (`entry-docs.ts`). */
  doc: unknown;
}

/** Rebuilds the stored entry; the document was written by the archive from a valid `Entry`. */
export function storedEntry(row: EntryRow): StoredEntry {
  const entry = decodeEntryDoc(row.doc);
  return { entry, day: row.day, seq: row.seq, source: row.source, story: row.story ?? entry.id };
}

/**
 * An entry as ranking reads it: its text decoded when scored, the whole entry only when it is
 * shown (rebuilding posts and summary lines costs more than reading the text, and ranking
 * reads up to a few hundred entries to show twenty).
 *
 * @example
 * const c = new EntryCandidate(row); // row: EntryRow with `date`
 * c.sections().body; c.stored().entry.id;
 */
export class EntryCandidate {
  private decoded: StoredEntry | undefined;
  /** The document as parsed for its sections, kept to rebuild the entry if it is shown. */
  private parsed: ParsedEntryDoc | undefined;

  constructor(private readonly row: EntryRow & { date: string }) {}

  /** The post's date, else the digest day: what recency is measured from. */
  get date(): string {
    return this.row.date;
  }

  sections(): EntrySections {
    this.parsed ??= parseEntryDoc(this.row.doc);
    return sectionsOfParsed(this.parsed);
  }

  stored(): StoredEntry {
    if (this.decoded) return this.decoded;
    const entry = entryOfParsed(this.parsed ?? parseEntryDoc(this.row.doc));
    this.parsed = undefined;
    const { day, seq, source, story } = this.row;
    this.decoded = { entry, day, seq, source, story: story ?? entry.id };
    return this.decoded;
  }
}
