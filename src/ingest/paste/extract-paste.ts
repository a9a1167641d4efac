import type { Entry } from '../../model/index.js';
import { canonicalUrl, entryId, ingestDiagnostic } from '../shared/index.js';
import type { ImportResult } from '../types.js';
import { splitIntoParts } from './split-into-parts.js';

/** How a paste is read. */
export interface PasteOptions {
  /**
   * Longest entry a paste becomes, in characters (UTF-16 units); a longer paste is filed as
   * consecutive parts, split at line breaks. Default 50,000 (a long speech transcript is one
   * entry, a book is several): what one entry may cost the
   * search index, annotation and story grouping stays bounded, and nothing is dropped.
   */
  maxPartChars?: number;
}

/**
 * Anything typed or pasted, kept as a plain entry: never rejected. The lines are kept exactly
 * (only leading and trailing blank lines go); a paste that is a single URL gets that URL as its
 * origin and id. Empty input gives no entry and an informational diagnostic. A paste longer
 * than `maxPartChars` becomes consecutive entries `part 1 of N`… (an info says so), each cut
 * at a line break — or, in a line longer than a part, between two characters.
 *
 * @example
 * extractPaste('停戦交渉、来週再開へ\n関係者が明らかにした', 'clipboard').entries[0]?.body;
 * // ['停戦交渉、来週再開へ', '関係者が明らかにした']
 */
export function extractPaste(
  text: string,
  source: string,
  options: PasteOptions = {},
): ImportResult {
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
  if (only !== null) {
    const origin = { kind: 'paste', url: only } as const;
    return { entries: [pasteEntry(entryId({ url: only }), lines, origin)], diagnostics: [] };
  }
  const maxPartChars = options.maxPartChars ?? 50_000;
  const parts = splitIntoParts(lines, maxPartChars);
  if (parts.length === 1)
    return {
      entries: [pasteEntry(entryId({ text: lines.join('\n') }), lines, { kind: 'paste' })],
      diagnostics: [],
    };
  const total = parts.reduce((n, p) => n + p.reduce((m, l) => m + l.length + 1, -1), 0);
  const n = parts.length;
  const entries = parts.map((part, i) => {
    // The part's place is in its id and title: two parts with the same lines are not one story.
    const title = `part ${i + 1} of ${n}`;
    return pasteEntry(entryId({ text: `${title}\n${part.join('\n')}` }), part, {
      kind: 'paste',
      title,
    });
  });
  const message = `paste of ${total.toLocaleString('en-US')} characters filed as ${n} parts of at most ${maxPartChars.toLocaleString('en-US')}`;
  return { entries, diagnostics: [ingestDiagnostic(source, message, {}, 'info')] };
}

function pasteEntry(id: string, body: string[], origin: Entry['origin']): Entry {
  return { id, post: null, bodyKind: 'article', body, summaries: [], origin };
}
