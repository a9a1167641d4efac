import {
  newestFirst,
  renderPersonIndex,
  renderPersonMonthPage,
  renderPersonPage,
  renderStoryPage,
  renderTagIndex,
  renderTagMonthPage,
  renderTagPage,
  SITE_PATHS,
  weeklyCounts,
  type MonthLink,
  type PersonQuote,
  type SiteEntry,
} from '../../publish/index.js';
import type { SitePerson, SiteData, SiteTag } from './site-data.js';
import type { SiteFiles } from './site-files.js';
import { inputHash, pageHash, type TextHash } from './site-hash.js';
import { rankedLinks, type SiteLinks } from './site-links.js';

/** How many entries or quotes a tag's or person's own page lists; the rest by month. */
export const LATEST_ON_PAGE = 50;

/**
 * A page per tag (its chart, newest entries and months), a page per month of a tag with more
 * entries than its page lists, and the index of tags. Each page's hash is made from its list
 * (the entries' hashes, in filing order), which is all it shows, so an unchanged page costs one
 * pass over its list.
 *
 * @example
 * putTagPages(files, data, links);
 */
export function putTagPages(files: SiteFiles, data: SiteData, links: SiteLinks): void {
  const index = [];
  for (const tag of data.tags.values()) {
    const path = links.tagPaths(tag.name);
    if (path === undefined) continue;
    const paged = tag.entries.length > LATEST_ON_PAGE;
    const hash = pageHash('tag', links.site).add(path).add(tag.name);
    const months = new Map<string, TextHash>();
    for (const e of tag.entries) {
      hash.add(e.hash);
      if (paged)
        monthHash(months, e.day, () => pageHash('tag-month', links.site).add(path)).add(e.hash);
    }
    for (const day of tag.documentDays) hash.add(day);
    files.put(path, hash.digest(), () => renderTag(tag, path, paged, links));
    for (const [month, h] of months)
      files.put(monthPathOf(path, month), h.digest(), () =>
        renderTagMonthPage(
          {
            name: tag.name,
            slug: slugOf(path),
            month,
            entries: tag.entries.filter((e) => e.day.startsWith(month)).reverse(),
            tagPaths: links.tagPaths,
          },
          links.site,
        ),
      );
    index.push({ name: tag.name, path, count: tag.entries.length });
  }
  const tags = rankedLinks(index);
  files.put(SITE_PATHS.tags, inputHash('tags', { site: links.site, tags }), () =>
    renderTagIndex(tags, links.site),
  );
}

function renderTag(tag: SiteTag, path: string, paged: boolean, links: SiteLinks): string {
  const newest = [...tag.entries].reverse();
  const days = tag.entries.length > 0 ? tag.entries.map((e) => e.day) : tag.documentDays;
  return renderTagPage(
    {
      name: tag.name,
      slug: slugOf(path),
      total: tag.entries.length,
      weeks: weeklyCounts(days),
      latest: newest.slice(0, LATEST_ON_PAGE),
      months: paged ? monthLinks(newest, (m) => monthPathOf(path, m)) : [],
      documentDays: [...tag.documentDays].reverse(),
      tagPaths: links.tagPaths,
    },
    links.site,
  );
}

/**
 * A page per person quoted (a chart of their quotes, the newest with their entries, months),
 * a page per month of a person with more quotes than their page lists, and the index of people.
 * Hashed like the tags' pages, from each quote's entry hash, speaker as written and tag.
 *
 * @example
 * putPersonPages(files, data, links);
 */
