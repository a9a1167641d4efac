import { normaliseForMatch } from '../../text/index.js';
import type { ParsedQuery, QueryFilter } from '../query/query-ast.js';
import { pgText, pgTextArray, type PgValue } from './connection.js';
import { championKeys } from '../fulltext/champions.js';
import { termTokens, tokensAreExact } from './search-index.js';

/**
 * A parsed query as SQL for PostgreSQL: one condition over `entries e` (filters),
 * `entry_tokens t` (a term's tokens) and `entry_search s` (a term's normalised text), every
 * value bound as a parameter — no query text is ever spliced into
 * the SQL, so no query can cause an SQL error.
 */
export interface PgQuery {
  /** The WHERE condition (`TRUE` for an empty query). */
  where: string;
  params: PgValue[];
  /** Whether the condition has a term, positive or negated (it reads `t` or `s`). */
  readsText: boolean;
  /** Whether the condition reads `entry_tokens t` (a term with indexable characters). */
  readsTokens: boolean;
  /**
   * Whether the condition reads `entry_search s` (a term its tokens do not decide: three or
   * more characters, or none indexable).
   */
  readsNorm: boolean;
  /** Whether the condition reads `entries e` (a filter). */
  readsEntries: boolean;
  /** Normalised positive terms and their alternatives, for ranking and snippets. */
  highlight: string[];
  /** The index tokens of each of `highlight`, for estimating how many entries hold it. */
  highlightTokens: string[][];
  /** How many conditions `where` joins with AND (0: the empty query). */
  conditions: number;
  /**
   * The same condition with every term checked against the normalised text alone (`strpos`,
   * no `@>`; it reads `s`, and `e` when there are filters): the planner cannot read the GIN index for it, so the candidates come from a
   * filter's index or from walking the newest entries — cheaper than the index when a filter
   * is small or a term is in most entries (`search.ts` chooses).
   */
  scan: PgCondition;
  /**
   * `where` split in its filters and its terms, with `params`' numbering (both null when the
   * query lacks either): for reading the terms' matches first and then joining the filters.
   */
  split: { filters: string; terms: string } | null;
  /** The filters alone when one of them is positive (it can drive a scan), else null. */
  filters: PgCondition | null;
  /**
   * The terms as candidates and their check: `tokens`, the positive terms' tokens alone (over
   * `t`), and `text.where`, every term against the normalised text alone (over `s`: it decides
   * exactly). Both are numbered in `text.params`, which begin with the filters' parameters as
   * `where` numbers them (so `split.filters` can join them). Only the GIN index's candidates
   * are then checked against their text — newest first until enough match for a page, each
   * one for a count — where the planner, pricing `strpos` as free, would check every entry's
   * text and join the candidates to it. Null when no positive term has tokens.
   */
  candidates: { tokens: string; text: PgCondition } | null;
  /** Each positive term's alternatives' index tokens, for estimating how many entries match. */
  termTokens: string[][][];
  /** Each positive term's alternatives' champion keys (`fulltext/champions.ts` championKeys). */
  termChampionKeys: string[][][];
}

/** A WHERE condition and its parameters. */
export interface PgCondition {
  where: string;
  params: PgValue[];
}

/** What compiling needs besides the query. */
export interface PgQueryOptions {
  /** Alternatives of a term or of a `speaker:`/`person:` value (`SearchOptions.expandTerm`). */
  expandTerm?: ((term: string) => string[]) | undefined;
  /** Ids of the persons whose normalised name contains any of these normalised values. */
  personIds?: (norms: readonly string[]) => number[];
}

/**
 * @example
 * compilePgQuery(parsed, {}).where; // '(t.tokens @> $1::text[] AND strpos(s.norm, $2) > 0)'
 */
