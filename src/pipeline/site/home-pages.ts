import type { Archive } from '../../archive/index.js';
import {
  dayPath,
  renderDigestAtom,
  renderIndexPage,
  renderSearchPage,
  renderSitemap,
  renderSitemapIndex,
  searchScript,
  SITE_PATHS,
  SITEMAP_MAX_URLS,
  siteIcon,
  siteStylesheet,
} from '../../publish/index.js';
import { digestDayOf } from '../digest-of-day.js';
import type { SiteData } from './site-data.js';
import type { SiteFiles } from './site-files.js';
import { inputHash } from './site-hash.js';
import { rankedLinks, type SiteLinks } from './site-links.js';

/** How many tags and people the home page shows. */
const HOME_TOP = 24;

/**
 * The home page (every day by month, the most used tags and most quoted people), the search
 * page and the site's stylesheet and search script.
 *
 * @example
 * putHomePages(files, data, links);
 */
export function putHomePages(files: SiteFiles, data: SiteData, links: SiteLinks): void {
  const tags = rankedLinks(
    [...data.tags.values()].flatMap((t) => {
      const path = links.tagPaths(t.name);
      return path === undefined || t.entries.length === 0
        ? []
        : [{ name: t.name, path, count: t.entries.length }];
    }),
  );
  const people = rankedLinks(
    [...data.people.values()].map((p) => ({
      name: p.name,
      path: links.personPath(p.key),
      count: p.quotes.length,
    })),
  );
  const input = {
    site: links.site,
    entries: data.entries.length,
    days: data.days.map((d) => ({ day: d.day, count: d.entries })),
    tags: tags.slice(0, HOME_TOP),
    people: people.slice(0, HOME_TOP),
    tagCount: tags.length,
    peopleCount: people.length,
  };
  files.put(SITE_PATHS.index, inputHash('index', input), () => renderIndexPage(input, links.site));
  files.put(SITE_PATHS.search, inputHash('search', { site: links.site }), () =>
    renderSearchPage(links.site),
  );
  files.put(SITE_PATHS.stylesheet, inputHash('css', siteStylesheet), () => siteStylesheet);
  files.put(SITE_PATHS.searchScript, inputHash('js', searchScript), () => searchScript);
  files.put(SITE_PATHS.icon, inputHash('icon', siteIcon), () => siteIcon);
}

/** What the feed and the sitemap need to know of the site's address. */
export interface SiteAddress {
  /** The site's absolute URL, ending in `/`. */
  baseUrl: string;
  /** The feed's author. */
  author: string;
  /** How many of the latest days the feed carries. */
  feedDays: number;
}

/**
 * The Atom feed of the latest days' digests, each linking to its day's page.
 *
 * @example
 * putFeed(files, data, archive, links, { baseUrl: 'https://example.org/', author: '…', feedDays: 20 });
 */
export function putFeed(
  files: SiteFiles,
  data: SiteData,
  archive: Archive,
  links: SiteLinks,
  address: SiteAddress,
): void {
  const days = data.days.slice(-address.feedDays);
  const input = { site: links.site, address, days: days.map((d) => [d.day, d.hash]) };
  files.put(SITE_PATHS.feed, inputHash('feed', input), () =>
    renderDigestAtom(
      days.map((d) => digestDayOf(archive, d.day)),
      {
        id: address.baseUrl,
        title: links.site.title,
        link: address.baseUrl,
        self: absolute(address, SITE_PATHS.feed),
        author: address.author,
        entryUrl: (d) => absolute(address, dayPath(d.day)),
      },
    ),
  );
}

/**
 * `sitemap.xml`: every page of the site (the HTML files put so far) with the day it was last
 * written; over 50,000 pages, `sitemap.xml` is an index of `sitemap-1.xml`, `sitemap-2.xml`….
 *
 * @example
 * putSitemap(files, { baseUrl: 'https://example.org/', author: '…', feedDays: 20 });
 */
export function putSitemap(files: SiteFiles, address: SiteAddress): void {
  const urls = files
    .paths()
    .filter((p) => p.endsWith('.html'))
    .sort()
    .map((p) => ({ loc: absolute(address, p), lastmod: files.writtenOn(p) }));
  if (urls.length <= SITEMAP_MAX_URLS) {
    files.put(SITE_PATHS.sitemap, inputHash('sitemap', urls), () => renderSitemap(urls));
    return;
  }
  const parts: string[] = [];
  for (let i = 0; i < urls.length; i += SITEMAP_MAX_URLS) {
    const part = urls.slice(i, i + SITEMAP_MAX_URLS);
    const path = `sitemap-${parts.length + 1}.xml`;
    files.put(path, inputHash('sitemap', part), () => renderSitemap(part));
    parts.push(absolute(address, path));
  }
  files.put(SITE_PATHS.sitemap, inputHash('sitemap-index', parts), () => renderSitemapIndex(parts));
}

/** A site path as an absolute URL under the base URL, each segment percent-encoded. */
function absolute(address: SiteAddress, path: string): string {
  return address.baseUrl + path.split('/').map(encodeURIComponent).join('/');
}
