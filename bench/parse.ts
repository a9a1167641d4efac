/**
 * Clip-document parsing benchmark: throughput of `parseClipDocument` in MB/s of UTF-8 input,
 * on two corpora — the project's generated digests (`bench/corpus.ts`, fixed seed, one
 * document per digest day of ~20 clips) and the real example digest repeated — and a round-trip
 * check (`renderClipDocument(parse(x)) === x`) on every document of both.
 *
 * `npx tsx bench/parse.ts [--mb 20] [--repeat 7]` prints the markdown table; bench/run.ts calls
 * {@link runParseBench} and {@link parseBenchReport}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseClipDocument, renderClipDocument } from '../src/format/index.js';
import { generateCorpus, renderCorpusDay } from './corpus.js';
import { table } from './measure.js';

const MB = 1e6;
/** Clips per generated document: a busy digest day, like the real example (15 entries). */
const CLIPS_PER_DAY = 20;
/** Average UTF-8 size of a generated clip, to size the corpus before generating it. */
const BYTES_PER_CLIP = 2200;

export interface ParseBenchOptions {
  /** Corpus size in MB of UTF-8, per corpus. */
  mb?: number;
  /** Timed runs per corpus (after one warm-up run); the best is reported. */
  repeat?: number;
  log?: (line: string) => void;
}

/** Figures for one corpus. */
export interface ParseThroughput {
  corpus: string;
  documents: number;
  bytes: number;
  entries: number;
  /** Best (lowest) wall time and CPU time of the runs, in ms. */
  wallMs: number;
  cpuMs: number;
  /** MB/s on the wall clock and per CPU second, from the best runs. */
  wallMbps: number;
  cpuMbps: number;
  /** Every run, for the record: on a shared machine the spread says how noisy they were. */
  runs: { wallMs: number; cpuMs: number }[];
  /** Whether every document rendered back byte for byte. */
  roundTrip: boolean;
}

export interface ParseBenchResult {
  mb: number;
  repeat: number;
  corpora: ParseThroughput[];
}

/**
 * Builds the corpora, times the parser on them and checks the round trip.
 *
 * @example
 * const { corpora } = await runParseBench({ mb: 5 });
 * corpora[0]?.cpuMbps;
 */
export async function runParseBench(options: ParseBenchOptions = {}): Promise<ParseBenchResult> {
  const mb = options.mb ?? 20;
  const repeat = options.repeat ?? 7;
  const log = options.log ?? (() => undefined);
  const corpora: ParseThroughput[] = [];
  const generated = generatedDocuments(mb * MB);
  log(`bench parse: generated digests, ${generated.length} documents`);
  corpora.push(measure('generated digests', generated, repeat));
  const example = exampleDocuments(mb * MB);
  if (example.length > 0) {
    log(`bench parse: real example, ${example.length} copies`);
    corpora.push(measure('real example (repeated)', example, repeat));
  }
  return { mb, repeat, corpora };
}

/** The figures as a markdown section. */
export function parseBenchReport(result: ParseBenchResult): string {
  const rows = result.corpora.map((c) => [
    c.corpus,
    String(c.documents),
    `${(c.bytes / MB).toFixed(1)} MB`,
    String(c.entries),
    c.wallMbps.toFixed(1),
    c.cpuMbps.toFixed(1),
    c.roundTrip ? 'yes' : '**NO**',
  ]);
  return [
    '## Clip-document parsing',
    '',
    `\`parseClipDocument\` on one core, best of ${result.repeat} runs after a warm-up; MB of UTF-8 input.`,
    '',
    table(
      ['corpus', 'documents', 'size', 'entries', 'MB/s (wall)', 'MB/s (CPU)', 'round trip'],
      rows,
    ),
  ].join('\n');
}

/** One document per digest day of the project's seeded corpus. */
function generatedDocuments(bytes: number): string[] {
  const size = Math.max(CLIPS_PER_DAY, Math.ceil(bytes / BYTES_PER_CLIP));
  const days = Math.max(1, Math.round(size / CLIPS_PER_DAY));
  const docs: string[] = [];
  let total = 0;
  for (const day of generateCorpus({ size, days })) {
    const doc = renderCorpusDay(day);
    docs.push(doc);
    total += Buffer.byteLength(doc);
    if (total >= bytes) break;
  }
  return docs;
}

/** The real example digest, as many times as it takes (empty when it is not at hand). */
function exampleDocuments(bytes: number): string[] {
  const path = fileURLToPath(
    new URL('../../shared/examples/000_dfec5c4496ff07cd.txt', import.meta.url),
  );
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  const times = Math.max(1, Math.ceil(bytes / Buffer.byteLength(text)));
  return Array.from({ length: times }, () => text);
}

function measure(corpus: string, docs: readonly string[], repeat: number): ParseThroughput {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  let entries = 0;
  let roundTrip = true;
  for (const doc of docs) {
    const { document } = parseClipDocument(doc);
    entries += document.parts.filter((p) => p.kind === 'entry').length;
    if (renderClipDocument(document) !== doc) roundTrip = false;
  }
  const runs: { wallMs: number; cpuMs: number }[] = [];
  for (let r = 0; r <= repeat; r += 1) {
    const t = performance.now();
    const c = process.cpuUsage();
    for (const doc of docs) parseClipDocument(doc);
    const used = process.cpuUsage(c);
    const run = { wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
    if (r > 0) runs.push(run); // run 0 warms up the JIT
  }
  const wallMs = Math.min(...runs.map((r) => r.wallMs));
  const cpuMs = Math.min(...runs.map((r) => r.cpuMs));
  return {
    corpus,
    documents: docs.length,
    bytes,
    entries,
    wallMs,
    cpuMs,
    wallMbps: bytes / MB / (wallMs / 1000),
    cpuMbps: bytes / MB / (cpuMs / 1000),
    runs,
    roundTrip,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string): number | undefined => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const mb = arg('--mb');
  const repeat = arg('--repeat');
  const result = await runParseBench({
    ...(mb === undefined ? {} : { mb }),
    ...(repeat === undefined ? {} : { repeat }),
    log: (line) => void process.stderr.write(`${line}\n`),
  });
  console.log(parseBenchReport(result));
  if (result.corpora.some((c) => !c.roundTrip)) process.exitCode = 1;
}
