/**
 * An archive filed by an older kirinuki is brought up to date by the next migrations, data and
 * all: here one at schema version 2 (token arrays beside the normalised text in
 * `entry_search`), written row by row in that layout, then opened by this kirinuki, which moves
 * the arrays to `entry_tokens` (version 3). It must then count and search as SQLite does with
 * the same entries, and keep both tables in step through later writes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresArchive, openSqliteArchive, type Archive } from '../../src/archive/index.js';
import { PgConnection } from '../../src/archive/postgres/connection.js';
import {
  migratePostgres,
  PG_MIGRATIONS,
  schemaVersion,
} from '../../src/archive/postgres/migrations.js';
import { searchRow } from '../../src/archive/postgres/search-index.js';
import type { Entry } from '../../src/model/index.js';
import { makeEntry } from './make-entry.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';

const started = startPostgresCluster();

const DAY = '2024-01-18';

/** 120 entries whose words follow from their number: one- to six-character terms. */
function entries(): Entry[] {
  return Array.from({ length: 120 }, (_, i) =>
    makeEntry({
      id: `m${i}`,
      text: [i % 2 === 0 ? '停戦協議' : '協議', i % 3 === 0 ? 'ウクライナ' : 'ウクラ', '露'].join(
        ' ',
      ),
      body: [i % 5 === 0 ? '防空システムを強化' : 'システム防空'],
      summaries: [{ tag: i % 4 === 0 ? '和平' : '戦況' }],
    }),
  );
}

/** Files entries the way schema version 2 held them: tokens and text in one row. */
function fileAsVersion2(c: PgConnection, filed: readonly Entry[]): void {
  c.query('INSERT INTO days (day, entry_count) VALUES ($1, $2)', [DAY, filed.length]);
  let total = 0;
  filed.forEach((entry, seq) => {
    const rid = Number(
      c.query(
        `INSERT INTO entries (id, day, seq, source, date, json)
         VALUES ($1, $2, $3, 's.txt', $2, $4) RETURNING rid`,
        [entry.id, DAY, seq, JSON.stringify(entry)],
      )[0]?.rid,
    );
    const row = searchRow(entry);
    c.query(
      'INSERT INTO entry_search (entry, tokens, norm, length) VALUES ($1, $2::text[], $3, $4)',
      [rid, row.tokens, row.norm, row.length],
    );
    total += row.length;
  });
  c.query(`UPDATE meta SET value = $1 WHERE key = 'fulltext_length'`, [String(total)]);
}

const queries = [
  '露',
  '停戦',
  '協議',
  'ウクライナ',
  '"停戦協議"',
  '防空システム',
  '停戦 -ウクライナ',
];

if (started.ok) {
  const { cluster } = started;
  const url = cluster.createDatabase('migrations');
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-pg-migrations-'));
  afterAll(() => {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const same = (pg: Archive, lite: Archive): void => {
    for (const q of queries) {
      expect({ q, n: pg.count(q) }).toEqual({ q, n: lite.count(q) });
      const [x, y] = [pg, lite].map((a) => {
        const r = a.search(q, { limit: 200, sort: 'date' });
        return r.ok ? r.value.hits.map((h) => h.stored.entry.id) : r;
      });
      expect({ q, ids: x }).toEqual({ q, ids: y });
    }
  };

  describe('PostgreSQL migrations', () => {
    it('moves an archive’s token arrays to entry_tokens and searches it as SQLite does', () => {
      const c = PgConnection.open(url, 'old', true);
      try {
        expect(migratePostgres(c, PG_MIGRATIONS.slice(0, 2))).toEqual([1, 2]);
        fileAsVersion2(c, entries());
      } finally {
        c.close();
      }
      const pg = openPostgresArchive(url, { schema: 'old' });
      const lite = openSqliteArchive(join(dir, 'a.db'));
      try {
        lite.importBatch({ source: 's.txt', day: DAY, entries: entries(), documentTagLines: [] });
        const check = PgConnection.open(url, 'old', false);
        try {
          expect(schemaVersion(check)).toBe(PG_MIGRATIONS[PG_MIGRATIONS.length - 1]?.version);
          const columns = check
            .query(
              `SELECT table_name AS t, column_name AS c FROM information_schema.columns
               WHERE table_schema = 'old' AND table_name IN ('entry_search', 'entry_tokens')
               ORDER BY 1, 2`,
            )
            .map((r) => `${String(r.t)}.${String(r.c)}`);
          expect(columns).toEqual([
            'entry_search.entry',
            'entry_search.length',
            'entry_search.norm',
            'entry_tokens.entry',
            'entry_tokens.tokens',
          ]);
          expect(check.value('SELECT count(*)::int FROM entry_tokens')).toBe(120);
        } finally {
          check.close();
        }
        expect(pg.check().filter((x) => !x.ok)).toEqual([]);
        same(pg, lite);

        // Later writes keep the two tables in step: a rewrite, a replacement, new entries.
        const rewritten = makeEntry({ id: 'm0', text: '捕虜交換 露' });
        for (const a of [pg, lite]) {
          a.updateEntries([rewritten]);
          a.importBatch({
            source: 't.txt',
            day: '2024-01-19',
            entries: [makeEntry({ id: 'n1', text: '停戦協議 ウクライナ' })],
            documentTagLines: [],
            replaces: { n1: ['m1'] },
          });
        }
        expect(pg.check().filter((x) => !x.ok)).toEqual([]);
        same(pg, lite);
        expect(pg.count('捕虜交換')).toEqual({ ok: true, value: 1 });
      } finally {
        pg.close();
        lite.close();
      }
    });
  });
} else {
  describe.skip(`PostgreSQL migrations — SKIPPED: ${started.why}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
