import { z } from 'zod';
import { EntrySchema } from '../../model/index.js';

/** The `format` of an archive dump's header line: what makes a file one. */
export const ARCHIVE_DUMP_FORMAT = 'kirinuki-archive';

/**
 * The version this kirinuki writes and the newest it reads. Add a record kind or an optional
 * field without changing it (readers skip kinds they do not know); change it when a record
 * would be misread by an older reader.
 */
export const ARCHIVE_DUMP_VERSION = 1;

/** A real calendar day, `YYYY-MM-DD` (2024-02-30 is not one). */
const DaySchema = z.string().refine(isCalendarDay, { message: 'not a calendar day YYYY-MM-DD' });

/** The first line: what the file is, and which version of it. */
export const DumpHeaderSchema = z.object({
  format: z.literal(ARCHIVE_DUMP_FORMAT),
  version: z.number().int().positive(),
});
export type DumpHeader = z.infer<typeof DumpHeaderSchema>;

/** A day: its document tag lines in order. Written before the day's entries. */
export const DumpDaySchema = z.object({
  kind: z.literal('day'),
  day: DaySchema,
  documentTagLines: z.array(z.string()),
});
export type DumpDay = z.infer<typeof DumpDaySchema>;

/**
 * A stored entry exactly (its summary lines as edited are part of it), where it is filed, its
 * story, and what the archive derived and kept: identity keys (`id:` keys name the entries
 * it superseded) and the people found in its text. Writers may add fields (the entry card's,
 * for tools); readers ignore them.
 */
export const DumpEntrySchema = z.object({
  kind: z.literal('entry'),
  day: DaySchema,
  seq: z.number().int().nonnegative(),
  source: z.string(),
  /** The story's id: the entry's own id for a story of one. */
  story: z.string().min(1),
  entry: EntrySchema,
  keys: z.array(z.string()),
  people: z.object({ speakers: z.array(z.string()), mentions: z.array(z.string()) }),
});
export type DumpEntry = z.infer<typeof DumpEntrySchema>;

/** Where a day's digest was posted on a blog, so publishing it again updates that post. */
export const DumpPublishedSchema = z.object({
  kind: z.literal('published'),
  day: DaySchema,
  target: z.string().min(1),
  blog: z.string(),
  remoteId: z.string().min(1),
  editUrl: z.string(),
  url: z.string().nullable(),
  status: z.enum(['draft', 'publish']),
  firstPostedAt: z.string(),
  lastPostedAt: z.string(),
});
export type DumpPublished = z.infer<typeof DumpPublishedSchema>;

/** The documents of an archive's tag store, by what each is. */
export const TAG_STORE_DOCUMENTS = ['taxonomy', 'model', 'style'] as const;

/**
 * A document of the archive's tag store — the curator's taxonomy, the trained tag model, the
 * learned summary-line style — its text exactly as stored (a document never written has no
 * record). Written after the blog posts, before the end record; an older reader skips it.
 */
export const DumpTagDocumentSchema = z.object({
  kind: z.literal('tag-document'),
  document: z.enum(TAG_STORE_DOCUMENTS),
  text: z.string(),
});
export type DumpTagDocument = z.infer<typeof DumpTagDocumentSchema>;

/** The last line: how many records came, so a dump cut short at a line break is noticed. */
export const DumpEndSchema = z.object({
  kind: z.literal('end'),
  days: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  published: z.number().int().nonnegative(),
  /** Tag-store documents; absent in a dump written before they were part of it. */
  tagDocuments: z.number().int().nonnegative().optional(),
});
export type DumpEnd = z.infer<typeof DumpEndSchema>;

/** Every record after the header. */
export type DumpRecord = DumpDay | DumpEntry | DumpPublished | DumpTagDocument | DumpEnd;

/**
 * Whether `day` is `YYYY-MM-DD` and a day of the calendar.
 *
 * @example
 * isCalendarDay('2024-02-29'); // true
 * isCalendarDay('2023-02-29'); // false
 */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
