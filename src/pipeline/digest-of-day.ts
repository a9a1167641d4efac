import type { Archive } from '../archive/index.js';
import { renderDigestText } from '../digest/index.js';

/**
 * A day's digest from the archive, in the clip-document text format.
 *
 * @example
 * digestOfDay(archive, '2024-01-18'); // '…\n#NATOexpansion\n'
 */
export function digestOfDay(archive: Archive, day: string): string {
  return renderDigestText({
    entries: archive.entriesOfDay(day).map((s) => s.entry),
    documentTagLines: archive.documentTagLinesOfDay(day),
  });
}