export function compilePgQuery(query: ParsedQuery, options: PgQueryOptions): PgQuery {
  const params: PgValue[] = [];
  const bind = (v: PgValue): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const scanParams: PgValue[] = [];
  const bindScan = (v: PgValue): string => {
    scanParams.push(v);
    return `$${scanParams.length}`;
  };
  const parts: string[] = [];
  const highlight: string[] = [];
  const highlightTokens: string[][] = [];
  const termTokenSets: string[][][] = [];
  const termKeys: string[][][] = [];
  let readsText = false;
  let readsTokens = false;
  let readsNorm = false;
  // Filters first: the planner orders them anyway, but reading the SQL is easier.
  parts.push(...compileFilters(query.filters, bind, options));
  const scanParts = compileFilters(query.filters, bindScan, options);
  // The candidates' check: the filters' parameters, then the terms' texts, then their tokens.
  const candidateParams: PgValue[] = [...scanParams];
  const bindCandidate = (v: PgValue): string => {
    candidateParams.push(v);
    return `$${candidateParams.length}`;
  };
  const candidateText: string[] = [];
  const readsEntries = parts.length > 0;
  const filterCount = parts.length;
  const drives = query.filters.some((f) => !f.negated);
  const filters = drives ? { where: scanParts.join(' AND '), params: [...scanParams] } : null;
  for (const term of query.terms) {
    const alternatives = alternativesOf(term.text, options);
    if (!term.negated) {
      for (const norm of alternatives) {
        highlight.push(norm);
        highlightTokens.push(termTokens(norm));
      }
      termTokenSets.push(alternatives.map((norm) => termTokens(norm)));
      termKeys.push(alternatives.map((norm) => championKeys(norm)));
    }
    // A term matches when any alternative does; a negated term excludes them all.
    const any = alternatives
      .map((norm) => {
        const tokens = termTokens(norm);
        readsTokens ||= tokens.length > 0;
        if (tokensAreExact(norm)) return `t.tokens @> ${bind(pgTextArray(tokens))}::text[]`;
        readsNorm = true;
        const text = `strpos(s.norm, ${bind(pgText(norm))}) > 0`;
        return tokens.length === 0
          ? text
          : `(t.tokens @> ${bind(pgTextArray(tokens))}::text[] AND ${text})`;
      })
      .join(' OR ');
    // The text alone decides a match exactly (the tokens only narrow the candidates).
    const anyScan = alternatives
      .map((norm) => `strpos(s.norm, ${bindScan(pgText(norm))}) > 0`)
      .join(' OR ');
    const anyText = alternatives
      .map((norm) => `strpos(s.norm, ${bindCandidate(pgText(norm))}) > 0`)
      .join(' OR ');
    candidateText.push(term.negated ? `NOT (${anyText})` : `(${anyText})`);
    parts.push(term.negated ? `NOT (${any})` : `(${any})`);
    scanParts.push(term.negated ? `NOT (${anyScan})` : `(${anyScan})`);
    readsText = true;
  }
  const scan = {
    where: scanParts.length === 0 ? 'TRUE' : scanParts.join(' AND '),
    params: scanParams,
  };
  return {
    where: parts.length === 0 ? 'TRUE' : parts.join(' AND '),
    params,
    readsText,
    readsTokens,
    readsNorm,
    readsEntries,
    highlight,
    highlightTokens,
    conditions: parts.length,
    scan,
    candidates: candidateTokens(termTokenSets, {
      where: candidateText.join(' AND '),
      params: candidateParams,
    }),
    filters,
    termTokens: termTokenSets,
    termChampionKeys: termKeys,
    split:
      filterCount > 0 && parts.length > filterCount
        ? {
            filters: parts.slice(0, filterCount).join(' AND '),
            terms: parts.slice(filterCount).join(' AND '),
          }
        : null,
  };
}

/**
 * Each positive term's tokens (any alternative's), bound after the text check's parameters;
 * null when no term narrows (a term with an alternative of no indexable character cannot).
 */
