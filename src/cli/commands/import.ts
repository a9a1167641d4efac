import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Archive } from '../../archive/index.js';
import { decodeUtf8, isArchiveDump, startsWithDayBreak } from '../../format/index.js';
import { formatDiagnostic } from '../../model/index.js';
import {
  fileLines,
  importDayBreakText,
  importFiles,
  importFilesAhead,
  importTextDays,
  isTextDaysFolder,
  keepHeapNearLive,
  mergeDumpTagDocuments,
  restoreArchiveDump,
  tagDocumentWords,
  sourceFilesAt,
  peoplePoolSize,
  startPeoplePool,
  type ImportOptions,
  type ImportSummary,
  type RestoreSummary,
  type LazySourceFile,
  type TagDocumentKind,
} from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { readFailure, UsageError } from '../io.js';
import { loadCliKnowledge, loadCliKnowledgeSource } from '../knowledge.js';
import { describeReport } from '../describe-report.js';
import { startProgress } from '../progress.js';
import { dayOption } from '../options.js';
import { cliTagStorePaths } from '../tagger.js';

/** Annotation moves to worker threads past this much input (unless set explicitly). */
const THREADS_AFTER_BYTES = 1024 * 1024;

/** Progress bars appear past this much input. */
const LARGE_INPUT_BYTES = 4 * 1024 * 1024;

/**
 * An import that files at least this many new entries ends with `Archive.optimize()`: a bulk
 * import (a blog archive, a dump, a year of digests) is when the search index is most
 * fragmented and when the ranking lists (`fulltext/champions.ts`) most need building, and its
 * cost (seconds per 10,000 entries) is small beside the import's own. Smaller imports leave
 * it to `kirinuki optimize`; new entries join existing lists at the next ranked search.
 */
export const OPTIMIZE_AFTER_ENTRIES = 1000;

/**
 * `kirinuki import FILE...`: clip documents, blog archives (Movable Type, WXR), feeds, article
 * pages, Telegram exports, embeds or pastes into the archive, one transaction per file.
 */
