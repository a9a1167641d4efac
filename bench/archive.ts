/**
 * The archive benchmark at one corpus size: import throughput (parse + store + index), size on
 * disk, peak RSS, and count/search latency per query class — as imported, and after
 * `optimize()` — against the kirinuki archive and a raw FTS5 trigram baseline over the same
 * clips.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteArchive, type Archive, type ImportBatch } from '../src/archive/index.js';
import { documentEntries } from '../src/model/index.js';
import { keepHeapNearLive } from '../src/pipeline/heap-growth.js';
import { bulkPacer } from '../src/pipeline/memory-pacer.js';
import { measureClasses, type ClassFigures } from './archive-queries.js';
import { generateCorpus, renderCorpusDay, type CorpusDay } from './corpus.js';
import { buildTrigram } from './trigram.js';

export interface ArchiveBenchOptions {
  size: number;
  dir: string;
  repeat: number;
  trigram: boolean;
  log: (line: string) => void;
}

export interface ImportFigures {
  clips: number;
  /** Wall-clock seconds of parse + import (generation and rendering excluded). */
  seconds: number;
  /** CPU seconds of the same: less sensitive to other work on a shared machine. */
  cpuSeconds: number;
  parseSeconds: number | null;
  optimizeSeconds: number;
  /** After optimize, WAL checkpointed. */
  bytesOnDisk: number;
  /** Peak RSS of the whole run so far, taken after optimize and the queries as imported. */
  peakRssBytes: number;
  /** Peak RSS when the import ended: what importing alone needed. */
  importPeakRssBytes?: number;
}

export interface ArchiveBenchResult {
  size: number;
  archive: ImportFigures;
  trigram: ImportFigures | null;
  classes: ClassFigures[];
}

/** What the benchmark needs from src/format; loaded dynamically (see `loadParser`). */
type Parse = (text: string) => ImportBatchParts;
interface ImportBatchParts {
  entries: ImportBatch['entries'];
  documentTagLines: string[];
}

export async function runArchiveBench(o: ArchiveBenchOptions): Promise<ArchiveBenchResult> {
  const path = join(o.dir, `archive-${o.size}.db`);
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const parse = await loadParser(o.log);
  // Imported as `kirinuki import` does: the heap kept near what is alive while it runs, and
  // full collections paced by the index text written (src/cli/context.ts).
  const restoreHeapGrowth = keepHeapNearLive();
  const archive = openSqliteArchive(path, { onIndexed: (units) => bulkPacer.done(2 * units) });
  const imported = importCorpus(archive, o.size, parse, o.log);
  archive.close();
  restoreHeapGrowth();
  imported.importPeakRssBytes = process.resourceUsage().maxRSS * 1024;
  const reopened = openSqliteArchive(path);
  o.log(
    `archive: ${(imported.clips / imported.seconds).toFixed(0)} clips/s, ${(imported.clips / imported.cpuSeconds).toFixed(0)} per CPU-second, peak RSS ${((imported.importPeakRssBytes ?? 0) / 1e6).toFixed(0)} MB, ${(statSync(path).size / 1e6).toFixed(0)} MB on disk; queries as imported`,
  );
  const before = measureClasses(reopened, null, o, 'as imported');
  const t = performance.now();
  reopened.optimize();
  imported.optimizeSeconds = (performance.now() - t) / 1000;
  imported.bytesOnDisk = statSync(path).size;
  imported.peakRssBytes = process.resourceUsage().maxRSS * 1024;
  o.log(
    `archive: optimize ${imported.optimizeSeconds.toFixed(0)} s, ${(imported.bytesOnDisk / 1e6).toFixed(0)} MB`,
  );
  const trigram = o.trigram
    ? buildTrigram(join(o.dir, `trigram-${o.size}.db`), o.size, o.log)
    : null;
  const after = measureClasses(reopened, trigram?.db ?? null, o, 'optimized');
  reopened.close();
  trigram?.db.close();
  const classes = after.map((c, i) => ({
    ...c,
    asImported: before[i]?.ours ?? c.ours,
    perQueryAsImported: before[i]?.perQuery ?? c.perQuery,
  }));
  return { size: o.size, archive: imported, trigram: trigram?.figures ?? null, classes };
}

function importCorpus(
  archive: Archive,
  size: number,
  parse: Parse | null,
  log: (s: string) => void,
): ImportFigures {
  let seconds = 0;
  let cpuSeconds = 0;
  let parseSeconds = 0;
  let clips = 0;
  for (const day of generateCorpus({ size })) {
    const text = parse ? renderCorpusDay(day) : '';
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const parts = parse ? parse(text) : direct(day);
    const t1 = performance.now();
    archive.importBatch({ source: `corpus/${day.day}.txt`, day: day.day, ...parts });
    const used = process.cpuUsage(cpu);
    seconds += (performance.now() - t0) / 1000;
    cpuSeconds += (used.user + used.system) / 1e6;
    parseSeconds += (t1 - t0) / 1000;
    clips += parts.entries.length;
    if (clips % 100_000 < parts.entries.length)
      log(`  imported ${clips} clips, ${(clips / seconds).toFixed(0)}/s`);
  }
  return {
    clips,
    seconds,
    cpuSeconds,
    parseSeconds: parse ? parseSeconds : null,
    optimizeSeconds: 0,
    bytesOnDisk: 0,
    peakRssBytes: 0,
    importPeakRssBytes: 0,
  };
}

function direct(day: CorpusDay): ImportBatchParts {
  return { entries: day.entries, documentTagLines: day.documentTagLines };
}

/**
 * `parseClipDocument` from src/format, loaded dynamically: the benchmark depends on nothing
 * else there. When it is missing, clips are imported as generated and the parse step is
 * reported as not measured.
 */
async function loadParser(log: (s: string) => void): Promise<Parse | null> {
  try {
    const format = (await import('../src/format/index.js')) as {
      parseClipDocument?: (text: string) => { document: Parameters<typeof documentEntries>[0] };
    };
    const parseClipDocument = format.parseClipDocument;
    if (typeof parseClipDocument !== 'function') throw new Error('no parseClipDocument');
    return (text) => {
      const { document } = parseClipDocument(text);
      const documentTagLines = document.parts.flatMap((p) =>
        p.kind === 'tags' ? [p.line.raw] : [],
      );
      return { entries: documentEntries(document), documentTagLines };
    };
  } catch (e) {
    log(`bench: src/format is not available (${String(e)}); importing generated entries unparsed`);
    return null;
  }
}