export function putPersonPages(files: SiteFiles, data: SiteData, links: SiteLinks): void {
  const index = [];
  for (const person of data.people.values()) {
    const path = links.personPath(person.key);
    const paged = person.quotes.length > LATEST_ON_PAGE;
    const hash = pageHash('person', links.site).add(path).add(person.name);
    const months = new Map<string, TextHash>();
    for (const q of person.quotes) {
      const tagPath = links.tagPaths(q.tag) ?? '';
      hash.add(q.entry.hash).add(q.speaker).add(q.tag).add(tagPath);
      if (paged)
        monthHash(months, q.entry.day, () => pageHash('person-month', links.site).add(path))
          .add(q.entry.hash)
          .add(q.speaker)
          .add(q.tag)
          .add(tagPath);
    }
    files.put(path, hash.digest(), () => renderPerson(person, path, paged, links));
    for (const [month, h] of months)
      files.put(monthPathOf(path, month), h.digest(), () =>
        renderPersonMonthPage(
          {
            name: person.name,
            slug: slugOf(path),
            month,
            quotes: newestQuotes(person).filter((q) => q.entry.day.startsWith(month)),
            tagPaths: links.tagPaths,
          },
          links.site,
        ),
      );
    index.push({ name: person.name, path, count: person.quotes.length });
  }
  const people = rankedLinks(index);
  files.put(SITE_PATHS.people, inputHash('people', { site: links.site, people }), () =>
    renderPersonIndex(people, links.site),
  );
}

function renderPerson(person: SitePerson, path: string, paged: boolean, links: SiteLinks): string {
  const newest = newestQuotes(person);
  const writtenAs = [...person.writtenAs]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  return renderPersonPage(
    {
      name: person.name,
      slug: slugOf(path),
      total: newest.length,
      weeks: weeklyCounts(newest.map((q) => q.entry.day)),
      latest: newest.slice(0, LATEST_ON_PAGE),
      months: paged
        ? monthLinks(
            newest.map((q) => q.entry),
            (m) => monthPathOf(path, m),
          )
        : [],
      writtenAs,
      tagPaths: links.tagPaths,
    },
    links.site,
  );
}

/** A person's quotes newest first (the quotes of one entry in the order written). */
function newestQuotes(person: SitePerson): PersonQuote[] {
  return person.quotes
    .map((q, i) => ({ q, i }))
    .sort((a, b) => newestFirst(a.q.entry, b.q.entry) || a.i - b.i)
    .map(({ q }) => q);
}

/**
 * A page per story told by two or more entries, listing every source.
 *
 * @example
 * putStoryPages(files, data, links);
 */
export function putStoryPages(files: SiteFiles, data: SiteData, links: SiteLinks): void {
  for (const [story, sources] of data.stories) {
    const path = links.storyPath(story);
    const hash = pageHash('story', links.site).add(path);
    for (const e of sources) {
      hash.add(e.hash);
      for (const tag of e.tags) hash.add(links.tagPaths(tag) ?? '');
    }
    files.put(path, hash.digest(), () =>
      renderStoryPage({ slug: slugOf(path), sources, tagPaths: links.tagPaths }, links.site),
    );
  }
}

/** The hash of a month's page, started on first use. */
function monthHash(months: Map<string, TextHash>, day: string, start: () => TextHash): TextHash {
  const month = day.slice(0, 7);
  let h = months.get(month);
  if (h === undefined) {
    h = start().add(month);
    months.set(month, h);
  }
  return h;
}

/** `tags/露朝.html` → `露朝`: the slug the page was given. */
function slugOf(path: string): string {
  return path.slice(path.indexOf('/') + 1, -'.html'.length);
}

/** `tags/露朝.html` and `2024-03` → `tags/露朝/2024-03.html`. */
function monthPathOf(path: string, month: string): string {
  return `${path.slice(0, -'.html'.length)}/${month}.html`;
}

/** Each month of the items, newest first, with its count and page. */
function monthLinks(
  newest: readonly Pick<SiteEntry, 'day'>[],
  pathOf: (month: string) => string,
): MonthLink[] {
  const counts = new Map<string, number>();
  for (const item of newest) {
    const month = item.day.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return [...counts].map(([month, count]) => ({ month, count, path: pathOf(month) }));
}
