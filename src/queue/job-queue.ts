import PgBoss from 'pg-boss';
import { err, KirinukiError, ok, type Result } from '../model/index.js';
import { jobKey, parseJob, type Job } from './job-schema.js';
import { jobSettings, type JobSettings } from './job-settings.js';

/** The one pg-boss queue every kind of job goes through (the kind is in the payload). */
export const QUEUE_NAME = 'kirinuki-jobs';
/** The PostgreSQL schema pg-boss keeps its tables in. */
export const QUEUE_SCHEMA = 'pgboss';

/** Where a job is in its life, as pg-boss names it. */
export type JobStateName = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** A job taken from the queue by a worker. */
export interface TakenJob {
  id: string;
  /** The payload as stored: not yet validated. */
  data: unknown;
  /** Attempts before this one (0 for the first). */
  retryCount: number;
  retryLimit: number;
}

/** What the queue knows of one job. */
export interface JobRecord {
  id: string;
  state: JobStateName;
  data: unknown;
  retryCount: number;
  retryLimit: number;
  singletonKey: string | null;
  /** What the worker recorded: the job's report, or `{ message }` of its last failure. */
  output: unknown;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
}

export interface QueueOptions {
  /**
   * Seconds between this process's maintenance rounds, in which jobs whose worker died are
   * returned to the queue (pg-boss expiry). Only one process of all does a round at a time.
   * Default 60.
   */
  maintenanceSeconds?: number;
  /** Whether this process does maintenance at all (default true). */
  supervise?: boolean;
  /** Connections this process may open (default 10). */
  poolSize?: number;
  /** Errors pg-boss meets in the background (a lost connection, a failed maintenance). */
  onError?: (error: Error) => void;
}

/** The job queue of one process: send jobs, take them, record how they ended. */
export interface JobQueue {
  /**
   * Sends a job, validated first. `null` when the same job (same key) is already waiting: the
   * queue holds one waiting copy of a job.
   */
  enqueue(job: Job, overrides?: Partial<JobSettings>): Promise<Result<string | null, string>>;
  /** Takes the next job due, or `null` when none is. */
  take(): Promise<TakenJob | null>;
  /** Records a job as done, with its report. */
  complete(id: string, output: Record<string, unknown>): Promise<void>;
  /**
   * Records a failed attempt: the job is retried after its delay while retries are left, and
   * failed for good once they are spent — or at once when `retry` is false (a payload that can
   * never be valid).
   */
  fail(id: string, message: string, options: { retry: boolean }): Promise<void>;
  /** The job as the queue holds it (completed and failed jobs too), or `null`. */
  job(id: string): Promise<JobRecord | null>;
  /** How many jobs are in each state. */
  counts(): Promise<Partial<Record<JobStateName, number>>>;
  /** Stops pg-boss and closes its connections. */
  close(): Promise<void>;
}

/**
 * Whether a `--queue` value is a PostgreSQL connection string.
 *
 * @example
 * isQueueUrl('postgres://kirinuki@db.example.jp/kirinuki'); // true
 * isQueueUrl('archive.db'); // false
 */
export function isQueueUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/**
 * A connection string with its password masked, for messages.
 *
 * @example
 * redactUrl('postgres://k:secret@db/kirinuki'); // 'postgres://k:***@db/kirinuki'
 */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

/**
 * Connects to the queue in PostgreSQL (installing pg-boss's tables on first use) and makes sure
 * the kirinuki queue exists. A server that cannot be reached is an error value.
 *
 * @example
 * const r = await openJobQueue('postgres://kirinuki@/kirinuki?host=/run/postgresql');
 * if (r.ok) { await r.value.enqueue({ kind: 'fetch', url: 'https://example.jp/rss' }); await r.value.close(); }
 */
export async function openJobQueue(
  url: string,
  options: QueueOptions = {},
): Promise<Result<JobQueue, string>> {
  if (!isQueueUrl(url))
    return err(`queue: not a PostgreSQL connection string (postgres://…): ${redactUrl(url)}`);
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    application_name: 'kirinuki',
    max: options.poolSize ?? 10,
    supervise: options.supervise ?? true,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 60,
    schedule: false,
    migrate: true,
  });
  // pg-boss emits background errors; an EventEmitter without a listener would throw them.
  boss.on('error', (e) => options.onError?.(e));
  try {
    await boss.start();
    // A short queue keeps one waiting copy per singleton key; running copies are not limited,
    // so a job sent again while it runs waits behind it instead of blocking the queue.
    await boss.createQueue(QUEUE_NAME, { name: QUEUE_NAME, policy: 'short' });
  } catch (cause) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    return err(`queue: cannot open ${redactUrl(url)}: ${(cause as Error).message ?? cause}`);
  }
  return ok(queueOf(boss));
}

function queueOf(boss: PgBoss): JobQueue {
  return {
    async enqueue(job, overrides) {
      const checked = parseJob(job);
      if (!checked.ok) return checked;
      const id = await boss.send(QUEUE_NAME, checked.value, {
        ...jobSettings(checked.value.kind, overrides),
        singletonKey: jobKey(checked.value),
      });
      return ok(id);
    },
    async take() {
      const [job] = await boss.fetch<unknown>(QUEUE_NAME, { batchSize: 1, includeMetadata: true });
      if (!job) return null;
      return {
        id: job.id,
        data: job.data,
        retryCount: job.retryCount,
        retryLimit: job.retryLimit,
      };
    },
    async complete(id, output) {
      await boss.complete(QUEUE_NAME, id, output);
    },
    async fail(id, message, { retry }) {
      if (!retry)
        // pg-boss has no "fail without retry": spend the retries of this one job first.
        await boss
          .getDb()
          .executeSql(
            `UPDATE ${QUEUE_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`,
            [QUEUE_NAME, id],
          );
      await boss.fail(QUEUE_NAME, id, { message });
    },
    async job(id) {
      const j = await boss.getJobById<unknown>(QUEUE_NAME, id, { includeArchive: true });
      if (!j) return null;
      return {
        id: j.id,
        state: j.state,
        data: j.data,
        retryCount: j.retryCount,
        retryLimit: j.retryLimit,
        singletonKey: j.singletonKey,
        output: j.output,
        createdOn: j.createdOn,
        startedOn: j.startedOn,
        completedOn: j.completedOn,
      };
    },
    async counts() {
      const { rows } = (await boss.getDb().executeSql(
        `SELECT state::text AS state, count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 GROUP BY state
           UNION ALL SELECT state::text, count(*)::int FROM ${QUEUE_SCHEMA}.archive WHERE name = $1 GROUP BY state`,
        [QUEUE_NAME],
      )) as { rows: { state: JobStateName; n: number }[] };
      const counts: Partial<Record<JobStateName, number>> = {};
      for (const { state, n } of rows) counts[state] = (counts[state] ?? 0) + n;
      return counts;
    },
    async close() {
      try {
        await boss.stop({ graceful: false, wait: true, close: true });
      } catch (cause) {
        throw new KirinukiError('queue', 'could not close the queue', { cause });
      }
    },
  };
}
