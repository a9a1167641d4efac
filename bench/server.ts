/**
 * The workbench server at scale: `kirinuki serve` in a child process (as a curator runs it) over
 * a generated archive of 100,000 clips (bench/corpus), measured from this process on loopback:
 *
 * 1. search while typing: every query of bench/queries.ts typed a character at a time, one
 *    request per prefix, in sequence — the server's own time (`Server-Timing`) and the round trip;
 * 2. the pages' reads (days, entries, an entry, tags, a tag, people, stats): their server time;
 * 3. load: autocannon holding 200 requests/s of a mix of searches (60 %) and reads for 20 s —
 *    latency percentiles, errors, and the server's memory before and after.
 *
 * The archive is generated once into `bench/out/server-archive-<size>.db`. Runnable alone:
 * `npx tsx bench/server.ts [size]`; writes `bench/out/server.md`. With
 * `KIRINUKI_BENCH_CPU_PROF=DIR` the server runs under `node --cpu-prof` and writes its profile
 * to DIR when it stops (open it in Chrome's DevTools, or `bench/cpu-profile.ts` sums it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpusArchive } from './corpus-archive.js';
import { evenLoad, type EvenLoadResult } from './even-load.js';
import { latency, mb, ms, table, type Latency } from './measure.js';
import { queryClasses } from './queries.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The part of autocannon's programmatic API used here (it ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  overallRate: number;
  headers: Record<string, string>;
  requests: { method: string; path: string }[];
}) => Promise<AutocannonResult>;

export interface ServerBenchOptions {
  size?: number;
  dir?: string;
  log?: (line: string) => void;
}

/** Runs the server benchmark and returns its markdown report. */
export async function benchServer(options: ServerBenchOptions = {}): Promise<string> {
  const size = options.size ?? 100_000;
  const dir = options.dir ?? 'bench/out';
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  mkdirSync(dir, { recursive: true });
  const db = serverArchive(size, dir, log);
  const child = startServe(db, process.env.KIRINUKI_BENCH_CPU_PROF);
  try {
    const base = await serverUrl(child);
    log(`server: listening at ${base}`);
    const rssStart = rss(child);
    const typing = await searchWhileTyping(base);
    log(`server: search while typing p95 ${ms(typing.server.p95)} ms (server time)`);
    const reads = await pageReads(base);
    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    // A load test measures a server that is running, not one starting: 5 s of the same load
    // first, with three-word searches the measured runs never ask (their answers are not
    // kept for them), warm the code and the archive's pages.
    log('server: 5 s of warm-up load (three-word searches, not measured)…');
    await autocannon({
      url: base,
      connections: 10,
      duration: 5,
      overallRate: 200,
      headers: BENCH_AUTH,
      requests: warmUpRequests(reads.entryId),
    });
    const loads: Load[] = [];
    for (const repeated of [false, true]) {
      const name = repeated
        ? 'the same 30 searches again and again'
        : 'searches never asked before';
      log(`server: 20 s of mixed load at 200 requests/s, ${name}…`);
      const cpuBefore = cpuMs(child);
      const load = await autocannon({
        url: base,
        connections: 10,
        duration: 20,
        overallRate: 200,
        headers: BENCH_AUTH,
        requests: mixedRequests(reads.entryId, repeated),
      });
      loads.push({ name, load, rssAfter: rss(child), cpu: cpuMs(child) - cpuBefore });
    }
    log('server: 20 s of the same mix arriving evenly (open loop), searches never asked before…');
    const cpuBefore = cpuMs(child);
    const even = await evenLoad(base, evenRequests(reads.entryId), {
      rate: 200,
      seconds: 20,
      headers: BENCH_AUTH,
    });
    const evenRow = { result: even, cpu: cpuMs(child) - cpuBefore, rssAfter: rss(child) };
    return report(size, typing, reads.rows, loads, evenRow, rssStart);
  } finally {
    // SIGTERM: serve closes and exits, so a CPU profile is written.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * The benchmark's archive of `size` generated clips, generated once into `dir`.
 *
 * @example
 * const db = serverArchive(100_000, 'bench/out', console.error);
 */
export function serverArchive(size: number, dir: string, log: (line: string) => void): string {
  mkdirSync(dir, { recursive: true });
  const db = join(dir, `server-archive-${size}.db`);
  if (!existsSync(db)) {
    log(`server: generating ${size} clips into ${db}…`);
    writeCorpusArchive(db, size);
  }
  return db;
}

/**
 * `kirinuki serve` from the sources, on a free port; profiled into `profileDir` if given.
 *
 * @example
 * const child = startServe('bench/out/server-archive-100000.db');
 * const base = await serverUrl(child);
 */
/**
 * The access token the benchmark's `kirinuki serve` runs with (every request must carry it, as
 * a curator's browser does after the login link).
 */
export const BENCH_TOKEN = 'kirinuki-bench-access-token';

/** The header that carries {@link BENCH_TOKEN}. */
export const BENCH_AUTH = { authorization: `Bearer ${BENCH_TOKEN}` };

export function startServe(db: string, profileDir?: string): ChildProcess {
  const script =
    "import { run, processIo } from './src/cli/index.ts'; process.exitCode = await run(process.argv.slice(1), processIo());";
  return spawn(
    process.execPath,
    [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
      '--',
      '--db',
      db,
      'serve',
      '--port',
      '0',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, KIRINUKI_TOKEN: BENCH_TOKEN },
    },
  );
}

/**
 * The URL a started `kirinuki serve` says it listens at.
 *
 * @example
 * const base = await serverUrl(startServe(db)); // 'http://127.0.0.1:40123'
 */
export function serverUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`bench: kirinuki serve exited ${code}`)));
  });
}

