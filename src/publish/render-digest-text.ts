import { entryLines } from '../format/index.js';
import type { DigestDay } from './digest-day.js';

/**
 * Renders a day's digest in the curator's clip-document text format: each entry's post, body
 * and summary lines, then the document tag lines, with a final newline.
 *
 * @example
 * renderDigestText({ day: '2024-01-18', entries, documentTagLines: ['#NATOexpansion'] });
 */
export function renderDigestText(day: DigestDay): string {
  const lines = [...day.entries.flatMap(entryLines), ...day.documentTagLines];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
