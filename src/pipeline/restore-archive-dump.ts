import {
  ArchiveBusyError,
  type Archive,
  type ImportBatch,
  type PublishedPost,
} from '../archive/index.js';
import {
  readDumpHeader,
  readDumpLine,
  type DumpDay,
  type DumpEnd,
  type DumpEntry,
  type DumpPublished,
} from '../format/archive-dump/index.js';
import type { Diagnostic } from '../model/index.js';
import type { FileLine } from './file-lines.js';
import type { TagStoreSnapshot } from './tag-store-snapshot.js';

export interface RestoreOptions {
  /** Entries per transaction (default 1,000): a failure loses one batch, never half of one. */
  batchEntries?: number;
}

/** What restoring a dump did. */
export interface RestoreSummary {
  /** Whether the file was a dump this kirinuki reads (false: nothing was restored). */
  restored: boolean;
  /** Entries new to the archive. */
  inserted: number;
  /** Entries the archive already held (same id): restoring twice changes nothing. */
  unchanged: number;
  /** Day records read (their document tag lines restored). */
  days: number;
  /** Blog posts of days remembered again. */
  published: number;
  /**
   * The documents of the dumped archive's tag store (taxonomy, tag model, style), read but not
   * filed: the store is not the archive's, so the caller files them (`mergeDumpTagDocuments`).
   */
  tagDocuments: TagStoreSnapshot;
  /** Records not restored: bad lines, and the entries of a batch the archive refused. */
  skipped: number;
  /** Errors name the file and line; a dump cut short says so. */
  diagnostics: Diagnostic[];
}

/** How many times a batch is tried while another process holds the archive's write lock. */
const BUSY_ATTEMPTS = 3;

/**
 * Restores an archive dump (`kirinuki export --format jsonl`) into `archive`: the same entries
 * with their ids, days, order (`seq`), sources, stories, identity keys and text people; each
 * day's document tag lines; the blog posts of days. The tag store's documents are read into
 * the summary (`tagDocuments`) for the caller to file. Batches of `batchEntries` entries, each one
 * transaction (`Archive.importBatches`), so the archive is never half-written per batch.
 * Idempotent: an entry already filed (same id) is left as it is. A line that is not a valid
 * record is reported with its file and line and skipped, and the rest restored; a header this
 * kirinuki does not read (another format, a newer version) restores nothing. A dump without
 * its end record, or whose counts differ from it, was cut short or altered: an error.
 *
 * @example
 * const r = restoreArchiveDump(archive, fileLines('archive.jsonl'), 'archive.jsonl');
 * r.inserted; // 100000
 * r.diagnostics; // [] for an intact dump
 */
export function restoreArchiveDump(
  archive: Archive,
  lines: Iterable<FileLine>,
  file: string,
  options: RestoreOptions = {},
): RestoreSummary {
  const summary: RestoreSummary = {
    restored: false,
    inserted: 0,
    unchanged: 0,
    days: 0,
    published: 0,
    tagDocuments: {},
    skipped: 0,
    diagnostics: [],
  };
  const batch = new PendingBatch(archive, file, summary);
  const limit = Math.max(1, options.batchEntries ?? 1000);
  const seen = { days: 0, entries: 0, published: 0, tagDocuments: 0 };
  let end: { record: DumpEnd; line: number } | null = null;
  let last: FileLine | null = null;
  for (const line of lines) {
    last = line;
    const fail = (message: string): void => {
      summary.diagnostics.push({ severity: 'error', file, line: line.line, message });
      summary.skipped += 1;
    };
    if (line.text === null) {
      fail('pipeline: the line is not UTF-8; skipped');
      continue;
    }
    if (line.line === 1) {
      const header = readDumpHeader(line.text, { file, line: 1 });
      if (!header.ok) {
        summary.diagnostics.push({
          ...header.error,
          message: `${header.error.message}; nothing restored`,
        });
        return summary;
      }
      summary.restored = true;
      continue;
    }
    if (line.text.trim() === '') continue;
    const read = readDumpLine(line.text, { file, line: line.line });
    if (!read.ok) {
      const cut = line.ended ? '' : ' (the file ends inside this line: it was cut short)';
      fail(`${read.error.message}${cut}; skipped`);
      continue;
    }
    if ('unknownKind' in read.value) {
      summary.diagnostics.push({
        severity: 'warning',
        file,
        line: line.line,
        message: `pipeline: a "${read.value.unknownKind}" record is not one this kirinuki knows; skipped`,
      });
      continue;
    }
    const record = read.value.record;
    if (end !== null) {
      fail(`pipeline: a ${record.kind} record after the end record (line ${end.line}); skipped`);
      continue;
    }
    switch (record.kind) {
      case 'day':
        seen.days += 1;
        batch.addDay(record);
        break;
      case 'entry':
        seen.entries += 1;
        batch.addEntry(record, line.line);
        if (batch.size >= limit) batch.flush();
        break;
      case 'published':
        seen.published += 1;
        batch.addPublished(record);
        break;
      case 'tag-document':
        seen.tagDocuments += 1;
        summary.tagDocuments[record.document] = record.text;
        break;
      case 'end':
        end = { record, line: line.line };
        break;
    }
  }
  batch.flush();
  if (last === null) {
    summary.diagnostics.push({
      severity: 'error',
      file,
      message: 'pipeline: the file is empty; nothing restored',
    });
    return summary;
  }
  if (summary.restored) checkEnd(end?.record ?? null, seen, file, last.line, summary);
  return summary;
}

