import { detectImportFormat } from '../import-bytes.js';
import { statusIdFromUrl } from '../shared/index.js';
import type { FetchedResource } from './types.js';

/** Which importer a fetched resource goes to. */
export type SourceKind = 'feed' | 'article' | 'embed' | 'unknown';

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json|x-rss\+xml)$/;

/**
 * Routes a fetched resource: a post (status URL, or oEmbed JSON) to the embed importer, a feed
 * (by media type, else by its root element or JSON Feed version) to the feed importer, an HTML
 * page to the article importer. Servers often label feeds `text/xml` or `text/html`, so
 * generic types are sniffed from the body.
 *
 * @example
 * detectSource('https://www3.nhk.or.jp/rss/news/cat0.xml', resource); // 'feed'
 */
export function detectSource(
  url: string,
  response: Pick<FetchedResource, 'contentType' | 'body' | 'url'>,
): SourceKind {
  if (statusIdFromUrl(url) || statusIdFromUrl(response.url)) return 'embed';
  const type = response.contentType ?? '';
  if (FEED_TYPES.test(type)) return 'feed';
  const sniffed = detectImportFormat(new URL(response.url).pathname, response.body);
  if (sniffed === 'feed') return 'feed';
  if (sniffed === 'oembed' || sniffed === 'embed') return 'embed';
  if (type === 'text/html' || type === 'application/xhtml+xml' || sniffed === 'article')
    return 'article';
  return 'unknown';
}
