// Checks passages.jsonl in this folder: every bracket closed by its own kind, every top-level
// 「…」/『…』 labelled once and in text order (terms included), every label's `text` exactly the
// inside of its bracket, fields and values from the README's schema, the speaker of every non-term
// written in the article (parenthesised glosses such as `(Maia Sandu)`, `（ハ・ジフン）`,
// `(47)` or `(仮名)` ignored on both sides), ids a13-001… in order, `fold` alternating 0, 1, 0, 1…
// by order (odd ids fold 0, even ids fold 1), `pattern` one of the fifteen outlet styles in the
// README. Exit 1 on any problem.
// The checks are the fourth set's (`../attribution-blind-4/validate.mjs`), with this set's ids,
// folds and styles, and the fifth set's glosses rule (`writtenIgnoringGlosses`).
// Run: node test/gold/attribution-blind-13/validate.mjs
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { checkPassages, problemsFor } from '../attribution-blind-4/validate.mjs';
import { writtenIgnoringGlosses } from '../attribution-blind-5/validate.mjs';

const PATTERNS = new Set([
  'nhk', 'tv-news', 'kyodo', 'jiji', 'national-daily', 'cnn', 'bbc', 'afp', 'reuters',
  'bloomberg', 'newsweek', 'business-magazine', 'korea', 'state-media', 'regional',
]);

/**
 * The problems found in the passage at 0-based `index` (empty when it is sound).
 * @example passageProblems({ id: 'a13-001', fold: 0, pattern: 'nhk', text: '「a」', quotes: [] }, 0) // => ['a13-001: 1 brackets, 0 labels']
 */
export const passageProblems = problemsFor({
  prefix: 'a13',
  patterns: PATTERNS,
  foldOf: (index) => index % 2,
  speakerWritten: writtenIgnoringGlosses,
});

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  checkPassages(new URL('passages.jsonl', import.meta.url), passageProblems);
}
