import type { Entry } from '../../model/index.js';
import { normaliseForMatch } from '../../text/index.js';
import { indexRuns } from '../fulltext/bigram-tokens.js';
import { documentLength } from '../fulltext/bm25.js';
import { entrySearchText, entrySections } from '../fulltext/entry-text.js';
import { pgText, pgTextArray } from './connection.js';

/**
 * The PostgreSQL search index of an entry (table `entry_search`): the tokens of kirinuki's own
 * normalised token stream (`fulltext/bigram-tokens.ts` — the runs of indexable characters, in
 * index spelling) in a GIN-indexed `text[]`, and the normalised text itself.
 *
 * The array holds every bigram within a run and every distinct character, each once. A term
 * is a candidate when the array contains all of the term's tokens (`tokens @> …`, answered by
 * the GIN index), and a match when the normalised text contains the normalised term
 * (`strpos`): the array proves the characters and their pairs are there, the text proves they
 * are adjacent and in order, and that whatever separates two runs is what the term has. So a
 * match is exactly the reference `normaliseForMatch(text).includes(normaliseForMatch(term))`
 * at every term length, with no extension beyond what Debian's postgresql ships.
 */
export interface SearchRow {
  /** The tokens as a PostgreSQL array literal. */
  tokens: string;
  /** `normaliseForMatch(entrySearchText(entry))`, NUL-free. */
  norm: string;
  /** The length BM25 normalises by (`documentLength` of the normalised sections). */
  length: number;
}

/**
 * @example
 * searchRow(entry).norm.includes(normaliseForMatch('停戦')); // when the entry says 停戦
 */
export function searchRow(entry: Entry): SearchRow {
  const norm = normaliseForMatch(entrySearchText(entry));
  const s = entrySections(entry);
  const length = documentLength({
    post: normaliseForMatch(s.post),
    body: normaliseForMatch(s.body),
    summary: normaliseForMatch(s.summary),
  });
  return { tokens: pgTextArray(textTokens(norm)), norm: pgText(norm), length };
}

/**
 * The distinct tokens of a normalised text: each run's bigrams and each of its characters.
 *
 * @example
 * textTokens('停戦協議'); // ['停戦', '戦協', '協議', '停', '戦', '協', '議']
 */
export function textTokens(normalised: string): string[] {
  const bigrams = new Set<string>();
  const chars = new Set<string>();
  for (const run of indexRuns(normalised)) {
    for (let i = 0; i < run.length; i += 1) {
      chars.add(run[i] as string);
      if (i + 1 < run.length) bigrams.add((run[i] as string) + run[i + 1]);
    }
  }
  return [...bigrams, ...chars];
}

/**
 * The tokens an entry must hold to contain a normalised term: the bigrams of each run of two or
 * more characters, the character of a run of one. Empty for a term with no indexable
 * character: then only the text check decides.
 *
 * @example
 * termTokens('露'); // ['露']
 * termTokens('停戦 協議'); // ['停戦', '協議']
 */
export function termTokens(normalised: string): string[] {
  const tokens = new Set<string>();
  for (const run of indexRuns(normalised)) {
    if (run.length === 1) tokens.add(run[0] as string);
    for (let i = 0; i + 1 < run.length; i += 1) tokens.add((run[i] as string) + run[i + 1]);
  }
  return [...tokens];
}

/**
 * Whether holding the term's tokens is the same as containing the term: a term of one or two
 * indexable characters (one token: the character, or the bigram, which the text can only hold
 * inside a run). Such a term needs no check against the text.
 *
 * @example
 * tokensAreExact('停戦'); // true
 * tokensAreExact('停戦協議'); // false: 停戦 and 協議 may be apart
 */
export function tokensAreExact(normalised: string): boolean {
  const runs = indexRuns(normalised);
  const chars = [...normalised];
  return runs.length === 1 && runs[0]?.length === chars.length && chars.length <= 2;
}
