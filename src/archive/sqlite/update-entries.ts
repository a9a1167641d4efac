import type { Database, Statement } from 'better-sqlite3';
import { KirinukiError, type Entry } from '../../model/index.js';
import { normaliseForMatch } from '../../text/index.js';
import { summarySpeakers } from '../batch-fields.js';
import { entryIndexText } from './import-batch.js';
import { importStatements, type ImportStatements } from './import-statements.js';
import { decodeEntryDoc, encodeEntryDoc } from './entry-docs.js';

interface Stored {
  rowid: number;
  day: string;
  doc: unknown;
}

/**
 * Rewrites stored entries in place (a tag renamed or merged): the JSON, the tags and their
 * counts, the summary-line speakers, and the full-text row when the indexed text changed. The
 * filing (day, position, source, post date, account) stays as imported.
 */
export class Updater {
  private readonly s: ImportStatements;
  private readonly stored: Statement;
  private readonly setDoc: Statement;
  private readonly untag: Statement;
  private readonly unspeak: Statement;
  private readonly lines: Statement;
  private readonly run: (entries: readonly Entry[]) => number;

  constructor(db: Database) {
    this.s = importStatements(db);
    this.stored = db.prepare(
      'SELECT e.rowid AS rowid, e.day AS day, d.doc AS doc FROM entries e JOIN entry_docs d ON d.entry = e.rowid WHERE e.id = ?',
    );
    this.setDoc = db.prepare('UPDATE entry_docs SET doc = ? WHERE entry = ?');
    this.untag = db.prepare('DELETE FROM entry_tags WHERE entry = ?');
    this.unspeak = db.prepare("DELETE FROM entry_persons WHERE entry = ? AND source = 'summary'");
    this.lines = db.prepare(
      'UPDATE days SET summary_line_count = summary_line_count + ? WHERE day = ?',
    );
    this.run = db.transaction((entries: readonly Entry[]) => this.store(entries));
  }

  /** Rewrites the entries that are in the archive, in one transaction; returns how many. */
  updateEntries(entries: readonly Entry[]): number {
    try {
      return this.run(entries);
    } catch (e) {
      for (const lookup of [this.s.tags, this.s.persons]) lookup.reset();
      const why = e instanceof Error ? e.message : String(e);
      throw new KirinukiError('archive', `update of ${entries.length} entries failed: ${why}`, {
        cause: e,
      });
    }
  }

  /** Relational writes first, then the full-text rows (see `Importer.store` for why). */
  private store(entries: readonly Entry[]): number {
    let updated = 0;
    const dropped = new Set<number>();
    const reindex: [rowid: number, entry: Entry, old: Entry][] = [];
    for (const entry of entries) {
      const row = this.stored.get(entry.id) as Stored | undefined;
      if (!row) continue;
      const old = decodeEntryDoc(row.doc);
      this.setDoc.run(encodeEntryDoc(entry), row.rowid);
      for (const id of this.s.uncountTags.all(row.rowid) as number[]) dropped.add(id);
      this.untag.run(row.rowid);
      for (const tag of new Set(entry.summaries.map((l) => l.tag)))
        this.s.entryTag.run(
          row.rowid,
          this.s.tags.id(tag, () => normaliseForMatch(tag)),
        );
      this.unspeak.run(row.rowid);
      for (const name of summarySpeakers(entry))
        this.s.entryPerson.run(
          row.rowid,
          this.s.persons.id(name, () => normaliseForMatch(name)),
        );
      this.lines.run(entry.summaries.length - old.summaries.length, row.day);
      reindex.push([row.rowid, entry, old]);
      updated += 1;
    }
    for (const lookup of [this.s.tags, this.s.persons]) lookup.flush();
    for (const id of dropped) this.s.dropUnusedTag.run({ tag: id });
    for (const [rowid, entry, old] of reindex) this.reindex(rowid, entry, old);
    return updated;
  }

  /** The full-text tables are contentless: a changed row is deleted and inserted again. */
  private reindex(rowid: number, entry: Entry, old: Entry): void {
    const was = entryIndexText(old);
    const now = entryIndexText(entry);
    if (this.s.fulltext.reindex(rowid, was, now)) this.s.length.run(now.length - was.length);
  }
}
