import { markPgDenseStale } from './dense-terms.js';
import { KirinukiError, type Entry } from '../../model/index.js';
import { describeBatches, ownField, summarySpeakers } from '../batch-fields.js';
import { normaliseForMatch } from '../../text/index.js';
import type { DerivedData, EntryPeople, ImportBatch, ImportReport } from '../archive.js';
import { pgText, pgTextArray, type PgConnection } from './connection.js';
import { PgLookup } from './lookups.js';
import { searchRow, type SearchRow } from './search-index.js';

/** A search row waiting to be written with the rest of its batch's. */
interface SearchInsert extends SearchRow {
  rid: number;
}

/** Search rows written by one statement: about a megabyte of parameters. */
const SEARCH_ROWS_PER_STATEMENT = 200;

/** What is left of a removed entry: what its successor inherits. */
interface RemovedEntry {
  rid: number;
  story: string;
  keys: string[];
  handleId: number | null;
}

const SQL = {
  existing: 'SELECT id FROM entries WHERE id = ANY($1::text[])',
  ensureDay: 'INSERT INTO days (day) VALUES ($1) ON CONFLICT DO NOTHING',
  countDay: `UPDATE days SET entry_count = entry_count + $1,
    summary_line_count = summary_line_count + $2 WHERE day = $3`,
  nextSeq: 'SELECT coalesce(max(seq) + 1, 0) AS n FROM entries WHERE day = $1',
  seqTaken: 'SELECT 1 AS x FROM entries WHERE day = $1 AND seq = $2',
  entry: `INSERT INTO entries (id, day, seq, source, date, handle_id, story, json)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING rid`,
  // An entry's tokens (entry_tokens) and text (entry_search) are written and removed together.
  search: `WITH s AS (INSERT INTO entry_search (entry, norm, length) VALUES ($1, $3, $4))
    INSERT INTO entry_tokens (entry, tokens) VALUES ($1, $2::text[])`,
  searchMany: `WITH u AS MATERIALIZED (
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[]) AS u (r, t, n, l)),
    s AS (INSERT INTO entry_search (entry, norm, length) SELECT r, n, l FROM u)
    INSERT INTO entry_tokens (entry, tokens) SELECT r, t::text[] FROM u`,
  unsearch: `WITH t AS (DELETE FROM entry_tokens WHERE entry = $1)
    DELETE FROM entry_search WHERE entry = $1 RETURNING length`,
  length: `UPDATE meta SET value = (value::bigint + $1)::text WHERE key = 'fulltext_length'`,
  key: 'INSERT INTO entry_keys (key, entry) VALUES ($1, $2) ON CONFLICT DO NOTHING',
  entryTag: 'INSERT INTO entry_tags (entry, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING',
  entryPerson: `INSERT INTO entry_persons (entry, person, role, source) VALUES ($1, $2, $3, $4)
    ON CONFLICT DO NOTHING`,
  tagLine: `INSERT INTO day_tag_lines (day, position, line)
    SELECT $1, coalesce(max(position) + 1, 0), $2 FROM day_tag_lines WHERE day = $1
    ON CONFLICT DO NOTHING`,
  mergeStory: `UPDATE entries SET story = nullif($2, id)
    WHERE story = $1 OR (id = $1 AND story IS NULL)`,
  filed: `SELECT rid, day, handle_id, story, json FROM entries WHERE id = $1`,
  keysOf: 'SELECT key FROM entry_keys WHERE entry = $1',
  uncountDay: `UPDATE days SET entry_count = entry_count - 1,
    summary_line_count = summary_line_count - $1 WHERE day = $2`,
  tagsOf: 'SELECT tag FROM entry_tags WHERE entry = $1',
  daysOf: 'SELECT DISTINCT day FROM entries WHERE id = ANY($1::text[])',
  dropUnusedTag: `DELETE FROM tags WHERE id = $1 AND entry_count <= 0
    AND NOT EXISTS (SELECT 1 FROM entry_tags WHERE tag = $1)`,
  dropUnusedHandle: `DELETE FROM handles WHERE id = $1 AND entry_count <= 0
    AND NOT EXISTS (SELECT 1 FROM entries WHERE handle_id = $1)`,
  remove: 'DELETE FROM entries WHERE rid = $1',
} as const;

