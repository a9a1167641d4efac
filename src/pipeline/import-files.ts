import { ArchiveBusyError, type Archive, type EntryPeople } from '../archive/index.js';
import { decodeUtf8, looksLikeClipDocument } from '../format/index.js';
import { detectImportFormat, unreadableReason } from '../ingest/index.js';
import type { Diagnostic, Entry } from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import type { SketchCache } from '../ingest/index.js';
import { clipBatches, ingestBatches, type FileBatches } from './batches.js';
import { fileBatches, type FilingOptions, type FilingReport } from './file-batches.js';
import { GroupedFiling } from './file-groups.js';
import { bulkPacer } from './memory-pacer.js';
import type { PeopleAnnotator } from './people-pool.js';

/** A file to import: its name (for messages and provenance) and its bytes. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A file to import, read or to be read when its turn comes: an import holds the bytes of the
 * file it is filing (and of those read ahead), never of every file it was given.
 */
export type InputFile = SourceFile | LazySourceFile;

export interface ImportOptions {
  /** File every entry under this digest day instead of the one read from the input. */
  day?: string;
  /** The day for entries that carry no date of their own (`YYYY-MM-DD`). */
  today: string;
  /** Called after each file, for progress bars. */
  onFile?: (done: number, total: number, file: string) => void;
  /** Called as the posts of a blog archive are read, for progress bars. */
  onPosts?: (done: number, total: number, file: string) => void;
  /** Annotate the entries and file who they quote and mention (`speaker:`, `person:`). */
  knowledge?: Knowledge;
  /** Days either side of an entry's day to look for its story; `false` for none (default 2). */
  storyWindowDays?: number | false;
}

export interface FileImport {
  file: string;
  format: FileBatches['format'] | null;
  /** Days the file's entries were filed under. */
  days: string[];
  /**
   * `null` when nothing of the file was stored (see diagnostics). `duplicates` counts the
   * file's entries that were the same as another of its entries or as one already filed.
   */
  report: FilingReport | null;
}

export interface ImportSummary {
  files: FileImport[];
  diagnostics: Diagnostic[];
}

/**
 * Imports files of any supported kind — clip documents, blog archives, feeds, article pages,
 * Telegram exports, embeds, pastes — one transaction per file: a file that fails leaves the
 * archive as it was, and the other files are still imported.
 *
 * @example
 * const summary = importFiles(archive, [{ name: 'day.txt', bytes }], { today: '2024-01-18' });
 * summary.files[0]?.report?.inserted; // 15
 */
export function importFiles(
  archive: Archive,
  files: readonly InputFile[],
  options: ImportOptions,
): ImportSummary {
  const summary: ImportSummary = { files: [], diagnostics: [] };
  const steps = importSteps(archive, files, options, summary);
  while (!steps.next().done);
  return summary;
}

/** Files read and sent to annotation ahead of the one being filed. */
const READ_AHEAD = 4;

/**
 * `importFiles` with annotation on other threads: up to {@link READ_AHEAD} files are read and
 * their entries annotated by `people` (a `startPeoplePool`) while the current one is filed, so
 * filing and annotating — each about half of an import of clip documents — overlap; and files
 * filed in groups with one commit (`GroupedFiling`). The same order and result as `importFiles`
 * with the same knowledge, each file whole or absent.
 *
 * @example
 * const pool = startPeoplePool(loadKnowledgeSource());
 * try { await importFilesAhead(archive, files, { today, people: pool }); } finally { await pool.close(); }
 */
