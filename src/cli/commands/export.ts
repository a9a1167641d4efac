import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { dayBreakLine, TEXT_DAYS_MANIFEST, textDaysManifest } from '../../format/index.js';
import type { Archive } from '../../archive/index.js';
import {
  archiveDumpLines,
  dayDocuments,
  keepHeapNearLive,
  readTagStoreSnapshot,
} from '../../pipeline/index.js';
import type { CommandContext } from '../context.js';
import { readFailure, UsageError } from '../io.js';
import { cliTagStorePaths } from '../tagger.js';

/** Lines gathered before one write: a million entries in a few thousand writes. */
const WRITE_BYTES = 1 << 16;

/**
 * `kirinuki export --format jsonl|text [--out PATH]`, streamed, by day then digest order.
 * `jsonl`: the archive dump — a header, each day with its document tag lines, each stored entry
 * with where it is filed, its story, keys and people (and its card's fields, for tools), the
 * days' blog posts, the tag store's documents (taxonomy, tag model, style: files beside a
 * SQLite archive, rows of a PostgreSQL archive's database), an end record — which `kirinuki import` restores (docs/format.md, "Archive
 * dump"); to `--out FILE` or stdout. `text`: each day as a clip document; with `--out DIR`,
 * one `YYYY-MM-DD.txt` a day and a manifest, which `kirinuki import DIR` files day by day.
 */
export async function exportCommand(
  ctx: CommandContext,
  opts: { format: string; out?: string },
): Promise<number> {
  if (opts.format !== 'jsonl' && opts.format !== 'text')
    throw new UsageError(`export: --format must be jsonl or text, got "${opts.format}"`);
  const archive = await ctx.openArchive();
  // An export holds an entry at a time: the heap is kept near what is alive (heap-growth.ts).
  // A dump of 137,000 clips: 244–257 → 182–185 MB, the same CPU time (docs/benchmarks.md).
  const restoreHeapGrowth = keepHeapNearLive();
  try {
    return await exportArchive(ctx, archive, opts);
  } finally {
    restoreHeapGrowth();
  }
}

async function exportArchive(
  ctx: CommandContext,
  archive: Archive,
  opts: { format: string; out?: string },
): Promise<number> {
  if (opts.format === 'text' && opts.out !== undefined) {
    const days = writeDayFiles(opts.out, dayDocuments(archive));
    ctx.io.stderr.write(`export: ${days} days written to ${opts.out}\n`);
    return 0;
  }
  const lines =
    opts.format === 'jsonl'
      ? archiveDumpLines(archive, readTagStoreSnapshot(await cliTagStorePaths(ctx, undefined)))
      : // Each day after its break line, which `import` files the day under.
        mapLines(dayDocuments(archive), (d) =>
          `${dayBreakLine(d.day)}\n${d.text}`.replace(/\n$/u, ''),
        );
  const write: Writer =
    opts.out === undefined ? (s: string) => ctx.io.stdout.write(s) : fileWriter(opts.out);
  try {
    let pending = '';
    for (const line of lines) {
      pending += `${line}\n`;
      if (pending.length >= WRITE_BYTES) {
        write(pending);
        pending = '';
        if (opts.out === undefined) await ctx.io.stdout.drained?.();
      }
    }
    if (pending !== '') write(pending);
  } finally {
    write.close?.();
  }
  return 0;
}

type Writer = ((s: string) => void) & { close?: () => void };

function fileWriter(path: string): Writer {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw new UsageError(`export: cannot write ${path}: ${readFailure(e)}`);
  }
  const write: Writer = (s: string) => void writeSync(fd, s);
  write.close = () => closeSync(fd);
  return write;
}

function* mapLines<T>(items: Iterable<T>, f: (item: T, i: number) => string): Generator<string> {
  let i = 0;
  for (const item of items) yield f(item, i++);
}

/** One `DAY.txt` per day, then the manifest naming them (written last: a complete export). */
function writeDayFiles(dir: string, days: Iterable<{ day: string; text: string }>): number {
  const written: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const { day, text } of days) {
      writeFileSync(join(dir, `${day}.txt`), text);
      written.push(day);
    }
    writeFileSync(join(dir, TEXT_DAYS_MANIFEST), textDaysManifest(written));
  } catch (e) {
    throw new UsageError(`export: cannot write to ${dir}: ${readFailure(e)}`);
  }
  return written.length;
}
