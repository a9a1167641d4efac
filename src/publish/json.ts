import { z } from 'zod';
import { SegmentSchema } from '../model/index.js';
import { documentTags, entryView, type DigestDay } from './digest-day.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const PostJsonSchema = z
  .object({
    authorName: z.string().describe('The author as displayed; may hold emoji.'),
    handle: z.string().describe('The handle without `@`.'),
    date: z.string().regex(DAY).describe('The post date, `YYYY-MM-DD`.'),
    text: z.array(z.string()).describe('The post lines as written, links included.'),
    links: z
      .array(z.string())
      .describe('The links the post carries, in order (t.co, pic.twitter.com).'),
    statusUrl: z
      .string()
      .nullable()
      .describe("The post's own URL (`https://x.com/handle/status/id`), when known."),
  })
  .describe('The embedded social post.');

const SummaryJsonSchema = z
  .object({
    raw: z.string().describe('The line exactly as the curator wrote it.'),
    tag: z.string().describe('The tag, without `#`.'),
    segments: z
      .array(SegmentSchema)
      .describe('The content split on `・`: context, or a speaker and their quotes.'),
  })
  .describe('A summary line `#Tag(context・speaker「quote」…)`.');

const EntryJsonSchema = z
  .object({
    id: z.string().describe('The stable id of the entry.'),
    headline: z
      .string()
      .describe(
        "The post's first line, else the captured page's title, else the body's first words.",
      ),
    author: z
      .string()
      .nullable()
      .describe("The post's author, else the outlet or author of the captured page."),
    date: z
      .string()
      .nullable()
      .describe("`YYYY-MM-DD`: the post's date, else the page's publication day."),
    post: PostJsonSchema.nullable(),
    articleUrl: z
      .string()
      .nullable()
      .describe("The captured page's URL (article, feed item, message), when not a post's."),
    body: z
      .array(z.string())
      .describe('The lines after the post: the article or the full post text.'),
    summaries: z.array(SummaryJsonSchema),
    tags: z.array(z.string()).describe('The tags of the summary lines, each once, in order.'),
    speakers: z
      .array(z.string())
      .describe('The speakers of the summary quotes, each once, in order.'),
    links: z
      .array(z.string())
      .describe(
        "Every link of the entry, each once: the status URL, the page's URL, the post's links.",
      ),
  })
  .describe('One clip.');

/** The JSON form of a digest day; `docs/digest.schema.json` is generated from it. */
export const DigestJsonSchema = z
  .object({
    version: z.literal(1).describe('The version of this format.'),
    day: z.string().regex(DAY).describe('The digest day, `YYYY-MM-DD`.'),
    entries: z.array(EntryJsonSchema).describe('The clips of the day, in order.'),
    documentTags: z
      .array(z.string())
      .describe('The document tags, without `#`, each once, in order.'),
    tagLines: z
      .array(z.string())
      .describe('The document tag lines as written (`#反ロシア#対中露戦`).'),
    links: z.array(z.string()).describe('Every link of the day, each once, in order.'),
  })
  .describe('A day of a kirinuki digest.');
export type DigestJson = z.infer<typeof DigestJsonSchema>;

/**
 * A day's digest as data: each entry's post, page, body, summary lines (with their parsed
 * segments), tags, the speakers its summary lines quote, and its links; the document tags and
 * tag lines; every link of the day. Valid against {@link DigestJsonSchema}.
 *
 * @example
 * digestJson(day).entries[0]?.speakers; // ['ロシア国防省', 'ウクライナ軍東部方面部隊、ドミトロ・ヴォロシン報道官']
 */
export function digestJson(day: DigestDay): DigestJson {
  const entries = day.entries.map((entry) => {
    const view = entryView(entry);
    const post = entry.post;
    const speakers: string[] = [];
    for (const s of view.summaries)
      for (const seg of s.segments)
        if (seg.kind === 'quote' && seg.speaker !== null && !speakers.includes(seg.speaker))
          speakers.push(seg.speaker);
    return {
      id: view.id,
      headline: view.headline,
      author: view.authorName,
      date: view.date,
      post:
        post === null
          ? null
          : {
              authorName: post.authorName,
              handle: post.handle,
              date: post.date,
              text: view.postLines,
              links: view.postLinks,
              statusUrl: view.statusUrl,
            },
      articleUrl: view.articleUrl,
      body: view.bodyLines,
      summaries: view.summaries.map((s) => ({ raw: s.raw, tag: s.tag, segments: s.segments })),
      tags: view.tags,
      speakers,
      links: unique([view.statusUrl, view.articleUrl, ...view.postLinks]),
    };
  });
  return {
    version: 1,
    day: day.day,
    entries,
    documentTags: documentTags(day),
    tagLines: [...day.documentTagLines],
    links: unique(entries.flatMap((e) => e.links)),
  };
}

/**
 * The JSON Schema (draft 2020-12) of {@link DigestJsonSchema}, as `docs/digest.schema.json`
 * holds it (`scripts/write-digest-schema.ts` writes it).
 *
 * @example
 * digestJsonSchema().title; // 'kirinuki digest day'
 */
export function digestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DigestJsonSchema, { target: 'draft-2020-12' });
  const { $schema, ...rest } = schema;
  return { $schema, title: 'kirinuki digest day', ...rest };
}

/**
 * The text of `docs/digest.schema.json`: {@link digestJsonSchema} as indented JSON with a final
 * newline.
 *
 * @example
 * writeFileSync('docs/digest.schema.json', digestJsonSchemaText());
 */
export function digestJsonSchemaText(): string {
  return `${JSON.stringify(digestJsonSchema(), null, 2)}\n`;
}

function unique(values: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (const v of values) if (v !== null && !out.includes(v)) out.push(v);
  return out;
}