/**
 * Every write to entries (import, removal, rewrite, derived data, a day's order), each in one
 * transaction, with the same rules and counters as the SQLite backend
 * (`sqlite/import-batch.ts`, `remove-entry.ts`, `update-entries.ts`, `update-derived.ts`).
 */
export class EntryWriter {
  private readonly handles: PgLookup;
  private readonly tags: PgLookup;
  private readonly persons: PgLookup;
  /** The change to the index's total length, written at the end of the transaction. */
  private length = 0;
  /** Tags whose count fell in this transaction: dropped at its end if no entry has them. */
  private readonly fallen = new Set<number>();

  constructor(private readonly c: PgConnection) {
    this.handles = new PgLookup(c, 'handles', 'handle');
    this.tags = new PgLookup(c, 'tags', 'tag');
    this.persons = new PgLookup(c, 'persons', 'name');
  }

  importBatches(batches: readonly ImportBatch[]): ImportReport {
    try {
      return this.c.transaction(() => {
        this.lockDays([...batches.map((b) => b.day), ...this.daysOfReplaced(batches)]);
        this.registerNames(batches);
        const total: ImportReport = { inserted: 0, unchanged: 0, replaced: 0 };
        for (const batch of batches) {
          const r = this.store(batch);
          total.inserted += r.inserted;
          total.unchanged += r.unchanged;
          total.replaced += r.replaced;
        }
        this.writeCounts();
        return total;
      });
    } catch (e) {
      this.forget();
      const why = e instanceof Error ? e.message : String(e);
      const what = `import of ${describeBatches(batches)} failed, nothing was stored: ${why}`;
      throw new KirinukiError('archive', what, { cause: e });
    }
  }

  /** Removes one entry by its exact id; false when there is none. */
  removeEntry(id: string): boolean {
    return this.guard(`removing entry ${id}`, () =>
      this.c.transaction(() => {
        const removed = this.remove(id);
        if (!removed) return false;
        this.writeCounts();
        if (removed.handleId !== null) this.c.run(SQL.dropUnusedHandle, [removed.handleId]);
        return true;
      }),
    );
  }

