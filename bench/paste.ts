/**
 * Long pastes (issue 14: "very long texts must stay linear and bounded: ≤ 250 MB RSS, ≥ 5 MB/s,
 * and search on the archive afterwards within the targets"). Three generated pastes of the same
 * size, each imported by the built CLI into a new archive in a fresh process, as a user would
 * (`kirinuki --db A --create import paste.txt`): wall and CPU time, MB/s, peak RSS (from a
 * `--require` preload), the file on disk. Then, in this process, top-20 searches and counts on
 * that archive for terms taken from the paste: its most frequent pairs of characters, pairs
 * and four-character strings from random places.
 *
 * The pastes differ in how often their pairs of characters recur, which is what a full-text
 * index pays for: sentences of the generated news corpus (pairs recur), random kana and common
 * kanji, and random kana and kanji from the whole CJK block (nearly every pair new).
 *
 * Called by `bench/run.ts` (`--only paste`); alone:
 * `npx tsx bench/paste.ts [--mb 50] [--rounds 20] [--keep DIR]` (`--keep` leaves the pastes and
 * their archives in DIR). Needs a build (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openSqliteArchive } from '../src/archive/index.js';
import { BIN, childEnv, requireBuild, ROOT, usageOf, USAGE_PRELOAD } from './cli-process.js';
import { castOf, Lexicon, sentence } from './corpus-sentences.js';
import { latency, ms, table, type Latency } from './measure.js';
import { Random } from './random.js';

interface PasteKind {
  name: string;
  what: string;
  /** One line of the paste. */
  line: (rng: Random) => string;
}

const HIRAGANA = [0x3041, 0x3096] as const;

/** `n` characters, each hiragana or (with probability `kanji`) one of `kanjiCount` from U+4E00. */
function randomText(rng: Random, n: number, kanji: number, kanjiCount: number): string {
  const units: number[] = [];
  for (let i = 0; i < n; i += 1)
    units.push(
      rng.chance(kanji) ? 0x4e00 + rng.int(0, kanjiCount - 1) : rng.int(HIRAGANA[0], HIRAGANA[1]),
    );
  return String.fromCharCode(...units);
}

function kinds(): PasteKind[] {
  const lex = new Lexicon();
  return [
    {
      name: 'news',
      what: 'sentences of the generated news corpus (bench/corpus-sentences.ts), one to four a line',
      line: (rng) => {
        const cast = castOf(rng, lex);
        return Array.from({ length: rng.int(1, 4) }, () => sentence(rng, lex, cast)).join('');
      },
    },
    {
      name: 'kana and common kanji',
      what: 'random hiragana and kanji (two in five) among the first 3,000 of the CJK block, lines of 40–120',
      line: (rng) => randomText(rng, rng.int(40, 120), 0.4, 3000),
    },
    {
      name: 'kana and any kanji',
      what: 'random hiragana and kanji (half) from the whole CJK block (U+4E00–U+9FFF), lines of 40–120',
      line: (rng) => randomText(rng, rng.int(40, 120), 0.5, 0x9fff - 0x4e00 + 1),
    },
  ];
}