export async function importCommand(
  ctx: CommandContext,
  paths: string[],
  opts: { day?: string; storyDays: string; optimize: boolean; enqueue?: boolean; queue?: string },
): Promise<number> {
  if (opts.day !== undefined) dayOption(opts.day, 'import', '--day');
  if (opts.enqueue) return enqueueImports(ctx, paths, opts);
  const storyDays = Number(opts.storyDays);
  if (!Number.isInteger(storyDays) || storyDays < 0)
    throw new UsageError(
      `import: --story-days must be a whole number of days, got "${opts.storyDays}"`,
    );
  const dumps = paths.filter(isDumpFile);
  const textDays = paths.filter((p) => !dumps.includes(p) && isTextDaysFolder(p));
  const rest = paths.filter((p) => !dumps.includes(p) && !textDays.includes(p));
  const read = sourceFiles(ctx, rest);
  // `export --format text > all.txt`: days after day break lines, each filed under its day.
  const dayBreaks = read.filter((f) => firstByteOf(f.name) === 0x0c);
  const files = read.filter((f) => !dayBreaks.includes(f));
  let failed = false;
  const archive = await ctx.openArchive();
  const restored: RestoredDump[] = [];
  if (opts.day !== undefined)
    for (const dump of dumps)
      ctx.io.stderr.write(`import: ${dump} is an archive dump; --day does not apply to it\n`);
  for (const dump of dumps) {
    // Its entries are filed as they were, so a dump needs no annotation, --day or stories.
    const r = await restoreDump(ctx, archive, dump);
    for (const d of r.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
    if (r.diagnostics.some((d) => d.severity === 'error')) failed = true;
    restored.push(r);
    if (!ctx.json) ctx.io.stdout.write(`${dump}: ${describeRestore(r)}\n`);
  }
  if (files.length === 0 && textDays.length === 0 && dayBreaks.length === 0) {
    optimizeAfterBulk(ctx, archive, newEntries(restored, []), opts.optimize);
    if (ctx.json) writeJson(ctx.io, { files: [], diagnostics: [], dumps: restored });
    return failed ? 1 : 0;
  }
  const size = files.reduce((n, f) => n + (f.size ?? 0), 0);
  const progress = startProgress(
    ctx.io,
    files.length,
    size > LARGE_INPUT_BYTES || files.length > 20,
  );
  const knowledge = await loadCliKnowledge(ctx.io);
  // A text export's days are filed under the days it names, never --day.
  const byManifest = {
    today: new Date().toISOString().slice(0, 10),
    knowledge,
    storyWindowDays: storyDays,
  };
  const options = { ...byManifest, ...(opts.day === undefined ? {} : { day: opts.day }) };
  const summary: ImportSummary = { files: [], diagnostics: [] };
  // Filing holds a file of entries at a time and drops it: the heap is kept near what is alive
  // while it runs (heap-growth.ts), and given back to V8's own growth for the optimize after.
  const restoreHeapGrowth = keepHeapNearLive();
  try {
    if (opts.day !== undefined)
      for (const own of [...textDays, ...dayBreaks.map((f) => f.name)])
        ctx.io.stderr.write(`import: ${own} names its own days; --day does not apply to it\n`);
    for (const dir of textDays) {
      const r = importTextDays(archive, dir, byManifest);
      summary.files.push(...r.files);
      summary.diagnostics.push(...r.diagnostics);
    }
    for (const f of dayBreaks) {
      const text = decodeUtf8(readSource(f.name, f.read), f.name);
      const r =
        text.ok && startsWithDayBreak(text.value)
          ? importDayBreakText(archive, text.value, f.name, byManifest)
          : null;
      if (r === null) files.push(f);
      else {
        summary.files.push(...r.files);
        summary.diagnostics.push(...r.diagnostics);
      }
    }
    const imported = await importWithThreads(ctx, archive, files, {
      ...options,
      onFile: (done, total, name) => progress.update(done, total, `files | ${name}`),
      onPosts: (done, total, name) => progress.update(done, total, `posts | ${name}`),
    });
    summary.files.push(...imported.files);
    summary.diagnostics.push(...imported.diagnostics);
  } finally {
    restoreHeapGrowth();
  }
  progress.stop();
  optimizeAfterBulk(ctx, archive, newEntries(restored, summary.files), opts.optimize);
  for (const d of summary.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
  if (ctx.json) writeJson(ctx.io, restored.length > 0 ? { ...summary, dumps: restored } : summary);
  else
    for (const f of summary.files)
      ctx.io.stdout.write(
        f.report
          ? `${f.file}: ${describeReport(f.report)} (${f.format}; ${f.days.join(', ')})\n`
          : `${f.file}: not imported\n`,
      );
  return failed || summary.files.some((f) => f.report === null) ? 1 : 0;
}

/**
 * `import --enqueue`: an import job per file for `kirinuki worker`s instead of importing here
 * (see `src/queue`). A job names its file by content (SHA-256), so a file already waiting is
 * not queued again. Archive dumps and text exports are restored by `import` itself.
 */
async function enqueueImports(
  ctx: CommandContext,
  paths: string[],
  opts: { day?: string; queue?: string },
): Promise<number> {
  const url = opts.queue ?? ctx.io.env.KIRINUKI_QUEUE;
  if (url === undefined || url.trim() === '')
    throw new UsageError(
      'import: --enqueue needs the queue: --queue postgres://… or KIRINUKI_QUEUE',
    );
  const { importJobOf, isQueueUrl, MAX_IMPORT_BYTES, openJobQueue } =
    await import('../../queue/index.js');
  if (!isQueueUrl(url))
    throw new UsageError('import: --queue must be a postgres:// connection string');
  const own = paths.filter((p) => isDumpFile(p) || isTextDaysFolder(p));
  if (own.length > 0)
    throw new UsageError(
      `import: ${own.join(', ')}: archive dumps and text exports are restored by import itself, not queued`,
    );
  const files = sourceFiles(ctx, paths);
  const opened = await openJobQueue(url, { supervise: false, poolSize: 2 });
  if (!opened.ok) {
    ctx.io.stderr.write(`${formatDiagnostic({ severity: 'error', message: opened.error })}\n`);
    return 1;
  }
  const queue = opened.value;
  const today = new Date().toISOString().slice(0, 10);
  const sent: { file: string; job: string | null }[] = [];
  let failed = false;
  try {
    for (const f of files) {
      const bytes = readSource(f.name, f.read);
      if (bytes.length > MAX_IMPORT_BYTES) {
        ctx.io.stderr.write(
          `import: ${f.name}: ${bytes.length} bytes, more than a queued import takes (${MAX_IMPORT_BYTES}); import it directly\n`,
        );
        failed = true;
        continue;
      }
      const job = importJobOf(f.name, bytes, {
        today,
        ...(opts.day === undefined ? {} : { day: opts.day }),
      });
      const r = await queue.enqueue(job);
      if (!r.ok) {
        ctx.io.stderr.write(`import: ${f.name}: ${r.error}\n`);
        failed = true;
      } else sent.push({ file: f.name, job: r.value });
    }
  } finally {
    await queue.close();
  }
  if (ctx.json) writeJson(ctx.io, { enqueued: sent });
  else
    for (const s of sent)
      ctx.io.stdout.write(
        `${s.file}: ${s.job === null ? 'already waiting in the queue' : `import job ${s.job} sent`}\n`,
      );
  return failed ? 1 : 0;
}

/** New entries filed by the dumps restored and the files imported. */
function newEntries(restored: readonly RestoredDump[], files: ImportSummary['files']): number {
  return (
    restored.reduce((n, r) => n + r.inserted, 0) +
    files.reduce((n, f) => n + (f.report?.inserted ?? 0), 0)
  );
}

/** `Archive.optimize()` after a bulk import (see {@link OPTIMIZE_AFTER_ENTRIES}), said on stderr. */
function optimizeAfterBulk(
  ctx: CommandContext,
  archive: Archive,
  inserted: number,
  allowed: boolean,
): void {
  if (!allowed || inserted < OPTIMIZE_AFTER_ENTRIES) return;
  ctx.io.stderr.write(
    `import: ${inserted} new entries: optimising the search index and ranking lists (--no-optimize skips)…\n`,
  );
  archive.optimize();
}

/** A file (not a folder) whose first line is an archive dump's header. */
function isDumpFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const head = new Uint8Array(4096);
      return isArchiveDump(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** What restoring a dump did: its tag-store documents named by kind, not repeated whole. */
type RestoredDump = Omit<RestoreSummary, 'tagDocuments'> & {
  file: string;
  /** The dump's tag-store documents filed into the archive's store (those it lacked). */
  tagDocuments: TagDocumentKind[];
};

/**
 * A dump restored into the archive, then its tag-store documents filed into the archive's
 * store (`mergeDumpTagDocuments`: what the store lacks; its own documents are kept).
 */
async function restoreDump(
  ctx: CommandContext,
  archive: Archive,
  dump: string,
): Promise<RestoredDump> {
  const { tagDocuments, ...r } = restoreArchiveDump(archive, fileLines(dump), dump);
  if (Object.keys(tagDocuments).length === 0) return { file: dump, ...r, tagDocuments: [] };
  const filed = mergeDumpTagDocuments(await cliTagStorePaths(ctx, undefined), tagDocuments, dump);
  return {
    file: dump,
    ...r,
    diagnostics: [...r.diagnostics, ...filed.diagnostics],
    tagDocuments: filed.written,
  };
}

/** What restoring a dump did, in words. */
function describeRestore(r: RestoredDump): string {
  if (!r.restored) return 'not restored';
  const parts = [`${r.inserted} new`, `${r.unchanged} already in the archive`, `${r.days} days`];
  if (r.published > 0) parts.push(`${r.published} blog posts`);

  if (r.skipped > 0) parts.push(`${r.skipped} records skipped`);
  const store =
    r.tagDocuments.length > 0 ? `; its tag store: ${tagDocumentWords(r.tagDocuments)}` : '';
  return `${parts.join(', ')} (archive dump)${store}`;
}

/**
 * Files as given; a folder stands for the files in it that kirinuki reads (the others are
 * named on stderr as skipped). Each is read when the import comes to it, so an import holds
 * the bytes of the file it files (and of the few read ahead), not of all of them: a 50 MB
 * paste's bytes were held to the end of its import.
 */
function sourceFiles(ctx: CommandContext, paths: string[]): LazySourceFile[] {
  return paths.flatMap((p) => {
    const found = sourceFilesAt(p);
    if (!found.ok) throw new UsageError(`import: no such file: ${p}`);
    for (const s of found.value.skipped)
      ctx.io.stderr.write(`import: skipped ${s.name}: ${s.reason}\n`);
    return found.value.files;
  });
}

/** The first byte of a file (-1 when it is empty or cannot be read: its turn will say why). */
function firstByteOf(name: string): number {
  try {
    const fd = openSync(name, 'r');
    try {
      const one = new Uint8Array(1);
      return readSync(fd, one, 0, 1, 0) === 1 ? (one[0] ?? -1) : -1;
    } finally {
      closeSync(fd);
    }
  } catch {
    return -1;
  }
}

function readSource(name: string, read: () => Uint8Array): Uint8Array {
  try {
    return read();
  } catch (e) {
    throw new UsageError(`import: cannot read ${name}: ${readFailure(e)}`);
  }
}

/**
 * Imports the files, annotating them on worker threads when there are several
 * holding 1 MiB or more (`importFilesAhead`): annotation is about half of an import of clip
 * documents, and runs beside the filing. `KIRINUKI_ANNOTATION_THREADS` sets how many threads,
 * for any import of several files (0: annotate on the main thread, as for a single file); the
 * default is one per core but one, at most 4.
 */
async function importWithThreads(
  ctx: CommandContext,
  archive: Archive,
  files: readonly LazySourceFile[],
  options: ImportOptions,
): Promise<ImportSummary> {
  const asked = ctx.io.env.KIRINUKI_ANNOTATION_THREADS;
  const threads = annotationThreads(asked);
  const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
  // Starting a thread costs tens of milliseconds: worth it for a large import, not a day's file.
  const worthIt = asked !== undefined || bytes >= THREADS_AFTER_BYTES;
  if (files.length < 2 || threads === 0 || !worthIt || options.knowledge === undefined)
    return importFiles(archive, files, options);
  const pool = startPeoplePool(await loadCliKnowledgeSource(ctx.io), threads);
  try {
    return await importFilesAhead(archive, files, { ...options, people: pool });
  } finally {
    await pool.close();
  }
}

function annotationThreads(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return peoplePoolSize();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new UsageError(
      `import: KIRINUKI_ANNOTATION_THREADS must be a whole number from 0 to 64, got "${value}"`,
    );
  return n;
}
