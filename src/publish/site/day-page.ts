import type { DigestDay } from '../digest-day.js';
import { escapeMarkup } from '../html-escape.js';
import { renderDigestHtml } from '../html.js';
import { chipsHtml, tagHrefFrom, type NamedLink, type TagPaths } from './site-lists.js';
import { japaneseDate, sitePage, type SiteInfo } from './site-page.js';
import { dayPath, entryAnchor, hrefFrom, SITE_PATHS } from './site-paths.js';

/** A story of the day told by other sources too, linked from the day's page. */
export interface DayStoryLink {
  /** The story's page. */
  path: string;
  headline: string;
  /** How many entries tell it, this one included. */
  sources: number;
}

/** What a day's page shows. */
export interface DayPageInput {
  day: DigestDay;
  /** The filed days before and after it, for the pager. */
  previous: string | null;
  next: string | null;
  /** Where each tag of the day links. */
  tagPaths: TagPaths;
  /** The tags of the day's summary lines and document tags, each with its count that day. */
  tags: readonly NamedLink[];
  /** The people quoted that day, each with the number of their quotes. */
  people: readonly NamedLink[];
  stories: readonly DayStoryLink[];
}

const ENTRY_OPEN = '<div class="kirinuki-entry">';

/**
 * A day's page: the day's digest as HTML (renderDigestHtml, each entry with an id for links
 * from the other pages, tags linking to their pages), a pager to the days before and after,
 * and the day's tags, people and stories told by other sources.
 *
 * @example
 * renderDayPage({ day, previous: '2024-03-04', next: null, tagPaths, tags, people, stories }, site);
 */
export function renderDayPage(input: DayPageInput, site: SiteInfo): string {
  const path = dayPath(input.day.day);
  const title = japaneseDate(input.day.day);
  const digest = withEntryIds(
    renderDigestHtml(input.day, { tagHref: tagHrefFrom(path, input.tagPaths) }),
    input.day,
  );
  const body = [
    `<h1>${escapeMarkup(title)}</h1>`,
    `<p class="site-lead">${input.day.entries.length}件の切り抜き</p>`,
    pagerHtml(path, input.previous, input.next, '前後の日'),
    digest.trimEnd(),
    pagerHtml(path, input.previous, input.next, '前後の日(ページ末尾)'),
    relatedHtml(path, input),
  ].join('\n');
  return sitePage({ path, title, body }, site);
}

/**
 * The digest fragment with `id="e-…"` on each entry's element. The fragment opens each entry
 * with the same tag and escapes every `<` of clip text, so the tag can be found by its text;
 * when the count does not match the entries (a fragment of another shape), it is left as it is.
 */
function withEntryIds(fragment: string, day: DigestDay): string {
  const pieces = fragment.split(ENTRY_OPEN);
  if (pieces.length !== day.entries.length + 1) return fragment;
  return pieces.reduce((html, piece, i) => {
    const entry = day.entries[i - 1];
    return entry === undefined
      ? piece
      : `${html}<div class="kirinuki-entry" id="${escapeMarkup(entryAnchor(entry.id))}">${piece}`;
  }, '');
}

function pagerHtml(
  path: string,
  previous: string | null,
  next: string | null,
  label: string,
): string {
  const link = (day: string | null, text: string): string =>
    day === null
      ? '<span></span>'
      : `<a href="${escapeMarkup(hrefFrom(path, dayPath(day)))}" rel="${text.startsWith('←') ? 'prev' : 'next'}">${escapeMarkup(text)}</a>`;
  return [
    `<nav class="site-pager" aria-label="${label}">`,
    link(previous, `← ${previous === null ? '' : japaneseDate(previous)}`),
    `<a href="${escapeMarkup(hrefFrom(path, SITE_PATHS.index))}">日付の一覧</a>`,
    link(next, `${next === null ? '' : japaneseDate(next)} →`),
    '</nav>',
  ].join('\n');
}

function relatedHtml(path: string, input: DayPageInput): string {
  const parts = ['<section class="site-related">'];
  if (input.tags.length > 0) parts.push('<h2>この日のタグ</h2>', chipsHtml(path, input.tags, '#'));
  if (input.people.length > 0)
    parts.push('<h2>この日に発言が引用された人物</h2>', chipsHtml(path, input.people));
  if (input.stories.length > 0) {
    parts.push('<h2>ほかの報道もある話題</h2>', '<ul>');
    for (const s of input.stories)
      parts.push(
        `<li><a href="${escapeMarkup(hrefFrom(path, s.path))}">${escapeMarkup(s.headline)}</a> <span class="site-count">${s.sources}件の報道</span></li>`,
      );
    parts.push('</ul>');
  }
  parts.push('</section>');
  return parts.join('\n');
}
