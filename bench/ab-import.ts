/**
 * One side of an old-against-new import comparison: imports the generated corpus (bench/corpus.ts)
 * with the code of a checkout, and prints one JSON line — clips, CPU and wall seconds, clips per
 * CPU-second, bytes on disk after reopening, peak RSS. Run it for two checkouts in turn, on the
 * same machine, alternating, and compare the lines:
 *
 * ```sh
 * git worktree add /tmp/old <commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules
 * for root in /tmp/old "$PWD" /tmp/old "$PWD"; do
 *   npx tsx bench/ab-import.ts --root "$root" --size 100000 --db /tmp/ab-$(basename "$root").db
 * done
 * ```
 *
 * `--days N` spreads the corpus over N days instead of 730: each day is one transaction, so
 * `--size 137000 --days 100` imports days as large as a million clips' (1,370 each).
 *
 * `--as-cli` runs the import as `kirinuki import` does: the heap kept near what is alive
 * (`keepHeapNearLive`) and a full collection paced by the index text written (`bulkPacer`), each
 * when the checkout has it.
 *
 * `--optimize` also runs `optimize()` on the archive afterwards and adds the file's size after
 * it (`optimizedMegabytes`) and its wall time; the peak RSS stays the import's.
 */
import { rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, renderCorpusDay } from './corpus.js';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    size: { type: 'string', default: '20000' },
    // Days the corpus is spread over (730 by default): fewer days, larger transactions.
    days: { type: 'string' },
    db: { type: 'string', default: '/tmp/kirinuki-ab-import.db' },
    // Also run optimize() afterwards (index merged, champion lists) and measure the file again.
    optimize: { type: 'boolean', default: false },
    // As the CLI imports: the heap kept near what is alive, collections paced.
    'as-cli': { type: 'boolean', default: false },
  },
});
const root = resolve(values.root);
const db = values.db;
const archive = (await import(
  `${root}/src/archive/index.ts`
)) as typeof import('../src/archive/index.js');
const format = (await import(
  `${root}/src/format/index.ts`
)) as typeof import('../src/format/index.js');
const model = (await import(
  `${root}/src/model/index.ts`
)) as typeof import('../src/model/index.js');

for (const side of ['', '-wal', '-shm']) rmSync(db + side, { force: true });
const cli = values['as-cli'] ? await asCli() : { restore: () => {} };
const a = archive.openSqliteArchive(db, cli.onIndexed ? { onIndexed: cli.onIndexed } : {});
let cpu = 0;
let wall = 0;
let clips = 0;
for (const day of generateCorpus({
  size: Number(values.size),
  ...(values.days === undefined ? {} : { days: Number(values.days) }),
})) {
  const text = renderCorpusDay(day);
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const entries = model.documentEntries(format.parseClipDocument(text).document);
  a.importBatch({
    source: `corpus/${day.day}.txt`,
    day: day.day,
    entries,
    documentTagLines: day.documentTagLines,
  });
  const c = process.cpuUsage(c0);
  cpu += (c.user + c.system) / 1e6;
  wall += (performance.now() - w0) / 1000;
  clips += entries.length;
}
a.close();
cli.restore();
// Reopened, so that the write-ahead log is checkpointed into the file measured.
archive.openSqliteArchive(db).close();
const imported = {
  megabytes: Math.round(statSync(db).size / 1e6),
  peakRss: process.resourceUsage().maxRSS,
};
let optimized: { optimizedMegabytes: number; optimizeSeconds: number } | null = null;
if (values.optimize) {
  const w0 = performance.now();
  const b = archive.openSqliteArchive(db);
  b.optimize();
  b.close();
  optimized = {
    optimizedMegabytes: Math.round(statSync(db).size / 1e6),
    optimizeSeconds: Number(((performance.now() - w0) / 1000).toFixed(1)),
  };
}
console.log(
  JSON.stringify({
    root,
    clips,
    cpuSeconds: Number(cpu.toFixed(1)),
    wallSeconds: Number(wall.toFixed(1)),
    clipsPerCpuSecond: Math.round(clips / cpu),
    megabytes: imported.megabytes,
    peakRssMegabytes: Math.round(imported.peakRss / 1024),
    ...optimized,
  }),
);

/** What `kirinuki import` sets while it files, from the checkout's pipeline where it has it. */
async function asCli(): Promise<{ onIndexed?: (units: number) => void; restore: () => void }> {
  const load = async <T>(file: string): Promise<Partial<T>> =>
    (await import(`${root}/src/pipeline/${file}`).catch(() => ({}))) as Partial<T>;
  const { keepHeapNearLive } =
    await load<typeof import('../src/pipeline/heap-growth.js')>('heap-growth.ts');
  const restore = keepHeapNearLive?.() ?? (() => {});
  const { bulkPacer } =
    await load<typeof import('../src/pipeline/memory-pacer.js')>('memory-pacer.ts');
  return bulkPacer ? { onIndexed: (units) => bulkPacer.done(2 * units), restore } : { restore };
}
