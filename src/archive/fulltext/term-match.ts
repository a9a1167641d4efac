import { indexRuns, runTokens } from './bigram-tokens.js';
import { normaliseForMatch } from '../../text/index.js';

/**
 * The two full-text tables of an archive: `text`, the bigram tokens of the text columns, and
 * `chars`, each entry's distinct characters (one-character terms; no positions are kept).
 */
export type IndexTable = 'text' | 'chars';

/**
 * How a search term is found in the bigram index (see `bigram-tokens.ts`).
 *
 * A term of indexable characters only is answered exactly by the index: one character by the
 * `chars` table (the entry's distinct characters), two or more by a phrase of consecutive
 * bigrams in the `text` table (which cannot straddle runs).
 *
 * A term with whitespace inside (a quoted phrase) or other unindexable characters is first
 * narrowed by the index — each run as a phrase, the trailing unigram pinning a run that must
 * end where the text's run ends — and then `verify` is set: the candidates are checked
 * against the normalised text, because the index does not record what separated two runs. Its
 * narrowing stays in one table: a run of one character that may sit anywhere in a text run is
 * left to the check when another run narrows in the `text` table.
 */
export interface TermMatch {
  /** The normalised term, as `normaliseForMatch` gives it. */
  normalised: string;
  /** An FTS5 query expression, or `null` when the index cannot narrow the search at all. */
  fts: string | null;
  /** The table `fts` is asked of. */
  table: IndexTable;
  /** Candidates must be checked with `normalised` text `includes(term)`. */
  verify: boolean;
}

/**
 * @example
 * termMatch('停戦'); // { normalised: '停戦', fts: '"停戦"', table: 'text', verify: false }
 * termMatch('露'); // { normalised: '露', fts: '"露"', table: 'chars', verify: false }
 * termMatch('ゼレンスキー'); // fts: '"ゼレ レン ンス スキ"'
 */
export function termMatch(term: string): TermMatch {
  const normalised = normaliseForMatch(term);
  const runs = indexRuns(normalised);
  const chars = [...normalised];
  const single = runs.length === 1 && runs[0]?.length === chars.length;
  if (single) {
    const run = runs[0] as string[];
    const table = run.length === 1 ? 'chars' : 'text';
    return { normalised, fts: runPhrase(run, false), table, verify: false };
  }
  if (runs.length === 0) return { normalised, fts: null, table: 'text', verify: true };
  // Every run but the last is followed by a separator in the term, so it must end a run in
  // the text: its phrase includes the trailing unigram. The last run must too when the term
  // ends with a separator.
  const endsInRun = isIndexableText(chars[chars.length - 1] ?? '');
  const phrases = runs.map((run, i) => {
    const suffix = i < runs.length - 1 || !endsInRun;
    return { chars: run.length === 1 && !suffix, fts: runPhrase(run, suffix) };
  });
  const text = phrases.filter((p) => !p.chars).map((p) => p.fts);
  if (text.length > 0) return { normalised, fts: text.join(' AND '), table: 'text', verify: true };
  // Only lone characters that may sit anywhere in a run: narrowed by the chars table.
  const lone = phrases.map((p) => p.fts).join(' AND ');
  return { normalised, fts: lone, table: 'chars', verify: true };
}

/**
 * The `text`-table expression that matches exactly the entries a one-character term's `chars`
 * expression matches: every token that starts with the character. Each occurrence of a
 * character starts a bigram or is a run's trailing unigram, so the prefix query finds every
 * entry holding it — at the cost of merging every such token's list (tens of milliseconds for
 * a common character at a million entries), so it is only used where one expression must
 * hold a term's alternatives from both tables.
 *
 * @example
 * asTextMatch(termMatch('露')); // '"露" *'
 */
export function asTextMatch(m: TermMatch): string | null {
  if (m.fts === null || m.table === 'text') return m.fts;
  return m.fts
    .split(' AND ')
    .map((phrase) => `${phrase} *`)
    .join(' AND ');
}

/**
 * The tokens of a run as a phrase. `suffix`: the run must end a text run, so its trailing
 * unigram is part of the phrase; else it may sit anywhere inside one: its bigrams only, or
 * for a run of one character, the character (in the `chars` table).
 */
function runPhrase(run: string[], suffix: boolean): string {
  if (!suffix && run.length === 1) return quote(run);
  return quote(suffix ? runTokens(run) : runTokens(run).slice(0, -1));
}

function quote(tokens: readonly string[]): string {
  return `"${tokens.join(' ')}"`;
}

function isIndexableText(ch: string): boolean {
  return indexRuns(ch).length === 1;
}
