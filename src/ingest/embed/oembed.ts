import { z } from 'zod';
import { ingestDiagnostic } from '../shared/index.js';
import type { ImportResult } from '../types.js';
import { bareStatusEntry, extractEmbeds } from './extract-embeds.js';

const OembedSchema = z.object({
  html: z.string().optional(),
  url: z.string().optional(),
  author_name: z.string().optional(),
});

/**
 * An oEmbed answer for a post (`{"url": …, "html": "<blockquote class=\"twitter-tweet\">…"}`):
 * the embed HTML it carries, or at least the status URL.
 *
 * @example
 * extractOembed('{"url":"https://twitter.com/a/status/1747871244170555421","html":"…"}', 'o.json');
 */
export function extractOembed(text: string, source: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      entries: [],
      diagnostics: [ingestDiagnostic(source, `oEmbed JSON is malformed: ${message}`)],
    };
  }
  const parsed = OembedSchema.safeParse(json);
  if (!parsed.success) {
    return {
      entries: [],
      diagnostics: [ingestDiagnostic(source, 'oEmbed JSON is not an object with "html"')],
    };
  }
  const { html, url } = parsed.data;
  if (html !== undefined) {
    const result = extractEmbeds(html, source);
    if (result.entries.some((e) => e.post !== null)) return result;
  }
  const bare = url === undefined ? null : bareStatusEntry(url);
  if (bare) return { entries: [bare], diagnostics: [] };
  return {
    entries: [],
    diagnostics: [ingestDiagnostic(source, 'oEmbed JSON has no post embed or status URL')],
  };
}

/** X's public oEmbed endpoint. */
export const OEMBED_ENDPOINT = 'https://publish.twitter.com/oembed';

/**
 * The oEmbed endpoint URL for a status URL, which the fetcher asks instead of the post page
 * (the page itself is a script-only app).
 *
 * @example
 * oembedUrl('https://x.com/nhk_news/status/1'); // 'https://publish.twitter.com/oembed?url=…'
 */
export function oembedUrl(statusUrl: string, endpoint = OEMBED_ENDPOINT): string {
  return `${endpoint}?omit_script=1&url=${encodeURIComponent(statusUrl)}`;
}
