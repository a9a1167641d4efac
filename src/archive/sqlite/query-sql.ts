import { CONTAINS_FUNCTION, tableName, type Condition, type IndexMatch } from './compile-query.js';

/**
 * How a condition on a set of entries (a tag's, a speaker's, the full-text matches of an
 * excluded word) is written in SQL:
 *
 * - `list`: `rowid IN (SELECT …)`. SQLite builds the list once per statement, then each
 *   candidate costs a probe of an in-memory index. Right when the list is short next to the
 *   number of candidates, or when every candidate is visited anyway (a count).
 * - `probe`: `EXISTS (SELECT … WHERE entry = rowid)`, one index lookup per candidate. Right
 *   when the list is long and the statement stops after a page: building a list of 100,000
 *   entries to check the 2,000 candidates a page needs is what made filtered searches slow.
 */
export type Style = 'list' | 'probe';

export interface Sql {
  sql: string;
  params: unknown[];
}

const TAG_IDS = 'SELECT id FROM tags WHERE norm = ?';
const PERSON_IDS = 'SELECT value FROM json_each(?)';

function handleIds(n: number): string {
  return `SELECT id FROM handles WHERE norm IN (${Array.from({ length: n }, () => '?').join(', ')})`;
}

/**
 * The entries of a positive tag, persons or from: condition, as a SELECT of rowids: what a
 * plan starts from when the set is small. `null` for other conditions.
 */
export function entrySet(c: Condition): Sql | null {
  switch (c.kind) {
    case 'tag':
      return { sql: `SELECT entry FROM entry_tags WHERE tag IN (${TAG_IDS})`, params: [c.norm] };
    case 'persons':
      return {
        sql: `SELECT entry FROM entry_persons WHERE ${c.speakers ? "role = 'speaker' AND " : ''}person IN (${PERSON_IDS})`,
        params: [c.ids],
      };
    case 'from':
      return {
        sql: `SELECT rowid FROM entries WHERE handle_id IN (${handleIds(c.norms.length)})`,
        params: [...c.norms],
      };
    default:
      return null;
  }
}

/** Whether the condition reads columns of the `entries` row `e`. */
export function readsEntryRow(c: Condition): boolean {
  return c.kind === 'from' || c.kind === 'notFrom' || c.kind === 'since' || c.kind === 'until';
}

/** Whether `style` changes how the condition is written (else it is always a row check). */
export function hasStyles(c: Condition): boolean {
  return (
    c.kind === 'tag' ||
    c.kind === 'persons' ||
    c.kind === 'match' ||
    c.kind === 'notMatch' ||
    (c.kind === 'notContains' && c.match !== null)
  );
}

/**
 * One condition as SQL, for the candidate whose rowid is the expression `rowid` (written
 * `+entries_fts.rowid` or `+e.rowid` where SQLite must not use it to look rows up). With
 * `indexable`, conditions on the columns of `entries` may be answered by its indexes; else
 * they are written `+e.date`, checked on rows read otherwise.
 */
export function renderCondition(c: Condition, rowid: string, style: Style, indexable = false): Sql {
  const e = indexable ? 'e.' : '+e.';
  const not = (negated: boolean): string => (negated ? 'NOT ' : '');
  switch (c.kind) {
    case 'tag':
      return style === 'list'
        ? { sql: `${rowid} ${not(c.negated)}IN (${entrySet(c)?.sql})`, params: [c.norm] }
        : {
            sql: `${not(c.negated)}EXISTS (SELECT 1 FROM entry_tags WHERE entry = ${rowid} AND tag IN (${TAG_IDS}))`,
            params: [c.norm],
          };
    case 'persons': {
      if (style === 'list')
        return { sql: `${rowid} ${not(c.negated)}IN (${entrySet(c)?.sql})`, params: [c.ids] };
      // `+person`: looked up by entry (the primary key), not by each of the persons, which
      // for a name matching hundreds of spellings would be hundreds of lookups per candidate.
      const role = c.speakers ? "role = 'speaker' AND " : '';
      return {
        sql: `${not(c.negated)}EXISTS (SELECT 1 FROM entry_persons WHERE entry = ${rowid} AND ${role}+person IN (${PERSON_IDS}))`,
        params: [c.ids],
      };
    }
    case 'from':
      return { sql: `${e}handle_id IN (${handleIds(c.norms.length)})`, params: [...c.norms] };
    case 'notFrom':
      return {
        sql: '(e.handle_id IS NULL OR e.handle_id NOT IN (SELECT id FROM handles WHERE norm = ?))',
        params: [c.norm],
      };
    case 'since':
      return { sql: `${e}date >= ?`, params: [c.date] };
    case 'until':
      return { sql: `${e}date <= ?`, params: [c.date] };
    case 'match':
      return { sql: inIndex(c.match, rowid, style), params: [c.match.fts] };
    case 'notMatch':
      return { sql: `NOT ${inIndex(c.match, rowid, style)}`, params: [c.match.fts] };
    case 'contains':
      return {
        sql: `(${c.terms.map(() => contains(rowid)).join(' OR ')})`,
        params: [...c.terms],
      };
    case 'notContains':
      return c.match === null
        ? { sql: `NOT ${contains(rowid)}`, params: [c.term] }
        : {
            sql: `NOT (${inIndex(c.match, rowid, style)} AND ${contains(rowid)})`,
            params: [c.match.fts, c.term],
          };
  }
}

/**
 * The candidate matches an FTS5 expression (bound first): as a list of every match, or as one
 * lookup of the candidate's rowid in the index (FTS5 seeks it in each term's position list).
 */
function inIndex(m: IndexMatch, rowid: string, style: Style): string {
  const table = tableName(m.table);
  return style === 'list'
    ? `${rowid} IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`
    : `EXISTS (SELECT 1 FROM ${table} AS x WHERE x.${table} MATCH ? AND x.rowid = ${rowid})`;
}

/**
 * The candidate matches `m`, looked up by its rowid (the expression `rowid`): what a plan
 * checks of the query's MATCH on candidates it reads elsewhere.
 *
 * @example
 * matchesAt({ table: 'text', fts: '"停戦"' }, 'e.rowid'); // 'EXISTS (… AND x.rowid = e.rowid)'
 */
export function matchesAt(m: IndexMatch, rowid: string): string {
  return inIndex(m, rowid, 'probe');
}

function contains(rowid: string): string {
  return `${CONTAINS_FUNCTION}((SELECT doc FROM entry_docs WHERE entry = ${rowid}), ?)`;
}
