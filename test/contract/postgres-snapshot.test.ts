/**
 * Reads of one moment on PostgreSQL: `readConsistently` runs several reads in one snapshot,
 * whatever another process commits meanwhile (a count and a search are each run so too).
 * Without a PostgreSQL server on the machine the suite is skipped, and says so loudly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresArchive, type Archive } from '../../src/archive/index.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { makeEntry } from './make-entry.js';

const started = startPostgresCluster();

function file(a: Archive, prefix: string, n: number): void {
  a.importBatch({
    source: prefix,
    day: '2024-06-10',
    entries: Array.from({ length: n }, (_, i) =>
      makeEntry({ id: `${prefix}${i}`, text: 'ロシア軍が東部で攻撃を続けた。' }),
    ),
    documentTagLines: [],
  });
}

if (started.ok) {
  const { cluster } = started;
  const url = cluster.createDatabase('snapshot');
  afterAll(() => cluster.stop(), 60_000);

  describe('reads of one moment (PostgreSQL)', () => {
    it('sees nothing another process commits while the reads run, and all of it after', () => {
      const reader = openPostgresArchive(url, { schema: 'one_moment' });
      const writer = openPostgresArchive(url, { schema: 'one_moment' });
      try {
        file(writer, 'a', 5);
        const during = reader.readConsistently(() => {
          const before = reader.count('ロシア');
          // Another connection files and commits between two reads.
          file(writer, 'b', 3);
          const search = reader.search('ロシア', { limit: 50 });
          return {
            before: before.ok ? before.value : -1,
            after: reader.count('ロシア').ok ? reader.count('ロシア') : null,
            hits: search.ok ? search.value.hits.length : -1,
          };
        });
        expect(during.before).toBe(5);
        expect(during.after).toEqual({ ok: true, value: 5 });
        expect(during.hits).toBe(5);
        // Outside, the next count is of its own moment.
        expect(reader.count('ロシア')).toEqual({ ok: true, value: 8 });
      } finally {
        reader.close();
        writer.close();
      }
    });

    it('refuses a write inside, and leaves the archive as it was', () => {
      const a = openPostgresArchive(url, { schema: 'read_only' });
      try {
        expect(() => a.readConsistently(() => file(a, 'c', 1))).toThrow();
        expect(a.count('ロシア')).toEqual({ ok: true, value: 0 });
        file(a, 'd', 2);
        expect(a.count('ロシア')).toEqual({ ok: true, value: 2 });
      } finally {
        a.close();
      }
    });
  });
} else {
  describe.skip(`PostgreSQL reads of one moment — SKIPPED: ${started.why}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
