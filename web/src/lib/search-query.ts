/** A facet a search can narrow by. */
export type FacetKind = 'tags' | 'speakers' | 'sources' | 'days';

const needsQuotes = (value: string): boolean => /[\s"]/.test(value);

/**
 * The query filter that narrows a search to a facet value, in the CLI's syntax: `tag:`,
 * `speaker:`, `from:@handle` for a source that is a handle, `since:`+`until:` for a day; null
 * when the value cannot be written as a filter (a source that is not a handle).
 *
 * @example
 *   facetFilter('tags', '露朝'); // 'tag:露朝'
 *   facetFilter('days', '2024-03-04'); // 'since:2024-03-04 until:2024-03-04'
 */
export function facetFilter(kind: FacetKind, value: string): string | null {
  if (value === '' || needsQuotes(value)) return null;
  switch (kind) {
    case 'tags':
      return `tag:${value}`;
    case 'speakers':
      return `speaker:${value}`;
    case 'sources': {
      const handle = value.startsWith('@') ? value.slice(1) : value;
      return /^[A-Za-z0-9_]{1,30}$/.test(handle) ? `from:@${handle}` : null;
    }
    case 'days':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `since:${value} until:${value}` : null;
  }
}

/**
 * Whether the query already holds every term of a filter (terms split on white space).
 *
 * @example
 *   hasFilter('停戦 tag:露朝', 'tag:露朝'); // true
 */
export function hasFilter(query: string, filter: string): boolean {
  const terms = new Set(query.split(/\s+/).filter(Boolean));
  return filter.split(/\s+/).every((term) => terms.has(term));
}

/**
 * The query with a filter added, or removed when it is there already (a facet toggles).
 *
 * @example
 *   toggleFilter('停戦', 'tag:露朝'); // '停戦 tag:露朝'
 *   toggleFilter('停戦 tag:露朝', 'tag:露朝'); // '停戦'
 */
export function toggleFilter(query: string, filter: string): string {
  const filterTerms = filter.split(/\s+/).filter(Boolean);
  const terms = query.split(/\s+/).filter(Boolean);
  if (hasFilter(query, filter))
    return terms.filter((term) => !filterTerms.includes(term)).join(' ');
  return [...terms, ...filterTerms].join(' ');
}