export async function importFilesAhead(
  archive: Archive,
  files: readonly InputFile[],
  options: ImportOptions & { people: PeopleAnnotator },
): Promise<ImportSummary> {
  const { people: annotator, ...rest } = options;
  // The entries come annotated: knowledge would annotate them again on this thread.
  const filing: ImportOptions = { ...rest };
  delete filing.knowledge;
  const summary: ImportSummary = { files: [], diagnostics: [] };
  const sketches: SketchCache = new Map();
  const ahead: { file: InputFile; read: FileBatches; people: Promise<PeopleById> }[] = [];
  // Many day files to one commit; every file whole or absent all the same.
  const groups = new GroupedFiling(archive, summary);
  let next = 0;
  try {
    for (let i = 0; i < files.length; i += 1) {
      for (; next < files.length && next <= i + READ_AHEAD; next += 1) {
        const file = files[next] as InputFile;
        const read = readInput(file, filing);
        const people = annotator.peopleOf(read.batches.flatMap((b) => b.entries));
        // Not awaited until its turn: a failure then is the failure of that file's turn.
        people.catch(() => undefined);
        ahead.push({ file, read, people });
      }
      const { file, read, people } = ahead.shift() as (typeof ahead)[number];
      const known = await people;
      const batches = read.batches.map((b) => ({ ...b, people: peopleOfBatch(known, b.entries) }));
      groups.file(() =>
        fileRead(archive, file.name, { ...read, batches }, { ...filing, sketches }, summary),
      );
      boundSketches(sketches);
      filing.onFile?.(i + 1, files.length, file.name);
    }
  } catch (e) {
    // The files filed whole before the failure are kept, as they are without groups.
    groups.finish();
    throw e;
  }
  groups.finish();
  return summary;
}

type PeopleById = Record<string, EntryPeople>;

function peopleOfBatch(known: PeopleById, entries: readonly Entry[]): PeopleById {
  return Object.fromEntries(
    entries.flatMap((e) => (known[e.id] ? [[e.id, known[e.id] as EntryPeople] as const] : [])),
  );
}

/** A file to import whose bytes are read only when its turn comes. */
export interface LazySourceFile {
  name: string;
  read: () => Uint8Array;
  /** Its size in bytes, when known without reading it. */
  size?: number;
}

/** What `importFilesInSteps` did: the summary of the files imported, and whether it stopped. */
export interface SteppedImportSummary extends ImportSummary {
  /** True when `signal` stopped the import before its last file. */
  cancelled: boolean;
}

/**
 * `importFiles` for a process that has other work to do (the workbench server): it waits for
 * the event loop between files, so requests are answered during a long import, and stops
 * between two files when `signal` is aborted — each file is one transaction, so a cancelled
 * import leaves whole files only. Bytes are read one file at a time.
 *
 * @example
 * const summary = await importFilesInSteps(archive, files, { today, signal: job.signal });
 * summary.cancelled; // true when aborted before the last file
 */
export async function importFilesInSteps(
  archive: Archive,
  files: readonly InputFile[],
  options: ImportOptions & { signal?: AbortSignal },
): Promise<SteppedImportSummary> {
  const summary: SteppedImportSummary = { files: [], diagnostics: [], cancelled: false };
  const stop = (): boolean => options.signal?.aborted === true;
  const steps = importSteps(archive, files, options, summary, stop);
  while (!steps.next().done) await new Promise<void>((resolve) => setImmediate(resolve));
  summary.cancelled = summary.files.length < files.length;
  return summary;
}

/** Imports the files one at a time into `summary`, yielding after each. */
function* importSteps(
  archive: Archive,
  files: readonly InputFile[],
  options: ImportOptions,
  summary: ImportSummary,
  stop: () => boolean = () => false,
): Generator<void> {
  const sketches: SketchCache = new Map();
  for (const [i, file] of files.entries()) {
    if (stop()) return;
    fileRead(archive, file.name, readInput(file, options), { ...options, sketches }, summary);
    boundSketches(sketches);
    options.onFile?.(i + 1, files.length, file.name);
    yield;
  }
}

/**
 * Sketches kept between files at most: story grouping looks at the days around each file, so
 * what it sketched for one file mostly serves the next few, and a cache of every entry of an
 * import of a million clips would hold hundreds of megabytes. Past this many (about 12 MB), the
 * cache starts again; the next file sketches its days anew (a few hundred entries).
 */
export const MAX_SKETCHES = 20_000;

/** Empties the sketch cache when it holds more than {@link MAX_SKETCHES}. */
function boundSketches(sketches: SketchCache): void {
  if (sketches.size > MAX_SKETCHES) sketches.clear();
}

/** Files one file's batches (with retries) and records the file in `summary`. */
function fileRead(
  archive: Archive,
  name: string,
  read: FileBatches,
  options: FilingOptions,
  summary: ImportSummary,
): void {
  summary.diagnostics.push(...read.diagnostics);
  const report = fileWithRetries(archive, read, options, name, summary);
  const days = [...new Set(read.batches.map((b) => b.day))].sort();
  summary.files.push({ file: name, format: read.format, days, report });
}

