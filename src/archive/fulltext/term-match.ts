import { indexRuns, runTokens } from './bigram-tokens.js';
import { normaliseForMatch } from '../../text/index.js';

/**
 * How a search term is found in the bigram index (see `bigram-tokens.ts`).
 *
 * A term of indexable characters only is answered exactly by the index: one character by the
 * `chars` column (the entry's distinct characters), two or more by a phrase of consecutive
 * bigrams in the text columns (which cannot straddle runs).
 *
 * A term with whitespace inside (a quoted phrase) or other unindexable characters is first
 * narrowed by the index — each run as a phrase, the trailing unigram pinning a run that must
 * end where the text's run ends — and then `verify` is set: the candidates are checked
 * against the normalised text, because the index does not record what separated two runs.
 */
export interface TermMatch {
  /** The normalised term, as `normaliseForMatch` gives it. */
  normalised: string;
  /** An FTS5 query expression, or `null` when the index cannot narrow the search at all. */
  fts: string | null;
  /** Candidates must be checked with `normalised` text `includes(term)`. */
  verify: boolean;
}

/**
 * @example
 * termMatch('停戦'); // { normalised: '停戦', fts: '"停戦"', verify: false }
 * termMatch('露'); // { normalised: '露', fts: '{chars} : "露"', verify: false }
 * termMatch('ゼレンスキー'); // fts: '"ゼレ レン ンス スキ"'
 */
export function termMatch(term: string): TermMatch {
  const normalised = normaliseForMatch(term);
  const runs = indexRuns(normalised);
  const chars = [...normalised];
  const single = runs.length === 1 && runs[0]?.length === chars.length;
  if (single) return { normalised, fts: runPhrase(runs[0] as string[], 'inner'), verify: false };
  if (runs.length === 0) return { normalised, fts: null, verify: true };
  // Every run but the last is followed by a separator in the term, so it must end a run in
  // the text: its phrase includes the trailing unigram. The last run must too when the term
  // ends with a separator.
  const endsInRun = runs.length > 0 && isIndexableText(chars[chars.length - 1] ?? '');
  const parts = runs.map((run, i) =>
    runPhrase(run, i < runs.length - 1 || !endsInRun ? 'suffix' : 'inner'),
  );
  return { normalised, fts: parts.join(' AND '), verify: true };
}

/**
 * `inner`: the run may sit anywhere inside a text run. `suffix`: it must end a text run.
 *
 * A phrase with a bigram in it needs no column filter: `chars` holds single characters only,
 * so such a phrase can match nowhere else than in the text columns. Leaving the filter out
 * matters for speed: FTS5 applies a column filter by copying every position list it reads
 * (counting a word found in most clips takes about twice as long with it). A phrase of one
 * unigram (a one-character run that must end a text run) keeps the filter, since `chars`
 * holds that token too.
 */
function runPhrase(run: string[], where: 'inner' | 'suffix'): string {
  if (where === 'inner' && run.length === 1) return `${CHARS} : ${quote(run)}`;
  const tokens = where === 'suffix' ? runTokens(run) : runTokens(run).slice(0, -1);
  return run.length > 1 ? quote(tokens) : `${TEXT} : ${quote(tokens)}`;
}

const TEXT = '{post body summary}';
const CHARS = '{chars}';

function quote(tokens: readonly string[]): string {
  return `"${tokens.join(' ')}"`;
}

function isIndexableText(ch: string): boolean {
  return indexRuns(ch).length === 1;
}
