/**
 * The pieces of BM25 that depend on the text alone: column weights, occurrence counting and
 * document length. The ranking rule that combines them, with idf and recency, is
 * `ranking.ts`.
 */

/** Column weights: summary lines (the curator's words) most, then the post, then the body. */
export const SECTION_WEIGHTS = { post: 2, body: 1, summary: 3 } as const;

/**
 * Occurrences of `term` in `text`, overlapping ones included (as phrase matches count).
 *
 * @example
 * occurrences('あああ', 'ああ'); // 2
 */
export function occurrences(text: string, term: string): number {
  if (term.length === 0) return 0;
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) n += 1;
  return n;
}

/**
 * A document's length for BM25's length normalisation: UTF-16 units of its normalised
 * sections. FTS5 counts tokens (one per indexable character), nearly the same number; this
 * one costs nothing to compute.
 *
 * @example
 * documentLength({ post: 'ab', body: 'cde', summary: '' }); // 5
 */
export function documentLength(normalised: {
  post: string;
  body: string;
  summary: string;
}): number {
  return normalised.post.length + normalised.body.length + normalised.summary.length;
}
