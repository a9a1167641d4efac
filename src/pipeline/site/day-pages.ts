import type { Archive } from '../../archive/index.js';
import { tagsOfLine } from '../../format/index.js';
import {
  dayPath,
  renderDayPage,
  type DayStoryLink,
  type NamedLink,
  type SiteEntry,
} from '../../publish/index.js';
import { digestDayOf } from '../digest-of-day.js';
import type { SiteData } from './site-data.js';
import type { SiteFiles } from './site-files.js';
import { inputHash } from './site-hash.js';
import { rankedLinks, type SiteLinks } from './site-links.js';

/**
 * One page per filed day. A day's page is written again when the day's entries change, or
 * what it links to: the days before and after, the pages of its tags and people, its stories'
 * other sources. Its entries are read from the archive only then.
 *
 * @example
 * putDayPages(files, data, archive, links);
 */
export function putDayPages(
  files: SiteFiles,
  data: SiteData,
  archive: Archive,
  links: SiteLinks,
): void {
  const byDay = entriesByDay(data.entries);
  const quotesByDay = quoteCountsByDay(data);
  data.days.forEach((day, i) => {
    const entries = byDay.get(day.day) ?? [];
    const input = {
      site: links.site,
      day: day.day,
      content: day.hash,
      previous: data.days[i - 1]?.day ?? null,
      next: data.days[i + 1]?.day ?? null,
      tags: dayTags(entries, day.documentTagLines, links),
      people: rankedLinks(
        [...(quotesByDay.get(day.day) ?? [])].map(([key, count]) => ({
          name: data.people.get(key)?.name ?? key,
          path: links.personPath(key),
          count,
        })),
      ),
      stories: dayStories(entries, data, links),
    };
    files.put(dayPath(day.day), inputHash('day', input), () =>
      renderDayPage(
        {
          day: digestDayOf(archive, day.day),
          previous: input.previous,
          next: input.next,
          tagPaths: links.tagPaths,
          tags: input.tags,
          people: input.people,
          stories: input.stories,
        },
        links.site,
      ),
    );
  });
}

function entriesByDay(entries: readonly SiteEntry[]): Map<string, SiteEntry[]> {
  const out = new Map<string, SiteEntry[]>();
  for (const e of entries) {
    const list = out.get(e.day);
    if (list) list.push(e);
    else out.set(e.day, [e]);
  }
  return out;
}

function quoteCountsByDay(data: SiteData): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const person of data.people.values())
    for (const q of person.quotes) {
      let counts = out.get(q.entry.day);
      if (counts === undefined) {
        counts = new Map();
        out.set(q.entry.day, counts);
      }
      counts.set(person.key, (counts.get(person.key) ?? 0) + 1);
    }
  return out;
}

/** The day's summary-line tags with their entry counts, then its document tags. */
function dayTags(
  entries: readonly SiteEntry[],
  documentTagLines: readonly string[],
  links: SiteLinks,
): NamedLink[] {
  const counts = new Map<string, number>();
  for (const e of entries) for (const tag of e.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const out = rankedLinks(
    [...counts].map(([name, count]) => ({ name, count, path: links.tagPaths(name) ?? '' })),
  );
  for (const line of documentTagLines)
    for (const name of tagsOfLine(line))
      if (!counts.has(name) && !out.some((l) => l.name === name))
        out.push({ name, path: links.tagPaths(name) ?? '' });
  return out;
}

function dayStories(
  entries: readonly SiteEntry[],
  data: SiteData,
  links: SiteLinks,
): DayStoryLink[] {
  const out: DayStoryLink[] = [];
  for (const e of entries) {
    const members = data.stories.get(e.story);
    const path = links.storyPath(e.story);
    if (members === undefined || out.some((s) => s.path === path)) continue;
    out.push({
      path,
      headline: members[0]?.headline ?? e.headline,
      sources: members.length,
    });
  }
  return out;
}