  /**
   * Rewrites stored entries in place; returns how many were in the archive. With `versions`,
   * an entry is rewritten only if its stored version is still the one given: a stale version
   * (someone else saved the entry since it was read) fails the whole call, changing nothing.
   */
  updateEntries(entries: readonly Entry[], versions?: ReadonlyMap<string, number>): number {
    return this.guard(`update of ${entries.length} entries`, () =>
      this.c.transaction(() => {
        let updated = 0;
        // The rows in one order for every writer: two edits of the same entries never each
        // hold one the other waits for.
        const ids = [...new Set(entries.map((e) => e.id))].sort();
        this.c.run('SELECT id FROM entries WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [
          pgTextArray(ids),
        ]);
        // The days' summary line counts, written in day order at the end.
        const lines = new Map<string, number>();
        for (const entry of entries) {
          const row = this.c.run(
            'SELECT rid, day, json, version FROM entries WHERE id = $1 FOR UPDATE',
            [entry.id],
          )[0];
          if (!row) continue;
          const expected = versions?.get(entry.id);
          if (expected !== undefined && Number(row.version) !== expected)
            throw new EntryVersionConflict(entry.id, expected, Number(row.version));
          const rid = Number(row.rid);
          const old = JSON.parse(String(row.json)) as Entry;
          this.c.run('UPDATE entries SET json = $1, version = version + 1 WHERE rid = $2', [
            JSON.stringify(entry),
            rid,
          ]);
          this.uncountTags(rid);
          this.c.run('DELETE FROM entry_tags WHERE entry = $1', [rid]);
          this.fileTags(rid, entry);
          this.c.run(`DELETE FROM entry_persons WHERE entry = $1 AND source = 'summary'`, [rid]);
          this.fileSpeakers(rid, entry);
          const day = String(row.day);
          lines.set(day, (lines.get(day) ?? 0) + entry.summaries.length - old.summaries.length);
          const was = Number(this.c.run(SQL.unsearch, [rid])[0]?.length ?? 0);
          const length = this.index(rid, entry);
          this.length += length - was;
          updated += 1;
        }
        for (const [day, n] of [...lines].sort(([a], [b]) => (a < b ? -1 : 1)))
          if (n !== 0)
            this.c.run(
              'UPDATE days SET summary_line_count = summary_line_count + $1 WHERE day = $2',
              [n, day],
            );
        this.writeCounts();
        return updated;
      }),
    );
  }

  updateDerived(rows: readonly DerivedData[]): number {
    return this.guard(`update of ${rows.length} entries`, () =>
      this.c.transaction(() => {
        let updated = 0;
        for (const row of rows) {
          const rid = this.c.value('SELECT rid FROM entries WHERE id = $1', [row.id]);
          if (rid === undefined) continue;
          if (row.keys) {
            // The `id:` keys record superseded entries: history, not derived; they stay.
            this.c.run(`DELETE FROM entry_keys WHERE entry = $1 AND key NOT LIKE 'id:%'`, [
              String(rid),
            ]);
            for (const key of new Set(row.keys)) this.c.run(SQL.key, [pgText(key), String(rid)]);
          }
          if (row.people) {
            this.c.run(`DELETE FROM entry_persons WHERE entry = $1 AND source = 'text'`, [
              String(rid),
            ]);
            this.fileTextPeople(Number(rid), row.people);
            // Its speakers changed without a rewrite the triggers would see.
            markPgDenseStale(this.c, Number(rid));
          }
          if (row.story !== undefined)
            this.c.run('UPDATE entries SET story = nullif($1, id) WHERE rid = $2', [
              row.story,
              String(rid),
            ]);
          updated += 1;
        }
        this.persons.flush();
        return updated;
      }),
    );
  }

  /** Orders the day as `ids`; false, changing nothing, unless they are the day's ids, each once. */
  reorderDay(day: string, ids: readonly string[]): boolean {
    return this.guard(`reordering ${day}`, () =>
      this.c.transaction(() => {
        const filed = new Set(
          this.c
            .run('SELECT id FROM entries WHERE day = $1 FOR UPDATE', [day])
            .map((r) => String(r.id)),
        );
        const given = new Set(ids);
        if (given.size !== ids.length || given.size !== filed.size) return false;
        for (const id of given) if (!filed.has(id)) return false;
        // UNIQUE (day, seq) holds row by row: park the day's positions out of the way first.
        this.c.run('UPDATE entries SET seq = -1 - seq WHERE day = $1', [day]);
        ids.forEach((id, seq) =>
          this.c.run('UPDATE entries SET seq = $1 WHERE day = $2 AND id = $3', [seq, day, id]),
        );
        return true;
      }),
    );
  }

  /**
   * Files the days and locks their rows until the transaction ends, in one order: another
   * process importing into the same day waits here, so the two never take the same `seq`
   * (each reads the day's last after the other committed), and two imports of several days
   * cannot deadlock.
   */
  private lockDays(days: readonly string[]): void {
    const sorted = [...new Set(days)].sort();
    for (const day of sorted) this.c.run(SQL.ensureDay, [day]);
    if (sorted.length > 0)
      this.c.run('SELECT day FROM days WHERE day = ANY($1::text[]) ORDER BY day FOR UPDATE', [
        pgTextArray(sorted),
      ]);
  }

  /**
   * Files every handle, tag and person name the batches use, each table's in one sorted
   * statement, right after the days are locked: so concurrent imports take their locks in one
   * order (days, then names) and never deadlock over new names.
   */
  private registerNames(batches: readonly ImportBatch[]): void {
    const handles = new Map<string, string>();
    const tags = new Map<string, string>();
    const persons = new Map<string, string>();
    const person = (name: string): void => {
      const written = pgText(name.trim());
      if (written !== '') persons.set(written, pgText(normaliseForMatch(written)));
    };
    for (const batch of batches)
      for (const entry of batch.entries) {
        if (entry.post) handles.set(entry.post.handle, entry.post.handle.toLowerCase());
        for (const { tag } of entry.summaries)
          tags.set(pgText(tag), pgText(normaliseForMatch(tag)));
        for (const name of summarySpeakers(entry)) person(name);
        const people = ownField(batch.people, entry.id);
        for (const n of [...(people?.speakers ?? []), ...(people?.mentions ?? [])]) person(n);
      }
    this.handles.register(handles);
    this.tags.register(tags);
    this.persons.register(persons);
  }

  private store(batch: ImportBatch): ImportReport {
    const report: ImportReport = { inserted: 0, unchanged: 0, replaced: 0 };
    const removed = this.removeSuperseded(batch);
    let seq = Number(this.c.value(SQL.nextSeq, [batch.day]));
    let summaryLines = 0;
    let length = 0;
    const heirs = new Map(removed.map((r) => [r.heir, r]));
    // Which of the batch's ids are filed already: one look-up for the batch.
    const filed = new Set(
      this.c
        .run(SQL.existing, [pgTextArray(batch.entries.map((e) => e.id))])
        .map((r) => String(r.id)),
    );
    const search: SearchInsert[] = [];
    for (const entry of batch.entries) {
      if (filed.has(entry.id)) {
        report.unchanged += 1;
        continue;
      }
      filed.add(entry.id);
      // A restore names each entry's place; one already taken files it after the day's last.
      const given = ownField(batch.seqs, entry.id);
      const at =
        given !== undefined && this.c.run(SQL.seqTaken, [batch.day, given]).length === 0
          ? given
          : seq;
      const rid = this.insertEntry(entry, batch, at, heirs);
      const row = searchRow(entry);
      search.push({ rid, ...row });
      length += row.length;
      seq = Math.max(seq, at + 1);
      report.inserted += 1;
      summaryLines += entry.summaries.length;
    }
    this.insertSearchRows(search);
    this.c.run(SQL.countDay, [report.inserted, summaryLines, batch.day]);
    this.length += length;
    for (const line of batch.documentTagLines) this.c.run(SQL.tagLine, [batch.day, pgText(line)]);
    for (const { from, to } of batch.storyMerges ?? []) this.c.run(SQL.mergeStory, [from, to]);
    report.replaced = removed.length;
    return report;
  }

  private removeSuperseded(batch: ImportBatch): (RemovedEntry & { heir: string })[] {
    const removed: (RemovedEntry & { heir: string })[] = [];
    for (const [heir, olds] of Object.entries(batch.replaces ?? {}))
      for (const old of olds) {
        const r = this.remove(old);
        if (r) removed.push({ ...r, heir });
      }
    return removed;
  }

  /** The search rows of a batch, a few hundred a statement rather than one each. */
  private insertSearchRows(rows: readonly SearchInsert[]): void {
    for (let i = 0; i < rows.length; i += SEARCH_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + SEARCH_ROWS_PER_STATEMENT);
      this.c.run(SQL.searchMany, [
        `{${chunk.map((r) => r.rid).join(',')}}`,
        pgTextArray(chunk.map((r) => r.tokens)),
        pgTextArray(chunk.map((r) => r.norm)),
        `{${chunk.map((r) => r.length).join(',')}}`,
      ]);
    }
  }

  /** Files one entry with its keys, tags and people; returns its rid. */
  private insertEntry(
    entry: Entry,
    batch: ImportBatch,
    seq: number,
    heirs: ReadonlyMap<string, RemovedEntry>,
  ): number {
    const post = entry.post;
    const handleId = post ? this.handles.id(post.handle, () => post.handle.toLowerCase()) : null;
    const inherited = heirs.get(entry.id);
    const story = ownField(batch.stories, entry.id) ?? inherited?.story ?? entry.id;
    const rid = Number(
      this.c.value(SQL.entry, [
        entry.id,
        batch.day,
        seq,
        batch.source,
        post?.date ?? batch.day,
        handleId,
        story === entry.id ? null : story,
        JSON.stringify(entry),
      ]),
    );
    for (const key of new Set([
      ...(ownField(batch.keys, entry.id) ?? []),
      ...(inherited?.keys ?? []),
    ]))
      this.c.run(SQL.key, [pgText(key), rid]);
    this.fileTags(rid, entry);
    this.fileSpeakers(rid, entry);
    const people = ownField(batch.people, entry.id);
    if (people) this.fileTextPeople(rid, people);
    return rid;
  }

  /** Writes the entry's search row; returns its BM25 length. */
  private index(rid: number, entry: Entry): number {
    const row = searchRow(entry);
    this.c.run(SQL.search, [rid, row.tokens, row.norm, row.length]);
    return row.length;
  }

  private fileTags(rid: number, entry: Entry): void {
    for (const tag of new Set(entry.summaries.map((s) => s.tag)))
      this.c.run(SQL.entryTag, [
        rid,
        this.tags.id(pgText(tag), () => pgText(normaliseForMatch(tag))),
      ]);
  }

  private fileSpeakers(rid: number, entry: Entry): void {
    for (const name of summarySpeakers(entry))
      this.c.run(SQL.entryPerson, [
        rid,
        this.persons.id(pgText(name), () => pgText(normaliseForMatch(name))),
        'speaker',
        'summary',
      ]);
  }

  private fileTextPeople(rid: number, people: EntryPeople): void {
    for (const [role, names] of [
      ['speaker', people.speakers],
      ['mention', people.mentions],
    ] as const)
      for (const name of new Set(names.map((n) => n.trim())))
        if (name !== '')
          this.c.run(SQL.entryPerson, [
            rid,
            this.persons.id(pgText(name), () => pgText(normaliseForMatch(name))),
            role,
            'text',
          ]);
  }

  /** Takes an entry out with the counts it added; its search row goes by cascade. */
  private remove(id: string): RemovedEntry | null {
    const row = this.c.run(SQL.filed, [id])[0];
    if (!row) return null;
    const rid = Number(row.rid);
    const entry = JSON.parse(String(row.json)) as Entry;
    const keys = [
      ...new Set([`id:${id}`, ...this.c.run(SQL.keysOf, [rid]).map((k) => String(k.key))]),
    ];
    const handleId = row.handle_id === null ? null : Number(row.handle_id);
    this.c.run(SQL.uncountDay, [entry.summaries.length, String(row.day)]);
    if (handleId !== null) this.handles.uncount(handleId);
    this.uncountTags(rid);
    this.length -= Number(this.c.run(SQL.unsearch, [rid])[0]?.length ?? 0);
    this.c.run(SQL.remove, [rid]);
    return { rid, story: row.story === null ? id : String(row.story), keys, handleId };
  }

  /** Counts an entry's tags one fewer, to be written with the rest at the end. */
  private uncountTags(rid: number): void {
    for (const row of this.c.run(SQL.tagsOf, [rid])) {
      const tag = Number(row.tag);
      this.tags.uncount(tag);
      this.fallen.add(tag);
    }
  }

  /**
   * Writes the transaction's counters once, at its end: handles, tags (each in id order), then
   * the index's length, and drops the tags no entry has any more. Every writer takes these
   * rows in this order and only here, after its days: counters written as met (a day at a
   * time, or as old copies were taken out) took tag rows in orders of their own and deadlocked
   * concurrent imports (test/contract/postgres.test.ts: several days, replacing).
   */
  private writeCounts(): void {
    this.handles.flush();
    this.tags.flush();
    this.persons.flush();
    if (this.length !== 0) this.c.run(SQL.length, [this.length]);
    this.length = 0;
    for (const tag of [...this.fallen].sort((a, b) => a - b)) this.c.run(SQL.dropUnusedTag, [tag]);
    this.fallen.clear();
  }

  /** The days of the entries the batches replace, whose counters an import lowers. */
  private daysOfReplaced(batches: readonly ImportBatch[]): string[] {
    const olds = batches.flatMap((b) => Object.values(b.replaces ?? {}).flat());
    if (olds.length === 0) return [];
    return this.c.run(SQL.daysOf, [pgTextArray(olds)]).map((r) => String(r.day));
  }

  private guard<T>(what: string, work: () => T): T {
    try {
      return work();
    } catch (e) {
      this.forget();
      if (e instanceof EntryVersionConflict) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new KirinukiError('archive', `${what} failed: ${why}`, { cause: e });
    }
  }

  /** After a rollback the lookups' new ids may not exist. */
  private forget(): void {
    this.handles.reset();
    this.tags.reset();
    this.persons.reset();
    this.length = 0;
    this.fallen.clear();
  }
}

/**
 * Someone else saved the entry after it was read: the update was refused, nothing of it was
 * stored. Read the entry again, apply the edit to what is there now, and save that.
 */
export class EntryVersionConflict extends KirinukiError {
  constructor(
    readonly id: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      'archive',
      `entry ${id} was changed by someone else (version ${actual}, this edit started from ${expected}); nothing was saved: read it again and redo the edit`,
    );
  }
}