/** Lines of `kind` until the paste holds `bytes` of UTF-8. */
function generate(kind: PasteKind, bytes: number, seed: number): string {
  const rng = new Random(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = kind.line(rng);
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n');
}

export interface PasteImport {
  kind: string;
  what: string;
  megabytes: number;
  characters: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  diskBytes: number;
  searches: { name: string; queries: string[]; search: Latency; count: Latency }[];
}

export interface PasteBenchResult {
  rounds: number;
  load: { before: number[]; after: number[] };
  imports: PasteImport[];
}

/** Generates, imports and searches each paste; returns the figures. */
export function measurePastes(
  options: {
    megabytes?: number;
    rounds?: number;
    log?: (line: string) => void;
    /** A directory to leave the pastes and their archives in (else a temporary one, removed). */
    keep?: string;
  } = {},
): PasteBenchResult {
  requireBuild('paste');
  const megabytes = options.megabytes ?? 50;
  const rounds = options.rounds ?? 20;
  const log = options.log ?? ((): void => undefined);
  const dir = options.keep ?? mkdtempSync(join(tmpdir(), 'kirinuki-paste-'));
  mkdirSync(dir, { recursive: true });
  const before = loadavg();
  const imports: PasteImport[] = [];
  const preload = join(dir, 'usage.cjs');
  writeFileSync(preload, USAGE_PRELOAD);
  try {
    kinds().forEach((kind, i) => {
      const text = generate(kind, megabytes * 1e6, 41 + i);
      const file = join(dir, `paste-${i}.txt`);
      writeFileSync(file, text);
      const db = join(dir, `paste-${i}.db`);
      for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
      const args = ['--require', preload, BIN, '--db', db, '--create', 'import'];
      const t = performance.now();
      const r = spawnSync(process.execPath, [...args, file], {
        cwd: ROOT,
        encoding: 'utf8',
        env: childEnv(),
      });
      const wall = (performance.now() - t) / 1000;
      if (r.status !== 0) throw new Error(`bench: import of the ${kind.name} paste: ${r.stderr}`);
      const usage = usageOf(r.stderr);
      const bytes = statSync(file).size;
      log(`paste: ${kind.name}: ${(bytes / 1e6 / wall).toFixed(1)} MB/s`);
      imports.push({
        kind: kind.name,
        what: kind.what,
        megabytes: bytes / 1e6,
        characters: text.length,
        wallSeconds: wall,
        cpuSeconds: usage.cpuMs / 1000,
        peakRssBytes: usage.peakRssBytes,
        diskBytes: statSync(db).size,
        searches: searchPaste(db, text, rounds),
      });
    });
  } finally {
    if (options.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
  return { rounds, load: { before, after: loadavg() }, imports };
}

/** What a term taken from a paste must not hold: a line break or punctuation. */
const BREAKS = /[\n。、「」]/;

/** Top-20 searches and counts on a paste's archive, terms taken from the paste. */
function searchPaste(db: string, text: string, rounds: number): PasteImport['searches'] {
  const rng = new Random(5);
  const at = (n: number): string[] =>
    Array.from({ length: 6 }, () => {
      for (;;) {
        const i = rng.int(0, text.length - n);
        const s = text.slice(i, i + n);
        if (!BREAKS.test(s)) return s;
      }
    });
  const classes = [
    { name: 'most frequent pairs', queries: frequentPairs(text, 6) },
    { name: 'pairs from random places', queries: at(2) },
    { name: 'four characters from random places', queries: at(4) },
  ];
  const archive = openSqliteArchive(db, { readonly: true });
  try {
    return classes.map((c) => {
      const search: number[] = [];
      const count: number[] = [];
      for (const q of c.queries) archive.search(q, { limit: 20 });
      for (let round = 0; round < rounds; round += 1)
        for (const q of c.queries) {
          let t = performance.now();
          archive.search(q, { limit: 20 });
          search.push(performance.now() - t);
          t = performance.now();
          archive.count(q);
          count.push(performance.now() - t);
        }
      return { ...c, search: latency(search), count: latency(count) };
    });
  } finally {
    archive.close();
  }
}

/** The `n` most frequent pairs of characters in the paste's first 200,000. */
function frequentPairs(text: string, n: number): string[] {
  const counts = new Map<string, number>();
  const head = text.slice(0, 200_000);
  for (let i = 0; i + 2 <= head.length; i += 1) {
    const pair = head.slice(i, i + 2);
    if (BREAKS.test(pair)) continue;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([pair]) => pair);
}

/** The report: imports, then searches. */
export function pasteBenchReport(r: PasteBenchResult): string {
  const load = (l: number[]): string => l.map((x) => x.toFixed(1)).join(' ');
  const imports = table(
    ['paste', 'MB', 'characters', 'wall s', 'MB/s', 'CPU s', 'peak RSS', 'on disk'],
    r.imports.map((i) => [
      i.kind,
      i.megabytes.toFixed(1),
      i.characters.toLocaleString('en-US'),
      i.wallSeconds.toFixed(1),
      (i.megabytes / i.wallSeconds).toFixed(1),
      i.cpuSeconds.toFixed(1),
      `${(i.peakRssBytes / 1e6).toFixed(0)} MB`,
      `${(i.diskBytes / 1e6).toFixed(0)} MB`,
    ]),
  );
  const searches = table(
    ['paste', 'terms', 'search top-20 p50 / p95 / p99 ms', 'count p50 / p95 / p99 ms'],
    r.imports.flatMap((i) =>
      i.searches.map((s) => [
        i.kind,
        `${s.name} (${s.queries.join(' ')})`,
        `${ms(s.search.p50)} / ${ms(s.search.p95)} / ${ms(s.search.p99)}`,
        `${ms(s.count.p50)} / ${ms(s.count.p95)} / ${ms(s.count.p99)}`,
      ]),
    ),
  );
  return [
    '# Long pastes',
    '',
    `Load average ${load(r.load.before)} before, ${load(r.load.after)} after. Each paste imported by`,
    '`kirinuki --db A --create import paste.txt` in a fresh process (built CLI); targets ≤ 250 MB',
    `peak RSS and ≥ 5 MB/s. Searches: one warm-up per term, then ${r.rounds} rounds.`,
    '',
    ...r.imports.map((i) => `- ${i.kind}: ${i.what}.`),
    '',
    imports,
    '',
    searches,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '20' },
      keep: { type: 'string' },
    },
  });
  const result = measurePastes({
    megabytes: Number(values.mb),
    rounds: Number(values.rounds),
    ...(values.keep === undefined ? {} : { keep: values.keep }),
    log: (line) => console.error(line),
  });
  console.log(pasteBenchReport(result));
}
