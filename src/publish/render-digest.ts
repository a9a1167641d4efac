import type { DigestDay } from './digest-day.js';
import { renderDigestText } from './render-digest-text.js';

/** The formats a day's digest is published in (`kirinuki digest --format`). */
export const DIGEST_FORMATS = ['text'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** What the HTML formats take; the others ignore it. */
export interface RenderDigestOptions {
  /** A full HTML page rather than a fragment for a blog editor. */
  standalone?: boolean;
  /** Include X's widget script, which turns the post blockquotes into embeds. */
  embedScript?: boolean;
}

/**
 * A day's digest in one of the publishing formats: the one entry point the CLI and the server
 * share, so that both offer the same formats.
 *
 * @example
 * renderDigest(day, 'text'); // the clip-document text, byte-identical to the curator's file
 */
export function renderDigest(
  day: DigestDay,
  format: DigestFormat,
  _options: RenderDigestOptions = {},
): string {
  switch (format) {
    case 'text':
      return renderDigestText(day);
  }
}
