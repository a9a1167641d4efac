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
// so the handle group is anchored at the end.
const ATTRIBUTION =
  /^\s*(?:—|―|&mdash;|--)\s*(.*?)\s*\(@(\w{1,50})\)\s+([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})\s*$/u;

/**
 * Recognises an attribution line; `null` when the line is not one or its date does not exist.
 *
 * @example
 * parseAttribution('— ロイター (@ReutersJapan) January 18, 2024');
 * // { authorName: 'ロイター', handle: 'ReutersJapan', date: '2024-01-18' }
 */
export function parseAttribution(line: string): Attribution | null {
  const m = ATTRIBUTION.exec(line);
  if (!m) return null;
  // Indexing rather than destructuring: array destructuring goes through the iterator protocol,
  // and this runs once per entry.
  const name = m[1] ?? '';
  const handle = m[2] ?? '';
  const day = m[4] ?? '';
  const year = m[5] ?? '';
  const month = monthIndex(m[3] ?? '');
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
  return ATTRIBUTION.test(line);
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
