import { z } from 'zod';

/**
 * Annotations of a Japanese text: who said what, who and where is mentioned, when, and what the
 * outlet could not verify. Every finding carries `[start, end)` offsets in UTF-16 code units
 * into the exact text that was annotated, so `text.slice(start, end)` gives its surface.
 */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof SpanSchema>;

export const EntityTypeSchema = z.enum(['person', 'organisation', 'place', 'country']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/**
 * A named person, organisation, place or country. `surface` is the name as written (without a
 * following title); `canonical` is one name per entity, so ハリコフ and ハルキウ share one.
 */
export const EntitySchema = SpanSchema.extend({
  type: EntityTypeSchema,
  surface: z.string(),
  canonical: z.string(),
  /** The title or role written right after a person's name: `大統領`, `軍事委員長`, `氏`. */
  title: z.string().nullable(),
  /**
   * How it was found: the gazetteer, a flag emoji, a name before a title, an abbreviation, a
   * country and a body joined, or its form alone (`党中央軍事委員会`, `ハーラは言う`).
   */
  via: z.enum(['gazetteer', 'flag', 'title', 'abbreviation', 'compound', 'form']),
});
export type Entity = z.infer<typeof EntitySchema>;

/**
 * How the speaker of a quote was found: named in the same sentence (`explicit`), through 同氏 /
 * 彼 (`coreference`), carried over from an earlier sentence with no subject (`carried`), before
 * a 🗣️ mark in a post (`mark`), or not at all (`unknown`, with `speaker` null).
 */
export const AttributionSchema = z.enum(['explicit', 'coreference', 'carried', 'mark', 'unknown']);

/**
 * What kind of speaker a quote has: a named `person`, an `organisation` or country speaking as a
 * body (`ロシア国防省`, `朝鮮中央通信`), or an `unnamed` source (`ロシア軍関係者`, `EUの報道官`).
 */
export const SpeakerKindSchema = z.enum(['person', 'organisation', 'unnamed']);
export type SpeakerKind = z.infer<typeof SpeakerKindSchema>;

/**
 * A quotation: `text` is the quoted words without the brackets, `start`/`end` their offsets.
 * `kind` is `speech` for a quotation of its own (`「…」と述べた`, a 🗣️ block), `fragment` for
 * words quoted inside a reported statement (`国民に「前向きな考え」を持つよう呼びかけた`),
 * `indirect` for reported speech without brackets (`国防省は…を実施したと発表した`), which
 * curators often turn into quotes in their summary lines, and `term` for a name, title or scare
 * quote in brackets that nobody is quoted as saying (`通称「ダボス会議」`): kept so a reader sees
 * why it is not a quote, never put in a summary line.
 */
export const QuoteSchema = SpanSchema.extend({
  kind: z.enum(['speech', 'fragment', 'indirect', 'term']),
  text: z.string(),
  /** The speaker as written, title included (`ザハロワ報道官`), or null when unknown. */
  speaker: z.string().nullable(),
  /** One name per speaker (`ザハロワ`); null for unknown or unnamed speakers (`兵士`). */
  canonical: z.string().nullable(),
  /** The speaker's organisation or country (`ロシア外務省`), when known. */
  org: z.string().nullable(),
  /** The reporting verb as written (`述べた`, `投稿`), when there is one. */
  verb: z.string().nullable(),
  attribution: AttributionSchema,
  /** Where the speaker's name stands in the text, when it does. */
  speakerSpan: SpanSchema.nullable(),
  /** Person, body or unnamed source; absent or null when there is no speaker. */
  speakerKind: SpeakerKindSchema.nullable().optional(),
  /**
   * Why this speaker was chosen, strongest evidence first (`named after the quote`, `topic of
   * its clause`, `carried from an earlier sentence`); empty when no candidate was found.
   */
  reasons: z.array(z.string()).optional(),
});
export type Quote = z.infer<typeof QuoteSchema>;

/**
 * A date expression and what it means against the reference date: `from`/`to` are ISO days
 * (`YYYY-MM-DD`), equal for a single day; null when it cannot be resolved (no reference date).
 */
export const DateMentionSchema = SpanSchema.extend({
  surface: z.string(),
  granularity: z.enum(['day', 'week', 'month', 'season', 'year']),
  /** True when the meaning depends on the reference date (`17日`, `先月`, `昨年春`). */
  relative: z.boolean(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type DateMention = z.infer<typeof DateMentionSchema>;

/**
 * A statement that a claim is unverified (`ロイターは発表内容を確認できていない`) or unsupported
 * (`証拠を示していない`), attached to the claim's sentence and to who made it.
 */
export const CaveatSchema = SpanSchema.extend({
  kind: z.enum(['unverified', 'no-evidence', 'disputed']),
  surface: z.string(),
  /** The sentence of the claim the caveat is about. */
  claim: SpanSchema,
  /** Who made the claim (`ロシア国防省`), when it can be told. */
  claimSource: z.string().nullable(),
  /** Who says it could not verify it (`ロイター`), when named. */
  verifier: z.string().nullable(),
});
export type Caveat = z.infer<typeof CaveatSchema>;

/** Whether a text is an outlet's report or an individual's commentary, and why. */
export const SourceKindSchema = z.object({
  kind: z.enum(['outlet', 'individual', 'unknown']),
  /** The outlet's canonical name when `kind` is `outlet` and it is known. */
  outlet: z.string().nullable(),
  /** The signals that decided it, for display and debugging. */
  reasons: z.array(z.string()),
});
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** Everything the annotator found in one text. */
export const AnnotationsSchema = z.object({
  quotes: z.array(QuoteSchema),
  entities: z.array(EntitySchema),
  dates: z.array(DateMentionSchema),
  caveats: z.array(CaveatSchema),
  source: SourceKindSchema.nullable(),
  /**
   * Set when the text held more findings of a kind than the annotator keeps (a pathological
   * text, such as one 10 MB paragraph): the first ones are kept, in text order.
   */
  truncated: z.boolean().optional(),
});
export type Annotations = z.infer<typeof AnnotationsSchema>;
