import { z } from '@hono/zod-openapi';
import { DIGEST_FORMATS } from '../../publish/index.js';
import { DaySchema, EntryCardSchema } from './common.js';

export const DigestParams = z.object({
  day: DaySchema.openapi({ param: { name: 'day', in: 'path' } }),
});

export const DigestQuery = z.object({
  format: z
    .enum(DIGEST_FORMATS)
    .default('text')
    .openapi({ param: { name: 'format', in: 'query' }, example: 'markdown' }),
});

/** A summary line the quote check flags. */
export const QuoteFlagSchema = z
  .object({
    entryId: z.string(),
    tag: z.string(),
    speaker: z.string().nullable(),
    quote: z.string().nullable().openapi({ description: 'null for a speaker flag' }),
    kind: z.enum(['quote', 'speaker']),
    reason: z.string(),
    missing: z
      .array(z.string())
      .openapi({ description: "the quote's pieces the text lacks (empty for a speaker flag)" }),
    nearest: z
      .object({ text: z.string(), similarity: z.number() })
      .nullable()
      .openapi({ description: 'the passage of the text nearest the quote, if any' }),
  })
  .openapi('QuoteFlag');

export const DigestSchema = z
  .object({
    format: z.enum(DIGEST_FORMATS),
    text: z.string().openapi({
      description:
        'the day in that format; html is a fragment of markup the UI must show as text or in a sandbox, never insert',
    }),
    flags: z.array(QuoteFlagSchema),
  })
  .openapi('Digest');

export const OrderBody = z
  .object({
    ids: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(10_000)
      .openapi({ description: 'every entry id of the day, once, in the new order' }),
  })
  .openapi('DayOrder');

export const OrderSchema = z.object({ entries: z.array(EntryCardSchema) }).openapi('DayEntries');

export const PublishBody = z
  .object({
    to: z.enum(['hatena', 'wordpress']),
    publish: z
      .boolean()
      .optional()
      .openapi({ description: 'make the post public; a new post is a draft otherwise' }),
    strict: z
      .boolean()
      .optional()
      .openapi({ description: 'refuse (409) when the quote check flags a summary line' }),
  })
  .openapi('PublishRequest');

export const PublishSchema = z
  .object({
    action: z.enum(['created', 'updated', 'recreated']),
    post: z.object({
      day: DaySchema,
      target: z.string(),
      blog: z.string(),
      remoteId: z.string(),
      editUrl: z.string(),
      url: z.string().nullable(),
      status: z.enum(['draft', 'publish']),
      firstPostedAt: z.string(),
      lastPostedAt: z.string(),
    }),
    notices: z.array(z.string()),
  })
  .openapi('PublishOutcome');
