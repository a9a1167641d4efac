import type { Database, Statement } from 'better-sqlite3';
import { normaliseForMatch } from '../../text/index.js';
import type { EntryPeople } from '../archive.js';
import { FulltextRows } from './fulltext-rows.js';

export interface ImportStatements {
  exists: Statement;
  ensureDay: Statement;
  countDay: Statement;
  nextSeq: Statement;
  /** 1 when an entry of day `?` holds seq `?`. */
  seqTaken: Statement;
  entry: Statement;
  doc: Statement;
  entryTag: Statement;
  entryPerson: Statement;
  /** A person found in the text: role `speaker` or `mention`, source `text`. */
  textPerson: Statement;
  /** The entries' rows in both full-text tables. */
  fulltext: FulltextRows;
  /** Takes one from the counts of an entry's tags; returns their ids. */
  uncountTags: Statement;
  /** Deletes tag `@tag` if no entry carries it any more (it leaves the stats and `tag:` counts). */
  dropUnusedTag: Statement;
  /** An identity key of an entry. */
  key: Statement;
  /** Moves every entry of story `@from` (the entry `@from` itself included) to story `@to`. */
  mergeStory: Statement;
  date: Statement;
  length: Statement;
  tagLine: Statement;
  handles: Lookup;
  tags: Lookup;
  persons: Lookup;
}

/** The prepared statements of an import, made once per archive. */
export function importStatements(db: Database): ImportStatements {
  return {
    exists: db.prepare('SELECT 1 FROM entries WHERE id = ?').pluck(),
    ensureDay: db.prepare('INSERT INTO days (day) VALUES (?) ON CONFLICT DO NOTHING'),
    countDay: db.prepare(
      `UPDATE days SET entry_count = entry_count + ?, summary_line_count = summary_line_count + ?
       WHERE day = ?`,
    ),
    nextSeq: db.prepare('SELECT coalesce(max(seq) + 1, 0) FROM entries WHERE day = ?').pluck(),
    seqTaken: db.prepare('SELECT 1 FROM entries WHERE day = ? AND seq = ?').pluck(),
    entry: db.prepare(
      `INSERT INTO entries (id, day, seq, source, date, handle_id, story)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    doc: db.prepare('INSERT INTO entry_docs (entry, doc) VALUES (?, ?)'),
    entryTag: db.prepare('INSERT OR IGNORE INTO entry_tags (entry, tag) VALUES (?, ?)'),
    entryPerson: db.prepare(
      `INSERT OR IGNORE INTO entry_persons (entry, person, role, source)
       VALUES (?, ?, 'speaker', 'summary')`,
    ),
    textPerson: db.prepare(
      `INSERT OR IGNORE INTO entry_persons (entry, person, role, source) VALUES (?, ?, ?, 'text')`,
    ),
    fulltext: new FulltextRows(db),
    uncountTags: db
      .prepare(
        `UPDATE tags SET entry_count = entry_count - 1
         WHERE id IN (SELECT tag FROM entry_tags WHERE entry = ?) RETURNING id`,
      )
      .pluck(),
    dropUnusedTag: db.prepare(
      `DELETE FROM tags WHERE id = @tag AND entry_count <= 0
       AND NOT EXISTS (SELECT 1 FROM entry_tags WHERE tag = @tag)`,
    ),
    key: db.prepare('INSERT OR IGNORE INTO entry_keys (key, entry) VALUES (?, ?)'),
    mergeStory: db.prepare(
      `UPDATE entries SET story = nullif(@to, id)
       WHERE rowid IN (SELECT rowid FROM entries WHERE story = @from
                       UNION SELECT rowid FROM entries WHERE id = @from AND story IS NULL)`,
    ),
    date: db.prepare(
      `INSERT INTO dates (date, entry_count, min_rowid, max_rowid) VALUES (?, ?, ?, ?)
       ON CONFLICT (date) DO UPDATE SET entry_count = entry_count + excluded.entry_count,
         min_rowid = min(min_rowid, excluded.min_rowid),
         max_rowid = max(max_rowid, excluded.max_rowid)`,
    ),
    length: db.prepare("UPDATE meta SET value = value + ? WHERE key = 'fulltext_length'"),
    tagLine: db.prepare(
      `INSERT INTO day_tag_lines (day, position, line)
       SELECT @day, coalesce(max(position) + 1, 0), @line FROM day_tag_lines WHERE day = @day
       ON CONFLICT DO NOTHING`,
    ),
    handles: new Lookup(db, 'handles', 'handle'),
    tags: new Lookup(db, 'tags', 'tag'),
    persons: new Lookup(db, 'persons', 'name'),
  };
}

/**
 * Ids of the small lookup tables (handles, tags, persons) by exact name, created on first use,
 * remembered for the length of one batch, with the batch's entry counts added once at its end.
 * The memory is per batch because a failed batch rolls its new rows back.
 */
export class Lookup {
  private readonly find: Statement;
  private readonly insert: Statement;
  private readonly addCount: Statement | null;
  private readonly ids = new Map<string, number>();
  private readonly counts = new Map<number, number>();

  constructor(db: Database, table: 'handles' | 'tags' | 'persons', column: string) {
    this.find = db.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`).pluck();
    this.insert = db.prepare(`INSERT INTO ${table} (${column}, norm) VALUES (?, ?)`);
    this.addCount =
      table === 'persons'
        ? null
        : db.prepare(`UPDATE ${table} SET entry_count = entry_count + ? WHERE id = ?`);
  }

  /** The id of `name` (inserted with `norm` if new), counting one more entry for it. */
  id(name: string, norm: () => string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id =
        (this.find.get(name) as number | undefined) ??
        Number(this.insert.run(name, norm()).lastInsertRowid);
      this.ids.set(name, id);
    }
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    return id;
  }

  /** Writes the batch's counts; call once at the end of the batch, inside its transaction. */
  flush(): void {
    if (this.addCount) for (const [id, n] of this.counts) this.addCount.run(n, id);
    this.reset();
  }

  /** Forgets the batch (after a rollback, its ids may not exist). */
  reset(): void {
    this.ids.clear();
    this.counts.clear();
  }
}

/**
 * Files the people found in an entry's text (role `speaker` or `mention`, source `text`), each
 * name once, trimmed, blanks skipped. Shared by the importer and `updateDerived`.
 */
export function fileTextPeople(s: ImportStatements, rowid: number, people: EntryPeople): void {
  for (const [role, names] of [
    ['speaker', people.speakers],
    ['mention', people.mentions],
  ] as const)
    for (const name of new Set(names.map((n) => n.trim())))
      if (name !== '')
        s.textPerson.run(
          rowid,
          s.persons.id(name, () => normaliseForMatch(name)),
          role,
        );
}
