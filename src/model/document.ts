import { z } from 'zod';
import { EntrySchema } from './entry.js';

/** Lines consisting only of hashtags after the last entry: `#反ロシア#対中露戦`. */
export const DocumentTagLineSchema = z.object({
  raw: z.string(),
  tags: z.array(z.string()),
});
export type DocumentTagLine = z.infer<typeof DocumentTagLineSchema>;

/**
 * A part of a clip document, in source order. `blank` keeps whitespace-only lines; `raw` keeps a
 * block the parser could not understand, verbatim, with the reason.
 */
export const PartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entry'), entry: EntrySchema }),
  z.object({ kind: z.literal('blank'), text: z.string() }),
  z.object({ kind: z.literal('tags'), line: DocumentTagLineSchema }),
  z.object({ kind: z.literal('raw'), lines: z.array(z.string()), reason: z.string() }),
]);
export type Part = z.infer<typeof PartSchema>;

/**
 * How the source text was laid out, so rendering gives it back byte for byte: a BOM, the line
 * ending (or one per line break when they were mixed), and whether the text ended with one.
 */
export const LayoutSchema = z.object({
  bom: z.boolean(),
  eol: z.enum(['\n', '\r\n', '\r']),
  /** Present only when line endings are mixed: the ending after each line but the last. */
  eols: z.array(z.enum(['\n', '\r\n', '\r'])).optional(),
  finalNewline: z.boolean(),
});
export type Layout = z.infer<typeof LayoutSchema>;

/** A clip document: one day's digest, as the curator writes it. */
export const DocumentSchema = z.object({
  layout: LayoutSchema,
  parts: z.array(PartSchema),
});
export type Document = z.infer<typeof DocumentSchema>;

/** The entries of a document, in order. */
export function documentEntries(doc: Document): z.infer<typeof EntrySchema>[] {
  return doc.parts.flatMap((p) => (p.kind === 'entry' ? [p.entry] : []));
}
