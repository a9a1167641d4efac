import { setTimeout as sleep } from 'node:timers/promises';
import type { Result } from '../model/index.js';
import type { JobQueue, TakenJob } from './job-queue.js';
import { parseJob, type Job, type JobKind } from './job-schema.js';

/** Why a job failed: its message, and whether trying again may help. */
export interface JobFailure {
  message: string;
  /** False for a failure no retry can mend (a document that is not one, a hash that lies). */
  retry: boolean;
}

/** What a handler gives back: the job's report (stored as its output), or why it failed. */
export type JobOutcome = Result<Record<string, unknown>, JobFailure>;

/** Does one job. Thrown errors are unexpected: the job is retried and the message kept. */
export type JobHandler = (job: Job, taken: TakenJob) => Promise<JobOutcome>;

/** One line of a worker's log. */
export type WorkEvent =
  | { type: 'started'; id: string; kind: JobKind; attempt: number }
  | { type: 'completed'; id: string; kind: JobKind; ms: number; output: Record<string, unknown> }
  | {
      type: 'failed';
      id: string;
      kind: JobKind | null;
      ms: number;
      message: string;
      retry: boolean;
    }
  | { type: 'error'; message: string };

export interface WorkOptions {
  /** Jobs run at once in this process (default 1). */
  concurrency?: number;
  /** Seconds to wait before asking again when no job is due (default 1). */
  pollSeconds?: number;
  /** Aborted: take no more jobs, finish the ones running, then resolve. */
  signal: AbortSignal;
  onEvent?: (event: WorkEvent) => void;
}

/** What a worker did before it stopped. */
export interface WorkTally {
  completed: number;
  failed: number;
}

/**
 * Takes jobs from the queue and does them with `handle`, `concurrency` at a time, until
 * `signal` is aborted; then finishes the jobs it holds and resolves. Each job is validated
 * against its schema first (a bad payload fails at once, naming the field), recorded as
 * completed with its report, or failed with its message — retried by the queue with back-off
 * while retries are left. A job is taken by one worker at a time (`FOR UPDATE SKIP LOCKED`);
 * one whose worker dies is returned to the queue when it expires.
 *
 * @example
 * const stop = new AbortController();
 * process.once('SIGTERM', () => stop.abort());
 * await workJobs(queue, (job) => runJob(job, context), { concurrency: 2, signal: stop.signal });
 */
export async function workJobs(
  queue: JobQueue,
  handle: JobHandler,
  options: WorkOptions,
): Promise<WorkTally> {
  const tally: WorkTally = { completed: 0, failed: 0 };
  const lanes = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () =>
    workLane(queue, handle, options, tally),
  );
  await Promise.all(lanes);
  return tally;
}

/** One job at a time: take, do, record; wait a poll interval when the queue is empty. */
async function workLane(
  queue: JobQueue,
  handle: JobHandler,
  options: WorkOptions,
  tally: WorkTally,
): Promise<void> {
  const pollMs = (options.pollSeconds ?? 1) * 1000;
  const emit = options.onEvent ?? (() => undefined);
  while (!options.signal.aborted) {
    let taken: TakenJob | null;
    try {
      taken = await queue.take();
    } catch (e) {
      emit({ type: 'error', message: `queue: cannot take a job: ${(e as Error).message}` });
      await pause(pollMs, options.signal);
      continue;
    }
    if (taken === null) {
      await pause(pollMs, options.signal);
      continue;
    }
    const outcome = await doJob(taken, handle, emit);
    try {
      if (outcome.ok) await queue.complete(taken.id, outcome.value);
      else await queue.fail(taken.id, outcome.error.message, { retry: outcome.error.retry });
      tally[outcome.ok ? 'completed' : 'failed'] += 1;
    } catch (e) {
      // The job stays active and expires: another worker does it again, to no new effect.
      emit({
        type: 'error',
        message: `queue: cannot record job ${taken.id}: ${(e as Error).message}`,
      });
    }
  }
}

/** Validates and runs one job, turning whatever happens into an outcome and a log line. */
async function doJob(
  taken: TakenJob,
  handle: JobHandler,
  emit: (event: WorkEvent) => void,
): Promise<JobOutcome> {
  const started = Date.now();
  const parsed = parseJob(taken.data);
  if (!parsed.ok) {
    const failure = { message: parsed.error, retry: false };
    emit({ type: 'failed', id: taken.id, kind: null, ms: 0, ...failure });
    return { ok: false, error: failure };
  }
  const job = parsed.value;
  emit({ type: 'started', id: taken.id, kind: job.kind, attempt: taken.retryCount + 1 });
  let outcome: JobOutcome;
  try {
    outcome = await handle(job, taken);
  } catch (e) {
    const cause = (e as Error).cause as Error | undefined;
    const message = `${(e as Error).message ?? String(e)}${cause?.message ? ` (${cause.message})` : ''}`;
    outcome = { ok: false, error: { message, retry: true } };
  }
  const ms = Date.now() - started;
  if (outcome.ok)
    emit({ type: 'completed', id: taken.id, kind: job.kind, ms, output: outcome.value });
  else emit({ type: 'failed', id: taken.id, kind: job.kind, ms, ...outcome.error });
  return outcome;
}

/** Waits `ms`, or less when `signal` is aborted. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    // Aborted: the loop sees the signal and stops.
  }
}
