/**
 * The archive's query syntax as a Groonga `select`, for the Groonga baseline of the archive
 * benchmark (`bench/groonga.ts`). Pure: no process, no database.
 *
 * The translation keeps the archive's semantics where Groonga has the same operation:
 * - words and phrases are matched as phrases of the `text` column (`--query '"a" "b"'`: every
 *   term must occur; under TokenBigram a term is a phrase of its bigrams, so a word and a quoted
 *   phrase are the same search);
 * - `-x` is `-"x"` in the query when there is a positive term, else `&! text @ "x"` in the
 *   filter (Groonga's query syntax has nothing to subtract from otherwise);
 * - `tag:X` is `tags @ "X"` (a reference vector whose keys are normalised as the archive
 *   normalises tags); `from:x` is `handle == "x"` (repeated ones are alternatives, as in the
 *   archive); `speaker:X` is `speakers @ "X"`, a phrase of a full-text index over the summary
 *   lines' speakers — the archive's "a speaker whose name contains X"; `since:`/`until:` compare
 *   the `date` column (the post's date, else the digest day, as the archive files it).
 * - `person:` has no faithful translation (the baseline holds no mentions): an error value.
 *
 * @example
 * toGroongaSelect('停戦 -ガザ tag:露朝');
 * // { ok: true, value: { query: '"停戦" -"ガザ"', filter: 'tags @ "露朝"' } }
 */
import { parseQuery } from '../src/archive/index.js';
import { err, ok, type Result } from '../src/model/index.js';

/** What a query becomes: the `--query` over `text` and the `--filter` script, either absent. */
export interface GroongaSelect {
  /** Groonga query syntax over `--match_columns text`; `null` when the query has no positive term. */
  query: string | null;
  /** Groonga script syntax; `null` when there is nothing to filter. */
  filter: string | null;
}

/** Seconds in a day: `until:` is inclusive, so it compares with the start of the next day. */
const DAY_SECONDS = 86_400;

/**
 * The Groonga `select` of an archive query, or why there is none.
 *
 * @example
 * toGroongaSelect('"ロシア国防省"'); // { ok: true, value: { query: '"ロシア国防省"', filter: null } }
 * toGroongaSelect('person:プーチン').ok; // false
 */
export function toGroongaSelect(query: string): Result<GroongaSelect, string> {
  const parsed = parseQuery(query);
  if (!parsed.ok) return err(`bench: groonga: ${parsed.error.message}`);
  const { terms, filters } = parsed.value;
  const positives = terms.filter((t) => !t.negated).map((t) => phrase(t.text));
  const negatives = terms.filter((t) => t.negated).map((t) => t.text);
  const must: string[] = [];
  const mustNot: string[] = [];
  const handles: string[] = [];
  for (const f of filters) {
    if (f.key === 'person')
      return err('bench: groonga: person: has no translation (the baseline holds no mentions)');
    if (f.key === 'since') must.push(`date >= ${epochSeconds(f.value)}`);
    else if (f.key === 'until') must.push(`date < ${epochSeconds(f.value) + DAY_SECONDS}`);
    else if (f.key === 'from' && !f.negated) handles.push(`handle == ${literal(handle(f.value))}`);
    else if (f.key === 'from') mustNot.push(`handle == ${literal(handle(f.value))}`);
    else {
      const column = f.key === 'tag' ? 'tags' : 'speakers';
      (f.negated ? mustNot : must).push(`${column} @ ${literal(f.value)}`);
    }
  }
  // Repeated from: filters are alternatives: an entry has one author.
  if (handles.length > 0)
    must.unshift(handles.length === 1 ? (handles[0] as string) : `(${handles.join(' || ')})`);
  const textQuery =
    positives.length === 0
      ? null
      : [...positives, ...negatives.map((n) => `-${phrase(n)}`)].join(' ');
  if (positives.length === 0) for (const n of negatives) mustNot.push(`text @ ${literal(n)}`);
  return ok({ query: textQuery, filter: filterScript(must, mustNot) });
}

/**
 * `must` joined by `&&`, then each of `mustNot` subtracted (`&!`) — from every record when
 * nothing must hold (Groonga ANDs the filter with the `--query`'s matches, if any).
 */
function filterScript(must: string[], mustNot: string[]): string | null {
  if (must.length === 0 && mustNot.length === 0) return null;
  const base =
    must.length === 0
      ? 'all_records()'
      : must.length === 1
        ? (must[0] as string)
        : must.join(' && ');
  if (mustNot.length === 0) return base;
  return [`(${base})`, ...mustNot.map((n) => `&! (${n})`)].join(' ');
}

/** A phrase in Groonga's query syntax: `"` and `\` escaped with a backslash. */
function phrase(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** A string literal in Groonga's script syntax (the same escapes). */
function literal(text: string): string {
  return phrase(text);
}

/** The archive's handle norm: NFKC and lower case, without the `@`. */
function handle(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

/** Seconds since the epoch of `YYYY-MM-DD` at 00:00 UTC. */
function epochSeconds(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`) / 1000;
}

/** What a `select` is asked for: the number of matches, or the ranked first page with snippets. */
export type SelectOp = 'count' | 'search';

/**
 * The `select` command as a Groonga HTTP-style path (`/d/select?…`, which the standalone
 * `groonga` also reads on its stdin): every value URI-encoded, so no query text can break the
 * command line. `count` asks for no records; `search` for the top `limit` by score (newest
 * first when nothing scores) with `snippet_html` of the matched text, or the first 60
 * characters of it when no term matched (as the trigram baseline does). Escalation to looser
 * matching is off: a query with no exact match must count 0, as in the other engines.
 *
 * @example
 * selectPath({ query: '"停戦"', filter: null }, 'count');
 * // '/d/select?table=Entries&limit=0&output_columns=_id&match_escalation_threshold=-1&match_columns=text&query=%22%E5%81%9C%E6%88%A6%22'
 */
export function selectPath(select: GroongaSelect, op: SelectOp, limit = 20): string {
  const params: [string, string][] = [['table', 'Entries']];
  if (op === 'count') params.push(['limit', '0'], ['output_columns', '_id']);
  else
    params.push(
      ['limit', String(limit)],
      ['sort_keys', select.query === null ? '-_id' : '-_score,-_id'],
      [
        'output_columns',
        select.query === null ? '_id,string_substring(text,0,60)' : '_id,_score,snippet_html(text)',
      ],
    );
  params.push(['match_escalation_threshold', '-1']);
  if (select.query !== null) params.push(['match_columns', 'text'], ['query', select.query]);
  if (select.filter !== null) params.push(['filter', select.filter]);
  return `/d/select?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}
