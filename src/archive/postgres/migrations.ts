import { KirinukiError } from '../../model/index.js';
import type { PgConnection } from './connection.js';

/**
 * The PostgreSQL schema as an append-only list, like the SQLite one (`sqlite/migrations.ts`):
 * never edit a released migration, add the next one. Applied versions are rows of
 * `kirinuki_schema`, written in the same transaction as the migration itself (PostgreSQL's DDL
 * is transactional), under an advisory lock so that two processes migrating at once apply each
 * migration once.
 */
export interface PgMigration {
  version: number;
  description: string;
  sql: string;
}

/** Version of the search index format; a change means the index must be rebuilt. */
export const PG_FULLTEXT_FORMAT = 'token-array-v1';

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    description: 'entries, days, handles, tags, persons, keys, stories, search index, posts',
    sql: `
      CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
      INSERT INTO meta (key, value) VALUES ('fulltext_format', '${PG_FULLTEXT_FORMAT}');
      -- Total length of all entries' normalised text, for BM25's average document length.
      INSERT INTO meta (key, value) VALUES ('fulltext_length', '0');

      CREATE TABLE days (
        day text PRIMARY KEY CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        entry_count integer NOT NULL DEFAULT 0,
        summary_line_count integer NOT NULL DEFAULT 0
      );

      CREATE TABLE handles (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        handle text NOT NULL UNIQUE,
        norm text NOT NULL,
        entry_count integer NOT NULL DEFAULT 0
      );
      CREATE INDEX handles_norm ON handles (norm);

      -- One row per entry: where it is filed and the entry itself as JSON (text, not jsonb:
      -- the JSON is given back exactly as written, and jsonb refuses \\u0000).
      CREATE TABLE entries (
        rid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE CHECK (length(id) > 0),
        day text NOT NULL REFERENCES days (day),
        seq integer NOT NULL,
        source text NOT NULL,
        -- the post's date, else the digest day: what since:/until: filter on
        date text NOT NULL CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        handle_id bigint REFERENCES handles (id),
        -- the story's first entry; NULL: a story of its own
        story text,
        json text NOT NULL,
        -- optimistic concurrency: every rewrite of the entry adds one (updateEntries)
        version integer NOT NULL DEFAULT 1,
        UNIQUE (day, seq)
      );
      CREATE INDEX entries_date ON entries (date, rid);
      CREATE INDEX entries_handle ON entries (handle_id, date);
      CREATE INDEX entries_story ON entries (story) WHERE story IS NOT NULL;
      -- ids in code point order whatever the database's locale, for findEntry's prefixes
      CREATE INDEX entries_id_c ON entries ((id COLLATE "C"));

      -- The search index: kirinuki's own tokens of the normalised text (fulltext/bigram-tokens:
      -- bigrams within runs, and each distinct character) in a GIN-indexed array, and the
      -- normalised text that a candidate is verified against.
      CREATE TABLE entry_search (
        entry bigint PRIMARY KEY REFERENCES entries (rid) ON DELETE CASCADE,
        tokens text[] NOT NULL,
        norm text NOT NULL,
        -- the entry's length for BM25 (fulltext/bm25.ts documentLength)
        length integer NOT NULL
      );
      CREATE INDEX entry_search_tokens ON entry_search USING gin (tokens);
      -- lz4 where the server has it: checking a candidate's text or tokens decompresses them,
      -- several times faster than with the default pglz.
      DO $$ BEGIN
        ALTER TABLE entry_search ALTER COLUMN tokens SET COMPRESSION lz4,
          ALTER COLUMN norm SET COMPRESSION lz4;
        ALTER TABLE entries ALTER COLUMN json SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN NULL;
      END $$;

      CREATE TABLE tags (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tag text NOT NULL UNIQUE,
        norm text NOT NULL,
        entry_count integer NOT NULL DEFAULT 0
      );
      CREATE INDEX tags_norm ON tags (norm);
      CREATE TABLE entry_tags (
        entry bigint NOT NULL REFERENCES entries (rid) ON DELETE CASCADE,
        tag bigint NOT NULL REFERENCES tags (id),
        PRIMARY KEY (entry, tag)
      );
      CREATE INDEX entry_tags_tag ON entry_tags (tag, entry);

      CREATE TABLE persons (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL UNIQUE,
        norm text NOT NULL
      );
      CREATE TABLE entry_persons (
        entry bigint NOT NULL REFERENCES entries (rid) ON DELETE CASCADE,
        person bigint NOT NULL REFERENCES persons (id),
        role text NOT NULL CHECK (role IN ('speaker', 'mention')),
        source text NOT NULL CHECK (source IN ('summary', 'text')),
        PRIMARY KEY (entry, person, role, source)
      );
      CREATE INDEX entry_persons_person ON entry_persons (person, role, entry);

      CREATE TABLE entry_keys (
        key text NOT NULL,
        entry bigint NOT NULL REFERENCES entries (rid) ON DELETE CASCADE,
        PRIMARY KEY (key, entry)
      );
      CREATE INDEX entry_keys_entry ON entry_keys (entry);

      CREATE TABLE day_tag_lines (
        day text NOT NULL REFERENCES days (day),
        position integer NOT NULL,
        line text NOT NULL,
        PRIMARY KEY (day, position),
        UNIQUE (day, line)
      );

      CREATE TABLE published_posts (
        day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        target text NOT NULL CHECK (length(target) > 0),
        blog text NOT NULL,
        remote_id text NOT NULL CHECK (length(remote_id) > 0),
        edit_url text NOT NULL,
        url text,
        status text NOT NULL CHECK (status IN ('draft', 'publish')),
        first_posted_at text NOT NULL,
        last_posted_at text NOT NULL,
        PRIMARY KEY (day, target)
      );
    `,
  },
  {
    version: 2,
    description: 'champion lists for ranking common words',
    sql: `
      -- For each character and pair of characters held by many entries, the entries where it
      -- weighs most (fulltext/champions.ts), built by optimize(): ranking a word found in most
      -- entries scores these and the newest matches instead of every match.
      CREATE TABLE rank_champions (
        key text PRIMARY KEY,
        df integer NOT NULL,
        rids bigint[] NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'token arrays in a narrow table of their own (entry_tokens)',
    sql: `
      -- The tokens leave entry_search for a table of their own, stored out of line
      -- (toast_tuple_target: every array is longer), so its heap is about 40 bytes an entry.
      -- A one- or two-character word is answered by the GIN index alone, and its count then
      -- reads only this narrow heap, not the normalised texts beside the tokens (150 MB at
      -- 100,000 entries: a count of 会談 read all of it, 80 ms; 9 ms from the narrow table).
      CREATE TABLE entry_tokens (
        entry bigint PRIMARY KEY REFERENCES entries (rid) ON DELETE CASCADE,
        tokens text[] NOT NULL
      ) WITH (toast_tuple_target = 128);
      INSERT INTO entry_tokens (entry, tokens) SELECT entry, tokens FROM entry_search ORDER BY entry;
      CREATE INDEX entry_tokens_tokens ON entry_tokens USING gin (tokens);

      -- entry_search keeps the text: rebuilt rather than its column dropped, so the old
      -- arrays' space goes with it.
      CREATE TABLE entry_search_v3 (
        entry bigint PRIMARY KEY REFERENCES entries (rid) ON DELETE CASCADE,
        norm text NOT NULL,
        length integer NOT NULL
      );
      INSERT INTO entry_search_v3 (entry, norm, length)
        SELECT entry, norm, length FROM entry_search ORDER BY entry;
      DROP TABLE entry_search;
      ALTER TABLE entry_search_v3 RENAME TO entry_search;
      ALTER TABLE entry_search RENAME CONSTRAINT entry_search_v3_pkey TO entry_search_pkey;
      ALTER TABLE entry_search RENAME CONSTRAINT entry_search_v3_entry_fkey TO entry_search_entry_fkey;
      DO $$ BEGIN
        ALTER TABLE entry_tokens ALTER COLUMN tokens SET COMPRESSION lz4;
        ALTER TABLE entry_search ALTER COLUMN norm SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN NULL;
      END $$;
      -- The planner's statistics of the new tables (the tokens' frequencies among them): the
      -- search reads its estimates before anyone runs optimize().
      ANALYZE entry_tokens;
      ANALYZE entry_search;
    `,
  },
  {
    version: 4,
    description: 'dense terms: the sets of the words most entries hold',
    sql: `
      -- Built by optimize() (postgres/dense-terms.ts): a word, tag, author or speaker most
      -- entries have, and how many.
      CREATE TABLE dense_terms (
        id integer PRIMARY KEY,
        term text NOT NULL UNIQUE,
        entries integer NOT NULL
      );
      -- Its set of rids, 65,536 to a block of 8 KiB.
      CREATE TABLE dense_blocks (
        term integer NOT NULL REFERENCES dense_terms (id) ON DELETE CASCADE,
        block integer NOT NULL,
        bits bytea NOT NULL,
        PRIMARY KEY (term, block)
      );
      -- Entries up to meta.dense_through removed or rewritten since the sets were built: their
      -- bits may be wrong, so counts check them against the text. Kept by triggers, so that no
      -- write path can forget to, except for speakers found by annotation, filed without
      -- rewriting the entry (write-entries.ts marks those), as in SQLite.
      CREATE TABLE dense_stale (rid bigint PRIMARY KEY);
      CREATE FUNCTION dense_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.rid <= coalesce((SELECT value::bigint FROM meta WHERE key = 'dense_through'), 0)
        THEN
          INSERT INTO dense_stale (rid) VALUES (OLD.rid) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER dense_stale_removed AFTER DELETE ON entries
        FOR EACH ROW EXECUTE FUNCTION dense_mark_stale();
      CREATE TRIGGER dense_stale_rewritten AFTER UPDATE OF json, handle_id ON entries
        FOR EACH ROW EXECUTE FUNCTION dense_mark_stale();
    `,
  },
  {
    version: 5,
    description: 'dense terms: a term whose set is another term’s, stored once',
    sql: `
      -- The id of the term whose blocks hold this term's set (the same entries exactly), or
      -- NULL for a term with blocks of its own.
      ALTER TABLE dense_terms ADD COLUMN same_as integer;
    `,
  },
];

/** The latest schema version this kirinuki knows. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]?.version ?? 0;

/**
 * Brings the schema (the connection's search path) up to date, one transaction per migration;
 * running it again changes nothing. A schema written by a newer kirinuki is refused. Returns
 * the versions applied now.
 *
 * @example
 * migratePostgres(connection); // [1] on an empty schema, [] after
 */
export function migratePostgres(
  c: PgConnection,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): number[] {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const applied: number[] = [];
  c.transaction(() => {
    // One migrator at a time per schema; the lock ends with the transaction.
    c.query('SELECT pg_advisory_xact_lock(hashtext(current_schema()))');
    c.query(
      `CREATE TABLE IF NOT EXISTS kirinuki_schema (
         version integer PRIMARY KEY, description text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const current = schemaVersion(c);
    if (current > latest)
      throw new KirinukiError(
        'archive',
        `${c.where} has schema version ${current}, newer than this kirinuki knows (${latest}); upgrade kirinuki`,
      );
    for (const m of migrations) {
      if (m.version <= current) continue;
      try {
        c.query(m.sql);
        c.query('INSERT INTO kirinuki_schema (version, description) VALUES ($1, $2)', [
          m.version,
          m.description,
        ]);
      } catch (e) {
        throw new KirinukiError('archive', `migration ${m.version} (${m.description}) failed`, {
          cause: e,
        });
      }
      applied.push(m.version);
    }
  });
  checkPgSchema(c, migrations);
  return applied;
}

/**
 * The schema version applied, 0 when none.
 *
 * @example
 * schemaVersion(connection); // 1
 */
export function schemaVersion(c: PgConnection): number {
  const exists = c.query(`SELECT to_regclass('kirinuki_schema') IS NOT NULL AS ok`)[0]?.ok;
  if (exists !== true) return 0;
  return Number(c.query('SELECT coalesce(max(version), 0) AS v FROM kirinuki_schema')[0]?.v ?? 0);
}

/**
 * For an archive opened without migrating: it must already be current.
 *
 * @example
 * checkPgSchema(connection); // throws `… run kirinuki migrate` on an old schema
 */
export function checkPgSchema(
  c: PgConnection,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(c);
  if (current !== latest)
    throw new KirinukiError(
      'archive',
      `${c.where} has schema version ${current}, this kirinuki reads ${latest}; run kirinuki migrate`,
    );
  const format = c.query(`SELECT value FROM meta WHERE key = 'fulltext_format'`)[0]?.value;
  if (format !== PG_FULLTEXT_FORMAT)
    throw new KirinukiError(
      'archive',
      `the search index has format ${String(format ?? 'none')}, expected ${PG_FULLTEXT_FORMAT}; rebuild the archive`,
    );
}