/** One mixed load: autocannon's figures, the server's memory after, its CPU time during. */
interface Load {
  name: string;
  load: AutocannonResult;
  rssAfter: number;
  /** ms of CPU (user + system) the server spent during the load. */
  cpu: number;
}

/**
 * The child's CPU time so far (user + system, ms), from /proc (Linux); NaN elsewhere. Unlike
 * latency, it hardly moves with what else the machine runs, so it compares servers on a
 * machine shared with other work.
 */
function cpuMs(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name; clock ticks.
    return (Number(fields?.[11]) + Number(fields?.[12])) * 10;
  } catch {
    return NaN;
  }
}

/** The child's resident memory, from /proc (Linux); NaN elsewhere. */
function rss(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
  } catch {
    return NaN;
  }
}

/** One GET: the server's time (Server-Timing) and the round trip, in ms. */
async function timedGet(
  url: string,
  refusalIsAnswer = false,
): Promise<{ server: number; total: number; kept: boolean; body: unknown }> {
  const start = performance.now();
  const res = await fetch(url, { headers: BENCH_AUTH });
  const body: unknown = await res.json();
  const total = performance.now() - start;
  if (!res.ok && !(refusalIsAnswer && res.status === 400))
    throw new Error(`bench: ${url} answered ${res.status}: ${JSON.stringify(body)}`);
  const timing = res.headers.get('Server-Timing') ?? '';
  const server = Number(/app;dur=([\d.]+)/.exec(timing)?.[1]);
  return { server, total, kept: timing.includes('desc="kept"'), body };
}

interface Typing {
  server: Latency;
  total: Latency;
  /** Prefixes answered from the answers kept for an earlier, identical one (left out above). */
  kept: number;
}

/** Every prefix of every benchmark query, searched in turn as the search page does. */
async function searchWhileTyping(base: string): Promise<Typing> {
  const queries = queryClasses().flatMap((c) => c.queries);
  for (const q of queries.slice(0, 5))
    await timedGet(`${base}/api/search?q=${encodeURIComponent(q)}`);
  const server: number[] = [];
  const total: number[] = [];
  let kept = 0;
  for (const q of queries)
    for (let n = 1; n <= [...q].length; n += 1) {
      const prefix = [...q].slice(0, n).join('').trim();
      if (prefix === '') continue;
      // A half-typed filter (`from:@`) is refused with a 400 saying what is missing: an answer.
      const r = await timedGet(`${base}/api/search?q=${encodeURIComponent(prefix)}&limit=20`, true);
      if (r.kept) {
        kept += 1;
        continue;
      }
      server.push(r.server);
      total.push(r.total);
    }
  return { server: latency(server), total: latency(total), kept };
}

