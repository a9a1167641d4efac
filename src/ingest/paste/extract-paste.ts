import type { Entry } from '../../model/index.js';
import { canonicalUrl, entryId, ingestDiagnostic } from '../shared/index.js';
import type { ImportResult } from '../types.js';

/**
 * Anything typed or pasted, kept as one plain entry: never rejected. The lines are kept exactly
 * (only leading and trailing blank lines go); a paste that is a single URL gets that URL as its
 * origin and id. Empty input gives no entry and an informational diagnostic.
 *
 * @example
 * extractPaste('停戦交渉、来週再開へ\n関係者が明らかにした', 'clipboard').entries[0]?.body;
 * // ['停戦交渉、来週再開へ', '関係者が明らかにした']
 */
export function extractPaste(text: string, source: string): ImportResult {
  const all = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // One slice, not a shift per blank line: shifting a million blank lines is quadratic.
  const first = all.findIndex((l) => l.trim() !== '');
  const lines = first === -1 ? [] : all.slice(first);
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  if (lines.length === 0) {
    return {
      entries: [],
      diagnostics: [ingestDiagnostic(source, 'nothing to import', {}, 'info')],
    };
  }
  const only = lines.length === 1 ? canonicalUrl(lines[0] ?? '') : null;
  const entry: Entry = {
    id: only === null ? entryId({ text: lines.join('\n') }) : entryId({ url: only }),
    post: null,
    bodyKind: 'article',
    body: lines,
    summaries: [],
    origin: only === null ? { kind: 'paste' } : { kind: 'paste', url: only },
  };
  return { entries: [entry], diagnostics: [] };
}
