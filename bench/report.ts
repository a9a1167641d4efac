/** The benchmark's markdown report. */
import type { ArchiveBenchResult, ImportFigures } from './archive.js';
import type { ClassFigures, OpLatency } from './archive-queries.js';
import { mb, ms, table, type Latency } from './measure.js';

export function report(results: ArchiveBenchResult[], machine: string, args: string): string {
  const parts = [
    '# Archive benchmark',
    '',
    `Machine: ${machine}. Command: \`npm run bench -- ${args}\`.`,
    'Latencies in ms over all runs of a class (each query run once to warm up, then repeated).',
  ];
  for (const r of results)
    parts.push(
      '',
      `## ${r.size.toLocaleString('en')} clips`,
      '',
      importTable(r),
      '',
      'After `optimize()`, with the FTS5 trigram baseline (also optimized):',
      '',
      latencyTable(r.classes),
      '',
      'As imported, before `optimize()`:',
      '',
      asImportedTable(r.classes),
      '',
      'Median per query, after `optimize()` and as imported (the first run of each, which warms caches, not counted):',
      '',
      perQueryTable(r.classes),
    );
  return parts.join('\n');
}

function importTable(r: ArchiveBenchResult): string {
  const row = (name: string, f: ImportFigures): string[] => [
    name,
    (f.clips / f.seconds).toFixed(0),
    (f.clips / f.cpuSeconds).toFixed(0),
    f.parseSeconds === null ? 'no parse' : `${((f.parseSeconds / f.seconds) * 100).toFixed(0)}%`,
    f.seconds.toFixed(0),
    f.optimizeSeconds.toFixed(0),
    mb(f.bytesOnDisk),
    mb(f.peakRssBytes),
  ];
  const rows = [row('kirinuki (bigram FTS5)', r.archive)];
  if (r.trigram) rows.push(row('FTS5 trigram baseline', r.trigram));
  const header = [
    'index',
    'clips/s (wall)',
    'clips/s (CPU)',
    'parse share',
    'import s',
    'optimize s',
    'on disk',
    'peak RSS',
  ];
  return table(header, rows);
}

function latencyTable(classes: ClassFigures[]): string {
  const rows = classes.flatMap((c) => [
    [
      c.name,
      'count',
      ...lat(c.ours.count),
      ...lat(c.trigram?.count ?? null),
      ratio(c.ours, c.trigram, 'count'),
      span(c),
    ],
    [
      c.name,
      'search top-20',
      ...lat(c.ours.search),
      ...lat(c.trigram?.search ?? null),
      ratio(c.ours, c.trigram, 'search'),
      '',
    ],
  ]);
  const header = [
    'class',
    'op',
    'p50',
    'p95',
    'p99',
    'trigram p50',
    'trigram p95',
    'trigram p99',
    'p99 trigram ÷ ours',
    'matches',
  ];
  return table(header, rows);
}

function asImportedTable(classes: ClassFigures[]): string {
  const rows = classes.flatMap((c) => [
    [c.name, 'count', ...lat(c.asImported.count)],
    [c.name, 'search top-20', ...lat(c.asImported.search)],
  ]);
  return table(['class', 'op', 'p50', 'p95', 'p99'], rows);
}

function perQueryTable(classes: ClassFigures[]): string {
  const rows = classes.flatMap((c) =>
    c.perQuery.map((p, i) => {
      const before = c.perQueryAsImported[i];
      return [
        c.name,
        `\`${p.query}\``,
        p.matches.toLocaleString('en'),
        ms(p.count),
        ms(p.search),
        before ? ms(before.count) : 'n/a',
        before ? ms(before.search) : 'n/a',
      ];
    }),
  );
  const header = ['class', 'query', 'matches', 'count p50', 'search p50'];
  return table([...header, 'as imported: count', 'search'], rows);
}

function lat(l: Latency | null): string[] {
  return l ? [ms(l.p50), ms(l.p95), ms(l.p99)] : ['n/a', 'n/a', 'n/a'];
}

function ratio(ours: OpLatency, theirs: OpLatency | null, op: 'count' | 'search'): string {
  return theirs ? `${(theirs[op].p99 / ours[op].p99).toFixed(1)}×` : 'n/a';
}

function span(c: ClassFigures): string {
  return `${Math.min(...c.matches)}–${Math.max(...c.matches)}`;
}
