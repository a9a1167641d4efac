/**
 * Annotation benchmark: throughput on one core (MB/s of UTF-8 input, end to end through
 * `annotateEntry`), start-up (loading and compiling the knowledge plus the first call), peak
 * RSS, and the time on adversarial input at 1 MB and 10 MB to show it stays linear.
 *
 * `npx tsx bench/annotate.ts [--mb 20]` prints the markdown table; bench/run.ts calls
 * {@link benchAnnotate}.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { documentEntries, type Entry } from '../src/model/index.js';
import {
  annotate,
  annotateEntry,
  entryText,
  loadKnowledge,
  type Knowledge,
} from '../src/nlp/index.js';
import { parseClipDocument } from '../src/format/index.js';
import { generateCorpus } from './corpus.js';

const MB = 1e6;

/** Runs the benchmark and returns it as a markdown table. */
export async function benchAnnotate(options: { mb?: number } = {}): Promise<string> {
  const t0 = performance.now();
  const knowledge = loadKnowledge();
  const loadMs = performance.now() - t0;
  annotate('ロシアのプーチン大統領は16日、「主導権は我々にある」と主張した。', {
    knowledge,
    date: '2024-01-17',
  });
  const startupMs = performance.now() - t0;
  const target = (options.mb ?? 20) * MB;
  const entrySize = (e: Entry): number => Buffer.byteLength(entryText(e));
  const annotateOne = (e: Entry): unknown => annotateEntry(e, { knowledge });
  const corpus = throughput(corpusDays(target), entrySize, annotateOne);
  const example = throughput([exampleEntries(target / 4)], entrySize, annotateOne);
  // Twice: the first pass also pays for compiling the code these texts reach (V8 optimises on
  // helper threads, which the CPU figure counts); the second is the rate once that is done.
  const real = realNews(knowledge, target / 4);
  const realWarm = real ? realNews(knowledge, target / 4) : null;
  const rssAfterThroughput = process.resourceUsage().maxRSS / 1024;
  const rows = [
    '| measure | value |',
    '|---|---|',
    `| start-up: load + compile knowledge | ${loadMs.toFixed(0)} ms |`,
    `| start-up: knowledge + first annotate | ${startupMs.toFixed(0)} ms |`,
    `| throughput, bench corpus (${(corpus.bytes / MB).toFixed(1)} MB, ${corpus.entries} entries) | ${rate(corpus)} |`,
    `| throughput, real example digest repeated (${(example.bytes / MB).toFixed(1)} MB) | ${rate(example)} |`,
    ...(real && realWarm
      ? [
          `| throughput, the 200 real news excerpts of ../shared/real repeated (${(real.bytes / MB).toFixed(1)} MB), first pass | ${rate(real)} |`,
          `| throughput, the same again, once compiled | ${rate(realWarm)} |`,
        ]
      : ['| throughput, real news excerpts | skipped: ../shared/real is not here |']),
    `| peak RSS after the throughput runs (this process, tsx included) | ${rssAfterThroughput.toFixed(0)} MB |`,
    ...adversarial(knowledge),
    ...adversarialRss(),
  ];
  return rows.join('\n');
}

/** The real news excerpts beside the project, repeated to about `bytes`; null when absent. */
function realNews(k: Knowledge, bytes: number): Throughput | null {
  const dir = new URL('../../shared/real/', import.meta.url);
  const files = ['dev-war.jsonl', 'dev-pol.jsonl'].map((f) => new URL(f, dir));
  let texts: string[];
  try {
    texts = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => String((JSON.parse(l) as { text: unknown }).text)),
    );
  } catch {
    return null;
  }
  const one = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const times = Math.max(1, Math.ceil(bytes / Math.max(1, one)));
  return throughput(
    Array.from({ length: times }, () => texts),
    (t) => Buffer.byteLength(t),
    (t) => annotate(t, { knowledge: k }),
  );
}

/**
 * Each 10 MB adversarial input annotated in a fresh process of the built library, so the peak
 * RSS is that input's alone (knowledge and Node included, tsx not): the figure the 250 MB
 * budget is about. Needs a build; skipped with a note without one.
 */
