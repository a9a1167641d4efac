import type { DigestDay } from './digest-day.js';
import { renderDigestHatena } from './hatena.js';
import { renderDigestHtml } from './html.js';
import { digestJson } from './json.js';
import { renderDigestMarkdown } from './markdown.js';
import { renderDigestText } from './render-digest-text.js';

/** The formats a day's digest is published in (`kirinuki digest --format`). */
export const DIGEST_FORMATS = [
  'text',
  'markdown',
  'hatena',
  'hatena-markdown',
  'html',
  'json',
] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** What the HTML formats take; the others ignore it. */
export interface RenderDigestOptions {
  /** A full HTML page rather than a fragment for a blog editor. */
  standalone?: boolean;
  /** Include X's widget script, which turns the post blockquotes into embeds. */
  embedScript?: boolean;
  /** Where a tag links (a site's tag pages); tags stay plain text without it. */
  tagUrl?: (tag: string) => string;
}

/**
 * A day's digest in one of the publishing formats: the one entry point the CLI and the server
 * share, so that both offer the same formats.
 *
 * @example
 * renderDigest(day, 'text'); // the clip-document text, as the curator writes it
 * renderDigest(day, 'html', { standalone: true }); // '<!DOCTYPE html>…'
 */
export function renderDigest(
  day: DigestDay,
  format: DigestFormat,
  options: RenderDigestOptions = {},
): string {
  switch (format) {
    case 'text':
      return renderDigestText(day);
    case 'markdown':
      return renderDigestMarkdown(day, { tagUrl: options.tagUrl });
    case 'hatena':
      return renderDigestHatena(day, { mode: 'hatena', tagUrl: options.tagUrl });
    case 'hatena-markdown':
      return renderDigestHatena(day, { mode: 'markdown', tagUrl: options.tagUrl });
    case 'html':
      return renderDigestHtml(day, { ...options, tagHref: options.tagUrl });
    case 'json':
      return `${JSON.stringify(digestJson(day), null, 2)}\n`;
  }
}
