import { z } from '@hono/zod-openapi';
import { CountSchema, EntryCardSchema, pageQuery } from './common.js';

export const SearchQuery = z.object({
  q: z
    .string()
    .min(1)
    .max(1000)
    .openapi({ param: { name: 'q', in: 'query' }, example: '停戦 tag:和平 since:2024-03-01' }),
  ...pageQuery(20, 200),
  sort: z
    .enum(['rank', 'date'])
    .default('rank')
    .openapi({
      param: { name: 'sort', in: 'query' },
      description:
        '`rank`: best first (BM25 over all matches blended with recency, docs/format.md); `date`: newest post date first',
      example: 'rank',
    }),
});

export const SnippetSchema = z
  .object({
    text: z.string(),
    highlights: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .openapi({ description: '[start, end) UTF-16 ranges of `text` that matched' }),
  })
  .openapi('Snippet');

export const SearchSchema = z
  .object({
    hits: z.array(z.object({ card: EntryCardSchema, snippet: SnippetSchema })),
    total: z.number().int(),
    totalExact: z
      .boolean()
      .openapi({ description: 'false: `total` is an estimate (more than 1,000 matches)' }),
    facets: z
      .object({
        tags: z.array(CountSchema),
        speakers: z.array(CountSchema),
        sources: z.array(CountSchema),
        days: z.array(CountSchema),
      })
      .openapi({ description: 'of the best 100 matches (or the page, if it goes further)' }),
  })
  .openapi('SearchResults');
