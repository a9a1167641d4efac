/** What the UI knows of a job from its event stream. */
export interface JobView {
  id: string;
  label: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  message: string | null;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const parse = (data: string): unknown => {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
};

/** An import's summary: how many files, and what they filed. */
const describeImport = (files: unknown[], diagnostics: unknown): string => {
  const totals = { inserted: 0, unchanged: 0, replaced: 0 };
  for (const file of files) {
    const report = asRecord(asRecord(file).report);
    for (const key of ['inserted', 'unchanged', 'replaced'] as const) {
      const n = report[key];
      if (typeof n === 'number') totals[key] += n;
    }
  }
  const problems =
    Array.isArray(diagnostics) && diagnostics.length > 0 ? `、問題${diagnostics.length}件` : '';
  return `${files.length}ファイル：新規${totals.inserted}件、既存${totals.unchanged}件、置換${totals.replaced}件${problems}`;
};

/**
 * A job's summary in a line: an import's files and what they filed; otherwise each number,
 * word or list (as its length) by name.
 */
const describe = (value: unknown): string | null => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  const record = asRecord(value);
  if (Array.isArray(record.files)) return describeImport(record.files, record.diagnostics);
  const parts = Object.entries(record).flatMap(([key, item]) => {
    if (Array.isArray(item)) return [`${key}: ${item.length}`];
    if (typeof item === 'object' && item !== null) return [];
    return [`${key}: ${String(item)}`];
  });
  return parts.join(', ') || null;
};

/**
 * A job after one event of its stream (`progress` {done,total}, `done` {summary},
 * `failed` {message}, `cancelled`); other events and a finished job's late events change nothing.
 *
 * @example
 *   applyJobEvent(job, 'progress', '{"done":3,"total":10}'); // { …job, done: 3, total: 10 }
 */
export function applyJobEvent(job: JobView, type: string, data: string): JobView {
  if (job.state !== 'running') return job;
  const payload = asRecord(parse(data));
  switch (type) {
    case 'progress': {
      const done = typeof payload.done === 'number' ? payload.done : job.done;
      const total = typeof payload.total === 'number' ? payload.total : job.total;
      return { ...job, done, total };
    }
    case 'done':
      return {
        ...job,
        state: 'done',
        done: job.total ?? job.done,
        message: describe(payload.summary),
      };
    case 'failed':
      return { ...job, state: 'failed', message: describe(payload.message) ?? '失敗しました' };
    case 'cancelled':
      return { ...job, state: 'cancelled', message: describe(payload.summary) };
    default:
      return job;
  }
}

/** The events a job stream sends. */
export const JOB_EVENTS = ['progress', 'done', 'failed', 'cancelled'] as const;