/** What the end record counts, in a message. */
const COUNTED = {
  days: 'days',
  entries: 'entries',
  published: 'published',
  tagDocuments: 'tag documents',
} as const;

/** The end record must come, and its counts must be the records read. */
function checkEnd(
  end: DumpEnd | null,
  seen: { days: number; entries: number; published: number; tagDocuments: number },
  file: string,
  lastLine: number,
  summary: RestoreSummary,
): void {
  if (end === null) {
    summary.diagnostics.push({
      severity: 'error',
      file,
      line: lastLine,
      message: `pipeline: the dump ends at line ${lastLine} without its end record: it was cut short; ${summary.inserted + summary.unchanged} entries restored, what followed is missing`,
    });
    return;
  }
  // Lines already reported as bad may have been any of these records.
  const unread = summary.skipped;
  // An end record without a count of tag documents is a dump from before they were in it.
  const counted = { ...end, tagDocuments: end.tagDocuments ?? seen.tagDocuments };
  for (const what of ['days', 'entries', 'published', 'tagDocuments'] as const)
    if (seen[what] > counted[what] || seen[what] + unread < counted[what])
      summary.diagnostics.push({
        severity: 'error',
        file,
        message: `pipeline: the end record counts ${counted[what]} ${COUNTED[what]} but the dump holds ${seen[what]}: lines are missing or were added`,
      });
}

/**
 * The records read since the last transaction, as import batches: one per run of entries of
 * the same day and source, in dump order, a day's document tag lines with its first batch.
 */
class PendingBatch {
  private batches: ImportBatch[] = [];
  private lines: number[] = [];
  private published: DumpPublished[] = [];
  size = 0;

  constructor(
    private readonly archive: Archive,
    private readonly file: string,
    private readonly summary: RestoreSummary,
  ) {}

  addDay(day: DumpDay): void {
    this.batches.push({
      source: this.file,
      day: day.day,
      entries: [],
      documentTagLines: day.documentTagLines,
    });
    this.summary.days += 1;
  }

  addEntry(record: DumpEntry, line: number): void {
    const id = record.entry.id;
    let batch = this.batches[this.batches.length - 1];
    if (
      !batch ||
      batch.day !== record.day ||
      (batch.entries.length > 0 && batch.source !== record.source)
    ) {
      batch = { source: record.source, day: record.day, entries: [], documentTagLines: [] };
      this.batches.push(batch);
    }
    batch.source = record.source;
    batch.entries.push(record.entry);
    (batch.seqs ??= {})[id] = record.seq;
    (batch.stories ??= {})[id] = record.story;
    (batch.keys ??= {})[id] = record.keys;
    (batch.people ??= {})[id] = record.people;
    this.lines.push(line);
    this.size += 1;
  }

  addPublished(record: DumpPublished): void {
    this.published.push(record);
  }

  /** Files what is pending in one transaction, tried again while the archive is busy. */
  flush(): void {
    const batches = this.batches;
    const lines = this.lines;
    const published = this.published;
    this.batches = [];
    this.lines = [];
    this.published = [];
    this.size = 0;
    if (batches.length > 0) this.store(batches, lines);
    for (const record of published) {
      this.archive.recordPublished(publishedPost(record));
      this.summary.published += 1;
    }
  }

  private store(batches: ImportBatch[], lines: number[]): void {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const report = this.archive.importBatches(batches);
        this.summary.inserted += report.inserted;
        this.summary.unchanged += report.unchanged;
        return;
      } catch (e) {
        if (e instanceof ArchiveBusyError && attempt < BUSY_ATTEMPTS) continue;
        const why = e instanceof Error ? e.message : String(e);
        const span = lines.length > 0 ? ` (lines ${lines[0]}–${lines[lines.length - 1]})` : '';
        this.summary.diagnostics.push({
          severity: 'error',
          file: this.file,
          ...(lines[0] === undefined ? {} : { line: lines[0] }),
          message: `pipeline: ${lines.length} entries${span} not restored: ${why}`,
        });
        this.summary.skipped += lines.length;
        return;
      }
    }
  }
}

function publishedPost(r: DumpPublished): PublishedPost {
  const { day, target, blog, remoteId, editUrl, url, status, firstPostedAt, lastPostedAt } = r;
  return { day, target, blog, remoteId, editUrl, url, status, firstPostedAt, lastPostedAt };
}
