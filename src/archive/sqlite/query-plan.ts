import type { CompiledQuery, Condition, IndexMatch } from './compile-query.js';
import { hasStyles, type Style } from './query-sql.js';

/**
 * How to evaluate a compiled query: where the candidates come from and how each condition is
 * checked. SQLite's planner cannot make this choice well: it has no idea how many entries an
 * FTS5 expression matches (the virtual table reports the same cost for every expression), and
 * it does not know that a statement will stop after a page. Here the sizes are estimated
 * first — from the counters kept at import and a short scan of the newest matches — and the
 * cheapest plan by the rough per-row costs below is chosen. Every plan gives the same rows
 * (query-plan.test.ts runs them all against a brute-force reading of the query).
 */
export interface Plan {
  /**
   * `fts`: the candidates are the matches of `match`, newest first. `entries`: the rows of
   * `entries`, or of `driver`'s set when there is one.
   */
  source: 'fts' | 'entries';
  /**
   * The MATCH expression for `fts`, and its table: the query's, or one that narrows it with a
   * tag.
   */
  match: IndexMatch | null;
  /**
   * A positive tag:, speaker:, person: or from: condition whose entries are the candidates:
   * with `fts`, each is looked up in the index (FTS5 seeks its rowid); with `entries`, they
   * are read from the filter's index.
   */
  driver: Condition | null;
  /**
   * For `entries` without a driver: whether SQLite may read `entries` through an index of
   * its conditions (author and date, post date), rather than in rowid order.
   */
  indexed: boolean;
  /**
   * How each condition of the query is written, by its index in `conditions`; `omit` for the
   * driver and for exclusions already in `match`. `merge` (at most one, a MATCH in the other
   * full-text table): its matches are read newest first beside the plan's and the two rowid
   * streams merged (`QueryRunner`), instead of a list of them all or a lookup per candidate —
   * for a page of `露 停戦`, a few thousand rows of each instead of every match of 露.
   */
  styles: (Style | 'omit' | 'merge')[];
  /** The estimated cost in microseconds: for choosing, and for deciding whether to count. */
  cost: number;
  /**
   * Whether the statement is expected to read every candidate before it has the rows it
   * needs (few matches): then the order it reads them in does not matter, and FTS5 reads in
   * rowid order faster than backwards.
   */
  complete: boolean;
}

/** What planning needs to know, cheaply, about the archive and the query's parts. */
export interface Sizes {
  /** Entries in the archive. */
  entries: number;
  /** Estimated matches of an FTS5 expression in the archive. */
  matches(m: IndexMatch): number;
  /** Entries of a tag:, speaker:/person: or from: condition, ignoring negation (at most). */
  setSize(c: Condition): number;
  /** The share of the archive's rowids since:/until: can reach (1 without them). */
  rangeShare: number;
  /** Entries within since:/until: (all without them). */
  inDates: number;
  /** A verified FTS5 superset of a tag's entries (see TagSupersets), or null. */
  tagSuperset(norm: string): string | null;
}

/**
 * Rough costs in microseconds, measured on the benchmark corpus (2 KB clips) at 100,000 and
 * 1,000,000 entries. What matters is their ratios: a point lookup in FTS5 (a whole query set
 * up for one rowid) costs a hundred rows of a scan, so it pays only for small filters.
 */
export const COST = {
  /** A row of an FTS5 scan: position lists read and matched. */
  ftsRow: 0.5,
  /** An FTS5 lookup of one rowid. */
  ftsLookup: 60,
  /** An FTS5 lookup of one rowid in the chars table (no positions): 40–46 µs against 67–105. */
  charsLookup: 40,
  /** A step of FTS5 moving a position list forward to another's rowid. */
  skip: 1.3,
  /** A row added to an IN list. */
  listRow: 0.4,
  /** A probe of that list. */
  listCheck: 0.15,
  /** An index lookup for one candidate (EXISTS). */
  probe: 1.2,
  /** A row of `entries` read in rowid order. */
  entryRow: 0.2,
  /** A row of an index range, counted. */
  indexRow: 0.05,
  /** A row of an index range, sorted by rowid or date. */
  sortRow: 0.6,
  /** A row of one of two full-text scans merged by rowid in JavaScript. */
  mergeRow: 0.4,
  /** Checking a term against an entry's text: JSON parse and normalisation. */
  contains: 15,
} as const;

/**
 * The plan for a statement that needs the first `want` candidates newest first (`Infinity`
 * for a count), for a query with a MATCH.
 */
export function planMatch(q: CompiledQuery, sizes: Sizes, want: number): Plan {
  return cheapest(matchPlans(q, sizes, want));
}

/**
 * The plan for a query without a MATCH (filters and exclusions only), for a statement that
 * needs `want` candidates (`Infinity` for a count or for all of them). `only: 'scan'` keeps
 * to reading `entries` in order, for a walk of the date index.
 */
