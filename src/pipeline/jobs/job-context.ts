import type { Archive } from '../../archive/index.js';
import type { FetchOptions } from '../../ingest/index.js';
import type { Knowledge } from '../../nlp/index.js';

/** What every job handler works with: the archive of this worker and its settings. */
export interface JobContext {
  archive: Archive;
  /** Annotation knowledge: with it, imports and fetches file who entries quote and mention. */
  knowledge?: Knowledge;
  /** How fetch jobs fetch (hosts allowed to be private, timeout). */
  fetch?: FetchOptions;
  /** The day for entries without a date when the job does not name one (default: today, UTC). */
  today?: () => string;
}

/**
 * The day for undated entries: the job's own `today`, else the context's, else the UTC date now.
 *
 * @example
 * todayOf({ archive }, '2024-03-04'); // '2024-03-04'
 */
export function todayOf(context: JobContext, given: string | undefined): string {
  return given ?? context.today?.() ?? new Date().toISOString().slice(0, 10);
}
