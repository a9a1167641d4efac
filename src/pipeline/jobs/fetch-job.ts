import type { FetchJob, JobOutcome } from '../../queue/index.js';
import { fetchIntoArchive } from '../fetch-into-archive.js';
import { todayOf, type JobContext } from './job-context.js';

/**
 * A fetch job: the URL fetched and filed as `kirinuki fetch` does. A URL that cannot be fetched
 * is a failure worth retrying (a server down, a rate limit); a page that is not a feed, an
 * article or a post is not. Items filed before are recognised and not filed again.
 *
 * @example
 * const r = await fetchJob({ kind: 'fetch', url: 'https://example.jp/rss' }, { archive });
 * if (r.ok) r.value.inserted;
 */
export async function fetchJob(job: FetchJob, context: JobContext): Promise<JobOutcome> {
  const r = await fetchIntoArchive(context.archive, job.url, {
    today: todayOf(context, job.today),
    ...(job.day === undefined ? {} : { day: job.day }),
    ...(context.knowledge ? { knowledge: context.knowledge } : {}),
    ...(context.fetch ? { fetch: context.fetch } : {}),
  });
  if (!r.ok) {
    // The one failure of `fetchIntoArchive` that is about the page, not the way to it.
    const notReadable = r.error.message.includes('is not a feed, an article page or a post');
    return { ok: false, error: { message: r.error.message, retry: !notReadable } };
  }
  const { report, format, days } = r.value;
  return {
    ok: true,
    value: {
      url: job.url,
      format,
      days,
      inserted: report?.inserted ?? 0,
      unchanged: report?.unchanged ?? 0,
      replaced: report?.replaced ?? 0,
      duplicates: report?.duplicates ?? 0,
    },
  };
}
