import { formatDiagnostic } from '../../model/index.js';
import type { WorkEvent } from '../../queue/index.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';

export interface WorkerOptions {
  queue?: string;
  concurrency: string;
  allowHost?: string[];
  timeout?: string;
  maintenanceInterval: string;
  poll: string;
}

/**
 * `kirinuki worker --queue postgres://… [--db ARCHIVE] [--concurrency N]`: takes jobs from the
 * queue (fetch a source, import a document, annotate, retag, rebuild a story) and does them on
 * the archive, until SIGTERM or SIGINT; then it finishes the jobs it holds and exits 0 (a second
 * signal exits at once: what it held returns to the queue when it expires). Any number of
 * workers, on any number of machines, may share one queue. One log line per job start and end
 * on stdout (JSON lines with `--json`).
 */
export async function workerCommand(ctx: CommandContext, opts: WorkerOptions): Promise<number> {
  const url = opts.queue ?? nonEmpty(ctx.io.env.KIRINUKI_QUEUE);
  if (url === undefined)
    throw new UsageError('worker: name the queue with --queue postgres://… or KIRINUKI_QUEUE');
  const concurrency = positiveNumber('--concurrency', opts.concurrency, true);
  const maintenanceSeconds = positiveNumber('--maintenance-interval', opts.maintenanceInterval);
  const pollSeconds = positiveNumber('--poll', opts.poll);
  const timeoutMs =
    opts.timeout === undefined ? undefined : positiveNumber('--timeout', opts.timeout) * 1000;
  const log = (line: string): void => ctx.io.stderr.write(`worker: ${line}\n`);
  // From the start: a signal while the worker loads stops it before it takes a job.
  const stop = new AbortController();
  const onSignal = (): void => {
    if (stop.signal.aborted) process.exit(130);
    log('stopping: finishing the jobs in hand (signal again to exit at once)');
    stop.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    return await work(
      ctx,
      url,
      opts,
      { concurrency, maintenanceSeconds, pollSeconds, timeoutMs },
      stop.signal,
      log,
    );
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

/** Opens the archive and the queue, and works until `signal` is aborted. */
async function work(
  ctx: CommandContext,
  url: string,
  opts: WorkerOptions,
  settings: {
    concurrency: number;
    maintenanceSeconds: number;
    pollSeconds: number;
    timeoutMs: number | undefined;
  },
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<number> {
  const { concurrency, maintenanceSeconds, pollSeconds, timeoutMs } = settings;
  const { isQueueUrl, openJobQueue, workJobs } = await import('../../queue/index.js');
  if (!isQueueUrl(url))
    throw new UsageError(`worker: --queue must be a postgres:// connection string`);
  const { runJob } = await import('../../pipeline/jobs/index.js');
  const archive = await ctx.openArchive();
  const knowledge = await loadCliKnowledge(ctx.io);
  const opened = await openJobQueue(url, {
    maintenanceSeconds,
    poolSize: concurrency + 2,
    onError: (e) => log(`queue: ${e.message}`),
  });
  if (!opened.ok) {
    ctx.io.stderr.write(`${formatDiagnostic({ severity: 'error', message: opened.error })}\n`);
    return 1;
  }
  const queue = opened.value;
  log(`pid ${process.pid} working (concurrency ${concurrency})`);
  try {
    const tally = await workJobs(
      queue,
      (job) =>
        runJob(job, {
          archive,
          knowledge,
          fetch: {
            allowPrivateHosts: opts.allowHost ?? [],
            ...(timeoutMs === undefined ? {} : { timeoutMs: Math.round(timeoutMs) }),
          },
        }),
      {
        concurrency,
        pollSeconds,
        signal,
        onEvent: (event) => ctx.io.stdout.write(`${describeEvent(event, ctx.json)}\n`),
      },
    );
    log(`stopped: ${tally.completed} completed, ${tally.failed} failed`);
  } finally {
    await queue.close();
  }
  return 0;
}

/** One log line: `TIME job ID KIND completed in N ms {report}`, or the event as JSON. */
function describeEvent(event: WorkEvent, json: boolean): string {
  const time = new Date().toISOString();
  if (json) return JSON.stringify({ time, pid: process.pid, ...event });
  switch (event.type) {
    case 'started':
      return `${time} job ${event.id} ${event.kind} started (attempt ${event.attempt})`;
    case 'completed':
      return `${time} job ${event.id} ${event.kind} completed in ${event.ms} ms ${JSON.stringify(event.output)}`;
    case 'failed':
      return `${time} job ${event.id} ${event.kind ?? '?'} failed${event.retry ? '' : ' for good'}: ${event.message}`;
    case 'error':
      return `${time} error: ${event.message}`;
  }
}

function positiveNumber(name: string, value: string, integer = false): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n) || (integer && !Number.isInteger(n)))
    throw new UsageError(
      `worker: ${name} must be a positive ${integer ? 'whole number' : 'number'}, got "${value}"`,
    );
  return n;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
