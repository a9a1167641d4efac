import type { Diagnostic } from '../../model/index.js';

/**
 * A parsed search query. Offsets are UTF-16 code unit offsets into the query string, `[start,
 * end)`, like every range in kirinuki.
 *
 * Semantics: every positive term must occur (AND), no negated term may occur; filters narrow
 * further. Repeated `tag:`, `speaker:` and `person:` filters must all hold; repeated `from:` filters are
 * alternatives (an entry has one author). An empty query matches every entry.
 */
export interface ParsedQuery {
  terms: QueryTerm[];
  filters: QueryFilter[];
}

/** A word or a "quoted phrase": matched as a substring of the normalised text. */
export interface QueryTerm {
  /** The term as written, without quotes or the leading `-`. */
  text: string;
  phrase: boolean;
  negated: boolean;
  start: number;
  end: number;
}

export type FilterKey = 'tag' | 'from' | 'speaker' | 'person' | 'since' | 'until';

export const FILTER_KEYS: readonly FilterKey[] = [
  'tag',
  'from',
  'speaker',
  'person',
  'since',
  'until',
];

/**
 * `tag:X`, `from:@handle`, `speaker:X` (quoted, in a summary line or the text), `person:X`
 * (quoted or mentioned), `since:YYYY-MM-DD`, `until:YYYY-MM-DD`.
 */
export interface QueryFilter {
  key: FilterKey;
  /** The value as written (for `from:`, without the `@`; dates as `YYYY-MM-DD`). */
  value: string;
  /** `-tag:X`, `-from:x`, `-speaker:X`, `-person:X` exclude; dates cannot be negated. */
  negated: boolean;
  start: number;
  end: number;
}

/** A malformed query: the message says what is wrong, `offset` where (UTF-16 units). */
export type QueryError = Diagnostic & {
  /** Where the problem starts in the query string. */
  offset: number;
  /** How much of the query string is at fault (at least 1 unless the query is empty there). */
  length: number;
};
