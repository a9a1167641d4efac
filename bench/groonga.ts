/**
 * The Groonga baseline of the archive benchmark: Groonga (Debian's `groonga-bin`) over the same
 * generated corpus and the same text as the FTS5 trigram baseline (`entrySearchText`: post,
 * body and summary lines joined by newlines, one column), with the columns the filter queries
 * need — tags, handle, summary-line speakers, date — and the query set of `bench/queries.ts`
 * translated by `toGroongaSelect`.
 *
 * Schema: what a Japanese site runs — a `Terms` patricia-trie lexicon with `TokenBigram` and
 * `NormalizerAuto`, one full-text index `WITH_POSITION` over `text` (phrases) and one over the
 * speakers; tags and handles are keys of their own tables (normalised by `NormalizerAuto`),
 * indexed, so `tags @ "X"` and `handle == "x"` are index lookups; dates are indexed for ranges.
 * The index is built as the entries are loaded (as kirinuki's is), a day of the corpus per
 * `load`. Groonga's query cache is off (`cache_limit --max 0`): each timed run does the work.
 *
 * Figures: import clips/s by wall clock (JSON encoding, the pipe and Groonga's load) and per
 * CPU-second of the groonga process (`/proc/<pid>/stat`); disk as the sum of the database's
 * files after `io_flush`; peak RSS as the process's `VmHWM`; per query class the count
 * (`select --limit 0`) and the top 20 by score with `snippet_html` — each timed from the command
 * written to the response parsed, so the pipe's round trip (reported, ~0.02 ms) is included.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { summarySpeakers } from '../src/archive/batch-fields.js';
import { entrySearchText } from '../src/archive/index.js';
import type { Entry } from '../src/model/index.js';
import type { ImportFigures } from './archive.js';
import type { ClassFigures, OpLatency } from './archive-queries.js';
import { generateCorpus } from './corpus.js';
import { GroongaProcess, groongaVersion } from './groonga-process.js';
import { selectPath, toGroongaSelect, type GroongaSelect } from './groonga-query.js';
import { latency, type Latency } from './measure.js';
import { queryClasses } from './queries.js';

/** The schema, one command a line. */
export const GROONGA_SCHEMA: readonly string[] = [
  'plugin_register functions/string',
  'table_create Entries TABLE_NO_KEY',
  'column_create Entries text COLUMN_SCALAR LongText',
  'table_create Tags TABLE_HASH_KEY ShortText --normalizer NormalizerAuto',
  'column_create Entries tags COLUMN_VECTOR Tags',
  'table_create Handles TABLE_HASH_KEY ShortText --normalizer NormalizerAuto',
  'column_create Entries handle COLUMN_SCALAR Handles',
  'column_create Entries speakers COLUMN_VECTOR ShortText',
  'column_create Entries date COLUMN_SCALAR Time',
  'table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenBigram --normalizer NormalizerAuto',
  'column_create Terms entries_text COLUMN_INDEX|WITH_POSITION Entries text',
  'column_create Terms entries_speakers COLUMN_INDEX|WITH_POSITION|WITH_SECTION Entries speakers',
  'column_create Tags entries_tags COLUMN_INDEX Entries tags',
  'column_create Handles entries_handle COLUMN_INDEX Entries handle',
  'table_create Dates TABLE_PAT_KEY Time',
  'column_create Dates entries_date COLUMN_INDEX Entries date',
];

/** One entry as a record of `Entries`. */
export interface GroongaRecord {
  text: string;
  tags: string[];
  handle?: string;
  speakers: string[];
  /** Seconds since the epoch: the post's date, else the digest day (as the archive files it). */
  date: number;
}

/**
 * @example
 * groongaRecord(entry, '2024-01-18').date; // 1705536000 (the post's date when it has one)
 */
export function groongaRecord(entry: Entry, day: string): GroongaRecord {
  const date = Date.parse(`${entry.post?.date ?? day}T00:00:00Z`) / 1000;
  return {
    text: entrySearchText(entry),
    tags: [...new Set(entry.summaries.map((s) => s.tag))],
    ...(entry.post ? { handle: entry.post.handle } : {}),
    speakers: summarySpeakers(entry),
    date,
  };
}

/** A Groonga database with the benchmark's schema, in a process of its own. */
export class GroongaBaseline {
  private constructor(
    readonly dir: string,
    readonly process: GroongaProcess,
  ) {}

  /**
   * A new, empty database in `dir` (emptied first), its schema created, the query cache off.
   *
   * @example
   * const g = await GroongaBaseline.create('bench/out/groonga-100000');
   */
  static async create(dir: string): Promise<GroongaBaseline> {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const process = await GroongaProcess.create(join(dir, 'db'));
    await process.command('cache_limit --max 0');
    for (const line of GROONGA_SCHEMA) await process.command(line);
    return new GroongaBaseline(dir, process);
  }

