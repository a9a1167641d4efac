import { sha256Hex, type ImportJob, type JobOutcome } from '../../queue/index.js';
import { importFiles } from '../import-files.js';
import { todayOf, type JobContext } from './job-context.js';

/**
 * An import job: the document in the job, checked against its SHA-256, imported as
 * `kirinuki import` imports a file (one transaction). Entries the archive already holds are
 * recognised by their identity keys, so importing the same document again files nothing new.
 * A document that cannot be read is a failure no retry mends; an archive busy too long is
 * retried.
 *
 * @example
 * const r = await importJob(importJobOf('day.txt', bytes), { archive });
 * if (r.ok) r.value.inserted; // 15 the first time, 0 the next
 */
export async function importJob(job: ImportJob, context: JobContext): Promise<JobOutcome> {
  const bytes = Buffer.from(job.base64, 'base64');
  const sha256 = sha256Hex(bytes);
  if (sha256 !== job.sha256)
    return {
      ok: false,
      error: {
        message: `pipeline: import job ${job.name}: sha256: the document's bytes hash to ${sha256}, not ${job.sha256}`,
        retry: false,
      },
    };
  const summary = importFiles(context.archive, [{ name: job.name, bytes }], {
    today: todayOf(context, job.today),
    ...(job.day === undefined ? {} : { day: job.day }),
    ...(context.knowledge ? { knowledge: context.knowledge } : {}),
  });
  const file = summary.files[0];
  const errors = summary.diagnostics.filter((d) => d.severity === 'error');
  if (!file?.report) {
    const why = errors.map((d) => d.message).join('; ') || 'nothing in it could be filed';
    // `importFiles` gives up on an archive another process holds after a few tries: try later.
    const busy = errors.some((d) => d.message.includes('not imported after'));
    return {
      ok: false,
      error: { message: `pipeline: import job ${job.name}: ${why}`, retry: busy },
    };
  }
  const { report } = file;
  return {
    ok: true,
    value: {
      name: job.name,
      sha256: job.sha256,
      format: file.format,
      days: file.days,
      inserted: report.inserted,
      unchanged: report.unchanged,
      replaced: report.replaced,
      duplicates: report.duplicates,
      warnings: summary.diagnostics.length - errors.length,
    },
  };
}