/** Server time of the pages' reads, 20 times each after a first call. */
async function pageReads(base: string): Promise<{ rows: string[][]; entryId: string }> {
  const entries = (await timedGet(`${base}/api/entries?limit=50`)).body as {
    entries: { id: string; tags: string[] }[];
  };
  const entryId = entries.entries[0]?.id ?? '';
  const tag = entries.entries.find((e) => e.tags.length > 0)?.tags[0] ?? '';
  const people = (await timedGet(`${base}/api/people?limit=1`)).body as {
    people: { name: string }[];
  };
  const person = people.people[0]?.name ?? '';
  const paths = [
    '/api/days',
    '/api/entries?limit=50',
    `/api/entries/${entryId}`,
    '/api/stats',
    '/api/tags',
    `/api/tags/${encodeURIComponent(tag)}`,
    '/api/people?limit=50',
    `/api/people/${encodeURIComponent(person)}`,
  ];
  const rows: string[][] = [];
  for (const path of paths) {
    const first = await timedGet(`${base}${path}`);
    const times: number[] = [];
    for (let i = 0; i < (path.includes('people') || path.includes('/tags/') ? 5 : 20); i += 1)
      times.push((await timedGet(`${base}${path}`)).server);
    const l = latency(times);
    rows.push([
      `\`GET ${decodeURIComponent(path).replace(/\/api\/entries\/[0-9a-f]+/, '/api/entries/{id}')}\``,
      ms(first.server),
      ms(l.p50),
      ms(l.p95),
    ]);
  }
  return { rows, entryId };
}

/**
 * Searches (60 %) and reads (40 %), as a few curators at work send them: `repeated`, the
 * benchmark's 30 queries over and over (the server keeps their answers); otherwise every search
 * a query not asked before (two words of the benchmark's queries, and a page of it), so each
 * runs the archive's search.
 */
/**
 * The mix of the even load: the measured mix with each two-word search's words the other way
 * round (`b a`), so none was asked before — 1,740 of them, more than the server keeps answers
 * for, so the ones asked again after the cycle were dropped and are searched afresh.
 */
function evenRequests(entryId: string): string[] {
  return mixedRequests(entryId, false).map((r) => {
    if (!r.path.startsWith('/api/search')) return r.path;
    const url = new URL(r.path, 'http://x');
    url.searchParams.set('q', (url.searchParams.get('q') ?? '').split(' ').reverse().join(' '));
    return `${url.pathname}${url.search}`;
  });
}

/** The warm-up's mix: the measured mix's reads, and searches of three of its words. */
function warmUpRequests(entryId: string): { method: string; path: string }[] {
  const words = benchWords();
  return mixedRequests(entryId, true).map((r, i) =>
    r.path.startsWith('/api/search')
      ? {
          method: 'GET',
          path: `/api/search?q=${encodeURIComponent(
            [0, 1, 2].map((k) => words[(i + k * 7) % words.length]).join(' '),
          )}&limit=20`,
        }
      : r,
  );
}

