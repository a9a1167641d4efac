import { err, ok, type Result } from '../../model/index.js';
import { FILTER_KEYS, type FilterKey, type ParsedQuery, type QueryError } from './query-ast.js';

const QUOTES = new Set(['"', '＂', '“', '”']);
const MINUS = new Set(['-', '－']);
const FILTER = /^([A-Za-z]+)[:：]/;

/**
 * Parses the archive's query syntax. Pure: no database, never throws.
 *
 * - words: `停戦 ロシア` (all must occur), `"phrases with spaces"`;
 * - exclusions: `-制裁`, `-"phrase"`, `-tag:X`, `-from:x`, `-speaker:X`, `-person:X`;
 * - filters: `tag:X`, `from:@handle` (the `@` is optional), `speaker:X` (quoted), `person:X`
 *   (quoted or mentioned), `since:YYYY-MM-DD`, `until:YYYY-MM-DD`; a value may be quoted:
 *   `tag:"two words"`.
 *
 * Full-width quotes, minus signs and colons are accepted (`＂`, `－`, `：`), as Japanese input
 * methods produce them. Malformed input — an unbalanced quote, an empty filter value, a bad
 * date, an unknown filter — is an error value with the character offset.
 *
 * @example
 * parseQuery('停戦 -"ガザ" from:@nhk_news since:2024-01-01');
 * parseQuery('tag:'); // { ok: false, error: { message: 'archive: tag: needs a value …', offset: 0 } }
 */
export function parseQuery(query: string): Result<ParsedQuery, QueryError> {
  const parsed: ParsedQuery = { terms: [], filters: [] };
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query[i] as string)) {
      i += 1;
      continue;
    }
    const next = parseItem(query, i, parsed);
    if (!next.ok) return next;
    i = next.value;
  }
  return ok(parsed);
}

/** Parses one item starting at `start` into `parsed`; returns where the next one may start. */
function parseItem(query: string, start: number, parsed: ParsedQuery): Result<number, QueryError> {
  const negated = MINUS.has(query[start] as string);
  const at = negated ? start + 1 : start;
  if (negated && (at >= query.length || /\s/.test(query[at] as string)))
    return fail(start, 1, `'-' must be followed by a word, a "phrase" or a filter`);
  if (QUOTES.has(query[at] as string)) {
    const q = quoted(query, at);
    if (!q.ok) return q;
    if (q.value.text.trim() === '') return fail(start, q.value.end - start, 'empty phrase');
    parsed.terms.push({ text: q.value.text, phrase: true, negated, start, end: q.value.end });
    return ok(q.value.end);
  }
  const end = wordEnd(query, at);
  const word = query.slice(at, end);
  const filter = FILTER.exec(word);
  if (!filter) {
    parsed.terms.push({ text: word, phrase: false, negated, start, end });
    return ok(end);
  }
  return parseFilter(query, start, at, filter, parsed);
}

function parseFilter(
  query: string,
  start: number,
  at: number,
  match: RegExpExecArray,
  parsed: ParsedQuery,
): Result<number, QueryError> {
  const name = (match[1] as string).toLowerCase();
  const negated = at > start;
  const valueStart = at + match[0].length;
  if (!isFilterKey(name)) {
    const known = FILTER_KEYS.map((k) => `${k}:`).join(', ');
    const what = `unknown filter '${match[0]}' (known: ${known}); put the word in quotes to search for it`;
    return fail(at, match[0].length, what);
  }
  const value = filterValue(query, valueStart);
  if (!value.ok) return value;
  const { text, end } = value.value;
  const checked = checkValue(name, text.trim(), negated);
  if (!checked.ok) return fail(start, end - start, checked.error);
  parsed.filters.push({ key: name, value: checked.value, negated, start, end });
  return ok(end);
}

function filterValue(query: string, at: number): Result<{ text: string; end: number }, QueryError> {
  if (QUOTES.has(query[at] as string)) return quoted(query, at);
  const end = wordEnd(query, at);
  return ok({ text: query.slice(at, end), end });
}

/** Validates and canonicalises a filter value; the error is a message without position. */
function checkValue(key: FilterKey, raw: string, negated: boolean): Result<string, string> {
  const value = key === 'from' ? raw.replace(/^[@＠]/, '') : raw;
  if (value === '') return err(`${key}: needs a value, e.g. ${example(key)}`);
  if (key !== 'since' && key !== 'until') return ok(value);
  if (negated) return err(`${key}: cannot be negated; use ${key === 'since' ? 'until' : 'since'}:`);
  const date = value.normalize('NFKC');
  if (!isIsoDate(date)) return err(`${key}: expects a date YYYY-MM-DD, got '${value}'`);
  return ok(date);
}

function example(key: FilterKey): string {
  const examples: Record<FilterKey, string> = {
    tag: 'tag:ウクライナ戦況',
    from: 'from:@nhk_news',
    speaker: 'speaker:ゼレンスキー',
    person: 'person:プーチン',
    since: 'since:2024-01-01',
    until: 'until:2024-01-31',
  };
  return examples[key];
}

/** Whether `s` is `YYYY-MM-DD` and that day exists. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** A quoted string starting at the quote at `at`: its text and the offset after the closing quote. */
function quoted(query: string, at: number): Result<{ text: string; end: number }, QueryError> {
  for (let j = at + 1; j < query.length; j += 1) {
    if (QUOTES.has(query[j] as string)) return ok({ text: query.slice(at + 1, j), end: j + 1 });
  }
  return fail(at, query.length - at, `unbalanced quote at character ${at}: add the closing "`);
}

/** The end of a bare word: the next whitespace or quote. */
function wordEnd(query: string, at: number): number {
  let j = at;
  while (j < query.length && !/\s/.test(query[j] as string) && !QUOTES.has(query[j] as string))
    j += 1;
  return j;
}

function isFilterKey(name: string): name is FilterKey {
  return (FILTER_KEYS as readonly string[]).includes(name);
}

function fail(offset: number, length: number, message: string): { ok: false; error: QueryError } {
  const where = message.includes(`character ${offset}`) ? '' : ` (at character ${offset})`;
  return err({ severity: 'error', message: `archive: ${message}${where}`, offset, length });
}
