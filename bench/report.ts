/** The benchmark's markdown report. */
import type { ArchiveBenchResult, ImportFigures } from './archive.js';
import type { ClassFigures, OpLatency } from './archive-queries.js';
import type { GroongaBenchResult, GroongaClassFigures, GroongaOutcome } from './groonga.js';
import { mb, ms, table, type Latency } from './measure.js';

/** One size of the archive benchmark, with Groonga's side when it was asked for. */
export type ArchiveRunResult = ArchiveBenchResult & { groonga?: GroongaOutcome };

export function report(results: ArchiveRunResult[], machine: string, args: string): string {
  const parts = [
    '# Archive benchmark',
    '',
    `Machine: ${machine}. Command: \`npm run bench -- ${args}\`.`,
    'Latencies in ms over all runs of a class (each query run once to warm up, then repeated).',
  ];
  for (const r of results) {
    const groonga = r.groonga?.ran ? r.groonga.result : null;
    parts.push(
      '',
      `## ${r.size.toLocaleString('en')} clips`,
      '',
      importTable(r, groonga),
      '',
      ...groongaNotes(r.groonga),
      ratioTable(r, groonga),
      '',
      `After \`optimize()\`, with the FTS5 trigram baseline (also optimized)${groonga ? ' and Groonga' : ''}:`,
      '',
      latencyTable(r.classes, groonga?.classes ?? null),
      '',
      'As imported, before `optimize()`:',
      '',
      asImportedTable(r.classes),
      '',
      'Median per query, after `optimize()` and as imported (the first run of each, which warms caches, not counted):',
      '',
      perQueryTable(r.classes),
    );
    if (groonga)
      parts.push(
        '',
        'Count agreement, Groonga against kirinuki, per query (Groonga medians in ms; its `select` as sent):',
        '',
        agreementTable(groonga.classes),
      );
  }
  return parts.join('\n');
}

/** What a reader must know about Groonga's figures: skipped, or what they include. */
function groongaNotes(outcome: GroongaOutcome | undefined): string[] {
  if (!outcome) return [];
  if (!outcome.ran) return [outcome.note, ''];
  const g = outcome.result;
  return [
    `${g.version}: CPU is the groonga process's own (\`/proc/<pid>/stat\`), peak RSS its \`VmHWM\` over import and queries (${mb(g.import.importPeakRssBytes ?? 0)} when the import ended, when its resident set held ${mb(g.importResident.fileBytes)} of pages of its mapped files and ${mb(g.importResident.anonBytes)} of anonymous memory; anonymous memory peaked at ${mb(g.importPeakAnonBytes)}, sampled after each load), "optimize" its \`io_flush\`; on disk is the files' size (${mb(g.allocatedBytes)} allocated). Each Groonga latency includes the round trip over its stdin/stdout: \`status\` p50 ${g.overhead.p50.toFixed(3)} ms, p99 ${g.overhead.p99.toFixed(3)} ms.`,
    '',
  ];
}

/** kirinuki's import figures over each baseline's: above 1 means kirinuki has more. */
function ratioTable(r: ArchiveBenchResult, groonga: GroongaBenchResult | null): string {
  const measures: [string, (f: ImportFigures) => number, (x: number) => string][] = [
    ['clips/s (wall)', (f) => f.clips / f.seconds, (x) => x.toFixed(0)],
    ['clips/s (CPU)', (f) => f.clips / f.cpuSeconds, (x) => x.toFixed(0)],
    ['on disk', (f) => f.bytesOnDisk, mb],
    ['peak RSS', (f) => f.peakRssBytes, mb],
  ];
  const rows = measures.map(([name, of, show]) => {
    const ours = of(r.archive);
    const cells = (f: ImportFigures | null): string[] =>
      f ? [show(of(f)), `${(ours / of(f)).toFixed(2)}×`] : ['n/a', 'n/a'];
    return [name, show(ours), ...cells(r.trigram), ...(groonga ? cells(groonga.import) : [])];
  });
  const header = [
    'measure',
    'kirinuki',
    'SQLite trigram',
    'kirinuki ÷ SQLite',
    ...(groonga ? ['Groonga', 'kirinuki ÷ Groonga'] : []),
  ];
  return table(header, rows);
}

function importTable(r: ArchiveBenchResult, groonga: GroongaBenchResult | null): string {
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
  if (groonga) rows.push(row(`${groonga.version} (TokenBigram)`, groonga.import));
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

function latencyTable(classes: ClassFigures[], groonga: GroongaClassFigures[] | null): string {
  const rows = classes.flatMap((c) => {
    const g = groonga?.find((x) => x.name === c.name)?.latency ?? null;
    const groongaCells = (op: 'count' | 'search'): string[] =>
      groonga ? [...lat(g?.[op] ?? null), ratio(c.ours, g, op)] : [];
    return [
      [
        c.name,
        'count',
        ...lat(c.ours.count),
        ...lat(c.trigram?.count ?? null),
        ratio(c.ours, c.trigram, 'count'),
        ...groongaCells('count'),
        span(c),
      ],
      [
        c.name,
        'search top-20',
        ...lat(c.ours.search),
        ...lat(c.trigram?.search ?? null),
        ratio(c.ours, c.trigram, 'search'),
        ...groongaCells('search'),
        '',
      ],
    ];
  });
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
    ...(groonga ? ['Groonga p50', 'Groonga p95', 'Groonga p99', 'p99 Groonga ÷ ours'] : []),
    'matches',
  ];
  return table(header, rows);
}

/** Per query: kirinuki's count, Groonga's, and the select it was asked (or why not). */
function agreementTable(classes: GroongaClassFigures[]): string {
  const rows = classes.flatMap((c) =>
    c.queries.map((q) => {
      const differs =
        q.matches === null || q.kirinuki === null
          ? 'n/a'
          : q.matches === q.kirinuki
            ? 'same'
            : `${q.matches > q.kirinuki ? '+' : ''}${(q.matches - q.kirinuki).toLocaleString('en')}`;
      const select = q.select
        ? [
            q.select.query && `query \`${q.select.query}\``,
            q.select.filter && `filter \`${q.select.filter}\``,
          ]
            .filter(Boolean)
            .join(', ')
        : (q.note ?? '');
      return [
        c.name,
        `\`${q.query}\``,
        q.kirinuki?.toLocaleString('en') ?? 'n/a',
        q.matches?.toLocaleString('en') ?? 'n/a',
        differs,
        ms(q.count),
        ms(q.search),
        select.replaceAll('|', '\\|'),
      ];
    }),
  );
  const header = [
    'class',
    'query',
    'kirinuki',
    'Groonga',
    'Groonga − kirinuki',
    'count p50',
    'search p50',
    'Groonga select',
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
