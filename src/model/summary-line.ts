import { z } from 'zod';

/** Plain keywords or context between `・` separators: `大規模デモ発生`. */
export const ContextSegmentSchema = z.object({
  kind: z.literal('context'),
  text: z.string(),
});

/**
 * A speaker and what they said: `バウアー軍事委員長「…」「…」`. `speaker` is `null` when the
 * quotes stand alone; `rest` keeps any text that follows the last quote in the segment.
 * Quotes keep nested 『…』 verbatim.
 */
export const QuoteSegmentSchema = z.object({
  kind: z.literal('quote'),
  speaker: z.string().nullable(),
  quotes: z.array(z.string()).min(1),
  rest: z.string(),
});

export const SegmentSchema = z.discriminatedUnion('kind', [
  ContextSegmentSchema,
  QuoteSegmentSchema,
]);
export type Segment = z.infer<typeof SegmentSchema>;

/**
 * The curator's hand-written summary line `#Tag(segment・segment…)`. `raw` is the exact source
 * line and is what gets rendered; `tag` and `segments` are parsed from it.
 */
export const SummaryLineSchema = z.object({
  raw: z.string(),
  tag: z.string(),
  /** The text between the outer parentheses. */
  content: z.string(),
  segments: z.array(SegmentSchema),
});
export type SummaryLine = z.infer<typeof SummaryLineSchema>;