export function planFilters(
  q: CompiledQuery,
  sizes: Sizes,
  want: number,
  only: 'any' | 'scan' = 'any',
): Plan {
  return cheapest(filterPlans(q, sizes, want, only));
}

/**
 * Every plan considered for a query with a MATCH. With `all`, also those not worth
 * considering (a tag superset that would not narrow the scan), for tests.
 */
export function matchPlans(q: CompiledQuery, sizes: Sizes, want: number, all = false): Plan[] {
  const match = q.match as IndexMatch;
  // Words alone: there is nothing to choose, and estimating how many entries match would
  // cost a rare word as much as finding them.
  if (q.conditions.length === 0 && !all)
    return [withStyles(q, sizes, 0, 0, { source: 'fts', match, complete: false })];
  const n = Math.max(sizes.entries, 1);
  const m = Math.max(1, Math.min(n, sizes.matches(match)) * sizes.rangeShare);
  const dates = Math.min(1, sizes.inDates / Math.max(1, n * sizes.rangeShare));
  const results = m * dates * share(q.conditions, sizes);
  const needed = want >= results ? 1 : want / results;
  const plans: Plan[] = [];

  // Scanning the matches, checking each condition per candidate.
  const scanned = m * needed;
  const complete = needed === 1;
  plans.push(
    withStyles(q, sizes, scanned, scanned * COST.ftsRow, {
      source: 'fts',
      match,
      complete,
      walked: needed,
    }),
  );

  // Narrowing the scan with tags' supersets: FTS5 then steps through the sparser list. The
  // supersets are phrases of the text table.
  const supersets: string[] = [];
  let narrowed = m;
  for (const c of q.conditions) {
    if (c.kind !== 'tag' || c.negated || match.table !== 'text') continue;
    const size = sizes.setSize(c);
    if (!all && !(size < m / 2 && size <= n / 5)) continue;
    const fts = sizes.tagSuperset(c.norm);
    if (fts === null) continue;
    supersets.push(`(${fts})`);
    narrowed = Math.min(narrowed, sizes.matches({ table: 'text', fts }) * sizes.rangeShare);
  }
  if (supersets.length > 0) {
    const visited = narrowed * needed;
    const rows = Math.min(visited, scanned);
    const narrowedMatch = {
      table: 'text',
      fts: `(${match.fts}) AND ${supersets.join(' AND ')}`,
    } as const;
    const from = { source: 'fts', match: narrowedMatch, complete, walked: needed } as const;
    plans.push(withStyles(q, sizes, rows, visited * COST.skip, from));
  }

  // Looking each entry of a small filter up in the index.
  for (const c of positiveSets(q)) {
    const size = sizes.setSize(c);
    const rows = (size * m) / n;
    const from = { source: 'fts', match, complete: true } as const;
    const lookup = match.table === 'chars' ? COST.charsLookup : COST.ftsLookup;
    plans.push(withStyles(q, sizes, rows, size * lookup, from, c));
  }
  return plans;
}

/**
 * Every plan considered for a query without a MATCH. With `all`, also those not worth
 * considering, for tests.
 */
export function filterPlans(
  q: CompiledQuery,
  sizes: Sizes,
  want: number,
  only: 'any' | 'scan' = 'any',
  all = false,
): Plan[] {
  const n = Math.max(sizes.entries, 1);
  const results = sizes.inDates * share(q.conditions, sizes);
  const needed = want >= results ? 1 : want / results;
  const plans: Plan[] = [];

  // Reading entries, newest first, checking every condition.
  const scanned = n * needed;
  const complete = needed === 1;
  plans.push(
    withStyles(q, sizes, scanned, scanned * COST.entryRow, { source: 'entries', complete }),
  );
  if (only === 'scan') return plans;

  // Reading entries through an index of their own columns (author and date, post date),
  // SQLite's choice: counted in the index, or sorted.
  const author = q.conditions.find((c) => c.kind === 'from');
  const dated = q.since !== null || q.until !== null;
  if (author || dated) {
    const rows = Math.min(author ? sizes.setSize(author) : n, dated ? sizes.inDates : n);
    const read = rows * (want === Infinity ? COST.indexRow : COST.sortRow);
    const from = { source: 'entries', indexed: true, complete } as const;
    plans.push(withStyles(q, sizes, rows, read, from));
  }

  // Starting from a tag's or a person's entries.
  for (const c of positiveSets(q)) {
    if (c.kind === 'from') continue;
    const size = sizes.setSize(c);
    const from = { source: 'entries', complete } as const;
    plans.push(withStyles(q, sizes, size, size * COST.listRow, from, c));
  }

  // Excluded words handed to FTS5 with a tag's superset: `(superset) NOT (words)`, those of
  // the text table (the superset's).
  const excluded = q.conditions.flatMap((c) => (excludedText(c) ? [c.match.fts] : []));
  if (excluded.length > 0)
    for (const c of q.conditions) {
      if (c.kind !== 'tag' || c.negated || (sizes.setSize(c) > n / 5 && !all)) continue;
      const fts = sizes.tagSuperset(c.norm);
      if (fts === null) continue;
      const match = {
        table: 'text',
        fts: `(${fts}) NOT (${excluded.map((e) => `(${e})`).join(' OR ')})`,
      } as const;
      const rows = sizes.matches({ table: 'text', fts }) * sizes.rangeShare;
      const from = { source: 'fts', match, complete } as const;
      plans.push(withStyles(q, sizes, rows, rows * COST.skip, from, null, true));
    }
  return plans;
}

