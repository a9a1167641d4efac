import {
  personPath,
  slugsOf,
  storyPath,
  tagPath,
  type NamedLink,
  type SiteInfo,
  type TagPaths,
} from '../../publish/index.js';
import type { SiteData } from './site-data.js';

/** Where every tag, person and story of the site lives, and what every page shares. */
export interface SiteLinks {
  site: SiteInfo;
  tagPaths: TagPaths;
  /** A person's page, by their key. */
  personPath: (key: string) => string;
  /** A story's page, by story id. */
  storyPath: (story: string) => string;
}

/**
 * The site's paths: one page per tag (summary-line and document tags alike, so that every tag
 * shown links somewhere), one per person, one per story told by two or more entries.
 *
 * @example
 * siteLinks(data, { title: 'kirinuki アーカイブ' }).tagPaths('露朝'); // 'tags/露朝.html'
 */
export function siteLinks(data: SiteData, site: SiteInfo): SiteLinks {
  const tagSlugs = slugsOf([...data.tags.keys()].sort());
  const people = [...data.people.values()];
  const personSlugs = slugsOf(people.map((p) => p.name).sort());
  const personByKey = new Map(people.map((p) => [p.key, personSlugs.get(p.name) ?? p.key]));
  const storySlugs = slugsOf([...data.stories.keys()].sort());
  return {
    site,
    tagPaths: (tag) => {
      const slug = tagSlugs.get(tag);
      return slug === undefined ? undefined : tagPath(slug);
    },
    personPath: (key) => personPath(personByKey.get(key) ?? key),
    storyPath: (story) => storyPath(storySlugs.get(story) ?? story),
  };
}

/**
 * Names with their pages and counts, most first, then by name.
 *
 * @example
 * rankedLinks([{ name: '露朝', path: 'tags/露朝.html', count: 3 }]);
 */
export function rankedLinks(links: NamedLink[]): NamedLink[] {
  return links.sort(
    (a, b) => (b.count ?? 0) - (a.count ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
