import type { ImportBatch } from '../archive/index.js';
import { parseClipDocument } from '../format/index.js';
import { documentEntries, type Diagnostic, type Document, type Entry } from '../model/index.js';
import {
  dedupeEntries,
  importBytes,
  type ImportFormat,
  type ImportOptions,
} from '../ingest/index.js';

/** What a file turns into: the batches to file (one transaction), and what was found. */
export interface FileBatches {
  format: ImportFormat | 'clip';
  batches: ImportBatch[];
  diagnostics: Diagnostic[];
  /** Entries of the file that were the same as another of its entries and were merged. */
  duplicates: number;
}

/** A clip document is one batch, filed under its digest day. */
export function clipBatches(text: string, file: string, day: string | undefined): FileBatches {
  const parsed = parseClipDocument(text, { file });
  const batchDay = day ?? digestDay(parsed.document, file);
  if (batchDay === null) {
    const message =
      'pipeline: cannot tell which day this digest is for (no dated post, no date in the file name); use --day YYYY-MM-DD';
    return {
      format: 'clip',
      batches: [],
      diagnostics: [...parsed.diagnostics, { severity: 'error', file, message }],
      duplicates: 0,
    };
  }
  return {
    format: 'clip',
    batches: [documentBatch(parsed.document, file, batchDay)],
    diagnostics: parsed.diagnostics,
    duplicates: 0,
  };
}

/**
 * Any other input goes through the ingest importers. A blog archive gives one batch per post
 * (its day, its document tags); other entries are filed under their own date.
 */
export function ingestBatches(
  bytes: Uint8Array,
  file: string,
  options: { day?: string; today: string; read?: ImportOptions },
): FileBatches {
  const r = importBytes(file, bytes, {
    parseClip: (text) => parseClipDocument(text, { file }),
    ...options.read,
  });
  if (r.documents !== undefined) {
    const batches = r.documents.map((d) =>
      documentBatch(d.document, file, options.day ?? d.day ?? options.today),
    );
    return { format: r.format, batches, diagnostics: r.diagnostics, duplicates: 0 };
  }
  return {
    format: r.format,
    diagnostics: r.diagnostics,
    ...entryBatches(r.entries, file, options),
  };
}

/**
 * Captured entries, the same post or article merged into one (see `dedupeEntries`), filed
 * under their own date (or `day`, or `today` when they have none), a batch a day.
 */
export function entryBatches(
  captured: readonly Entry[],
  source: string,
  options: { day?: string; today: string },
): { batches: ImportBatch[]; duplicates: number } {
  const { entries, merges } = dedupeEntries(captured);
  const byDay = new Map<string, Entry[]>();
  for (const entry of entries) {
    const day = options.day ?? entryDate(entry) ?? options.today;
    const list = byDay.get(day);
    if (list) list.push(entry);
    else byDay.set(day, [entry]);
  }
  const batches = [...byDay].map(([day, list]) => ({
    source,
    day,
    entries: list,
    documentTagLines: [],
  }));
  return { batches, duplicates: merges.reduce((n, m) => n + m.merged.length, 0) };
}

function documentBatch(doc: Document, file: string, day: string): ImportBatch {
  const documentTagLines = doc.parts.flatMap((p) => (p.kind === 'tags' ? [p.line.raw] : []));
  return { source: file, day, entries: documentEntries(doc), documentTagLines };
}

function entryDate(entry: Entry): string | undefined {
  const date = entry.post?.date ?? entry.origin?.published?.slice(0, 10);
  return date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

/**
 * The day a digest is for: the latest post date in it (a day's digest collects that day's posts
 * and a few from the day before), else a `YYYY-MM-DD` in the file name.
 */
export function digestDay(doc: Document, fileName: string): string | null {
  const dates = documentEntries(doc).flatMap((e) => (e.post ? [e.post.date] : []));
  if (dates.length > 0) return dates.reduce((a, b) => (b > a ? b : a));
  return /(\d{4}-\d{2}-\d{2})/.exec(fileName)?.[1] ?? null;
}