/** An exclusion of words of the text table, which a tag's superset can take into its MATCH. */
function excludedText(c: Condition): c is Condition & { kind: 'notMatch' } {
  return c.kind === 'notMatch' && c.match.table === 'text';
}

function cheapest(plans: readonly Plan[]): Plan {
  return plans.reduce((a, b) => (b.cost < a.cost ? b : a));
}

/**
 * A plan whose candidates cost `read` and whose conditions are checked on `rows` of them:
 * each written as a list where building it costs less than a lookup per candidate reaching
 * it. `excludedInMatch`: the plan's MATCH already excludes the `notMatch` words.
 */
function withStyles(
  q: CompiledQuery,
  sizes: Sizes,
  rows: number,
  read: number,
  from: {
    source: Plan['source'];
    match?: IndexMatch;
    indexed?: boolean;
    complete: boolean;
    /** The share of the rowids a full-text scan walks, where it is a plain scan, newest first. */
    walked?: number;
  },
  driver: Condition | null = null,
  excludedInMatch = false,
): Plan {
  const styles: Plan['styles'] = [];
  let cost = read;
  let merged = false;
  // Exclusions in the MATCH have thinned the candidates before any condition is checked.
  let reaching = excludedInMatch ? rows * share(q.conditions.filter(excludedText), sizes) : rows;
  for (const c of q.conditions) {
    if (c === driver || (excludedInMatch && excludedText(c))) {
      styles.push('omit');
      continue;
    }
    if (hasStyles(c)) {
      const index = c.kind === 'match' || c.kind === 'notMatch' || c.kind === 'notContains';
      const listed = index ? (c.match === null ? 0 : sizes.matches(c.match)) : sizes.setSize(c);
      const lookup = index && c.match?.table === 'chars' ? COST.charsLookup : COST.ftsLookup;
      const list =
        listed * (index ? COST.listRow + COST.ftsRow : COST.listRow) + reaching * COST.listCheck;
      const probe = reaching * (index ? lookup : COST.probe);
      // Merged: the other table's matches are read as far as the scan walks.
      const merge: number =
        from.walked !== undefined && !merged && (c.kind === 'match' || c.kind === 'notMatch')
          ? (reaching + listed * from.walked) * COST.mergeRow
          : Infinity;
      const best = Math.min(list, probe, merge);
      const style: Style | 'merge' = best === merge ? 'merge' : best === list ? 'list' : 'probe';
      merged ||= style === 'merge';
      styles.push(style);
      cost += best;
    } else {
      styles.push('probe');
    }
    if (c.kind === 'contains' || c.kind === 'notContains') cost += reaching * COST.contains;
    reaching *= share([c], sizes);
  }
  return {
    source: from.source,
    match: from.match ?? null,
    driver,
    indexed: from.indexed ?? false,
    styles,
    cost,
    complete: from.complete,
  };
}

/** The positive conditions with an entry set: tag:, speaker:, person:, from:. */
function positiveSets(q: CompiledQuery): Condition[] {
  return q.conditions.filter(
    (c) => c.kind === 'from' || ((c.kind === 'tag' || c.kind === 'persons') && !c.negated),
  );
}

/**
 * The share of entries meeting all the conditions, taken as independent (dates apart: they
 * are `inDates`). A text check is taken to pass half of the time.
 */
function share(conditions: readonly Condition[], sizes: Sizes): number {
  const n = Math.max(sizes.entries, 1);
  let s = 1;
  for (const c of conditions) {
    const of = (size: number): number => Math.min(1, size / n);
    if (c.kind === 'tag' || c.kind === 'persons')
      s *= c.negated ? 1 - of(sizes.setSize(c)) : of(sizes.setSize(c));
    else if (c.kind === 'from') s *= of(sizes.setSize(c));
    else if (c.kind === 'notFrom') s *= 1 - of(sizes.setSize({ kind: 'from', norms: [c.norm] }));
    else if (c.kind === 'notMatch') s *= 1 - of(sizes.matches(c.match));
    else if (c.kind === 'match') s *= of(sizes.matches(c.match));
    else if (c.kind === 'contains') s *= 0.5;
  }
  return Math.max(s, 1 / n);
}