/** How many times a file is tried while another process holds the archive (each waits ~5 s). */
const BUSY_ATTEMPTS = 3;

/**
 * `fileReport`, tried again while another process holds the archive's write lock; a file that
 * still cannot be filed is reported (its diagnostic in `summary`) and the import goes on with
 * the next file — each file is its own transaction, so nothing of it was stored.
 */
function fileWithRetries(
  archive: Archive,
  read: FileBatches,
  options: FilingOptions,
  name: string,
  summary: ImportSummary,
): FilingReport | null {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return fileReport(archive, read, options);
    } catch (e) {
      if (!(e instanceof ArchiveBusyError)) throw e;
      if (attempt < BUSY_ATTEMPTS) continue;
      summary.diagnostics.push({
        severity: 'error',
        file: name,
        message: `pipeline: not imported after ${BUSY_ATTEMPTS} tries: ${e.message}`,
      });
      return null;
    }
  }
}

/** Files what was read (nothing when nothing was read) and counts the file's own duplicates. */
export function fileReport(
  archive: Archive,
  read: FileBatches,
  options: FilingOptions,
): FilingReport | null {
  if (read.batches.length === 0) return null;
  const report = fileBatches(archive, read.batches, options);
  return { ...report, duplicates: report.duplicates + read.duplicates };
}

/**
 * Reads one file into the batches to file, detecting its kind (a clip document, a blog archive,
 * a feed…), without filing them.
 *
 * @example
 * readFile({ name: 'paste', bytes }, { today: '2024-03-04' }).batches[0]?.entries;
 */
/**
 * `readFile` of a file read now if it was not yet. Its bytes are not kept: what was read from
 * them is. A file that cannot be read is an error of that file, and the import goes on.
 *
 * @example
 * readInput({ name: 'day.txt', read: () => readFileSync('day.txt') }, { today }).format; // 'clip'
 */
export function readInput(file: InputFile, options: ImportOptions): FileBatches {
  const { read, size } =
    'bytes' in file
      ? { read: readFile(file, options), size: file.bytes.length }
      : readNow(file, options);
  // Reading makes garbage in proportion to the bytes (see memory-pacer.ts), and a lazy file's
  // bytes are garbage too once `readNow` has returned.
  bulkPacer.done(size);
  return read;
}

function readNow(
  file: LazySourceFile,
  options: ImportOptions,
): { read: FileBatches; size: number } {
  let bytes: Uint8Array;
  try {
    bytes = file.read();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const message = `pipeline: not imported: cannot read ${file.name}: ${why}`;
    const diagnostics: Diagnostic[] = [{ severity: 'error', file: file.name, message }];
    return { read: { format: 'paste', batches: [], diagnostics, duplicates: 0 }, size: 0 };
  }
  return { read: readFile({ name: file.name, bytes }, options), size: bytes.length };
}

export function readFile(file: SourceFile, options: ImportOptions): FileBatches {
  const unreadable = unreadableReason(file.name, file.bytes);
  if (unreadable !== null) {
    const message = `pipeline: not imported: ${unreadable}`;
    return {
      format: 'paste',
      batches: [],
      diagnostics: [{ severity: 'error', file: file.name, message }],
      duplicates: 0,
    };
  }
  const format = detectImportFormat(file.name, file.bytes);
  if (
    format === 'paste' &&
    looksLikeClipDocument(new TextDecoder().decode(file.bytes.subarray(0, 65536)))
  ) {
    // A clip document must be valid UTF-8: guessing at a damaged digest would file wrong text.
    const text = decodeUtf8(file.bytes, file.name);
    if (!text.ok) return { format: 'clip', batches: [], diagnostics: [text.error], duplicates: 0 };
    return clipBatches(text.value, file.name, options.day);
  }
  const onPosts = options.onPosts;
  return ingestBatches(file.bytes, file.name, {
    today: options.today,
    ...(options.day ? { day: options.day } : {}),
    ...(onPosts ? { read: { onProgress: (done, total) => onPosts(done, total, file.name) } } : {}),
  });
}
