import type { Database } from 'better-sqlite3';
import { KirinukiError } from '../../model/index.js';
import { compactEntryDocs } from './compact-entry-docs.js';
import { splitCharsIndex } from './split-chars-index.js';
import { vacuumFile } from './vacuum-file.js';

/**
 * The schema as an append-only list: never edit a released migration, add the next one. The
 * database records how many it has applied in `PRAGMA user_version`.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Run after `sql`, in the same transaction: rows converted in code. */
  convert?: (db: Database) => void;
  /** The migration frees much of the file: `vacuumFile` after it, when nothing else has it open. */
  vacuum?: boolean;
  /** The full-text format (`meta.fulltext_format`) the migration leaves, if it sets one. */
  fulltextFormat?: string;
}

/**
 * Version of the full-text index format; a change means the index must be rebuilt. v2: the
 * distinct characters in a table of their own (`entries_chars`, schema 7).
 */
export const FULLTEXT_FORMAT = 'bigram-chars-v2';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'entries, days, handles, tags, persons, document tag lines, full-text index',
    fulltextFormat: 'bigram-chars-v1',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value ANY NOT NULL) WITHOUT ROWID;
      INSERT INTO meta (key, value) VALUES ('fulltext_format', 'bigram-chars-v1');
      -- Total length of all entries' normalised text, for BM25's average document length.
      INSERT INTO meta (key, value) VALUES ('fulltext_length', 0);

      CREATE TABLE days (
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        entry_count INTEGER NOT NULL DEFAULT 0,
        summary_line_count INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      -- Per post date: how many entries and their rowid span, so that since:/until: can
      -- narrow a full-text scan to a rowid range (entries are mostly filed in date order).
      CREATE TABLE dates (
        date TEXT PRIMARY KEY,
        entry_count INTEGER NOT NULL,
        min_rowid INTEGER NOT NULL,
        max_rowid INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE handles (
        id INTEGER PRIMARY KEY,
        handle TEXT NOT NULL UNIQUE,
        norm TEXT NOT NULL,
        entry_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX handles_norm ON handles (norm);

      -- Narrow rows, many to a page: filters and joins with the full-text index read these.
      CREATE TABLE entries (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
        day TEXT NOT NULL REFERENCES days (day),
        seq INTEGER NOT NULL,
        source TEXT NOT NULL,
        -- the post's date, else the digest day: what since:/until: filter on
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        handle_id INTEGER REFERENCES handles (id),
        UNIQUE (day, seq)
      );
      CREATE INDEX entries_date ON entries (date);
      CREATE INDEX entries_handle ON entries (handle_id, date);
      -- The entry itself, as JSON: the only copy of its text.
      CREATE TABLE entry_docs (
        entry INTEGER PRIMARY KEY REFERENCES entries (rowid) ON DELETE CASCADE,
        json TEXT NOT NULL
      );

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        tag TEXT NOT NULL UNIQUE,
        norm TEXT NOT NULL,
        entry_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX tags_norm ON tags (norm);
      CREATE TABLE entry_tags (
        entry INTEGER NOT NULL REFERENCES entries (rowid) ON DELETE CASCADE,
        tag INTEGER NOT NULL REFERENCES tags (id),
        PRIMARY KEY (entry, tag)
      ) WITHOUT ROWID;
      CREATE INDEX entry_tags_tag ON entry_tags (tag, entry);

      -- People named in entries. Summary-line speakers are filed with role 'speaker' and
      -- source 'summary'; the annotation layer adds source 'text' and role 'mention'
      -- (for person:) without a schema change.
      CREATE TABLE persons (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        norm TEXT NOT NULL
      );
      CREATE TABLE entry_persons (
        entry INTEGER NOT NULL REFERENCES entries (rowid) ON DELETE CASCADE,
        person INTEGER NOT NULL REFERENCES persons (id),
        role TEXT NOT NULL CHECK (role IN ('speaker', 'mention')),
        source TEXT NOT NULL CHECK (source IN ('summary', 'text')),
        PRIMARY KEY (entry, person, role, source)
      ) WITHOUT ROWID;
      CREATE INDEX entry_persons_person ON entry_persons (person, role, entry);

      CREATE TABLE day_tag_lines (
        day TEXT NOT NULL REFERENCES days (day),
        position INTEGER NOT NULL,
        line TEXT NOT NULL,
        PRIMARY KEY (day, position),
        UNIQUE (day, line)
      ) WITHOUT ROWID;

      -- Bigram tokens (see fulltext/bigram-tokens.ts); contentless: the text lives in entries.
      -- \`chars\` holds each entry's distinct characters, for one-character searches.
      CREATE VIRTUAL TABLE entries_fts USING fts5 (
        post, body, summary, chars,
        content = '', contentless_delete = 1, tokenize = 'ascii', detail = full
      );
      -- Merge 8 segments of a level at a time (default 4): a fifth less import work for the
      -- same query speed; a larger in-memory index before flushing (default 1 MB).
      INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 8);
      INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', 33554432);
    `,
  },
  {
    version: 2,
    description: 'stories and identity keys',
    sql: `
      -- The story an entry belongs to (the id of the story's first entry); NULL: its own.
      ALTER TABLE entries ADD COLUMN story TEXT;
      CREATE INDEX entries_story ON entries (story) WHERE story IS NOT NULL;

      -- What makes two captures the same post or article (ingest/dedupe/identity.ts): status
      -- id, canonical URL, author and text, the start of a truncated text, and the ids of
      -- entries this one superseded.
      CREATE TABLE entry_keys (
        key TEXT NOT NULL,
        entry INTEGER NOT NULL REFERENCES entries (rowid) ON DELETE CASCADE,
        PRIMARY KEY (key, entry)
      ) WITHOUT ROWID;
      CREATE INDEX entry_keys_entry ON entry_keys (entry);
    `,
  },
  {
    version: 3,
    description: 'posts of a day published to a blog',
    sql: `
      -- Where a day's digest was posted (kirinuki publish), so that publishing the day again
      -- updates that post instead of adding another. One row per day and target (hatena,
      -- wordpress); \`blog\` says which blog of that kind, \`edit_url\` is where it is updated.
      CREATE TABLE published_posts (
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        target TEXT NOT NULL CHECK (length(target) > 0),
        blog TEXT NOT NULL,
        remote_id TEXT NOT NULL CHECK (length(remote_id) > 0),
        edit_url TEXT NOT NULL,
        url TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'publish')),
        first_posted_at TEXT NOT NULL,
        last_posted_at TEXT NOT NULL,
        PRIMARY KEY (day, target)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description: 'champion lists for ranking over all matches',
    sql: `
      -- For each character and pair of characters held by many entries, the entries where it
      -- weighs most in BM25, best first (fulltext/champions.ts): ranking a common word scores
      -- these and the newest matches instead of every match. Built by optimize();
      -- meta.champions_upto is the highest rowid they cover (0: not built yet),
      -- meta.champions_newest and champions_average_length the newest date and the average
      -- entry length when they were built.
      CREATE TABLE rank_champions (
        key TEXT PRIMARY KEY,
        df INTEGER NOT NULL,
        floor REAL NOT NULL,
        blend_floor REAL NOT NULL,
        -- JSON arrays: the entries, and the key's weighted frequency in each and its length
        rowids TEXT NOT NULL,
        tfs TEXT NOT NULL,
        lengths TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO meta (key, value) VALUES ('champions_upto', 0);
      INSERT INTO meta (key, value) VALUES ('champions_newest', '1970-01-01');
      INSERT INTO meta (key, value) VALUES ('champions_average_length', 0);
    `,
  },
  {
    version: 5,
    description: "champion lists keep each entry's recency, so that new entries can join them",
    sql: `
      -- Each listed entry's recency factor against champions_newest, which merging new
      -- entries into a list needs (refreshChampions). The table is made again (lists built
      -- without it are dropped; the next optimize() builds them).
      DROP TABLE rank_champions;
      CREATE TABLE rank_champions (
        key TEXT PRIMARY KEY,
        df INTEGER NOT NULL,
        floor REAL NOT NULL,
        blend_floor REAL NOT NULL,
        -- JSON arrays: the entries, the key's weighted frequency in each, its length, and
        -- its recency factor
        rowids TEXT NOT NULL,
        tfs TEXT NOT NULL,
        lengths TEXT NOT NULL,
        recencies TEXT NOT NULL
      ) WITHOUT ROWID;
      UPDATE meta SET value = 0 WHERE key = 'champions_upto';
    `,
  },
  {
    version: 6,
    description: 'entries stored as compact JSON in UTF-16; the one-character column first',
    sql: `
      -- entry_docs.doc: a BLOB from now on, the entry as compact JSON in UTF-16
      -- (sqlite/entry-docs.ts).
      ALTER TABLE entry_docs RENAME COLUMN json TO doc;
      -- The same index with \`chars\` as column 0: FTS5 writes a column's number into every
      -- entry's position list except column 0's, and \`chars\` has the most lists (one per
      -- distinct character): 8 % less index, and less to write at import. Queries and inserts
      -- name their columns, so they are unchanged.
      CREATE VIRTUAL TABLE entries_fts_6 USING fts5 (
        chars, post, body, summary,
        content = '', contentless_delete = 1, tokenize = 'ascii', detail = full
      );
      INSERT INTO entries_fts_6 (entries_fts_6, rank) VALUES ('automerge', 8);
      INSERT INTO entries_fts_6 (entries_fts_6, rank) VALUES ('hashsize', 33554432);
    `,
    // Every entry once: its document rewritten, its index rows written to the new table,
    // which then replaces the old one.
    convert: compactEntryDocs,
    vacuum: true,
  },
  {
    version: 7,
    description: 'the distinct characters in a full-text table of their own, without positions',
    fulltextFormat: FULLTEXT_FORMAT,
    sql: `
      -- One-character terms are answered from \`entries_chars\`: each entry's distinct
      -- characters (fulltext/bigram-tokens.ts, indexChars) with \`detail = none\`, which keeps
      -- no positions — a one-character term needs none, and they were a fifth of the index.
      -- \`entries_fts\` is made again without the column (FTS5 cannot drop one), with \`body\`
      -- first: FTS5 writes no column number into column 0's position lists, and the body holds
      -- most of an entry's bigrams (the text index 52.9 → 40.7 MB at 20,000 clips).
      CREATE VIRTUAL TABLE entries_fts_7 USING fts5 (
        body, post, summary,
        content = '', contentless_delete = 1, tokenize = 'ascii', detail = full
      );
      INSERT INTO entries_fts_7 (entries_fts_7, rank) VALUES ('automerge', 8);
      INSERT INTO entries_fts_7 (entries_fts_7, rank) VALUES ('hashsize', 33554432);
      CREATE VIRTUAL TABLE entries_chars USING fts5 (
        chars,
        content = '', contentless_delete = 1, tokenize = 'ascii', detail = none
      );
      INSERT INTO entries_chars (entries_chars, rank) VALUES ('automerge', 8);
      INSERT INTO entries_chars (entries_chars, rank) VALUES ('hashsize', 33554432);
      UPDATE meta SET value = '${FULLTEXT_FORMAT}' WHERE key = 'fulltext_format';
    `,
    // Every entry once, indexed into both new tables.
    convert: splitCharsIndex,
    vacuum: true,
  },
  {
    version: 8,
    description: 'champion lists in a table with rowids',
    sql: `
      -- A WITHOUT ROWID table suits small rows; a champion list is about 2 KB of JSON, and
      -- rows that size left three quarters of the table's pages empty (26.6 MB for 8.3 MB of
      -- lists at 137,000 clips). The same rows in a table with rowids fill their pages.
      CREATE TABLE rank_champions_8 (
        key TEXT PRIMARY KEY,
        df INTEGER NOT NULL,
        floor REAL NOT NULL,
        blend_floor REAL NOT NULL,
        -- JSON arrays: the entries, the key's weighted frequency in each, its length, and
        -- its recency factor
        rowids TEXT NOT NULL,
        tfs TEXT NOT NULL,
        lengths TEXT NOT NULL,
        recencies TEXT NOT NULL
      );
      INSERT INTO rank_champions_8 (key, df, floor, blend_floor, rowids, tfs, lengths, recencies)
        SELECT key, df, floor, blend_floor, rowids, tfs, lengths, recencies FROM rank_champions;
      DROP TABLE rank_champions;
      ALTER TABLE rank_champions_8 RENAME TO rank_champions;
    `,
  },
  {
    version: 9,
    description: 'dense terms: the sets of the words most entries hold',
    sql: `
      -- Built by optimize() (sqlite/dense-terms.ts): a word most entries hold, and how many.
      CREATE TABLE dense_terms (
        id INTEGER PRIMARY KEY,
        term TEXT NOT NULL UNIQUE,
        entries INTEGER NOT NULL
      );
      -- Its set of rowids, 65,536 to a block of 8 KiB; key = term id · 2^20 + block number.
      CREATE TABLE dense_blocks (key INTEGER PRIMARY KEY, bits BLOB NOT NULL);
      -- Entries up to meta.dense_through removed or rewritten since the sets were built: their
      -- bits may be wrong, so counts check them in the index. Kept by triggers, so that no
      -- write path can forget to, except for speakers found by annotation, filed without
      -- rewriting the entry (update-derived.ts marks those): a trigger on entry_persons
      -- would run for every speaker an import files, 2–4 % of its time.
      CREATE TABLE dense_stale (rowid INTEGER PRIMARY KEY);
      CREATE TRIGGER dense_stale_removed AFTER DELETE ON entries
        WHEN old.rowid <= coalesce((SELECT value FROM meta WHERE key = 'dense_through'), 0)
        BEGIN INSERT OR IGNORE INTO dense_stale (rowid) VALUES (old.rowid); END;
      CREATE TRIGGER dense_stale_rewritten AFTER UPDATE OF doc ON entry_docs
        WHEN old.entry <= coalesce((SELECT value FROM meta WHERE key = 'dense_through'), 0)
        BEGIN INSERT OR IGNORE INTO dense_stale (rowid) VALUES (old.entry); END;
    `,
  },
  {
    version: 10,
    description: 'dense terms: a term whose set is another term’s, stored once',
    sql: `
      -- The id of the term whose blocks hold this term's set (the same entries exactly: two
      -- phrases of one longer sentence), or NULL for a term with blocks of its own.
      ALTER TABLE dense_terms ADD COLUMN same_as INTEGER;
    `,
  },
];

/**
 * Brings the schema up to date, one transaction per migration. A database written by a newer
 * kirinuki is refused rather than guessed at.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest)
    throw new KirinukiError(
      'archive',
      `the database has schema version ${current}, newer than this kirinuki knows (${latest}); upgrade kirinuki`,
    );
  let vacuum = false;
  for (const m of migrations) {
    if (m.version <= current) continue;
    vacuum ||= m.vacuum === true;
    try {
      // IMMEDIATE takes the write lock first, so the version read inside is final: two
      // processes opening a new archive at once apply each migration once, the second finding
      // it done instead of failing on "table already exists".
      db.transaction(() => {
        if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
        db.exec(m.sql);
        m.convert?.(db);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } catch (e) {
      throw new KirinukiError('archive', `migration ${m.version} (${m.description}) failed`, {
        cause: e,
      });
    }
  }
  checkFulltextFormat(db, migrations);
  if (vacuum) vacuumFile(db);
  return latest;
}

/** For a read-only archive, which cannot be migrated: it must already be current. */
export function checkSchema(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current !== latest)
    throw new KirinukiError(
      'archive',
      `the database has schema version ${current}, this kirinuki reads ${latest}; open it writable once to migrate it`,
    );
  checkFulltextFormat(db, migrations);
}

/** The index must have the format the last of `migrations` that sets one leaves. */
function checkFulltextFormat(db: Database, migrations: readonly Migration[]): void {
  const expected =
    migrations.findLast((m) => m.fulltextFormat !== undefined)?.fulltextFormat ?? FULLTEXT_FORMAT;
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'fulltext_format'`).get() as
    { value: string } | undefined;
  if (row?.value !== expected)
    throw new KirinukiError(
      'archive',
      `the full-text index has format ${row?.value ?? 'none'}, expected ${expected}; rebuild the archive`,
    );
}
