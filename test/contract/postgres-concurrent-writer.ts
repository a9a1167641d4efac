/**
 * One of several processes writing to one PostgreSQL archive at once, for
 * postgres.test.ts: `node --import tsx postgres-concurrent-writer.ts URL SCHEMA PREFIX N`
 * files N entries, one transaction each, into the same day, then edits each once. With a
 * fifth argument, `names-up` or `names-down`, it files N batches on days of their own, each
 * entry's summary lines naming the same new speakers and tags as the other writer's, in
 * ascending or descending order.
 */
import { openPostgresArchive } from '../../src/archive/index.js';
import { makeEntry } from './make-entry.js';

const [url, schema, prefix, n, names] = process.argv.slice(2);
if (url === undefined || schema === undefined || prefix === undefined || n === undefined)
  throw new Error('usage: URL SCHEMA PREFIX N [names-up|names-down]');
const archive = openPostgresArchive(url, { schema });
if (names !== undefined) {
  // Both writers begin at the same moment (START_AT, ms since the epoch), so their
  // transactions overlap from the first.
  const startAt = Number(process.env.START_AT ?? 0);
  while (Date.now() < startAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  for (let i = 0; i < Number(n); i += 1) {
    const entries = Array.from({ length: 40 }, (_, e) => {
      const order = Array.from({ length: 20 }, (_, j) => `${i}-${e}-${j}`);
      if (names === 'names-down') order.reverse();
      return makeEntry({
        id: `${prefix}${i}-${e}`,
        text: `停戦 ${prefix} ${i}`,
        summaries: order.map((k) => ({ tag: `タグ${k}`, speaker: `話者${k}氏`, quote: '…' })),
      });
    });
    archive.importBatch({
      source: prefix,
      day: `2024-0${prefix === 'a' ? 2 : 3}-${String(1 + (i % 28)).padStart(2, '0')}`,
      entries,
      documentTagLines: [],
    });
  }
  archive.close();
  process.exit(0);
}
for (let i = 0; i < Number(n); i += 1)
  archive.importBatch({
    source: prefix,
    day: '2024-01-18',
    entries: [
      makeEntry({ id: `${prefix}${i}`, text: `停戦 ${prefix} ${i}`, summaries: [{ tag: prefix }] }),
    ],
    documentTagLines: [`#${prefix}`],
  });
for (let i = 0; i < Number(n); i += 1) {
  const stored = archive.findEntry(`${prefix}${i}`);
  if (stored) archive.updateEntries([{ ...stored.entry, body: ['追記'] }]);
}
archive.close();
