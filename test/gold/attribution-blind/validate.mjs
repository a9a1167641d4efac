// Checks passages.jsonl's shape, so the labels can be trusted before any scorer reads them:
// every bracket closes, every labelled quote is the exact inside of a bracket pair, in text
// order, and every bracket pair in the text is labelled (a term is labelled too, as kind "term").
// Run: node test/gold/attribution-blind/validate.mjs [other.jsonl]
import console from 'node:console';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const file = process.argv[2] ?? new URL('./passages.jsonl', import.meta.url);
const kinds = new Set(['speech', 'statement', 'fragment', 'term']);
const speakerKinds = new Set(['person', 'body', 'unnamed', '']);
const closerOf = { '「': '」', '『': '』' };

/**
 * The inside of every 「…」 and 『…』 pair, ordered by opening position; an error string when a
 * bracket is unbalanced.
 * @example bracketSpans('A「x『y』」') // ['x『y』', 'y']
 * @param {string} text
 * @returns {string[] | string}
 */
function bracketSpans(text) {
  /** @type {{ opener: string, at: number }[]} */
  const open = [];
  /** @type {{ at: number, inner: string }[]} */
  const spans = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '「' || ch === '『') open.push({ opener: ch, at: i });
    else if (ch === '」' || ch === '』') {
      const last = open.pop();
      if (!last || closerOf[last.opener] !== ch) return `unmatched ${ch} at ${i}`;
      spans.push({ at: last.at, inner: text.slice(last.at + 1, i) });
    }
  }
  if (open.length > 0) return `unclosed ${open.map((o) => o.opener).join('')}`;
  return spans.sort((a, b) => a.at - b.at).map((s) => s.inner);
}

const problems = [];
const ids = new Set();
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
for (const [n, line] of lines.entries()) {
  const where = `line ${n + 1}`;
  let item;
  try {
    item = JSON.parse(line);
  } catch (error) {
    problems.push(`${where}: not JSON (${String(error)})`);
    continue;
  }
  const { id, fold, pattern, text, quotes } = item;
  if (typeof id !== 'string' || ids.has(id)) problems.push(`${where}: missing or repeated id`);
  ids.add(id);
  if (fold !== n % 2) problems.push(`${id}: fold should alternate (expected ${n % 2})`);
  if (typeof pattern !== 'string' || pattern === '') problems.push(`${id}: no pattern`);
  if (typeof text !== 'string' || !Array.isArray(quotes) || quotes.length === 0) {
    problems.push(`${id}: needs text and at least one quote`);
    continue;
  }
  const spans = bracketSpans(text);
  if (typeof spans === 'string') {
    problems.push(`${id}: ${spans}`);
    continue;
  }
  if (spans.length !== quotes.length) {
    problems.push(`${id}: ${spans.length} bracket pairs but ${quotes.length} labels`);
  }
  for (const [k, quote] of quotes.entries()) {
    if (!text.includes(quote.text)) problems.push(`${id} #${k}: quote not in text`);
    if (spans[k] !== quote.text) problems.push(`${id} #${k}: not the inside of bracket pair #${k + 1}`);
    if (!kinds.has(quote.kind)) problems.push(`${id} #${k}: kind ${quote.kind}`);
    if (!speakerKinds.has(quote.speaker_kind)) problems.push(`${id} #${k}: speaker_kind`);
    for (const field of ['speaker', 'canonical', 'org']) {
      if (typeof quote[field] !== 'string') problems.push(`${id} #${k}: ${field} not a string`);
    }
    if (quote.kind !== 'term' && (quote.speaker === '' || !text.includes(quote.speaker))) {
      problems.push(`${id} #${k}: speaker must be named in the text`);
    }
  }
}

if (problems.length > 0) {
  console.error(`attribution-blind: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`attribution-blind: ${lines.length} passages, all quotes exact and brackets balanced`);
