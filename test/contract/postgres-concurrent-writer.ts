/**
 * One of several processes writing to one PostgreSQL archive at once, for
 * postgres.test.ts: `node --import tsx postgres-concurrent-writer.ts URL SCHEMA PREFIX N`
 * files N entries, one transaction each, into the same day, then edits each once.
 */
import { openPostgresArchive } from '../../src/archive/index.js';
import { makeEntry } from './make-entry.js';

const [url, schema, prefix, n] = process.argv.slice(2);
if (url === undefined || schema === undefined || prefix === undefined || n === undefined)
  throw new Error('usage: URL SCHEMA PREFIX N');
const archive = openPostgresArchive(url, { schema });
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
