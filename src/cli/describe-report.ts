import type { FilingReport } from '../pipeline/index.js';

/**
 * What filing a file or URL did, in words.
 *
 * @example
 * describeReport(report); // '3 new, 1 already in the archive, 2 duplicates dropped'
 */
export function describeReport(r: FilingReport): string {
  const parts = [`${r.inserted} new`, `${r.unchanged} already in the archive`];
  if (r.duplicates > 0)
    parts.push(`${r.duplicates} duplicate${r.duplicates === 1 ? '' : 's'} dropped`);
  if (r.replaced > 0) parts.push(`${r.replaced} replaced by a fuller copy`);
  if (r.joinedStories > 0) parts.push(`${r.joinedStories} joined a story`);
  return parts.join(', ');
}
