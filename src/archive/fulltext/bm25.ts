import type { EntrySections } from './entry-text.js';

/**
 * Okapi BM25 as SQLite FTS5 computes it (`bm25()` with column weights), evaluated in
 * TypeScript over a handful of candidates. FTS5's own `bm25()` first scans every document
 * containing each phrase to count them, which for a word in most clips costs as much as
 * counting the whole result; here the document frequencies are estimates supplied by the
 * caller, and term frequencies are counted in the candidates' normalised text.
 */
export interface ScoredTerm {
  /** The normalised term. */
  normalised: string;
  /** Inverse document frequency, from {@link idf}. */
  idf: number;
}

/** Column weights: summary lines (the curator's words) most, then the post, then the body. */
export const SECTION_WEIGHTS = { post: 2, body: 1, summary: 3 } as const;

const K1 = 1.2;
const B = 0.75;

/** FTS5's idf: `ln((N - n + 0.5) / (n + 0.5))`, at least 1e-6 so common terms still count. */
export function idf(documents: number, containing: number): number {
  const n = Math.min(Math.max(containing, 0), documents);
  return Math.max(1e-6, Math.log((documents - n + 0.5) / (n + 0.5)));
}

/**
 * The BM25 score (higher is better) of one document, given its normalised sections and its
 * length (see {@link documentLength}).
 *
 * @example
 * bm25(sections, length, [{ normalised: '停戦', idf: idf(1000, 40) }], 700);
 */
export function bm25(
  sections: EntrySections,
  length: number,
  terms: readonly ScoredTerm[],
  averageLength: number,
): number {
  const norm = 1 - B + (B * length) / Math.max(averageLength, 1);
  let score = 0;
  for (const t of terms) {
    const tf =
      SECTION_WEIGHTS.post * occurrences(sections.post, t.normalised) +
      SECTION_WEIGHTS.body * occurrences(sections.body, t.normalised) +
      SECTION_WEIGHTS.summary * occurrences(sections.summary, t.normalised);
    score += (t.idf * (tf * (K1 + 1))) / (tf + K1 * norm);
  }
  return score;
}

/** Occurrences of `term` in `text`, overlapping ones included (as phrase matches count). */
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
 */
export function documentLength(normalised: EntrySections): number {
  return normalised.post.length + normalised.body.length + normalised.summary.length;
}
