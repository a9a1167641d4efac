/**
 * Counting with the dense terms' sets on PostgreSQL (`src/archive/postgres/dense-terms.ts`):
 * the same checks as SQLite's, on a private cluster, each archive in a schema of its own.
 * Without a PostgreSQL server on the machine the suite is skipped, and says so loudly.
 */
import { afterAll, describe, it } from 'vitest';
import { openPostgresArchive } from '../../src/archive/index.js';
import { PgConnection } from '../../src/archive/postgres/connection.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { runDenseCountContract, SMALL_DENSE_TERMS } from './contract-dense-count.js';

const started = startPostgresCluster();

if (started.ok) {
  const { cluster } = started;
  const url = cluster.createDatabase('dense');
  afterAll(() => cluster.stop(), 60_000);
  const withSchema = <T>(name: string, work: (c: PgConnection) => T): T => {
    const c = PgConnection.open(url, name, false);
    try {
      return work(c);
    } finally {
      c.close();
    }
  };
  runDenseCountContract({
    open: (name, withSets) =>
      openPostgresArchive(url, {
        schema: name,
        // Few candidates scored: a search's total beyond totalLimit is then an estimate.
        rankCandidates: 20,
        ...(withSets ? { denseTerms: SMALL_DENSE_TERMS } : {}),
      }),
    terms: (name) =>
      withSchema(name, (c) => c.run('SELECT term FROM dense_terms').map((r) => String(r.term))),
    sharedTerms: (name) =>
      withSchema(name, (c) =>
        c.run('SELECT term FROM dense_terms WHERE same_as IS NOT NULL').map((r) => String(r.term)),
      ),
    emptySets: (name) =>
      withSchema(name, (c) =>
        // 8 KiB of zero bits: no rid (a shorter block lists offsets, where zeros are rids).
        c.query(`UPDATE dense_blocks SET bits = decode(repeat('00', 8192), 'hex')`),
      ),
    cheapFiltersFromIndex: false,
  });
} else {
  describe.skip(`PostgreSQL dense sets — SKIPPED: ${started.why}`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
