import { escapeMarkup } from '../html-escape.js';

/** One page of a sitemap. */
export interface SitemapUrl {
  /** The page's absolute URL. */
  loc: string;
  /** When it last changed, `YYYY-MM-DD`. */
  lastmod?: string;
}

/**
 * A sitemap (sitemaps.org protocol 0.9) of the given absolute URLs, in the order given.
 *
 * @example
 * renderSitemap([{ loc: 'https://example.org/days/2024-03-04.html', lastmod: '2024-03-04' }]);
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">…'
 */
export function renderSitemap(urls: readonly SitemapUrl[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(
      (u) =>
        `  <url><loc>${escapeMarkup(u.loc)}</loc>${u.lastmod === undefined ? '' : `<lastmod>${escapeMarkup(u.lastmod)}</lastmod>`}</url>`,
    ),
    '</urlset>',
    '',
  ];
  return lines.join('\n');
}
