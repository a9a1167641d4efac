import { rmSync } from 'node:fs';
import { openSqliteArchive, type ImportBatch } from '../src/archive/index.js';
import { generateCorpus } from './corpus.js';

/**
 * The generated corpus of `size` clips imported straight into a new archive at `path` (no
 * parse: the benchmarks that read an archive — the server, the site — need its entries, not
 * the text), 30 days a transaction, then optimised. With `stories`, every twentieth clip of a
 * day joins the story of the clip before it, so story pages have more than one entry.
 *
 * @example
 * writeCorpusArchive('bench/out/server-archive-100000.db', 100_000);
 */
export function writeCorpusArchive(
  path: string,
  size: number,
  options: { stories?: boolean } = {},
): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const archive = openSqliteArchive(path);
  let batches: ImportBatch[] = [];
  for (const day of generateCorpus({ size })) {
    const stories: Record<string, string> = {};
    if (options.stories)
      day.entries.forEach((e, i) => {
        const before = day.entries[i - 1];
        if (i % 20 === 1 && before) stories[e.id] = before.id;
      });
    batches.push({
      source: `corpus/${day.day}.txt`,
      ...day,
      ...(options.stories ? { stories } : {}),
    });
    if (batches.length === 30) {
      archive.importBatches(batches);
      batches = [];
    }
  }
  archive.importBatches(batches);
  archive.optimize();
  archive.close();
}
