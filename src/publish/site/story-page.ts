import { escapeMarkup } from '../html-escape.js';
import type { SiteEntry } from './site-entry.js';
import { entryItemHtml, type TagPaths } from './site-lists.js';
import { japaneseDate, sitePage, type SiteInfo } from './site-page.js';
import { storyPath } from './site-paths.js';

/** What a story's page shows. */
export interface StoryPageInput {
  slug: string;
  /** Every entry of the story, in filing order (by day, then within the day). */
  sources: readonly SiteEntry[];
  tagPaths: TagPaths;
}

/**
 * A story's page: every source that told the same news, in the order they were filed, each
 * linking to its place in its day's digest and to where it was published.
 *
 * @example
 * renderStoryPage({ slug: '9f3c2a1b7d4e5f60', sources, tagPaths }, site);
 */
export function renderStoryPage(input: StoryPageInput, site: SiteInfo): string {
  const path = storyPath(input.slug);
  const first = input.sources[0];
  const last = input.sources[input.sources.length - 1];
  const title = first?.headline ?? input.slug;
  const span =
    first === undefined || last === undefined
      ? ''
      : first.day === last.day
        ? japaneseDate(first.day)
        : `${japaneseDate(first.day)}〜${japaneseDate(last.day)}`;
  const items = input.sources.map((s) => entryItemHtml(path, s, input.tagPaths));
  const body = [
    `<h1>${escapeMarkup(title)}</h1>`,
    `<p class="site-lead">同じ話題の報道 ${input.sources.length}件 ・ ${span}</p>`,
    `<ul class="site-list">\n${items.join('\n')}\n</ul>`,
  ].join('\n');
  return sitePage({ path, title, body }, site);
}
