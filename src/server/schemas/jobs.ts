import { z } from '@hono/zod-openapi';
import { DaySchema } from './common.js';

export const JobBody = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('import'),
      path: z.string().min(1).max(4096).openapi({
        description: "a file or directory on the server's disk, as `kirinuki import` takes",
      }),
      day: DaySchema.optional().openapi({ description: 'file every entry under this day' }),
    }),
    z.object({ kind: z.literal('reindex') }),
  ])
  .openapi('JobRequest');

export const JobCreatedSchema = z.object({ id: z.string() }).openapi('JobCreated');

export const JobParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const JobStatusSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['import', 'reindex']),
    state: z.enum(['running', 'done', 'failed', 'cancelled']),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
  })
  .openapi('JobStatus');
