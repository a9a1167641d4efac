import type { Archive, StoredEntry } from '../archive/index.js';
import { identityOf, sameItem } from '../ingest/index.js';
import type { Diagnostic } from '../model/index.js';
import type { FileBatches } from './batches.js';
import type { FilingOptions, FilingReport } from './file-batches.js';
import { fileReport, readFile, type ImportOptions, type SourceFile } from './import-files.js';

/** What filing one input did, and the stored entries it gave. */
export interface FiledInput {
  format: FileBatches['format'] | null;
  /**
   * The stored entries of the input, in its order, each once: new ones, and those the archive
   * already held (the same post filed before, or a fuller copy of it).
   */
  entries: StoredEntry[];
  /** `null` when nothing of the input could be filed (see diagnostics). */
  report: FilingReport | null;
  diagnostics: Diagnostic[];
}

/**
 * Files one pasted text, embed code, feed or page as `import` files a file (its kind detected
 * from the bytes, one transaction), and answers with the stored entries it gave: what the
 * workbench shows after a paste.
 *
 * @example
 * const r = fileInput(archive, { name: 'paste', bytes }, { today: '2024-03-04', knowledge });
 * r.entries[0]?.entry.id;
 */
export function fileInput(archive: Archive, input: SourceFile, options: ImportOptions): FiledInput {
  return fileRead(archive, readFile(input, options), options);
}

/**
 * Files what was read and looks up the stored entries it gave: by id (a superseded id finds
 * its successor), else by identity (a copy the archive already held under another id).
 *
 * @example
 * fileRead(archive, ingestBatches(bytes, url, { today }), { knowledge }).entries;
 */
export function fileRead(archive: Archive, read: FileBatches, options: FilingOptions): FiledInput {
  const report = fileReport(archive, read, options);
  const entries: StoredEntry[] = [];
  const seen = new Set<string>();
  for (const batch of read.batches)
    for (const entry of batch.entries) {
      const stored =
        archive.findEntry(entry.id) ??
        archive.findByKeys(identityOf(entry).keys).find((s) => sameItem(s.entry, entry)) ??
        null;
      if (stored === null || seen.has(stored.entry.id)) continue;
      seen.add(stored.entry.id);
      entries.push(stored);
    }
  return { format: read.format, entries, report, diagnostics: read.diagnostics };
}
