import { z } from '@hono/zod-openapi';
import { DayCountSchema, DaySchema, EntryCardSchema } from './common.js';

export const PeopleQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .openapi({ param: { name: 'limit', in: 'query' }, example: 100 }),
});

export const PeopleSchema = z
  .object({
    people: z.array(
      z.object({
        name: z.string(),
        quotes: z.number().int().openapi({ description: 'entries whose summary lines quote them' }),
        entries: z
          .number()
          .int()
          .openapi({ description: 'entries that name them anywhere: summary lines or text' }),
      }),
    ),
  })
  .openapi('People');

export const PersonParams = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'name', in: 'path' }, example: 'ゼレンスキー' }),
});

export const PersonSchema = z
  .object({
    name: z.string(),
    quotes: z
      .array(
        z.object({
          day: DaySchema,
          entryId: z.string(),
          quote: z.string(),
          tag: z.string(),
          speaker: z.string().openapi({ description: 'the speaker as the line writes them' }),
        }),
      )
      .openapi({ description: 'the quotes of their newest 200 entries, newest first' }),
    perDay: z
      .array(DayCountSchema)
      .openapi({ description: 'entries quoting them per day, oldest first' }),
  })
  .openapi('Person');

export const TagsSchema = z
  .object({
    tags: z.array(
      z.object({ tag: z.string(), entries: z.number().int(), description: z.string().nullable() }),
    ),
  })
  .openapi('Tags');

export const TagParams = z.object({
  tag: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'tag', in: 'path' }, example: '原発' }),
});

export const TagSchema = z
  .object({
    tag: z.string(),
    perDay: z.array(DayCountSchema).openapi({ description: 'entries per day, oldest first' }),
    latest: z.array(EntryCardSchema).openapi({ description: 'the newest 20, newest first' }),
  })
  .openapi('Tag');
