import type { Job, JobOutcome } from '../../queue/index.js';
import { annotateJob } from './annotate-job.js';
import { fetchJob } from './fetch-job.js';
import { importJob } from './import-job.js';
import type { JobContext } from './job-context.js';
import { rebuildStoryJob } from './rebuild-story-job.js';
import { retagJob } from './retag-job.js';

/**
 * Does one job of any kind with the handler for its kind: the worker's `JobHandler`.
 *
 * @example
 * await workJobs(queue, (job) => runJob(job, { archive, knowledge }), { signal });
 */
export async function runJob(job: Job, context: JobContext): Promise<JobOutcome> {
  switch (job.kind) {
    case 'fetch':
      return fetchJob(job, context);
    case 'import':
      return importJob(job, context);
    case 'annotate':
      return annotateJob(job, context);
    case 'retag':
      return retagJob(job, context);
    case 'story':
      return rebuildStoryJob(job, context);
  }
}