function adversarialRss(): string[] {
  const lib = fileURLToPath(new URL('../dist/nlp/index.js', import.meta.url));
  if (!existsSync(lib))
    return ['| peak RSS on 10 MB adversarial inputs | skipped: run `npm run build` first |'];
  return ADVERSARIAL.map(([name, make]) => {
    const script = `
      const { annotate, loadKnowledge } = await import(${JSON.stringify(pathToFileURL(lib).href)});
      const k = loadKnowledge();
      const text = (${make.toString()})(${10 * MB});
      const t = performance.now();
      const a = annotate(text, { knowledge: k, date: '2024-01-18' });
      const ms = performance.now() - t;
      console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS / 1024, quotes: a.quotes.length, truncated: a.truncated === true }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
      ms?: number;
      rss?: number;
      quotes?: number;
      truncated?: boolean;
    };
    return `| fresh process, 10 MB ${name}: time, peak RSS | ${out.ms?.toFixed(0)} ms, ${out.rss?.toFixed(0)} MB (${out.quotes} quotes${out.truncated ? ', truncated' : ''}) |`;
  });
}

function rate(t: Throughput): string {
  return `${t.mbps.toFixed(2)} MB/s wall, ${t.cpuMbps.toFixed(2)} MB/s per CPU second`;
}

/**
 * Times only the annotate calls over batches of items (entries or texts); batches may be
 * generated one at a time, so memory stays flat.
 */
function throughput<T>(
  batches: Iterable<readonly T[]>,
  size: (item: T) => number,
  annotateOne: (item: T) => unknown,
): Throughput {
  let bytes = 0;
  let entries = 0;
  let ms = 0;
  let cpuUs = 0;
  for (const batch of batches) {
    bytes += batch.reduce((n, x) => n + size(x), 0);
    entries += batch.length;
    const t = performance.now();
    const c = process.cpuUsage();
    for (const x of batch) annotateOne(x);
    const used = process.cpuUsage(c);
    cpuUs += used.user + used.system;
    ms += performance.now() - t;
  }
  return { bytes, entries, mbps: bytes / MB / (ms / 1000), cpuMbps: bytes / MB / (cpuUs / 1e6) };
}

/**
 * Wall-clock MB/s, and MB per CPU second: on a shared machine the wall clock also counts time
 * the process waited for a core, so the CPU figure is the steadier one.
 */
interface Throughput {
  bytes: number;
  entries: number;
  mbps: number;
  cpuMbps: number;
}

/** The project's reproducible bench corpus (bench/corpus.ts), a digest day at a time. */
function* corpusDays(bytes: number): Generator<Entry[]> {
  let total = 0;
  for (const day of generateCorpus({ size: 1_000_000, days: 730 })) {
    total += day.entries.reduce((n, e) => n + Buffer.byteLength(entryText(e)), 0);
    yield day.entries;
    if (total >= bytes) return;
  }
}

function exampleEntries(bytes: number): Entry[] {
  const path = fileURLToPath(
    new URL('../../shared/examples/000_dfec5c4496ff07cd.txt', import.meta.url),
  );
  let entries: Entry[];
  try {
    entries = documentEntries(parseClipDocument(readFileSync(path, 'utf8')).document);
  } catch {
    return [];
  }
  const one = entries.reduce((n, e) => n + Buffer.byteLength(entryText(e)), 0);
  const times = Math.max(1, Math.ceil(bytes / Math.max(1, one)));
  return Array.from({ length: times }, () => entries).flat();
}

/** Hostile inputs of about `n` UTF-8 bytes each. */
const ADVERSARIAL: [string, (n: number) => string][] = [
  [
    'one paragraph of wire copy',
    (n) => 'ロシアのプーチン大統領は16日、「主導権は我々にある」と主張した、'.repeat(n / 96),
  ],
  ['unbalanced 「', (n) => '「ゼレンスキー氏は'.repeat(n / 27)],
  [
    '20-deep nesting',
    (n) => `${'「'.repeat(20)}同氏は${'」'.repeat(20)}と述べた。`.repeat(n / 150),
  ],
  ['emoji and 🗣️ marks', (n) => '🇷🇺🗣️我々は🐸🇺🇸'.repeat(n / 40)],
];

/** Hostile inputs at 1 and 10 MB: the ratio of times should be near 10 (linear). */
function adversarial(k: Knowledge): string[] {
  const cases = ADVERSARIAL;
  return cases.map(([name, make]) => {
    const [small, big] = [1, 10].map((mb) => {
      const text = make(mb * MB);
      const t = performance.now();
      annotate(text, { knowledge: k, date: '2024-01-18' });
      return performance.now() - t;
    });
    return `| adversarial: ${name}, 1 MB → 10 MB | ${small?.toFixed(0)} ms → ${big?.toFixed(0)} ms |`;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--mb');
  const mb = i >= 0 ? Number(process.argv[i + 1]) : undefined;
  console.log(await benchAnnotate(mb === undefined ? {} : { mb }));
}
