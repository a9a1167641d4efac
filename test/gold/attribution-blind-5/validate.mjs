// Checks passages.jsonl in this folder: every bracket closed by its own kind, every top-level
// 「…」/『…』 labelled once and in text order (terms included), every label's `text` exactly the
// inside of its bracket, fields and values from the README's schema, the speaker of every non-term
// written in the article (parenthesised glosses such as `（Donald Tusk）` or `（外相）` ignored on both
// sides), ids a5-001… in order, `fold` alternating 0, 1, 0, 1… by order (odd ids fold 0, even ids
// fold 1), `pattern` one of the eleven outlet styles in the README. Exit 1 on any problem.
// The checks are the fourth set's (`../attribution-blind-4/validate.mjs`), with this set's ids,
// folds, styles and glosses.
// Run: node test/gold/attribution-blind-5/validate.mjs
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { checkPassages, problemsFor } from '../attribution-blind-4/validate.mjs';

const PATTERNS = new Set([
  'cnn', 'reuters', 'afp', 'bbc', 'nhk', 'kyodo-jiji',
  'nikkei', 'national-daily', 'tass-sputnik', 'yonhap', 'release',
]);

/**
 * `text` without parenthesised glosses (full- or half-width parentheses, not nested), so that a
 * speaker labelled without a gloss (`…ゼレンスキー大統領`) is found in `…ゼレンスキー（Volodymyr Zelensky）大統領`.
 * @example withoutGlosses('ユリア・ナワリナヤ（Yulia Navalnaya）氏') // => 'ユリア・ナワリナヤ氏'
 * @example withoutGlosses('ロシア大統領府(クレムリン)の') // => 'ロシア大統領府の'
 */
export function withoutGlosses(text) {
  return text.replace(/（[^（）]*）|\([^()]*\)/g, '');
}

/**
 * Whether `speaker` is written in `text`, parenthesised glosses ignored on both sides; the sixth
 * and seventh sets' validators use it too.
 * @example writtenIgnoringGlosses('ユリア・ナワリナヤ（Yulia Navalnaya）氏は', 'ユリア・ナワリナヤ氏') // => true
 */
export function writtenIgnoringGlosses(text, speaker) {
  return text.includes(speaker) || withoutGlosses(text).includes(withoutGlosses(speaker));
}

/**
 * The problems found in the passage at 0-based `index` (empty when it is sound).
 * @example passageProblems({ id: 'a5-001', fold: 0, pattern: 'cnn', text: '「a」', quotes: [] }, 0) // => ['a5-001: 1 brackets, 0 labels']
 */
export const passageProblems = problemsFor({
  prefix: 'a5',
  patterns: PATTERNS,
  foldOf: (index) => index % 2,
  speakerWritten: writtenIgnoringGlosses,
});

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  checkPassages(new URL('passages.jsonl', import.meta.url), passageProblems);
}
