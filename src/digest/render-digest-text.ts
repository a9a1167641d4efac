import type { Entry } from '../model/index.js';
import { entryLines } from '../format/index.js';

/** What a day's digest is made of: its entries in order and its document tag lines. */
export interface DigestInput {
  entries: readonly Entry[];
  documentTagLines: readonly string[];
}

/**
 * Renders a day's digest in the curator's clip-document text format: each entry's post, body
 * and summary lines, then the document tag lines, with a final newline.
 *
 * @example
 * renderDigestText({ entries, documentTagLines: ['#NATOexpansion'] });
 */
export function renderDigestText(input: DigestInput): string {
  const lines = [...input.entries.flatMap(entryLines), ...input.documentTagLines];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
