// Checks passages.jsonl in this folder: every bracket closed by its own kind, every top-level
// 「…」/『…』 labelled once and in text order (terms included), every label's `text` exactly the
// inside of its bracket, fields and values from the README's schema, ids a3-001… in order, `fold`
// alternating 0,1,0,1… by article order, `pattern` one of the ten in the README. Exit 1 on any problem.
// The checks are the fourth set's (`../attribution-blind-4/validate.mjs`, written later from these),
// with this set's ids, folds and patterns; this set does not require a speaker written in the text.
// Run: node test/gold/attribution-blind-3/validate.mjs
import { URL } from 'node:url';
import { checkPassages, problemsFor } from '../attribution-blind-4/validate.mjs';

const PATTERNS = new Set([
  'late-name', 'far-carry', 'long-np', 'org-speaker', 'country-not-speaker',
  'unknown-name', 'interview', 'unnamed', 'headline-mixed', 'term-mixed',
]);

/**
 * The problems found in the passage at 0-based `index` (empty when it is sound).
 * @example passageProblems({ id: 'a3-001', fold: 0, pattern: 'unnamed', text: '「a」', quotes: [] }, 0) // => ['a3-001: 1 brackets, 0 labels']
 */
export const passageProblems = problemsFor({
  prefix: 'a3',
  patterns: PATTERNS,
  foldOf: (index) => index % 2,
  speakerWritten: () => true,
});

checkPassages(new URL('passages.jsonl', import.meta.url), passageProblems);
