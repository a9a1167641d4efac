// Checks passages.jsonl in this folder: every bracket closed by its own kind, every top-level
// 「…」/『…』 labelled once and in text order (terms included), every label's `text` exactly the
// inside of its bracket, fields and values from the README's schema, ids a3-001… in order, `fold`
// alternating 0,1,0,1… by article order, `pattern` one of the ten in the README. Exit 1 on any problem.
// Run: node test/gold/attribution-blind-3/validate.mjs
import { URL } from 'node:url';
import { checkPassages, topLevelQuotes } from '../attribution-blind-2/validate.mjs';

const KINDS = new Set(['speech', 'statement', 'fragment', 'term']);
const SPEAKER_KINDS = new Set(['person', 'organisation', 'role', 'unnamed', 'none']);
const PATTERNS = new Set([
  'late-name', 'far-carry', 'long-np', 'org-speaker', 'country-not-speaker',
  'unknown-name', 'interview', 'unnamed', 'headline-mixed', 'term-mixed',
]);
const FIELDS = ['text', 'speaker', 'canonical', 'org', 'kind', 'speaker_kind'];

/**
 * The problems found in the passage at 0-based `index` (empty when it is sound).
 * @example passageProblems({ id: 'a3-001', fold: 0, pattern: 'unnamed', text: '「a」', quotes: [] }, 0) // => ['a3-001: 1 brackets, 0 labels']
 */
export function passageProblems(passage, index) {
  const { id, text, quotes } = passage;
  const problems = [];
  const wantId = `a3-${String(index + 1).padStart(3, '0')}`;
  if (id !== wantId) problems.push(`${id}: id out of order, expected ${wantId}`);
  if (passage.fold !== index % 2) problems.push(`${id}: fold must be ${index % 2} (0,1,0,1… by article order)`);
  if (!PATTERNS.has(passage.pattern)) problems.push(`${id}: pattern ${passage.pattern}`);
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
  });
  return problems;
}

checkPassages(new URL('passages.jsonl', import.meta.url), passageProblems);
