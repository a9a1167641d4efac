import type { Database, Statement } from 'better-sqlite3';
import type { DayRecord, EntryRecord } from '../archive.js';
import { ENTRY_COLUMNS, ENTRY_TABLES, storedEntry, type EntryRow } from './rows.js';

/** Entries read per query: a page costs a few hundred kilobytes, never the archive. */
const PAGE = 500;

/**
 * What an archive dump reads (`Archive.allEntryRecords`, `Archive.allDays`): every entry with
 * its identity keys and the people filed from its text, a page at a time by (day, seq) —
 * better-sqlite3 cannot run a statement while another iterates, so each page is read whole
 * and its keys and people looked up after.
 */
export class EntryRecords {
  private readonly after: Statement;
  private readonly keys: Statement;
  private readonly people: Statement;
  private readonly days: Statement;
  private readonly tagLines: Statement;

  constructor(db: Database) {
    this.after = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_TABLES} WHERE (e.day, e.seq) > (?, ?)
       ORDER BY e.day, e.seq LIMIT ?`,
    );
    this.keys = db.prepare('SELECT key FROM entry_keys WHERE entry = ? ORDER BY key').pluck();
    this.people = db.prepare(
      `SELECT p.name AS name, ep.role AS role FROM entry_persons ep
       JOIN persons p ON p.id = ep.person
       WHERE ep.entry = ? AND ep.source = 'text' ORDER BY p.name`,
    );
    // Days with entries, and emptied days that still hold document tag lines.
    this.days = db
      .prepare(
        `SELECT day FROM days WHERE entry_count > 0
           OR EXISTS (SELECT 1 FROM day_tag_lines t WHERE t.day = days.day)
         ORDER BY day`,
      )
      .pluck();
    this.tagLines = db
      .prepare('SELECT line FROM day_tag_lines WHERE day = ? ORDER BY position')
      .pluck();
  }

  *all(): IterableIterator<EntryRecord> {
    let day = '';
    let seq = -1;
    for (;;) {
      const rows = this.after.all(day, seq, PAGE) as EntryRow[];
      const records = rows.map((row) => this.record(row));
      yield* records;
      const last = rows[rows.length - 1];
      if (!last || rows.length < PAGE) return;
      day = last.day;
      seq = last.seq;
    }
  }

  allDays(): DayRecord[] {
    return (this.days.all() as string[]).map((day) => ({
      day,
      documentTagLines: this.tagLines.all(day) as string[],
    }));
  }

  private record(row: EntryRow): EntryRecord {
    const speakers: string[] = [];
    const mentions: string[] = [];
    for (const p of this.people.all(row.rowid) as { name: string; role: string }[])
      (p.role === 'speaker' ? speakers : mentions).push(p.name);
    return {
      stored: storedEntry(row),
      keys: this.keys.all(row.rowid) as string[],
      people: { speakers, mentions },
    };
  }
}
