import { z } from '@hono/zod-openapi';

/** One feed of the sources file `kirinuki watch` reads. */
export const WatchSourceSchema = z
  .object({
    url: z.string().openapi({ example: 'https://example.jp/rss' }),
    name: z.string().optional().openapi({ description: 'the display name the line gives' }),
  })
  .openapi('WatchSource');

/** The sources file: its feeds, and the lines its reader skipped or warned about. */
export const WatchSourcesSchema = z
  .object({
    file: z.string().openapi({ description: "the sources file's path on the server" }),
    sources: z.array(WatchSourceSchema),
    problems: z
      .array(z.object({ line: z.number().int().nullable(), message: z.string() }))
      .openapi({ description: 'lines `watch` skips or warns about, by line number' }),
  })
  .openapi('WatchSources');

/** A feed to add: an http(s) URL and an optional display name on one line. */
export const AddWatchSourceBody = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(4000),
    name: z
      .string()
      .max(200)
      .regex(/^[^\r\n]*$/, 'must be one line')
      .optional()
      .openapi({ example: '例新聞' }),
  })
  .openapi('AddWatchSource');

/** The feed to remove, by URL, as a query parameter. */
export const RemoveWatchSourceQuery = z.object({
  url: z
    .url({ protocol: /^https?$/ })
    .max(4000)
    .openapi({ param: { name: 'url', in: 'query' }, example: 'https://example.jp/rss' }),
});
