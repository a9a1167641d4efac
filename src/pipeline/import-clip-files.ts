import type { Archive, ImportReport } from '../archive/index.js';
import { decodeUtf8, parseClipDocument } from '../format/index.js';
import { documentEntries, type Diagnostic, type Document } from '../model/index.js';

/** A file to import: its name (for messages and provenance) and its bytes. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** File every entry under this digest day instead of the one read from the document. */
  day?: string;
  /** Called after each file, for progress bars. */
  onFile?: (done: number, total: number, file: string) => void;
}

export interface FileImport {
  file: string;
  /** `null` when the file could not be imported at all (see diagnostics). */
  day: string | null;
  report: ImportReport | null;
}

export interface ImportSummary {
  files: FileImport[];
  diagnostics: Diagnostic[];
}

/**
 * Imports clip documents into the archive, one transaction per file: a file that fails leaves
 * the archive as it was, and the other files are still imported.
 *
 * @example
 * const summary = importClipFiles(archive, [{ name: 'day.txt', bytes }]);
 * summary.files[0]?.report?.inserted; // 15
 */
export function importClipFiles(
  archive: Archive,
  files: readonly SourceFile[],
  options: ImportOptions = {},
): ImportSummary {
  const summary: ImportSummary = { files: [], diagnostics: [] };
  files.forEach((file, i) => {
    summary.files.push(importOne(archive, file, options, summary.diagnostics));
    options.onFile?.(i + 1, files.length, file.name);
  });
  return summary;
}

function importOne(
  archive: Archive,
  file: SourceFile,
  options: ImportOptions,
  diagnostics: Diagnostic[],
): FileImport {
  const failed = { file: file.name, day: null, report: null };
  const text = decodeUtf8(file.bytes, file.name);
  if (!text.ok) {
    diagnostics.push(text.error);
    return failed;
  }
  const parsed = parseClipDocument(text.value, { file: file.name });
  diagnostics.push(...parsed.diagnostics);
  const day = options.day ?? digestDay(parsed.document, file.name);
  if (day === null) {
    diagnostics.push({
      severity: 'error',
      file: file.name,
      message:
        'pipeline: cannot tell which day this digest is for (no dated post, no date in the file name); use --day YYYY-MM-DD',
    });
    return failed;
  }
  const documentTagLines = parsed.document.parts.flatMap((p) =>
    p.kind === 'tags' ? [p.line.raw] : [],
  );
  const entries = documentEntries(parsed.document);
  const report = archive.importBatch({ source: file.name, day, entries, documentTagLines });
  return { file: file.name, day, report };
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
