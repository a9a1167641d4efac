import type { Database, Statement } from 'better-sqlite3';
import type { DayTally, NameQuery, PersonName, StoredEntry } from '../archive.js';
import { ENTRY_COLUMNS, ENTRY_TABLES, storedEntry, type EntryRow } from './rows.js';

/**
 * Counts and lists by person name and by tag for the workbench's people and tag pages, from the
 * indexed `entry_persons` and `entry_tags` rows: what a page costs is the entries of that person
 * or tag, never the archive.
 */
export class NameTagCounts {
  private readonly names: Statement;
  private readonly namingDays: Statement;
  private readonly namingEntries: Statement;
  private readonly tagDayCounts: Statement;
  private readonly tagEntries: Statement;

  constructor(db: Database) {
    this.names = db.prepare(
      `SELECT p.name AS name,
         (SELECT count(*) FROM entry_persons ep
           WHERE ep.person = p.id AND ep.role = 'speaker' AND ep.source = 'summary') AS quoted
       FROM persons p
       WHERE EXISTS (SELECT 1 FROM entry_persons ep WHERE ep.person = p.id)
       ORDER BY quoted DESC, p.name`,
    );
    // The entries filing any of the names: quoted in a summary line (@quoted = 1), or at all.
    const naming = `SELECT DISTINCT ep.entry FROM persons p
       JOIN entry_persons ep ON ep.person = p.id
       WHERE p.name IN (SELECT value FROM json_each(@names))
         AND (@quoted = 0 OR (ep.role = 'speaker' AND ep.source = 'summary'))`;
    this.namingDays = db.prepare(
      `SELECT e.day AS day, count(*) AS count FROM entries e
       WHERE e.rowid IN (${naming}) GROUP BY e.day ORDER BY e.day`,
    );
    this.namingEntries = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_TABLES}
       WHERE e.rowid IN (${naming}) ORDER BY e.day DESC, e.seq DESC LIMIT @limit`,
    );
    const tagged = `SELECT et.entry FROM tags t JOIN entry_tags et ON et.tag = t.id WHERE t.tag = ?`;
    this.tagDayCounts = db.prepare(
      `SELECT e.day AS day, count(*) AS count FROM entries e
       WHERE e.rowid IN (${tagged}) GROUP BY e.day ORDER BY e.day`,
    );
    this.tagEntries = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_TABLES}
       WHERE e.rowid IN (${tagged}) ORDER BY e.day DESC, e.seq DESC LIMIT ?`,
    );
  }

  personNames(): PersonName[] {
    return this.names.all() as PersonName[];
  }

  daysNaming(query: NameQuery): DayTally[] {
    return this.namingDays.all(params(query)) as DayTally[];
  }

  entriesNaming(query: NameQuery, limit: number): StoredEntry[] {
    return (this.namingEntries.all({ ...params(query), limit }) as EntryRow[]).map(storedEntry);
  }

  tagDays(tag: string): DayTally[] {
    return this.tagDayCounts.all(tag) as DayTally[];
  }

  entriesOfTag(tag: string, limit: number): StoredEntry[] {
    return (this.tagEntries.all(tag, limit) as EntryRow[]).map(storedEntry);
  }
}

function params(query: NameQuery): { names: string; quoted: number } {
  return { names: JSON.stringify(query.names), quoted: query.quotedOnly ? 1 : 0 };
}
