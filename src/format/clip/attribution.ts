import { firstNonSpace } from './lines.js';

/** What the attribution line of an embedded post says. */
export interface Attribution {
  authorName: string;
  handle: string;
  /** ISO `YYYY-MM-DD`. */
  date: string;
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
]; // prettier-ignore

// X embeds end with `&mdash; Name (@handle) Month D, YYYY`; pasted, the entity becomes an em
// dash (sometimes a horizontal bar or two hyphens). Names may contain emoji and parentheses,
// so the handle is the last `(@` of the line: nothing after it can hold another. The line is
// read by hand up to there and only its short tail by a pattern, so the time is linear in the
// line — one pattern over the whole line, `\s*(.*?)\s*\(@`, took cubic time on a dash and
// spaces, and overflowed the stack on a long name.
const DASHES = ['—', '―', '&mdash;', '--'];
const TAIL = /^\(@(\w{1,50})\)\s+([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})\s*$/u;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/u;

/** The parts of an attribution line, or null: name, handle, month name, day, year. */
function matchAttribution(line: string): [string, string, string, string, string] | null {
  const start = firstNonSpace(line);
  if (start < 0) return null;
  const dash = DASHES.find((d) => line.startsWith(d, start));
  if (dash === undefined) return null;
  const at = line.lastIndexOf('(@');
  if (at < start + dash.length) return null;
  const m = TAIL.exec(line.slice(at));
  if (!m) return null;
  const name = line.slice(start + dash.length, at).trim();
  // The name was `.*?`, which stops at a line terminator.
  if (LINE_TERMINATOR.test(name)) return null;
  return [name, m[1] ?? '', m[2] ?? '', m[3] ?? '', m[4] ?? ''];
}

/**
 * Recognises an attribution line; `null` when the line is not one or its date does not exist.
 *
 * @example
 * parseAttribution('— ロイター (@ReutersJapan) January 18, 2024');
 * // { authorName: 'ロイター', handle: 'ReutersJapan', date: '2024-01-18' }
 */
export function parseAttribution(line: string): Attribution | null {
  const m = matchAttribution(line);
  if (!m) return null;
  // Indexing rather than destructuring: array destructuring goes through the iterator protocol,
  // and this runs once per entry.
  const name = m[0];
  const handle = m[1];
  const day = m[3];
  const year = m[4];
  const month = monthIndex(m[2]);
  if (month < 0) return null;
  const d = Number(day);
  const y = Number(year);
  const probe = new Date(Date.UTC(y, month, d));
  if (probe.getUTCMonth() !== month || probe.getUTCDate() !== d) return null;
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { authorName: name, handle, date: iso };
}

/** Whether a line has the shape of an attribution line, even if its date is invalid. */
export function looksLikeAttribution(line: string): boolean {
  return matchAttribution(line) !== null;
}

/** Every prefix of three or more letters of a month name ('jan', 'janu', …) → its index. */
const MONTH_PREFIXES = new Map(
  MONTHS.flatMap((m, i) =>
    Array.from({ length: m.length - 2 }, (_, k) => [m.slice(0, k + 3), i] as const),
  ),
);

/** The month an English name or abbreviation of three letters or more names; -1 if none. */
function monthIndex(name: string): number {
  return MONTH_PREFIXES.get(name.toLowerCase()) ?? -1;
}
