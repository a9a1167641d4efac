import { z } from '@hono/zod-openapi';

/** What the archive holds (`kirinuki stats`). */
export const StatsSchema = z
  .object({
    entries: z.number().int(),
    days: z.number().int(),
    summaryLines: z.number().int(),
    tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
    handles: z.array(z.object({ handle: z.string(), count: z.number().int() })),
    firstDay: z.string().nullable(),
    lastDay: z.string().nullable(),
    bytesOnDisk: z.number().int(),
  })
  .openapi('Stats');
