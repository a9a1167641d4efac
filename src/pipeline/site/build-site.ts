import type { Archive } from '../../archive/index.js';
import { err, ok, type Diagnostic, type Result } from '../../model/index.js';
import type { Knowledge } from '../../nlp/index.js';
import { putDayPages } from './day-pages.js';
import { putFeed, putHomePages, putSitemap, type SiteAddress } from './home-pages.js';
import { SearchFiles } from './search-files.js';
import { putPersonPages, putStoryPages, putTagPages } from './section-pages.js';
import { scanArchive } from './site-data.js';
import { SiteFiles } from './site-files.js';
import { siteLinks } from './site-links.js';
import { speakerPeople } from './speaker-people.js';

/** How `buildSite` builds. */
export interface BuildSiteOptions {
  /** The site's absolute URL, for the feed and the sitemap (default `http://localhost:8000/`). */
  baseUrl?: string;
  /** The site's name (default `kirinuki アーカイブ`). */
  title?: string;
  /** The feed's author (default: the site's name). */
  author?: string;
  /** How many of the latest days the Atom feed carries (default 7). */
  feedDays?: number;
  /** Tells who a summary line's speaker is; without it, speakers are people as written. */
  knowledge?: Knowledge;
  /** Write every file again, whatever the last build wrote. */
  full?: boolean;
  /** The day files are recorded as written on (default today, UTC): the sitemap's `lastmod`. */
  today?: string;
}

/** What a build did. */
export interface SiteBuildReport {
  /** Files the site holds now (pages, feed, sitemap, assets, search index). */
  files: number;
  /** Files written by this build, in the order written. */
  written: string[];
  /** Files left as the last build wrote them. */
  unchanged: number;
  /** Files of the last build no longer produced, removed. */
  removed: string[];
  entries: number;
  days: number;
  tags: number;
  people: number;
  stories: number;
}

/** The base URL used when none is given: where `kirinuki site --serve` serves the site. */
export const DEFAULT_SITE_URL = 'http://localhost:8000/';

/**
 * Builds the archive as a static site in `outDir`: a page per day (the day's digest), per tag
 * (a chart of its entries per week, the newest, a page per month), per person quoted (their
 * quotes over time), per story told by several sources, an index of days, an index of tags and
 * of people, a search page with its prebuilt index (`search/`, one segment a month), the Atom
 * feed and `sitemap.xml`.
 *
 * Incremental: `outDir/.kirinuki-site.json` records the hash of each file's inputs; a second
 * build writes only the files whose inputs changed and removes those no longer produced. The
 * archive is read once in filing order; day pages read their day's entries again only when
 * they are written. A directory that is not empty and was not built by kirinuki is refused.
 *
 * @example
 * const r = buildSite(archive, 'site', { baseUrl: 'https://example.org/kirinuki/' });
 * if (r.ok) console.log(`${r.value.written.length} files written`);
 */
export function buildSite(
  archive: Archive,
  outDir: string,
  options: BuildSiteOptions = {},
): Result<SiteBuildReport, Diagnostic> {
  const baseUrl = withSlash(options.baseUrl ?? DEFAULT_SITE_URL);
  if (!/^https?:\/\/[^/]/.test(baseUrl) || !URL.canParse(baseUrl))
    return err({
      severity: 'error',
      message: `site: the base URL must be an absolute http(s) URL, not ${baseUrl}`,
    });
  const opened = SiteFiles.open(outDir, {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    full: options.full ?? false,
  });
  if (!opened.ok) return opened;
  const files = opened.value;
  const site = { title: options.title ?? 'kirinuki アーカイブ' };
  const address: SiteAddress = {
    baseUrl,
    author: options.author ?? site.title,
    feedDays: options.feedDays ?? 7,
  };
  const search = new SearchFiles(files, archive);
  const data = scanArchive(archive, speakerPeople(options.knowledge), (month, days) =>
    search.putMonth(month, days),
  );
  search.finish();
  const links = siteLinks(data, site);
  putDayPages(files, data, archive, links);
  putTagPages(files, data, links);
  putPersonPages(files, data, links);
  putStoryPages(files, data, links);
  putHomePages(files, data, links);
  putFeed(files, data, archive, links, address);
  putSitemap(files, address);
  const removed = files.finish();
  return ok({
    files: files.paths().length,
    written: files.written,
    unchanged: files.unchanged,
    removed,
    entries: data.entries.length,
    days: data.days.length,
    tags: data.tags.size,
    people: data.people.size,
    stories: data.stories.size,
  });
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
