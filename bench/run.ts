/**
 * `npm run bench -- [--only archive,ingest,annotate,tagging,parse,cold-start,site,server,ranking,postgres,workers,paste]
 *   [--sizes 100000,1000000] [--repeat 5] [--no-trigram] [--no-groonga] [--out bench/out]`
 *
 * Runs the archive benchmark at each size — kirinuki, then the FTS5 trigram baseline, then
 * Groonga (`bench/groonga.ts`, when `groonga` is on PATH; else a note says how to install it),
 * one engine at a time — and writes a markdown report to stdout and to
 * `bench/out/archive-<sizes>.md` (with the raw figures as JSON beside it); then the ingest,
 * annotation, tagging, clip-document parsing and CLI cold-start benchmarks (`bench/ingest.ts`,
 * `bench/annotate.ts`, `bench/tagging.ts`, `bench/parse.ts`, `bench/cold-start.ts`), each to
 * `bench/out/<name>.md`; ranking over all matches on the server benchmark's archive
 * (`bench/ranking.ts`); SQLite and PostgreSQL side by side at each size (`bench/postgres.ts`)
 * and 1, 2 and 4 workers importing 100,000 entries into PostgreSQL (`bench/workers.ts`), both
 * on a private cluster — skipped with the reason when PostgreSQL is not installed; and long
 * pastes imported through the CLI and searched (`bench/paste.ts`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runArchiveBench } from './archive.js';
import { runGroongaBench } from './groonga.js';
import { report, type ArchiveRunResult } from './report.js';

const SUITES = [
  'archive',
  'ingest',
  'annotate',
  'tagging',
  'parse',
  'cold-start',
  'site',
  'server',
  'ranking',
  'postgres',
  'workers',
  'paste',
] as const;
type Suite = (typeof SUITES)[number];

interface Args {
  only: Suite[];
  sizes: number[];
  repeat: number;
  trigram: boolean;
  groonga: boolean;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    only: [...SUITES],
    sizes: [100_000, 1_000_000],
    repeat: 5,
    trigram: true,
    groonga: true,
    out: 'bench/out',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = (): string => argv[++i] ?? '';
    if (a === '--only') args.only = next().split(',').filter(isSuite);
    else if (a === '--sizes')
      args.sizes = next()
        .split(',')
        .map((s) => Number(s.replaceAll('_', '')));
    else if (a === '--repeat') args.repeat = Number(next());
    else if (a === '--no-trigram') args.trigram = false;
    else if (a === '--no-groonga') args.groonga = false;
    else if (a === '--out') args.out = next();
    else throw new Error(`bench: unknown argument ${a}`);
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error('bench: --sizes takes positive integers');
  return args;
}

function isSuite(s: string): s is Suite {
  if ((SUITES as readonly string[]).includes(s)) return true;
  throw new Error(`bench: unknown suite ${s} (known: ${SUITES.join(', ')})`);
}

/** The machine, for the report: figures mean little without it. */
function machine(): string {
  const cpu = cpus();
  const sqlite = (
    new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }
  ).v;
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, SQLite ${sqlite}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  if (args.only.includes('archive')) await archive(args);
  if (args.only.includes('ingest'))
    await other(args, 'ingest', async () => (await import('./ingest.js')).benchIngest());
  if (args.only.includes('annotate'))
    await other(args, 'annotate', async () => (await import('./annotate.js')).benchAnnotate());
  if (args.only.includes('tagging'))
    await other(args, 'tagging', async () => (await import('./tagging.js')).benchTagging());
  if (args.only.includes('parse'))
    await other(args, 'parse', async () => {
      const { runParseBench, parseBenchReport } = await import('./parse.js');
      return parseBenchReport(await runParseBench({ repeat: args.repeat }));
    });
  if (args.only.includes('cold-start'))
    await other(args, 'cold-start', async () =>
      (await import('./cold-start.js')).runColdStartBench(),
    );
  if (args.only.includes('site'))
    await other(args, 'site', async () => (await import('./site.js')).benchSite({ dir: args.out }));
  if (args.only.includes('server'))
    await other(args, 'server', async () =>
      (await import('./server.js')).benchServer({ dir: args.out }),
    );
  if (args.only.includes('ranking'))
    await other(args, 'ranking', async () =>
      (await import('./ranking.js')).benchRanking([
        '--db',
        join(args.out, 'server-archive-100000.db'),
        '--repeat',
        String(args.repeat),
      ]),
    );
  if (args.only.includes('postgres'))
    for (const size of args.sizes)
      await other(args, `postgres-${size}`, async () =>
        script('bench/postgres.ts', [String(size), String(args.repeat)]),
      );
  if (args.only.includes('workers'))
    await other(args, 'workers', async () =>
      script('bench/workers.ts', [
        '--archive',
        'postgres',
        '--entries',
        '100000',
        '--per-doc',
        '1000',
        '--out',
        args.out,
      ]),
    );
  if (args.only.includes('paste'))
    await other(args, 'paste', async () => {
      const { measurePastes, pasteBenchReport } = await import('./paste.js');
      return pasteBenchReport(measurePastes({ log: (line) => console.error(line) }));
    });
}

/**
 * A benchmark that runs as a script of its own (it starts a PostgreSQL cluster): its markdown
 * on stdout, its progress on stderr; a failure (no PostgreSQL here) is reported, not thrown.
 */
function script(file: string, argv: string[]): string {
  try {
    return execFileSync(process.execPath, ['--import', 'tsx', file, ...argv], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    return `## ${file}\n\nskipped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`;
  }
}

async function archive(args: Args): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const results: ArchiveRunResult[] = [];
  for (const size of args.sizes) {
    log(`bench: ${size} clips`);
    const result = await runArchiveBench({
      size,
      dir: args.out,
      repeat: args.repeat,
      trigram: args.trigram,
      log,
    });
    // Only once kirinuki's and the trigram baseline's timings are done: the groonga process
    // runs alone, and is stopped before the next size.
    const groonga = args.groonga
      ? await runGroongaBench({
          size,
          dir: args.out,
          repeat: args.repeat,
          log,
          kirinuki: result.classes,
        })
      : undefined;
    if (groonga && !groonga.ran) log(groonga.note);
    results.push(groonga ? { ...result, groonga } : result);
  }
  const md = report(results, machine(), process.argv.slice(2).join(' '));
  process.stdout.write(`${md}\n`);
  const name = `archive-${args.sizes.join('-')}`;
  writeFileSync(join(args.out, `${name}.md`), `${md}\n`);
  writeFileSync(join(args.out, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
}

/** A benchmark owned by another module: its markdown to stdout and to bench/out/<name>.md. */
async function other(args: Args, name: string, run: () => Promise<string>): Promise<void> {
  const md = await run();
  process.stdout.write(`\n${md}\n`);
  writeFileSync(join(args.out, `${name}.md`), `${md}\n`);
}

await main();
