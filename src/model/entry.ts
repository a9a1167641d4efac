import { z } from 'zod';
import { PostSchema } from './post.js';
import { OriginSchema } from './origin.js';
import { SummaryLineSchema } from './summary-line.js';

/**
 * One clip: an embedded post, the lines that follow it, and the curator's summary lines.
 *
 * `bodyKind` says what the body lines are: the article the post links to (`article`), or the
 * post's own full text repeated after a truncated embed (`fullText`).
 */
export const EntrySchema = z.object({
  /** Stable id derived from content: the post's link when present, else its text. */
  id: z.string(),
  post: PostSchema.nullable(),
  bodyKind: z.enum(['article', 'fullText']),
  /** Exact source lines of the body. */
  body: z.array(z.string()),
  summaries: z.array(SummaryLineSchema),
  /** Set by importers other than the clip-document parser. */
  origin: OriginSchema.optional(),
});
export type Entry = z.infer<typeof EntrySchema>;