  /**
   * Loads one batch of records; throws when Groonga loads fewer than it was given.
   *
   * @example
   * await g.load([groongaRecord(entry, day)]);
   */
  async load(records: readonly GroongaRecord[]): Promise<void> {
    const loaded = await this.process.load('Entries', records);
    if (loaded !== records.length)
      throw new Error(`bench: groonga loaded ${loaded} of ${records.length} records`);
  }

  /**
   * The number of matches of a translated query.
   *
   * @example
   * await g.count({ query: '"停戦"', filter: null }); // 1234
   */
  async count(select: GroongaSelect): Promise<number> {
    return hitCount(await this.process.command(selectPath(select, 'count')));
  }

  /**
   * The top 20 by score with snippets, as Groonga returns them (the header row first).
   *
   * @example
   * (await g.search({ query: '"停戦"', filter: null })).length; // 22: count, columns, 20 rows
   */
  async search(select: GroongaSelect): Promise<unknown[]> {
    const body = await this.process.command(selectPath(select, 'search'));
    const records: unknown = Array.isArray(body) ? body[0] : null;
    if (!Array.isArray(records)) throw new Error('bench: groonga: select answered no records');
    return records;
  }

  /**
   * Writes what Groonga holds in memory to its files, so that their size is what it keeps.
   *
   * @example
   * await g.flush();
   */
  async flush(): Promise<void> {
    await this.process.command('io_flush');
  }

  /**
   * Sum of the sizes of the database's files (`db`, `db.*`), as the other engines' are given.
   *
   * @example
   * g.bytesOnDisk(); // 563_000_000
   */
  bytesOnDisk(): number {
    return this.files().reduce((sum, f) => sum + f.size, 0);
  }

  /**
   * The blocks the files take (`du`): less than their size where Groonga left holes.
   *
   * @example
   * g.allocatedBytes() <= g.bytesOnDisk(); // true
   */
  allocatedBytes(): number {
    return this.files().reduce((sum, f) => sum + f.blocks * 512, 0);
  }

  private files(): { size: number; blocks: number }[] {
    return readdirSync(this.dir).map((f) => statSync(join(this.dir, f)));
  }

  /**
   * Stops the groonga process; the files stay.
   *
   * @example
   * await g.close();
   */
  close(): Promise<void> {
    return this.process.close();
  }
}

/** `[[[n], columns…], …]` → n. */
function hitCount(body: unknown): number {
  const records: unknown = Array.isArray(body) ? body[0] : null;
  const header: unknown = Array.isArray(records) ? records[0] : null;
  const n: unknown = Array.isArray(header) ? header[0] : null;
  if (typeof n !== 'number')
    throw new Error(`bench: groonga: no hit count in ${JSON.stringify(body).slice(0, 200)}`);
  return n;
}

/** One query of the benchmark's set, in Groonga and against kirinuki's count. */
export interface GroongaQueryFigures {
  query: string;
  /** The translation, or `null` when there is none (`note` says why). */
  select: GroongaSelect | null;
  note: string | null;
  /** Groonga's count; `null` when not translated. */
  matches: number | null;
  /** kirinuki's count of the same query in the same run (after optimize). */
  kirinuki: number | null;
  /** Median count and search (top 20) latency in ms; NaN when not translated. */
  count: number;
  search: number;
}

export interface GroongaClassFigures {
  name: string;
  /** Over the translated queries of the class; `null` when none is. */
  latency: OpLatency | null;
  queries: GroongaQueryFigures[];
}

export interface GroongaBenchResult {
  version: string;
  import: ImportFigures;
  /** The highest anonymous RSS seen after each `load` (the rest of `VmHWM` is mapped files). */
  importPeakAnonBytes: number;
  /** The resident set when the import ended: anonymous memory and mapped file pages. */
  importResident: { anonBytes: number; fileBytes: number };
  /** The blocks the database's files take, after the import (`import.bytesOnDisk` is their size). */
  allocatedBytes: number;
  /** Round trip of `status` over the pipes: the fixed cost in every Groonga figure. */
  overhead: Latency;
  classes: GroongaClassFigures[];
}

/** Groonga's side of one size, or why it did not run. */
export type GroongaOutcome =
  { ran: true; result: GroongaBenchResult } | { ran: false; note: string };

export interface GroongaBenchOptions {
  size: number;
  dir: string;
  repeat: number;
  log: (line: string) => void;
  /** kirinuki's figures of the same run, for the count agreement. */
  kirinuki: readonly ClassFigures[];
}

/**
 * Builds the Groonga baseline at one size, times the query classes and stops the process;
 * skipped with a note when `groonga` is not installed.
 *
 * @example
 * const g = await runGroongaBench({ size: 100_000, dir: 'bench/out', repeat: 5, log, kirinuki });
 * if (!g.ran) console.log(g.note);
 */
