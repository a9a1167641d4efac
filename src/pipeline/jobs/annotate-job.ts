import type { AnnotateJob, JobOutcome } from '../../queue/index.js';
import { reindexArchive } from '../reindex-archive.js';
import type { JobContext } from './job-context.js';

/**
 * An annotate job: `kirinuki reindex` over the whole archive — identity keys, the people each
 * text quotes and mentions (unless `people: false`, or the worker has no knowledge), stories.
 * Deriving is idempotent: running it twice gives the same archive.
 *
 * @example
 * const r = await annotateJob({ kind: 'annotate' }, { archive, knowledge });
 * if (r.ok) r.value.entries;
 */
export async function annotateJob(job: AnnotateJob, context: JobContext): Promise<JobOutcome> {
  const report = reindexArchive(context.archive, {
    ...(job.storyDays === undefined ? {} : { storyWindowDays: job.storyDays }),
    ...(job.people !== false && context.knowledge ? { knowledge: context.knowledge } : {}),
  });
  return { ok: true, value: { ...report } };
}
