import { z } from '@hono/zod-openapi';
import { DaySchema, EntryCardSchema, pageQuery, SuggestionSchema } from './common.js';

export const DaysSchema = z
  .object({ days: z.array(z.object({ day: DaySchema, entries: z.number().int() })) })
  .openapi('Days');

export const EntriesQuery = z.object({
  day: DaySchema.optional().openapi({ param: { name: 'day', in: 'query' } }),
  ...pageQuery(50, 500),
});

export const EntryListSchema = z
  .object({ entries: z.array(EntryCardSchema), total: z.number().int() })
  .openapi('EntryList');

export const EntryDetailSchema = z
  .object({
    card: EntryCardSchema,
    text: z.string().openapi({ description: 'the entry as clip-document text' }),
    story: z
      .array(EntryCardSchema)
      .openapi({ description: 'the other entries of its story, by day then order' }),
  })
  .openapi('EntryDetail');

/** The largest paste or embed code taken: a long article is well under it. */
const MAX_INPUT = 2_000_000;

export const CreateEntriesBody = z
  .object({
    paste: z
      .string()
      .min(1)
      .max(MAX_INPUT)
      .optional()
      .openapi({ description: 'text: an article, a post, or a whole clip document' }),
    url: z
      .url({ protocol: /^https?$/ })
      .max(4000)
      .optional()
      .openapi({ description: 'a feed, article page or post URL, fetched safely' }),
    embed: z
      .string()
      .min(1)
      .max(MAX_INPUT)
      .optional()
      .openapi({ description: 'a post\'s embed code (<blockquote class="twitter-tweet">…)' }),
    day: DaySchema.optional().openapi({ description: 'file the entries under this digest day' }),
  })
  .superRefine((body, ctx) => {
    const given = (['paste', 'url', 'embed'] as const).filter((k) => body[k] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [given[1] ?? 'paste'],
        message:
          given.length === 0
            ? 'give one of paste, url or embed'
            : 'give only one of paste, url or embed',
      });
  })
  .openapi('CreateEntries');

export const CreatedSchema = z
  .object({ created: z.array(EntryCardSchema), warnings: z.array(z.string()) })
  .openapi('Created');

export const EditBody = z
  .object({
    summaryLines: z
      .array(z.string().max(10_000))
      .max(50)
      .openapi({
        description: 'every summary line of the entry, `#Tag(…)` each',
        example: ['#原発(ザポリージャ・外部電源喪失)'],
      }),
    startedFrom: z.array(z.string().max(10_000)).max(50).optional().openapi({
      description:
        'the summary lines as the editor saw them when the edit began: if the entry has changed since (another curator saved it), the answer is 409 and nothing is saved',
      example: [],
    }),
  })
  .openapi('EditEntry');

export const CardSchema = z.object({ card: EntryCardSchema }).openapi('Card');

export const AcceptBody = z
  .object({
    line: z
      .string()
      .min(1)
      .max(10_000)
      .optional()
      .openapi({ description: 'the line as accepted or corrected; absent: the proposed one' }),
  })
  .openapi('Accept');

export const AcceptedSchema = z
  .object({ card: EntryCardSchema, suggestionAfter: SuggestionSchema.nullable() })
  .openapi('Accepted');

export const CaptureBody = z
  .object({ url: z.url({ protocol: /^https?$/ }).max(4000) })
  .openapi('Capture');

export const CapturedSchema = z
  .object({ created: z.array(EntryCardSchema), warnings: z.array(z.string()) })
  .openapi('Captured');

export const StorySchema = z
  .object({ story: z.string(), entries: z.array(EntryCardSchema) })
  .openapi('Story');
