import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Archive } from '../archive/index.js';
import { entryLines, decodeUtf8 } from '../format/index.js';
import {
  readTextDaysManifest,
  splitDayParts,
  TEXT_DAYS_MANIFEST,
} from '../format/archive-dump/index.js';
import type { Entry } from '../model/index.js';
import { clipBatches } from './batches.js';
import {
  fileReport,
  type FileImport,
  type ImportOptions,
  type ImportSummary,
} from './import-files.js';

/** One filed day as a clip document. */
export interface DayDocument {
  day: string;
  text: string;
}

/**
 * A day as the clip document the curator writes: its entries in digest order, each as the
 * clip document has it (post, body, summary lines), then the day's document tag lines, with a
 * final newline. An entry without summary lines is followed by a blank line, which ends its
 * body for the clip reader (a blank line never belongs to a body's end). Parsing the text gives
 * the same entries and tag lines back.
 *
 * @example
 * dayDocumentText([entry], ['#NATOexpansion']);
 * // 'NATO、…https://t.co/…\n— ロイター (@ReutersJapan) January 17, 2024\n…\n#NATO(…)\n#NATOexpansion\n'
 */
export function dayDocumentText(
  entries: readonly Entry[],
  documentTagLines: readonly string[],
): string {
  const lines: string[] = [];
  entries.forEach((entry, i) => {
    lines.push(...entryLines(entry));
    const more = i < entries.length - 1 || documentTagLines.length > 0;
    if (entry.summaries.length === 0 && more) lines.push('');
  });
  lines.push(...documentTagLines);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * Every day the archive holds, oldest first, as its clip document (`kirinuki export --format
 * text`). One day in memory at a time.
 *
 * @example
 * for (const { day, text } of dayDocuments(archive)) writeFileSync(`out/${day}.txt`, text);
 */
export function* dayDocuments(archive: Archive): Generator<DayDocument> {
  for (const { day, documentTagLines } of archive.allDays()) {
    const entries = archive.entriesOfDay(day).map((s) => s.entry);
    yield { day, text: dayDocumentText(entries, documentTagLines) };
  }
}

/**
 * Whether `dir` is a text export (`kirinuki export --format text --out DIR`): it holds the
 * manifest naming its days.
 *
 * @example
 * isTextDaysFolder('out'); // true after `kirinuki export --format text --out out`
 */
export function isTextDaysFolder(dir: string): boolean {
  return existsSync(join(dir, TEXT_DAYS_MANIFEST));
}

/**
 * Imports a text export: each `DAY.txt` the manifest names, filed under that day (not the day
 * its posts suggest), one transaction a day, as `import` files clip documents: the same
 * entries, order, summary lines and document tag lines; ids derived again from the text, and
 * stories grouped again. A missing or damaged day is an error naming its file; the other days
 * are still imported.
 *
 * @example
 * const summary = importTextDays(archive, 'out', { today: '2024-03-06' });
 * summary.files.map((f) => f.days); // [['2024-03-04'], ['2024-03-05'], ['2024-03-06']]
 */
export function importTextDays(
  archive: Archive,
  dir: string,
  options: ImportOptions,
): ImportSummary {
  const summary: ImportSummary = { files: [], diagnostics: [] };
  const manifestFile = join(dir, TEXT_DAYS_MANIFEST);
  const manifest = readTextDaysManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
  if (!manifest.ok) {
    summary.diagnostics.push(manifest.error);
    summary.files.push({ file: manifestFile, format: null, days: [], report: null });
    return summary;
  }
  const days = manifest.value.days;
  for (const [i, day] of days.entries()) {
    summary.files.push(importDay(archive, join(dir, `${day}.txt`), day, options, summary));
    options.onFile?.(i + 1, days.length, day);
  }
  return summary;
}

function importDay(
  archive: Archive,
  file: string,
  day: string,
  options: ImportOptions,
  summary: ImportSummary,
): FileImport {
  const failed: FileImport = { file, format: null, days: [], report: null };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e);
    summary.diagnostics.push({
      severity: 'error',
      file,
      message: `pipeline: ${why}: day ${day} not imported`,
    });
    return failed;
  }
  const text = decodeUtf8(bytes, file);
  if (!text.ok) {
    summary.diagnostics.push(text.error);
    return failed;
  }
  return fileDay(archive, { day, text: text.value, firstLine: 1 }, file, options, summary);
}

/**
 * Imports a text export written to standard output (`kirinuki export --format text > all.txt`):
 * each day's clip document, after its day break line (`\f2024-01-18`), filed under that day,
 * one transaction a day — as `importTextDays` does for a folder. Null when the text does not
 * start with a day break (it is then an ordinary clip document). Diagnostics give the line in
 * the whole file.
 *
 * @example
 * const summary = importDayBreakText(archive, text, 'all.txt', { today: '2024-03-06' });
 * summary?.files.map((f) => f.days); // [['2024-03-04'], ['2024-03-05']]
 */
export function importDayBreakText(
  archive: Archive,
  text: string,
  file: string,
  options: ImportOptions,
): ImportSummary | null {
  const parts = splitDayParts(text);
  if (parts === null) return null;
  const summary: ImportSummary = { files: [], diagnostics: [] };
  for (const [i, part] of parts.entries()) {
    summary.files.push(fileDay(archive, part, file, options, summary));
    options.onFile?.(i + 1, parts.length, part.day);
  }
  return summary;
}

function fileDay(
  archive: Archive,
  part: { day: string; text: string; firstLine: number },
  file: string,
  options: ImportOptions,
  summary: ImportSummary,
): FileImport {
  const read = clipBatches(part.text, file, part.day);
  for (const d of read.diagnostics)
    summary.diagnostics.push(
      d.line === undefined ? d : { ...d, line: d.line + part.firstLine - 1 },
    );
  const report = fileReport(archive, read, options);
  return { file, format: 'clip', days: [part.day], report };
}
