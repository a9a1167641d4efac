import type { JobKind } from './job-schema.js';

/** How long a job may run and how it is retried: pg-boss's send options. */
export interface JobSettings {
  /**
   * Seconds a job may stay active. A worker that dies mid-job (`kill -9`, a lost machine)
   * never completes it; after this long the queue's maintenance returns it to the queue for
   * another worker (as one of its retries).
   */
  expireInSeconds: number;
  /** Retries after the first attempt before the job is failed for good. */
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelay: number;
  /** Double the delay at each retry (with jitter): 1×, 2×, 4×… `retryDelay`. */
  retryBackoff: boolean;
}

/**
 * The settings of each kind of job: a fetch or an import takes seconds, so it is given back
 * after minutes; annotating the whole archive takes long on a large one, so it is given hours.
 */
export const DEFAULT_JOB_SETTINGS: Readonly<Record<JobKind, JobSettings>> = {
  fetch: { expireInSeconds: 5 * 60, retryLimit: 5, retryDelay: 30, retryBackoff: true },
  import: { expireInSeconds: 15 * 60, retryLimit: 3, retryDelay: 10, retryBackoff: true },
  annotate: { expireInSeconds: 6 * 3600, retryLimit: 2, retryDelay: 60, retryBackoff: true },
  retag: { expireInSeconds: 2 * 3600, retryLimit: 3, retryDelay: 60, retryBackoff: true },
  story: { expireInSeconds: 5 * 60, retryLimit: 3, retryDelay: 10, retryBackoff: true },
};

/**
 * The settings for a job of `kind`, with `overrides` on top.
 *
 * @example
 * jobSettings('fetch', { expireInSeconds: 5 }).retryLimit; // 5
 */
export function jobSettings(kind: JobKind, overrides: Partial<JobSettings> = {}): JobSettings {
  return { ...DEFAULT_JOB_SETTINGS[kind], ...overrides };
}
