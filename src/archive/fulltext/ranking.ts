import { normaliseForMatch } from '../../text/index.js';
import { documentLength, occurrences, SECTION_WEIGHTS } from './bm25.js';
import type { EntrySections } from './entry-text.js';

/**
 * The ranking rule of `Archive.search`, the same for every backend: Okapi BM25 over the
 * entry's normalised text, blended with recency. Pure, so that the SQLite and PostgreSQL
 * backends rank alike; how a backend finds the best matches fast is its own affair, the
 * score of a given entry is this.
 *
 * For an entry `d` and the query's positive terms `t` (each alternative of a term counts as a
 * term, as it did for snippets):
 *
 * ```text
 * tf(t, d)   = 3·occ(t, summary) + 2·occ(t, post) + 1·occ(t, body)   (overlapping occurrences
 *              in the normalised text: `normaliseForMatch`)
 * impact     = tf·(k1 + 1) / (tf + k1·(1 − b + b·len(d)/avglen))        k1 = 1.2, b = 0.75,
 *              len = UTF-16 units of the normalised post + body + summary
 * idf(t)     = ln(1 + (N − n + 0.5)/(n + 0.5))                          N entries, n containing t
 * bm25(d)    = Σ_t idf(t)·impact(t, d)
 * recency(d) = 2^(−age/30)          age = days from d's date to the archive's newest date (≥ 0)
 * score(d)   = bm25(d)·(1 + 0.5·recency(d))
 * ```
 *
 * An entry is ranked on the first {@link RANKED_UNITS} units of each section (see
 * {@link rankingSections}): far beyond any article, and what one very long entry (a pasted book
 * in parts of 50,000 characters) costs a search stays bounded. It still matches on all of its
 * text.
 *
 * The blend is multiplicative so that it means the same for a rare name and for a word found
 * in most clips (whose idf is near zero): a match dated on the archive's newest day weighs 1.5
 * times one of the same strength from long ago, one a month old 1.25 times. In entries of
 * average length impact is 1.0 for one mention, 1.375 for two, 1.57 for three, 1.96 for ten,
 * so an old entry that is about the term (three mentions or more) still outranks a new one
 * that mentions it in passing. Ties go to the entry filed later.
 */
export interface RankedTerm {
  /** The normalised term. */
  normalised: string;
  /** Inverse document frequency, from {@link rankIdf}. */
  idf: number;
}

/** BM25's term-frequency saturation. */
export const K1 = 1.2;
/** BM25's length normalisation. */
export const B = 0.75;
/** How much more the newest match weighs than an old one of the same strength. */
export const RECENCY_WEIGHT = 0.5;
/** Days after which the recency bonus halves. */
export const RECENCY_HALF_LIFE_DAYS = 30;

/**
 * The idf of a term found in `containing` of `documents` entries (Lucene's, always positive, so
 * a term in most entries still counts a little).
 *
 * @example
 * rankIdf(1000, 10) > rankIdf(1000, 900); // true
 */
export function rankIdf(documents: number, containing: number): number {
  const n = Math.min(Math.max(containing, 0), documents);
  return Math.log(1 + (documents - n + 0.5) / (n + 0.5));
}

/**
 * One term's BM25 impact (without idf) in an entry where its weighted frequency is `tf`.
 *
 * @example
 * termImpact(1, 700, 700); // 1
 */
export function termImpact(tf: number, length: number, averageLength: number): number {
  if (tf <= 0) return 0;
  const norm = 1 - B + (B * length) / Math.max(averageLength, 1);
  return (tf * (K1 + 1)) / (tf + K1 * norm);
}

/**
 * A term's weighted frequency in normalised sections: summary 3, post 2, body 1.
 *
 * @example
 * weightedFrequency({ post: '', body: '停戦と停戦', summary: '' }, '停戦'); // 2
 */
export function weightedFrequency(sections: EntrySections, term: string): number {
  return (
    SECTION_WEIGHTS.post * occurrences(sections.post, term) +
    SECTION_WEIGHTS.body * occurrences(sections.body, term) +
    SECTION_WEIGHTS.summary * occurrences(sections.summary, term)
  );
}

/**
 * The recency factor `1 + 0.5·2^(−age/30)` of an entry dated `date`, the archive's newest date
 * being `newest` (both `YYYY-MM-DD`).
 *
 * @example
 * recencyFactor('2024-03-01', '2024-03-01'); // 1.5
 * recencyFactor('2024-01-31', '2024-03-01'); // 1.25
 */
export function recencyFactor(date: string, newest: string): number {
  const age = Math.max(0, (Date.parse(newest) - Date.parse(date)) / 86_400_000);
  if (!Number.isFinite(age)) return 1;
  return 1 + RECENCY_WEIGHT * 2 ** (-age / RECENCY_HALF_LIFE_DAYS);
}

/**
 * Units of each section (post, body, summary lines) that ranking reads: an article is a few
 * thousand, so ranking news reads all of it; a longer section is ranked as if it ended here.
 */
export const RANKED_UNITS = 10_000;

/**
 * The sections ranking scores: each section's first {@link RANKED_UNITS} units, normalised
 * for matching (`normaliseForMatch`). `capped` says that some section was longer, so a term
 * found only further on is not in them.
 *
 * @example
 * rankingSections({ post: '', body: 'ＮＡＴＯ', summary: '' }).body; // 'nato'
 */
export function rankingSections(raw: EntrySections): EntrySections & { capped: boolean } {
  const capped =
    raw.post.length > RANKED_UNITS ||
    raw.body.length > RANKED_UNITS ||
    raw.summary.length > RANKED_UNITS;
  return {
    post: normaliseForMatch(cut(raw.post)),
    body: normaliseForMatch(cut(raw.body)),
    summary: normaliseForMatch(cut(raw.summary)),
    capped,
  };
}

/** The first RANKED_UNITS units, not splitting a surrogate pair. */
function cut(text: string): string {
  if (text.length <= RANKED_UNITS) return text;
  const last = text.charCodeAt(RANKED_UNITS - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? RANKED_UNITS - 1 : RANKED_UNITS);
}

/** What the archive tells the rule about itself. */
export interface RankingContext {
  /** Entries in the archive. */
  documents: number;
  /** Average normalised length of an entry (see `documentLength`). */
  averageLength: number;
  /** The newest entry date in the archive (`YYYY-MM-DD`). */
  newest: string;
}

/**
 * The score of an entry (higher is better), given its sections as {@link rankingSections}
 * gives them and its date.
 *
 * @example
 * rankScore(sections, '2024-03-01', [{ normalised: '停戦', idf: rankIdf(1000, 40) }], context);
 */
export function rankScore(
  sections: EntrySections,
  date: string,
  terms: readonly RankedTerm[],
  context: RankingContext,
): number {
  const length = documentLength(sections);
  let bm25 = 0;
  for (const t of terms)
    bm25 +=
      t.idf * termImpact(weightedFrequency(sections, t.normalised), length, context.averageLength);
  return bm25 * recencyFactor(date, context.newest);
}
