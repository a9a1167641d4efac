// Checks passages.jsonl in this folder: every bracket closed by its own kind, every top-level
// 「…」/『…』 labelled once and in text order (terms included), every label's `text` exactly the
// inside of its bracket, fields and values from the README's schema. Exit 1 on any problem.
// Run: node test/gold/attribution-blind-2/validate.mjs
import { readFileSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const CLOSER = { '「': '」', '『': '』' };
const CLOSERS = new Set(Object.values(CLOSER));
const KINDS = new Set(['speech', 'statement', 'fragment', 'term']);
const SPEAKER_KINDS = new Set(['person', 'organisation', 'role', 'unnamed', 'none']);

/**
 * The inner texts of the top-level bracket pairs of `text`, or an error message.
 * @example topLevelQuotes('A「b『c』」と') // => { quotes: ['b『c』'] }
 */
export function topLevelQuotes(text) {
  const open = [];
  const quotes = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch in CLOSER) {
      if (open.length === 0) start = i + 1;
      open.push(CLOSER[ch]);
    } else if (CLOSERS.has(ch)) {
      if (open.pop() !== ch) return { error: `unmatched ${ch} at ${i}` };
      if (open.length === 0) quotes.push(text.slice(start, i));
    }
  }
  return open.length > 0 ? { error: `unclosed bracket, expecting ${open.join('')}` } : { quotes };
}

/**
 * The problems found in one passage (empty when it is sound).
 * @example passageProblems({ id: 'x', fold: 1, pattern: 'p', text: '「a」', quotes: [] }) // => ['x: 1 brackets, 0 labels']
 */
export function passageProblems(passage) {
  const { id, text, quotes } = passage;
  const problems = [];
  if (passage.fold !== 1) problems.push(`${id}: fold must be 1 (the whole set is held out)`);
  if (typeof passage.pattern !== 'string' || passage.pattern === '') problems.push(`${id}: no pattern`);
  const found = topLevelQuotes(text);
  if (found.error) return [...problems, `${id}: ${found.error}`];
  if (found.quotes.length !== quotes.length) {
    problems.push(`${id}: ${found.quotes.length} brackets, ${quotes.length} labels`);
  }
  quotes.forEach((label, index) => {
    if (!text.includes(label.text)) problems.push(`${id}: quote not in text: ${label.text}`);
    if (found.quotes[index] !== label.text) problems.push(`${id}: label ${index} is not bracket ${index}`);
    if (!KINDS.has(label.kind)) problems.push(`${id}: kind ${label.kind}`);
    if (!SPEAKER_KINDS.has(label.speaker_kind)) problems.push(`${id}: speaker_kind ${label.speaker_kind}`);
    const isTerm = label.kind === 'term';
    if (isTerm !== (label.speaker === '')) problems.push(`${id}: a term has no speaker, a quote has one`);
    if (!isTerm && label.canonical === '') problems.push(`${id}: no canonical for ${label.speaker}`);
  });
  return problems;
}

/**
 * Reads a folder's passages.jsonl, prints each problem and the totals, and sets the exit code.
 * @example checkPassages(new URL('passages.jsonl', import.meta.url), passageProblems)
 */
export function checkPassages(file, problemsOf) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const passages = lines.map((line) => JSON.parse(line));
  const ids = new Set(passages.map((passage) => passage.id));
  const problems = passages.flatMap((passage, index) => problemsOf(passage, index));
  if (ids.size !== passages.length) problems.push('duplicate ids');
  for (const problem of problems) console.error(problem);
  const quoteCount = passages.reduce((sum, passage) => sum + passage.quotes.length, 0);
  console.log(`${passages.length} passages, ${quoteCount} bracketed spans, ${problems.length} problems`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

// Run as a script (not when another set's validator imports the checks above).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  checkPassages(new URL('passages.jsonl', import.meta.url), (passage) => passageProblems(passage));
}
