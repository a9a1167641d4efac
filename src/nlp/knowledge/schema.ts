import { z } from 'zod';

/**
 * One knowledge file (`data/nlp/*.json` or a user's own): every key is optional, so a user file
 * can add a few aliases without repeating the rest. Files are merged in order; see merge.ts.
 */
export const KnowledgeEntitySchema = z.object({
  canonical: z.string().min(1),
  type: z.enum(['person', 'organisation', 'place', 'country']),
  aliases: z.array(z.string().min(1)).default([]),
  /** The person's or body's country or organisation, used when the text does not say. */
  org: z.string().optional(),
  /** A body that needs a country before it to name one (`外務省` → `ロシア外務省`). */
  generic: z.boolean().optional(),
});
export type KnowledgeEntity = z.infer<typeof KnowledgeEntitySchema>;

export const OutletSchema = z.object({
  canonical: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** X handles without the `@`, compared case-insensitively. */
  handles: z.array(z.string().min(1)).default([]),
});
export type Outlet = z.infer<typeof OutletSchema>;

export const CaveatPhraseSchema = z.object({
  phrase: z.string().min(1),
  kind: z.enum(['unverified', 'no-evidence', 'disputed']),
});
export type CaveatPhrase = z.infer<typeof CaveatPhraseSchema>;

const words = z.array(z.string().min(1)).optional();

export const KnowledgeFileSchema = z
  .object({
    titles: words,
    roles: words,
    coreference: z
      .object({ person: words, organisation: words, titlePrefix: z.string().optional() })
      .optional(),
    speechVerbs: words,
    speechNouns: words,
    namingMarkers: words,
    termCues: words,
    speechMarks: words,
    commentMarks: words,
    caveats: z.array(CaveatPhraseSchema).optional(),
    entities: z.array(KnowledgeEntitySchema).optional(),
    outlets: z.array(OutletSchema).optional(),
    flags: z.record(z.string(), z.string()).optional(),
    abbreviations: z.record(z.string(), z.string()).optional(),
    abbreviationAlone: words,
    abbreviationHeads: words,
    abbreviationStops: words,
    /** Words to take out of any list above, and entity canonicals to forget. */
    remove: words,
  })
  .strict();
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;
