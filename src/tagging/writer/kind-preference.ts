import type { Annotations, Entry, SummaryLine } from '../../model/index.js';
import { bigramSet, coverage } from './bigrams.js';
import { cleanQuote } from './clean.js';
import type { WritingRules } from './writing-rules.js';

/** A past entry with what the annotator found in it. */
export interface AnnotatedEntry {
  entry: Entry;
  annotations: Annotations | null;
}

// Before much evidence, reported speech counts for a bit under half of a quotation; five
// quotes of each kind's worth of prior belief keep a handful of entries from swinging it.
export const DEFAULT_INDIRECT_WEIGHT = 0.45;
const PRIOR = 5;
const MATCH = 0.7;

/**
 * How much the curator likes reported speech (`国防省は…と発表した`, which they turn into a quote)
 * compared with quotations proper, learned from past entries: the rate at which they quoted
 * reported speech that was there to quote, over the same rate for quotations, shrunk towards
 * the default by a prior. Between 0.2 and 1.5. Quotes are cleaned as the writer cleans them
 * (`rules`) before they are compared with the curator's.
 *
 * @example
 * indirectWeight(pastEntries, rules); // 0.9 for a curator who often quotes official statements
 */
export function indirectWeight(history: readonly AnnotatedEntry[], rules: WritingRules): number {
  const seen = { speech: 0, indirect: 0 };
  const taken = { speech: 0, indirect: 0 };
  for (const { entry, annotations } of history) {
    if (!annotations) continue;
    const chosen = entry.summaries.flatMap(quotesOf).map(bigramSet);
    for (const q of annotations.quotes) {
      if (q.kind !== 'speech' && q.kind !== 'indirect') continue;
      const b = bigramSet(cleanQuote(q, rules));
      seen[q.kind] += 1;
      if (chosen.some((c) => Math.max(coverage(c, b), coverage(b, c)) >= MATCH)) taken[q.kind] += 1;
    }
  }
  const base = 0.5;
  const speech = (taken.speech + PRIOR * base) / (seen.speech + PRIOR);
  const indirect =
    (taken.indirect + PRIOR * base * DEFAULT_INDIRECT_WEIGHT) / (seen.indirect + PRIOR);
  return Math.min(1.5, Math.max(0.2, indirect / speech));
}

function quotesOf(line: SummaryLine): string[] {
  return line.segments.flatMap((s) => (s.kind === 'quote' ? s.quotes : []));
}
