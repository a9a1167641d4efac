import { randomUUID } from 'node:crypto';
import { ApiError } from './errors.js';

/** The long work the server runs in the background. */
export type JobKind = 'import' | 'reindex';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** What a job tells its listeners, as server-sent events of these names. */
export type JobEvent =
  | { event: 'progress'; data: { done: number; total: number } }
  | { event: 'done'; data: { summary: unknown } }
  | { event: 'failed'; data: { message: string } }
  | { event: 'cancelled'; data: { summary: unknown } };

/** What a job's work gets: where to say how far it is, and the signal to stop at. */
export interface JobControl {
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

/** What a job's work ends with: its summary, and whether it stopped before the end. */
export interface JobOutcome {
  summary: unknown;
  cancelled: boolean;
}

/** A job as `GET /api/jobs/{id}` shows it. */
export interface JobStatus {
  id: string;
  kind: JobKind;
  state: JobState;
  progress: { done: number; total: number };
}

interface Job extends JobStatus {
  abort: AbortController;
  last: JobEvent | null;
  listeners: Set<(e: JobEvent) => void>;
}

/** Finished jobs kept for late listeners. */
const KEEP_FINISHED = 20;

/**
 * The background jobs of the server, one running at a time (two imports, or an import and a
 * reindex, would each see the other's entries half-grouped into stories). Each job reports
 * progress and its end to whoever listens, and can be cancelled: its work stops at its next
 * safe point (between files, between days).
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly log: (message: string) => void) {}

  /**
   * Starts `work` as a job and answers with its id at once; 409 when a job is running.
   *
   * @example
   * const id = jobs.start('reindex', async ({ signal, progress }) => ({ summary, cancelled: false }));
   */
  start(kind: JobKind, work: (control: JobControl) => Promise<JobOutcome>): string {
    const running = [...this.jobs.values()].find((j) => j.state === 'running');
    if (running)
      throw new ApiError('conflict', `job ${running.id} (${running.kind}) is still running`);
    const job: Job = {
      id: randomUUID(),
      kind,
      state: 'running',
      progress: { done: 0, total: 0 },
      abort: new AbortController(),
      last: null,
      listeners: new Set(),
    };
    this.jobs.set(job.id, job);
    this.prune();
    const control: JobControl = {
      signal: job.abort.signal,
      progress: (done, total) => {
        job.progress = { done, total };
        this.emit(job, { event: 'progress', data: { done, total } });
      },
    };
    // Started on the next turn, so the caller answers 202 before any work runs.
    setImmediate(() => {
      work(control).then(
        (outcome) => this.finish(job, outcome),
        (e: unknown) => {
          this.log(`server: job ${job.id} (${kind}) failed: ${describe(e)}`);
          job.state = 'failed';
          this.emit(job, { event: 'failed', data: { message: describe(e) } });
        },
      );
    });
    return job.id;
  }

  /** A job's state, or a 404. */
  status(id: string): JobStatus {
    const { kind, state, progress } = this.job(id);
    return { id, kind, state, progress };
  }

  /** Asks a running job to stop at its next safe point; a finished one is left as it is. */
  cancel(id: string): void {
    const job = this.job(id);
    if (job.state === 'running') job.abort.abort();
  }

  /**
   * Listens to a job: the listener first hears where it stands (its progress, or how it
   * ended), then each event as it happens. Returns the function that stops listening.
   *
   * @example
   * const stop = jobs.listen(id, (e) => send(e));
   */
  listen(id: string, listener: (e: JobEvent) => void): () => void {
    const job = this.job(id);
    listener({ event: 'progress', data: job.progress });
    if (job.state !== 'running' && job.last) listener(job.last);
    else job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Cancels every running job and waits until none runs (at most `ms`). */
  async stopAll(ms = 5000): Promise<void> {
    for (const job of this.jobs.values()) if (job.state === 'running') job.abort.abort();
    const until = Date.now() + ms;
    while ([...this.jobs.values()].some((j) => j.state === 'running') && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError('not_found', `no job ${id}`);
    return job;
  }

  private finish(job: Job, outcome: JobOutcome): void {
    job.state = outcome.cancelled ? 'cancelled' : 'done';
    this.emit(job, {
      event: outcome.cancelled ? 'cancelled' : 'done',
      data: { summary: outcome.summary },
    });
  }

  private emit(job: Job, event: JobEvent): void {
    if (event.event !== 'progress') job.last = event;
    for (const listener of job.listeners) listener(event);
    if (event.event !== 'progress') job.listeners.clear();
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.id);
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
