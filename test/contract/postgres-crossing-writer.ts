/**
 * One of several importers whose transactions cross, for postgres.test.ts (driven by
 * `runCrossingWriters` in postgres-crossing-writers.ts):
 * `node --import tsx postgres-crossing-writer.ts URL SCHEMA WRITER WRITERS NAMES ROUNDS [split|replace]`.
 *
 * Each round it prints `ready R`, waits for a `go` line on stdin (so every writer's
 * transaction starts at the same moment), then files one import transaction on days of its
 * own: entries whose summary lines name NAMES tags, in an order of its own — even writers
 * ascending, odd ones descending, each from its own offset — so two writers that lock each
 * name as they meet it each hold names the other needs next. Even rounds name new tags and
 * speakers (their rows are inserted); odd rounds name the tags of the round before, now filed,
 * with no speakers (only the tags' entry counters are written). With `split`, an even
 * writer's odd rounds file two days in the one transaction: the upper half of the names on the
 * first, the lower half on the second. With `replace`, each odd round's entries replace the
 * writer's entries of the round before (same names, same order), so the old copies' tag
 * counters are lowered as the new ones' are raised. A failed import is recorded, not fatal; at the end it
 * prints `result` and the failures as JSON.
 */
import { createInterface } from 'node:readline';
import { openPostgresArchive, type ImportBatch } from '../../src/archive/index.js';
import { makeEntry } from './make-entry.js';
import { LINES_PER_ENTRY } from './postgres-crossing-writers.js';

/** The command line: where to write, and this writer's part in the run. */
function parseArgs(argv: readonly string[]) {
  const [url, schema, ...rest] = argv;
  const numbers = rest.slice(0, 4).map(Number);
  const [writer, writers, names, rounds] = numbers;
  if (
    url === undefined ||
    schema === undefined ||
    writer === undefined ||
    writers === undefined ||
    names === undefined ||
    rounds === undefined ||
    numbers.some((n) => !Number.isInteger(n))
  )
    throw new Error('usage: URL SCHEMA WRITER WRITERS NAMES ROUNDS [split|replace]');
  const mode = rest[4];
  return {
    url,
    schema,
    writer,
    writers,
    names,
    rounds,
    split: mode === 'split',
    replace: mode === 'replace',
  };
}

const { url, schema, writer, writers, names, rounds, split, replace } = parseArgs(
  process.argv.slice(2),
);

/** The order in which this writer meets the names 0 … NAMES-1. */
function nameOrder(): number[] {
  const start = Math.floor((writer * names) / writers);
  const order = Array.from({ length: names }, (_, i) => (start + i) % names);
  return writer % 2 === 0 ? order : order.reverse();
}

/** A day of this writer's alone: no two writers wait for each other's day. */
function dayOf(round: number, part: number): string {
  const month = String(1 + writer).padStart(2, '0');
  return `2023-${month}-${String(1 + 2 * round + part).padStart(2, '0')}`;
}

/** One day's batch: names `order` of the round's set, LINES_PER_ENTRY a entry. */
function batchOf(round: number, part: number, order: readonly number[]): ImportBatch {
  const set = round - (round % 2);
  const entries = [];
  const replaces: Record<string, string[]> = {};
  for (let at = 0; at < order.length; at += LINES_PER_ENTRY) {
    const id = `w${writer}-r${round}-p${part}-e${at}`;
    if (replace && round % 2 === 1) replaces[id] = [`w${writer}-r${round - 1}-p${part}-e${at}`];
    entries.push(
      makeEntry({
        id,
        text: `交差 w${writer} r${round}`,
        // A handle of its own: one shared by all would make their counters wait in turn.
        handle: `writer${writer}`,
        summaries: order.slice(at, at + LINES_PER_ENTRY).map((j) => ({
          tag: `交差タグ${set}-${j}`,
          speaker: round % 2 === 0 || replace ? `交差${set}-${j}氏` : null,
          quote: '…',
        })),
      }),
    );
  }
  return {
    source: `writer${writer}`,
    day: dayOf(round, part),
    entries,
    documentTagLines: [],
    replaces,
  };
}

/** The round's import: one day, or with `split` (even writers, odd rounds) two. */
function batchesOf(round: number): ImportBatch[] {
  const order = nameOrder();
  if (!split || writer % 2 === 1 || round % 2 === 0) return [batchOf(round, 0, order)];
  const upper = order.filter((j) => j >= names / 2);
  const lower = order.filter((j) => j < names / 2);
  return [batchOf(round, 0, upper), batchOf(round, 1, lower)];
}

const archive = openPostgresArchive(url, { schema });
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const failures: { round: number; message: string }[] = [];
for (let round = 0; round < rounds; round += 1) {
  const batches = batchesOf(round);
  process.stdout.write(`ready ${round}\n`);
  const go = await lines.next();
  if (go.done === true) throw new Error('postgres-crossing-writer: stdin closed before go');
  try {
    archive.importBatches(batches);
  } catch (e) {
    failures.push({ round, message: e instanceof Error ? e.message : String(e) });
  }
}
archive.close();
process.stdout.write(`result ${JSON.stringify(failures)}\n`);
process.exit(0);
