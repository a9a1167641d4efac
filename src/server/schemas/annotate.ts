import { z } from '@hono/zod-openapi';
import { SuggestionSchema } from './common.js';

export const AnnotateBody = z
  .object({ text: z.string().min(1).max(200_000) })
  .openapi('AnnotateRequest');

export const AnnotatedSchema = z
  .object({
    quotes: z.array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        text: z.string(),
        speaker: z.string().nullable(),
        kind: z.enum(['speech', 'fragment', 'indirect', 'term']),
      }),
    ),
    entities: z.array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        kind: z.enum(['person', 'organisation', 'place', 'country']),
        canonical: z.string(),
      }),
    ),
    suggestion: SuggestionSchema.nullable(),
  })
  .openapi('Annotated', {
    description: 'offsets are [start, end) UTF-16 code units of the text as sent',
  });
