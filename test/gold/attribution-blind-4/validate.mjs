// Checks passages.jsonl in this folder: every bracket closed by its own kind, every top-level
// 「…」/『…』 labelled once and in text order (terms included), every label's `text` exactly the
// inside of its bracket, fields and values from the README's schema, the speaker of every non-term
// written somewhere in the article, ids a4-001… in order, `fold` 0 on every article (the whole set
// is for development), `pattern` one of the eight in the README. Exit 1 on any problem.
// Adapted from ../attribution-blind-3/validate.mjs; self-contained (it imports nothing from other sets).
// The fifth set's validator reuses `problemsFor` and `checkPassages` from here.
// Run: node test/gold/attribution-blind-4/validate.mjs
import console from 'node:console';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const KINDS = new Set(['speech', 'statement', 'fragment', 'term']);
const SPEAKER_KINDS = new Set(['person', 'organisation', 'role', 'unnamed', 'none']);
const PATTERNS = new Set([
  'late-name', 'term-mixed', 'country-not-speaker', 'far-carry',
  'headline', 'unnamed', 'long-np', 'mixed-wire',
]);
const FIELDS = ['text', 'speaker', 'canonical', 'org', 'kind', 'speaker_kind'];
const CLOSER = { '「': '」', '『': '』' };

/**
 * The insides of the top-level 「…」 and 『…』 spans of `text`, in order, or an error when a bracket
 * is closed by the other kind or left open.
 * @example topLevelQuotes('A「b『c』d」e『f』') // => { quotes: ['b『c』d', 'f'] }
 * @example topLevelQuotes('「a』') // => { error: 'bracket 」 expected at 2, found 』' }
 */
export function topLevelQuotes(text) {
  const quotes = [];
  const stack = [];
  let start = -1;
  for (let at = 0; at < text.length; at += 1) {
    const ch = text[at];
    if (ch in CLOSER) {
      if (stack.length === 0) start = at + 1;
      stack.push(CLOSER[ch]);
    } else if (ch === '」' || ch === '』') {
      const want = stack.pop();
      if (want !== ch) return { error: `bracket ${want ?? 'opener'} expected at ${at}, found ${ch}` };
      if (stack.length === 0) quotes.push(text.slice(start, at));
    }
  }
  if (stack.length > 0) return { error: `${stack.length} bracket(s) left open` };
  return { quotes };
}

/**
 * A checker of one set's passages: ids `<prefix>-001`… in order, `fold` as `foldOf(index)` says,
 * `pattern` one of `patterns`, and each non-term's speaker written in the text as
 * `speakerWritten(text, speaker)` decides. The fifth set reuses it with its own rules.
 * @example problemsFor({ prefix: 'a4', patterns: new Set(['unnamed']), foldOf: () => 0 })
 */
export function problemsFor({ prefix, patterns, foldOf, speakerWritten = (t, s) => t.includes(s) }) {
  return (passage, index) => {
    const { id, text, quotes } = passage;
    const problems = [];
    const wantId = `${prefix}-${String(index + 1).padStart(3, '0')}`;
    if (id !== wantId) problems.push(`${id}: id out of order, expected ${wantId}`);
    const fold = foldOf(index);
    if (passage.fold !== fold) problems.push(`${id}: fold must be ${fold}`);
    if (!patterns.has(passage.pattern)) problems.push(`${id}: pattern ${passage.pattern}`);
    if (typeof text !== 'string' || !Array.isArray(quotes)) return [...problems, `${id}: no text or quotes`];
    const found = topLevelQuotes(text);
    if (found.error) return [...problems, `${id}: ${found.error}`];
    if (found.quotes.length !== quotes.length) {
      problems.push(`${id}: ${found.quotes.length} brackets, ${quotes.length} labels`);
    }
    quotes.forEach((label, at) => {
      for (const field of FIELDS) {
        if (typeof label[field] !== 'string') problems.push(`${id}: label ${at} has no string ${field}`);
      }
      if (!text.includes(label.text)) problems.push(`${id}: quote not in text: ${label.text}`);
      if (found.quotes[at] !== label.text) problems.push(`${id}: label ${at} is not bracket ${at}`);
      if (!KINDS.has(label.kind)) problems.push(`${id}: kind ${label.kind}`);
      if (!SPEAKER_KINDS.has(label.speaker_kind)) problems.push(`${id}: speaker_kind ${label.speaker_kind}`);
      const isTerm = label.kind === 'term';
      if (isTerm !== (label.speaker === '')) problems.push(`${id}: a term has no speaker, a quote has one`);
      if (isTerm !== (label.speaker_kind === 'none')) problems.push(`${id}: speaker_kind none is for terms only`);
      if (isTerm && (label.canonical !== '' || label.org !== '')) problems.push(`${id}: a term has no canonical or org`);
      if (!isTerm && label.canonical === '') problems.push(`${id}: no canonical for ${label.speaker}`);
      if (!isTerm && label.speaker !== '' && !speakerWritten(text, label.speaker)) {
        problems.push(`${id}: label ${at} speaker not written in the article: ${label.speaker}`);
      }
    });
    return problems;
  };
}

/**
 * The problems found in the passage at 0-based `index` of this set (empty when it is sound).
 * @example passageProblems({ id: 'a4-001', fold: 0, pattern: 'unnamed', text: '「a」', quotes: [] }, 0) // => ['a4-001: 1 brackets, 0 labels']
 */
export const passageProblems = problemsFor({ prefix: 'a4', patterns: PATTERNS, foldOf: () => 0 });

/**
 * Reads the JSONL file at `url`, prints every problem and a one-line summary, and sets the exit
 * code to 1 when there is any problem.
 */
export function checkPassages(url, problemsOf) {
  const lines = readFileSync(url, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const problems = [];
  let spans = 0;
  lines.forEach((line, index) => {
    let passage;
    try {
      passage = JSON.parse(line);
    } catch (error) {
      problems.push(`line ${index + 1}: ${error.message}`);
      return;
    }
    spans += Array.isArray(passage.quotes) ? passage.quotes.length : 0;
    problems.push(...problemsOf(passage, index));
  });
  for (const problem of problems) console.log(problem);
  console.log(`${lines.length} passages, ${spans} bracketed spans, ${problems.length} problems`);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  checkPassages(new URL('passages.jsonl', import.meta.url), passageProblems);
}
