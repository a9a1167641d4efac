import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  emptyWatchState,
  parseSourcesFile,
  type WatchSource,
  type WatchState,
} from '../../ingest/index.js';
import { formatDiagnostic } from '../../model/index.js';
import { watchOnce } from '../../pipeline/index.js';
import type { CommandContext } from '../context.js';
import { readTextInput, UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';

interface WatchOptions {
  state?: string;
  interval: string;
  once?: boolean;
  allowHost?: string[];
  enqueue?: boolean;
  queue?: string;
}

/**
 * `kirinuki watch SOURCES`: polls the feeds listed in a sources file, files what is new, and
 * repeats every `--interval` minutes (or once with `--once`). The validators and seen items
 * are kept in a state file beside the sources file (or `--state`). Each poll prints a summary,
 * or with `--json` one line of JSON; what a feed's reader found goes to stderr. With `--once`
 * the exit code is 1 when a source failed.
 *
 * With `--enqueue --queue postgres://…` (or `KIRINUKI_QUEUE`) it is a scheduler instead: each
 * round sends one fetch job per feed to the queue and `kirinuki worker` processes fetch and file
 * them. A feed whose last job still waits is not sent again; the state file is not used (workers
 * fetch the whole feed, and the archive recognises the items it holds).
 */
export async function watchCommand(
  ctx: CommandContext,
  sourcesFile: string,
  opts: WatchOptions,
): Promise<number> {
  const minutes = Number(opts.interval);
  if (!(minutes > 0))
    throw new UsageError(
      `watch: --interval must be a positive number of minutes, got "${opts.interval}"`,
    );
  if (!existsSync(sourcesFile) || !statSync(sourcesFile).isFile())
    throw new UsageError(`watch: no such file: ${sourcesFile}`);
  const text = await readTextInput(ctx.io, sourcesFile);
  if (text === null) return 1;
  const parsed = parseSourcesFile(text, sourcesFile);
  for (const d of parsed.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
  if (parsed.sources.length === 0)
    throw new UsageError(`watch: ${sourcesFile} lists no feed URLs (one per line)`);
  if (opts.enqueue) return enqueueRounds(ctx, parsed.sources, minutes, opts);
  const statePath = opts.state ?? `${sourcesFile}.state.json`;
  let state = loadState(statePath);
  const knowledge = await loadCliKnowledge(ctx.io);
  const archive = await ctx.openArchive();
  for (;;) {
    const round = await watchOnce(archive, parsed.sources, state, {
      today: new Date().toISOString().slice(0, 10),
      poll: { allowPrivateHosts: opts.allowHost ?? [] },
      knowledge,
    });
    state = round.state;
    saveState(statePath, state);
    for (const source of round.report)
      for (const d of source.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
    const time = new Date().toISOString();
    if (ctx.json)
      ctx.io.stdout.write(
        `${JSON.stringify({ time, inserted: round.inserted, sources: round.report })}\n`,
      );
    else
      ctx.io.stdout.write(
        `${time} ${round.inserted} new entr${round.inserted === 1 ? 'y' : 'ies'} filed\n${round.summary}\n`,
      );
    if (opts.once) return round.report.some((r) => r.outcome === 'failed') ? 1 : 0;
    await sleep(minutes * 60_000);
  }
}

/** The scheduler: every `minutes`, a fetch job per feed sent to the queue. */
async function enqueueRounds(
  ctx: CommandContext,
  sources: readonly WatchSource[],
  minutes: number,
  opts: WatchOptions,
): Promise<number> {
  const url = opts.queue ?? ctx.io.env.KIRINUKI_QUEUE;
  if (url === undefined || url.trim() === '')
    throw new UsageError(
      'watch: --enqueue needs the queue: --queue postgres://… or KIRINUKI_QUEUE',
    );
  const { isQueueUrl, openJobQueue } = await import('../../queue/index.js');
  if (!isQueueUrl(url))
    throw new UsageError('watch: --queue must be a postgres:// connection string');
  // A scheduler only sends: returning the jobs of dead workers is the workers' maintenance.
  const opened = await openJobQueue(url, { supervise: false, poolSize: 2 });
  if (!opened.ok) {
    ctx.io.stderr.write(`${formatDiagnostic({ severity: 'error', message: opened.error })}\n`);
    return 1;
  }
  const queue = opened.value;
  try {
    for (;;) {
      const today = new Date().toISOString().slice(0, 10);
      const jobs: { url: string; job: string | null }[] = [];
      for (const source of sources) {
        const sent = await queue.enqueue({ kind: 'fetch', url: source.url, today });
        if (!sent.ok) ctx.io.stderr.write(`${source.url}: error: ${sent.error}\n`);
        else jobs.push({ url: source.url, job: sent.value });
      }
      const queued = jobs.filter((j) => j.job !== null).length;
      const time = new Date().toISOString();
      if (ctx.json) ctx.io.stdout.write(`${JSON.stringify({ time, enqueued: jobs })}\n`);
      else
        ctx.io.stdout.write(
          `${time} ${queued} fetch job${queued === 1 ? '' : 's'} sent` +
            (jobs.length > queued ? `, ${jobs.length - queued} still waiting from before` : '') +
            '\n',
        );
      if (opts.once) return jobs.length < sources.length ? 1 : 0;
      await sleep(minutes * 60_000);
    }
  } finally {
    await queue.close();
  }
}

function loadState(path: string): WatchState {
  if (!existsSync(path)) return emptyWatchState();
  let state: unknown;
  try {
    state = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(
      `watch: state file ${path} is not valid JSON (${(e as Error).message}); move it away to start afresh`,
    );
  }
  const sources = (state as { sources?: unknown } | null)?.sources;
  if (typeof sources !== 'object' || sources === null || Array.isArray(sources))
    throw new UsageError(
      `watch: state file ${path} is not a watch state (no "sources" object); move it away to start afresh`,
    );
  return state as WatchState;
}

/** Written to a temporary file and renamed, so a crash never leaves half a state file. */
function saveState(path: string, state: WatchState): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