export async function runGroongaBench(o: GroongaBenchOptions): Promise<GroongaOutcome> {
  const version = groongaVersion();
  if (version === null)
    return {
      ran: false,
      note: 'Groonga skipped: no `groonga` on PATH (install it with `apt-get install groonga-bin`).',
    };
  const db = await GroongaBaseline.create(join(o.dir, `groonga-${o.size}`));
  try {
    const { figures, importPeakAnonBytes, importResident } = await importCorpus(db, o.size, o.log);
    const allocatedBytes = db.allocatedBytes();
    const overhead = latency(await timeRunsAsync(200, () => db.process.command('status')));
    o.log(`groonga: round trip of status p50 ${overhead.p50.toFixed(3)} ms`);
    const classes: GroongaClassFigures[] = [];
    for (const c of queryClasses()) {
      const kirinuki = o.kirinuki.find((k) => k.name === c.name);
      classes.push(await measureClass(db, c.name, c.queries, kirinuki, o.repeat));
      const l = classes[classes.length - 1]?.latency;
      o.log(
        `  groonga: ${c.name}: ${l ? `count p99 ${l.count.p99.toFixed(1)} ms, search p99 ${l.search.p99.toFixed(1)} ms` : 'not translated'}`,
      );
    }
    figures.peakRssBytes = db.process.peakRssBytes();
    return {
      ran: true,
      result: {
        version,
        import: figures,
        importPeakAnonBytes,
        importResident,
        allocatedBytes,
        overhead,
        classes,
      },
    };
  } finally {
    await db.close();
  }
}

async function importCorpus(
  db: GroongaBaseline,
  size: number,
  log: (line: string) => void,
): Promise<{
  figures: ImportFigures;
  importPeakAnonBytes: number;
  importResident: { anonBytes: number; fileBytes: number };
}> {
  const cpuBefore = db.process.cpuSeconds();
  let seconds = 0;
  let clips = 0;
  let importPeakAnonBytes = 0;
  for (const day of generateCorpus({ size })) {
    const t = performance.now();
    await db.load(day.entries.map((e) => groongaRecord(e, day.day)));
    seconds += (performance.now() - t) / 1000;
    clips += day.entries.length;
    importPeakAnonBytes = Math.max(importPeakAnonBytes, db.process.resident().anonBytes);
    if (clips % 100_000 < day.entries.length)
      log(`  groonga: loaded ${clips} clips, ${(clips / seconds).toFixed(0)}/s`);
  }
  const cpuSeconds = db.process.cpuSeconds() - cpuBefore;
  const importPeakRssBytes = db.process.peakRssBytes();
  const importResident = db.process.resident();
  const t = performance.now();
  await db.flush();
  const optimizeSeconds = (performance.now() - t) / 1000;
  const bytesOnDisk = db.bytesOnDisk();
  log(
    `groonga: ${(clips / seconds).toFixed(0)} clips/s, ${(clips / cpuSeconds).toFixed(0)} per CPU-second, peak RSS ${(importPeakRssBytes / 1e6).toFixed(0)} MB (anonymous at most ${(importPeakAnonBytes / 1e6).toFixed(0)} MB), ${(bytesOnDisk / 1e6).toFixed(0)} MB on disk`,
  );
  const figures = {
    clips,
    seconds,
    cpuSeconds,
    parseSeconds: null,
    optimizeSeconds,
    bytesOnDisk,
    peakRssBytes: importPeakRssBytes,
    importPeakRssBytes,
  };
  return { figures, importPeakAnonBytes, importResident };
}

async function measureClass(
  db: GroongaBaseline,
  name: string,
  queries: readonly string[],
  kirinuki: ClassFigures | undefined,
  repeat: number,
): Promise<GroongaClassFigures> {
  const counts: number[] = [];
  const searches: number[] = [];
  const figures: GroongaQueryFigures[] = [];
  for (const query of queries) {
    const theirs = kirinuki?.perQuery.find((p) => p.query === query)?.matches ?? null;
    const translated = toGroongaSelect(query);
    if (!translated.ok) {
      figures.push({
        query,
        select: null,
        note: translated.error,
        matches: null,
        kirinuki: theirs,
        count: NaN,
        search: NaN,
      });
      continue;
    }
    const select = translated.value;
    const matches = await db.count(select);
    const count = await timeRunsAsync(repeat, () => db.count(select));
    const search = await timeRunsAsync(repeat, () => db.search(select));
    counts.push(...count);
    searches.push(...search);
    figures.push({
      query,
      select,
      note: null,
      matches,
      kirinuki: theirs,
      count: latency(count).p50,
      search: latency(search).p50,
    });
  }
  return {
    name,
    latency: counts.length > 0 ? { count: latency(counts), search: latency(searches) } : null,
    queries: figures,
  };
}

/** `timeRuns` of measure.ts for a command answered asynchronously: one warm-up, then `repeat`. */
async function timeRunsAsync(repeat: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
