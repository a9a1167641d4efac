import type { EntryCard, Suggestion } from '../api/types.js';
import { retagLine } from './summary-line.js';

/** How a correction reaches the server: one line is accepted (the tagger learns it), more or none replace the lines. */
export type Correction = { kind: 'accept'; line: string } | { kind: 'replace'; lines: string[] };

/**
 * The summary lines of an editor's text: one a line, trimmed, blank lines dropped.
 *
 * @example
 *   editedLines(' #露朝(会談)\n\n#露斯(無人機) '); // ['#露朝(会談)', '#露斯(無人機)']
 */
export function editedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * How to send edited lines. One line for a new entry is its suggestion accepted or corrected
 * (the server answers with what it proposes after learning it); anything else replaces the
 * entry's lines as written — accepting would keep the entry's other lines of other tags. Both
 * teach the tagger.
 *
 * @example
 *   correctionOf({ summaryLines: [] }, ['#露朝(会談)']); // { kind: 'accept', line: '#露朝(会談)' }
 *   correctionOf({ summaryLines: ['#露斯(x)'] }, ['#露朝(会談)']); // { kind: 'replace', lines: ['#露朝(会談)'] }
 */
export function correctionOf(
  card: Pick<EntryCard, 'summaryLines'>,
  lines: readonly string[],
): Correction {
  const [only] = lines;
  if (isNew(card) && lines.length === 1 && only !== undefined)
    return { kind: 'accept', line: only };
  return { kind: 'replace', lines: [...lines] };
}

/**
 * Whether an entry is new: it has no summary line yet, so the inbox offers its suggestion.
 *
 * @example
 *   isNew({ summaryLines: [] }); // true
 */
export function isNew(card: Pick<EntryCard, 'summaryLines'>): boolean {
  return card.summaryLines.length === 0;
}

/**
 * The lines an editor starts from: the entry's own, or the proposed line of a new entry.
 *
 * @example
 *   startingLines({ summaryLines: [] }, { tags: [], line: '#和平(停戦)', lineReasons: [] }); // ['#和平(停戦)']
 */
export function startingLines(
  card: Pick<EntryCard, 'summaryLines'>,
  suggestion: Suggestion | null,
): string[] {
  if (!isNew(card)) return [...card.summaryLines];
  return suggestion?.line ? [suggestion.line] : [];
}

/**
 * The lines after retagging: the first line (the entry's own, or the proposed one) takes the
 * new tag; with no line at all there is nothing to retag (null — the caller opens the editor).
 *
 * @example
 *   retaggedLines({ summaryLines: ['#露斯(無人機)', '#露朝(会談)'] }, null, '戦況'); // ['#戦況(無人機)', '#露朝(会談)']
 */
export function retaggedLines(
  card: Pick<EntryCard, 'summaryLines'>,
  suggestion: Suggestion | null,
  tag: string,
): string[] | null {
  const [first, ...rest] = startingLines(card, suggestion);
  if (first === undefined) return null;
  return [retagLine(first, tag), ...rest];
}
