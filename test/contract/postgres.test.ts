/**
 * The archive contract on PostgreSQL: a private cluster (own data folder, unix socket only) for
 * this file, and a fresh schema for every archive the contract opens. Without a PostgreSQL
 * server on the machine the suite is skipped, and says so loudly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EntryVersionConflict, openPostgresArchive } from '../../src/archive/index.js';
import { makeEntry } from './make-entry.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { runArchiveContract } from './archive-contract.js';

const started = startPostgresCluster();

if (started.ok) {
  const { cluster } = started;
  const url = cluster.createDatabase('contract');
  let n = 0;
  runArchiveContract('postgres', () => openPostgresArchive(url, { schema: `t${(n += 1)}` }));
  // Stopping the server and removing its folder can take a while on a busy machine.
  afterAll(() => cluster.stop(), 60_000);

  describe('two curators editing one entry (optimistic versioning)', () => {
    it('refuses an edit started from a version someone else has saved over, saving nothing', () => {
      const [alice, bob] = [1, 2].map(() => openPostgresArchive(url, { schema: 'versions' }));
      if (!alice || !bob) throw new Error('not opened');
      try {
        const filed = makeEntry({ id: 'v1', text: '停戦協議', summaries: [{ tag: '和平' }] });
        alice.importBatch({
          source: 's',
          day: '2024-01-18',
          entries: [filed],
          documentTagLines: [],
        });
        // Both read version 1 of the entry.
        const read = bob.entryVersion('v1');
        expect([alice.entryVersion('v1'), read]).toEqual([1, 1]);
        const mine = makeEntry({ id: 'v1', text: '停戦協議', summaries: [{ tag: '停戦' }] });
        expect(alice.updateEntriesIfUnchanged([mine], new Map([['v1', 1]]))).toBe(1);
        expect(bob.entryVersion('v1')).toBe(2);
        const theirs = makeEntry({ id: 'v1', text: '停戦協議', summaries: [{ tag: '制裁' }] });
        expect(() => bob.updateEntriesIfUnchanged([theirs], new Map([['v1', 1]]))).toThrow(
          EntryVersionConflict,
        );
        expect(() => bob.updateEntriesIfUnchanged([theirs], new Map([['v1', 1]]))).toThrow(
          /entry v1 was changed by someone else \(version 2, this edit started from 1\)/,
        );
        // Alice's edit stands, counts and all; Bob's, redone from version 2, goes in.
        expect(bob.findEntry('v1')?.entry).toEqual(mine);
        expect(bob.count('tag:制裁')).toEqual({ ok: true, value: 0 });
        expect(bob.updateEntriesIfUnchanged([theirs], new Map([['v1', 2]]))).toBe(1);
        expect(alice.count('tag:制裁')).toEqual({ ok: true, value: 1 });
        // An edit without a version (updateEntries) also counts as a save.
        alice.updateEntries([mine]);
        expect(bob.entryVersion('v1')).toBe(4);
        expect(bob.entryVersion('missing')).toBeNull();
      } finally {
        alice.close();
        bob.close();
      }
    });
  });
} else {
  console.warn(`PostgreSQL contract suite SKIPPED: ${started.why}`);
  describe('archive contract: postgres', () => {
    it.skip(`skipped: ${started.why}`, () => {});
  });
}