/** The words the mixed load searches for. */
function benchWords(): string[] {
  return queryClasses()
    .flatMap((c) => c.queries)
    .filter((q) => !/[":-]/.test(q))
    .slice(0, 30);
}

function mixedRequests(entryId: string, repeated: boolean): { method: string; path: string }[] {
  const words = benchWords();
  const queries = repeated
    ? words.map((q) => `${q}&limit=20`)
    : words.flatMap((a, i) =>
        words.flatMap((b, j) =>
          i === j ? [] : [0, 20].map((offset) => `${a} ${b}&limit=20&offset=${offset}`),
        ),
      );
  const searches = queries.map((q) => {
    const [words2, rest] = [q.slice(0, q.indexOf('&')), q.slice(q.indexOf('&'))];
    return { method: 'GET', path: `/api/search?q=${encodeURIComponent(words2)}${rest}` };
  });
  const reads = [
    '/api/days',
    '/api/entries?limit=50',
    `/api/entries/${entryId}`,
    '/api/stats',
    '/api/tags',
    '/api/entries?limit=50&offset=500',
  ].map((path) => ({ method: 'GET', path }));
  const out: { method: string; path: string }[] = [];
  for (let i = 0; i < searches.length; i += 1) {
    const s = searches[i];
    const r = reads[i % reads.length];
    if (s) out.push(s);
    if (i % 3 !== 2 && r) out.push(r);
  }
  return out;
}

function report(
  size: number,
  typing: Typing,
  reads: string[][],
  loads: Load[],
  even: { result: EvenLoadResult; cpu: number; rssAfter: number },
  rssStart: number,
): string {
  return [
    `# Workbench server (${size.toLocaleString('en')} clips)`,
    '',
    '`npx tsx bench/server.ts` — `kirinuki serve` in a child process, requests from this process on loopback.',
    '',
    '## Search while typing',
    '',
    `Each prefix of each query of bench/queries.ts, in turn; ${typing.kept} of the prefixes were asked before (another query starts the same way) and answered from the kept answers, and are left out here.`,
    '',
    table(
      ['', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests'],
      [
        [
          'server time',
          ms(typing.server.p50),
          ms(typing.server.p95),
          ms(typing.server.p99),
          ms(typing.server.max),
          String(typing.server.samples),
        ],
        [
          'round trip',
          ms(typing.total.p50),
          ms(typing.total.p95),
          ms(typing.total.p99),
          ms(typing.total.max),
          String(typing.total.samples),
        ],
      ],
    ),
    '',
    '## Page reads (server time)',
    '',
    'The first request, then 20 more (5 for the people and tag pages): search and the people pages answer again from the answers kept until the archive changes.',
    '',
    table(['request', 'first ms', 'p50 ms', 'p95 ms'], reads),
    '',
    '## Mixed load: 200 requests/s for 20 s each (autocannon, 10 connections)',
    '',
    `60 % searches, 40 % reads (days, entries, an entry, stats, tags), after 5 s of the same load with three-word searches that are not measured (the server running, not starting). Server memory (RSS) at the start: ${mb(rssStart)}.`,
    '',
    table(
      [
        'searches',
        'requests/s',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        'errors',
        'non-2xx',
        'server CPU ms/request',
        'RSS after',
      ],
      loads.map(({ name, load, rssAfter: after, cpu }) => [
        name,
        load.requests.average.toFixed(0),
        String(load.latency.p50),
        String(load.latency.p90),
        String(load.latency.p99),
        String(load.latency.max),
        String(load.errors + load.timeouts),
        String(load.non2xx),
        (cpu / load.requests.total).toFixed(2),
        mb(after),
      ]),
    ),
    '',
    'autocannon limits a rate by sending each connection’s requests for a second back to back, then waiting for the next second: the 200 requests of a second arrive as one burst, and the last waits for all before it.',
    '',
    '## Mixed load arriving evenly: 200 requests/s for 20 s (one request every 5 ms, open loop)',
    '',
    'The same mix, each two-word search with its words the other way round (never asked before); latency counted from when each request was due.',
    '',
    table(
      [
        'requests/s sent',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'errors',
        'server CPU ms/request',
        'RSS after',
      ],
      [
        [
          even.result.rate.toFixed(0),
          ms(even.result.latency.p50),
          ms(even.result.latency.p95),
          ms(even.result.latency.p99),
          ms(even.result.latency.max),
          String(even.result.errors),
          (even.cpu / even.result.sent).toFixed(2),
          mb(even.rssAfter),
        ],
      ],
    ),
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = Number(process.argv[2] ?? 100_000);
  const text = await benchServer({ size });
  writeFileSync(join('bench/out', 'server.md'), text);
  process.stdout.write(text);
}
