import { createHash } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '../model/index.js';

/**
 * The jobs a worker takes, one zod schema each. A job names its input by URL or content hash,
 * so doing it twice files nothing twice (the archive recognises what it holds by identity
 * keys), and its singleton key (`jobKey`) keeps a second copy out of the queue while the first
 * waits.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');

/** Fetch a feed, article page or post and file what it holds (`kirinuki fetch`). */
export const FetchJobSchema = z.strictObject({
  kind: z.literal('fetch'),
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }),
  /** File every entry under this digest day instead of its own date. */
  day: day.optional(),
  /** The day for entries without a date of their own: the day the job was enqueued. */
  today: day.optional(),
});

/** Largest document an import job carries (its bytes travel in the job, base64). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Import one document (`kirinuki import`), its bytes in the job, named by their SHA-256. */
export const ImportJobSchema = z.strictObject({
  kind: z.literal('import'),
  /** The file's name, for messages and provenance. */
  name: z.string().min(1).max(1024),
  /** SHA-256 of the bytes, lowercase hex: the job's identity. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
  base64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'at most 50 MB of document')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  day: day.optional(),
  today: day.optional(),
});

/** Annotate every entry again: identity keys, people quoted and mentioned, stories (`reindex`). */
export const AnnotateJobSchema = z.strictObject({
  kind: z.literal('annotate'),
  /** Days either side of an entry's day to look for its story (default 2). */
  storyDays: z.number().int().min(0).max(30).optional(),
  /** Re-derive the people of each text (default true). */
  people: z.boolean().optional(),
});

/** Retag: rewrite the summary lines carrying renamed or merged tags (`tags rename/merge`). */
export const RetagJobSchema = z.strictObject({
  kind: z.literal('retag'),
  /** Old tag → new tag. */
  relabelling: z
    .record(z.string().min(1), z.string().min(1))
    .refine((r) => Object.keys(r).length > 0, 'at least one tag to relabel'),
});

/** Rebuild one story: judge its members again and re-derive their keys and people. */
export const StoryJobSchema = z.strictObject({
  kind: z.literal('story'),
  /** The story's id (the id of its first filed entry). */
  story: z.string().min(1).max(200),
});

export const JobSchema = z.discriminatedUnion('kind', [
  FetchJobSchema,
  ImportJobSchema,
  AnnotateJobSchema,
  RetagJobSchema,
  StoryJobSchema,
]);

export type FetchJob = z.infer<typeof FetchJobSchema>;
export type ImportJob = z.infer<typeof ImportJobSchema>;
export type AnnotateJob = z.infer<typeof AnnotateJobSchema>;
export type RetagJob = z.infer<typeof RetagJobSchema>;
export type StoryJob = z.infer<typeof StoryJobSchema>;
export type Job = z.infer<typeof JobSchema>;
export type JobKind = Job['kind'];

/**
 * Reads a job's payload, or says which field is wrong: `queue: bad job payload: url: an
 * http(s) URL`.
 *
 * @example
 * const r = parseJob({ kind: 'fetch', url: 'ftp://x' });
 * if (!r.ok) r.error; // 'queue: bad job payload: url: an http(s) URL'
 */
export function parseJob(data: unknown): Result<Job, string> {
  const parsed = JobSchema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) => {
    const keys =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')) : [];
    const field = keys.length > 0 ? keys.join(', ') : issue.path.join('.') || 'payload';
    return `${field}: ${issue.message}`;
  });
  return err(`queue: bad job payload: ${problems.join('; ')}`);
}

/**
 * The job's singleton key: the same job (same kind, same input) has the same key, so the queue
 * holds at most one copy of it waiting and one running.
 *
 * @example
 * jobKey({ kind: 'fetch', url: 'https://example.jp/rss' }); // 'fetch:https://example.jp/rss'
 */
export function jobKey(job: Job): string {
  switch (job.kind) {
    case 'fetch':
      return `fetch:${job.url}${job.day === undefined ? '' : `@${job.day}`}`;
    case 'import':
      return `import:${job.sha256}${job.day === undefined ? '' : `@${job.day}`}`;
    case 'annotate':
      return `annotate:${job.storyDays ?? 2}:${job.people ?? true}`;
    case 'retag':
      return `retag:${sha256Hex(JSON.stringify(Object.entries(job.relabelling).sort()))}`;
    case 'story':
      return `story:${job.story}`;
  }
}

/**
 * The import job of a document: its bytes in base64, named by their SHA-256.
 *
 * @example
 * const job = importJobOf('2024-03-04.txt', readFileSync('2024-03-04.txt'), { today: '2024-03-04' });
 * jobKey(job); // 'import:9f86d0…'
 */
export function importJobOf(
  name: string,
  bytes: Uint8Array,
  options: { day?: string; today?: string } = {},
): ImportJob {
  return {
    kind: 'import',
    name,
    sha256: sha256Hex(bytes),
    base64: Buffer.from(bytes).toString('base64'),
    ...(options.day === undefined ? {} : { day: options.day }),
    ...(options.today === undefined ? {} : { today: options.today }),
  };
}

/**
 * SHA-256 of bytes or a string (UTF-8), lowercase hex.
 *
 * @example
 * sha256Hex('abc'); // 'ba7816bf…'
 */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
