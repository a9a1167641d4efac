/**
 * The archive contract on PostgreSQL: a private cluster (own data folder, unix socket only) for
 * this file, and a fresh schema for every archive the contract opens. Without a PostgreSQL
 * server on the machine the suite is skipped, and says so loudly.
 */
import { afterAll, describe, it } from 'vitest';
import { openPostgresArchive } from '../../src/archive/index.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { runArchiveContract } from './archive-contract.js';

const started = startPostgresCluster();

if (started.ok) {
  const { cluster } = started;
  const url = cluster.createDatabase('contract');
  let n = 0;
  runArchiveContract('postgres', () => openPostgresArchive(url, { schema: `t${(n += 1)}` }));
  afterAll(() => cluster.stop());
} else {
  console.warn(`PostgreSQL contract suite SKIPPED: ${started.why}`);
  describe('archive contract: postgres', () => {
    it.skip(`skipped: ${started.why}`, () => {});
  });
}
