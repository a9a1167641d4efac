import type { JobOutcome, RetagJob } from '../../queue/index.js';
import { relabelArchive } from '../relabel-archive.js';
import type { JobContext } from './job-context.js';

/**
 * A retag job: every summary line carrying a renamed or merged tag gets the new one, the rest
 * of the line byte for byte. Relabelling is idempotent, so a retried job finishes the work.
 *
 * @example
 * const r = await retagJob({ kind: 'retag', relabelling: { 露斯: '露イラン' } }, { archive });
 * if (r.ok) r.value.changed; // 12
 */
export async function retagJob(job: RetagJob, context: JobContext): Promise<JobOutcome> {
  const changed = relabelArchive(context.archive, job.relabelling);
  return { ok: true, value: { changed } };
}