function candidateTokens(terms: readonly string[][][], text: PgCondition): PgQuery['candidates'] {
  const params = [...text.params];
  const parts = terms
    .filter((alternatives) => alternatives.every((tokens) => tokens.length > 0))
    .map((alternatives) => {
      const any = alternatives.map((tokens) => {
        params.push(pgTextArray(tokens));
        return `t.tokens @> $${params.length}::text[]`;
      });
      return `(${any.join(' OR ')})`;
    });
  if (parts.length === 0) return null;
  return { tokens: parts.join(' AND '), text: { where: text.where, params } };
}

function compileFilters(
  filters: readonly QueryFilter[],
  bind: (v: PgValue) => string,
  options: PgQueryOptions,
): string[] {
  const parts: string[] = [];
  // Repeated from: filters are alternatives (an entry has one author).
  const from = filters.filter((f) => f.key === 'from' && !f.negated).map(handleNorm);
  if (from.length > 0)
    parts.push(
      `e.handle_id IN (SELECT id FROM handles WHERE norm = ANY(${bind(pgTextArray(from))}::text[]))`,
    );
  for (const f of filters) {
    if (f.key === 'since') parts.push(`e.date >= ${bind(f.value)}`);
    else if (f.key === 'until') parts.push(`e.date <= ${bind(f.value)}`);
    else if (f.key === 'from' && f.negated)
      parts.push(
        `(e.handle_id IS NULL OR e.handle_id NOT IN (SELECT id FROM handles WHERE norm = ${bind(handleNorm(f))}))`,
      );
    else if (f.key === 'tag') {
      const tagged = `EXISTS (SELECT 1 FROM entry_tags et JOIN tags t ON t.id = et.tag
        WHERE et.entry = e.rid AND t.norm = ${bind(pgText(normaliseForMatch(f.value)))})`;
      parts.push(f.negated ? `NOT ${tagged}` : tagged);
    } else if (f.key === 'speaker' || f.key === 'person') {
      const role = f.key === 'speaker' ? `ep.role = 'speaker' AND ` : '';
      // A value names every person whose normalised name contains it (as SQLite's does),
      // looked up first: the planner then knows how few persons, and so entries, it is.
      const ids = pgPersonIds(f, options);
      const named = `EXISTS (SELECT 1 FROM entry_persons ep WHERE ep.entry = e.rid AND ${role}
        ep.person = ANY(${bind(`{${ids.join(',')}}`)}::bigint[]))`;
      parts.push(f.negated ? `NOT ${named}` : named);
    }
  }
  return parts;
}

/**
 * The persons a `speaker:` or `person:` filter names: each whose normalised name contains the
 * value or one of its alternatives.
 *
 * @example
 * pgPersonIds({ key: 'speaker', value: 'ペスコフ', negated: false }, options); // [12]
 */
export function pgPersonIds(f: QueryFilter, options: PgQueryOptions): number[] {
  const norms = [f.value, ...(options.expandTerm?.(f.value) ?? [])]
    .map((v) => normaliseForMatch(v))
    .filter((n, i) => i === 0 || n.trim() !== '');
  return options.personIds?.([...new Set(norms)]) ?? [];
}

/**
 * The term and its alternatives, normalised, the term first, without duplicates or blanks:
 * what `strpos` looks for in an entry's normalised text.
 *
 * @example
 * alternativesOf('ハルキウ', { expandTerm: () => ['ハリコフ'] }); // ['ハルキウ', 'ハリコフ']
 */
export function alternativesOf(text: string, options: PgQueryOptions): string[] {
  const first = normaliseForMatch(text);
  const out = [first];
  for (const alt of options.expandTerm?.(text) ?? []) {
    const norm = normaliseForMatch(alt);
    if (norm.trim() === '' || out.includes(norm)) continue;
    out.push(norm);
  }
  return out;
}

/**
 * The normalised handle a `from:` filter names.
 *
 * @example
 * handleNorm({ key: 'from', value: 'NHK_News', negated: false }); // 'nhk_news'
 */
export function handleNorm(f: QueryFilter): string {
  return pgText(f.value.normalize('NFKC').toLowerCase());
}
