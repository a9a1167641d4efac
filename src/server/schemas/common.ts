import { z } from '@hono/zod-openapi';

/** `YYYY-MM-DD`, a digest day. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .openapi({ example: '2024-03-04' });

/** The body of every failed request. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        'bad_request',
        'unauthorized',
        'forbidden',
        'not_found',
        'conflict',
        'too_many_requests',
        'internal',
        'upstream',
      ]),
      message: z.string().openapi({ example: 'server: summaryLines.0: not a summary line' }),
      field: z
        .string()
        .optional()
        .openapi({ description: 'the request field at fault, as a dotted path' }),
    }),
  })
  .openapi('Error');

/** One entry as every view shows it (the pipeline's `EntryCard`). */
export const EntryCardSchema = z
  .object({
    id: z.string(),
    day: DaySchema,
    seq: z.number().int(),
    story: z.string().openapi({ description: "the story's id: its first entry's id" }),
    headline: z.string(),
    authorName: z.string().nullable(),
    handle: z.string().nullable().openapi({ description: 'without the @' }),
    postUrl: z
      .string()
      .nullable()
      .openapi({ description: "the post's status URL when known, else the post's first link" }),
    articleUrl: z.string().nullable().openapi({ description: "the captured page's URL" }),
    date: z.string().nullable(),
    tags: z.array(z.string()),
    summaryLines: z.array(z.string()),
    source: z.string().openapi({ description: 'where the entry was imported from' }),
    storyEntries: z
      .number()
      .int()
      .min(1)
      .openapi({ description: 'how many entries its story holds (1: a story of its own)' }),
  })
  .openapi('EntryCard');

/** Proposed tags and a summary line for an entry, with the reasons behind them. */
export const SuggestionSchema = z
  .object({
    tags: z.array(z.object({ tag: z.string(), score: z.number(), reasons: z.array(z.string()) })),
    line: z.string().nullable(),
    lineReasons: z.array(z.string()),
  })
  .openapi('Suggestion');

/** `{ value, count }`: one value of a facet or of a per-day series. */
export const CountSchema = z.object({ value: z.string(), count: z.number().int() });
export const DayCountSchema = z.object({ day: DaySchema, count: z.number().int() });

/**
 * `limit` and `offset` of a paged list, as query parameters.
 *
 * @example
 * const EntriesQuery = z.object({ day: DaySchema.optional(), ...pageQuery(50, 500) });
 */
export function pageQuery(defaultLimit: number, maxLimit: number) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(defaultLimit)
      .openapi({ param: { name: 'limit', in: 'query' }, example: defaultLimit }),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(0)
      .openapi({ param: { name: 'offset', in: 'query' }, example: 0 }),
  };
}

/** An entry id in a path: the full id or a unique prefix of 6 or more characters. */
export const EntryIdParams = z.object({
  id: z
    .string()
    .min(6)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'a1b2c3d4e5f6' }),
});

/**
 * The error responses a route may answer with, for the OpenAPI document.
 *
 * @example
 * responses: { 200: { description: 'ok', content }, ...errorResponses(400, 404) }
 */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 429 | 502)[]) {
  const described: Record<number, string> = {
    400: 'a request field is invalid (`error.field` names it)',
    401: 'no login, a wrong one, or one that ended (servers with accounts only)',
    403: 'no session token, a wrong one, a request from another site, or an edit by a viewer',
    404: 'no such thing',
    409: 'conflicts with the state of the archive or of a running job',
    429: 'too many failed logins of this name: wait (Retry-After says how long)',
    502: 'the blog refused or failed',
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: described[s] ?? '', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as Record<
    400 | 401 | 403 | 404 | 409 | 429 | 502,
    { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }
  >;
}
