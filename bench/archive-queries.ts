/** Count and search latency per query class, for the archive and the trigram baseline. */
import type { Archive } from '../src/archive/index.js';
import { latency, timeRuns, type Latency } from './measure.js';
import { queryClasses } from './queries.js';
import type { TrigramBaseline } from './trigram.js';

export interface OpLatency {
  count: Latency;
  search: Latency;
}

export interface ClassFigures {
  name: string;
  /** After `optimize()`. */
  ours: OpLatency;
  /** Straight after the import, before `optimize()`. */
  asImported: OpLatency;
  trigram: OpLatency | null;
  /** Matches per query, to show how selective the class is. */
  matches: number[];
  /** Median latency of each query (after `optimize()`), to show which queries are slow. */
  perQuery: QueryFigures[];
  /** The same, straight after the import. */
  perQueryAsImported: QueryFigures[];
}

export interface QueryFigures {
  query: string;
  matches: number;
  /** Median count and search (top 20) latency in ms. */
  count: number;
  search: number;
}

export function measureClasses(
  archive: Archive,
  trigram: TrigramBaseline | null,
  o: { repeat: number; log: (line: string) => void },
  label: string,
): ClassFigures[] {
  return queryClasses().map((c) => {
    const figures = measureClass(c.queries, archive, trigram, o.repeat);
    const p99 = `count p99 ${figures.ours.count.p99.toFixed(1)} ms, search p99 ${figures.ours.search.p99.toFixed(1)} ms`;
    o.log(`  ${label}: ${c.name}: ${p99}`);
    return {
      name: c.name,
      ...figures,
      asImported: figures.ours,
      perQueryAsImported: figures.perQuery,
    };
  });
}

function measureClass(
  queries: string[],
  archive: Archive,
  trigram: TrigramBaseline | null,
  repeat: number,
): Omit<ClassFigures, 'name' | 'asImported' | 'perQueryAsImported'> {
  const ours = { count: [] as number[], search: [] as number[] };
  const theirs = { count: [] as number[], search: [] as number[] };
  const matches: number[] = [];
  const perQuery: QueryFigures[] = [];
  for (const q of queries) {
    const n = archive.count(q);
    if (!n.ok) throw new Error(`bench: ${n.error.message}`);
    matches.push(n.value);
    const count = timeRuns(repeat, () => archive.count(q));
    const search = timeRuns(repeat, () => archive.search(q, { limit: 20 }));
    ours.count.push(...count);
    ours.search.push(...search);
    perQuery.push({
      query: q,
      matches: n.value,
      count: latency(count).p50,
      search: latency(search).p50,
    });
    if (trigram && trigram.count(q) !== null) {
      theirs.count.push(...timeRuns(repeat, () => trigram.count(q)));
      theirs.search.push(...timeRuns(repeat, () => trigram.search(q)));
    }
  }
  return {
    ours: { count: latency(ours.count), search: latency(ours.search) },
    trigram:
      theirs.count.length > 0
        ? { count: latency(theirs.count), search: latency(theirs.search) }
        : null,
    matches,
    perQuery,
  };
}
