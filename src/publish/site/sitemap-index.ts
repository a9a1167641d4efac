import { escapeMarkup } from '../html-escape.js';

/**
 * A sitemap index (sitemaps.org protocol 0.9): the sitemaps of a site with more pages than one
 * sitemap may list (50,000).
 *
 * @example
 * renderSitemapIndex(['https://example.org/sitemap-1.xml']);
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">…'
 */
export function renderSitemapIndex(sitemaps: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map((loc) => `  <sitemap><loc>${escapeMarkup(loc)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** The most URLs one sitemap may list. */
export const SITEMAP_MAX_URLS = 50_000;
