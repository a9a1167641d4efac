import { escapeMarkup } from '../html-escape.js';
import type { SiteEntry } from './site-entry.js';
import {
  chipsHtml,
  entryItemHtml,
  monthsHtml,
  type MonthLink,
  type NamedLink,
  type TagPaths,
} from './site-lists.js';
import { japaneseDate, japaneseMonth, sitePage, type SiteInfo } from './site-page.js';
import { dayPath, hrefFrom, SITE_PATHS, tagMonthPath, tagPath } from './site-paths.js';
import { weeklyChartSvg, type WeekCount } from './week-chart.js';

/** What a tag's page shows. */
export interface TagPageInput {
  name: string;
  slug: string;
  /** Entries with a summary line of the tag. */
  total: number;
  /** Those entries per week, first to last (or the days carrying it, for a document tag only). */
  weeks: readonly WeekCount[];
  /** The newest of them, newest first. */
  latest: readonly SiteEntry[];
  /** Every month with entries of the tag, newest first. */
  months: readonly MonthLink[];
  /** The days that carry it as a document tag, newest first. */
  documentDays: readonly string[];
  tagPaths: TagPaths;
}

/**
 * A tag's page: how many entries carry it, a chart of them per week, the newest entries with
 * the tag's summary lines, the months (each with a page of its entries), and the days that
 * carry it as a document tag.
 *
 * @example
 * renderTagPage({ name: '露朝', slug: '露朝', total: 3, weeks, latest, months, documentDays: [], tagPaths }, site);
 */
export function renderTagPage(input: TagPageInput, site: SiteInfo): string {
  const path = tagPath(input.slug);
  const title = `#${input.name}`;
  const body = [`<h1>${escapeMarkup(title)}</h1>`];
  if (input.total > 0) {
    body.push(
      `<p class="site-lead">${input.total}件の切り抜き ・ ${japaneseDate(input.latest[0]?.day ?? '')}まで</p>`,
    );
  }
  if (input.weeks.length > 0) {
    const what = input.total > 0 ? '切り抜き' : 'この文書タグのある日';
    body.push(weeklyChartSvg(input.weeks, `#${input.name} の${what}の数、週ごと`));
  }
  if (input.latest.length > 0) {
    const shown = input.latest.length < input.total ? `新しい${input.latest.length}件` : 'すべて';
    body.push(
      `<h2>切り抜き(${shown}、新しい順)</h2>`,
      entryListHtml(path, input.name, input.latest, input.tagPaths),
    );
  }
  if (input.months.length > 1 || (input.months.length === 1 && input.latest.length < input.total))
    body.push('<h2>月ごと</h2>', monthsHtml(path, input.months));
  if (input.documentDays.length > 0)
    body.push('<h2>文書タグとして付けた日</h2>', daysHtml(path, input.documentDays));
  return sitePage({ path, title, body: body.join('\n') }, site);
}

/** What one month's page of a tag shows. */
export interface TagMonthPageInput {
  name: string;
  slug: string;
  /** `YYYY-MM`. */
  month: string;
  /** The month's entries of the tag, newest first. */
  entries: readonly SiteEntry[];
  tagPaths: TagPaths;
}

/**
 * The entries of a tag filed in one month, newest first.
 *
 * @example
 * renderTagMonthPage({ name: '露朝', slug: '露朝', month: '2024-03', entries, tagPaths }, site);
 */
export function renderTagMonthPage(input: TagMonthPageInput, site: SiteInfo): string {
  const path = tagMonthPath(input.slug, input.month);
  const title = `#${input.name} ${japaneseMonth(input.month)}`;
  const body = [
    `<h1>${escapeMarkup(title)}</h1>`,
    `<p class="site-lead">${input.entries.length}件 ・ <a href="${escapeMarkup(hrefFrom(path, tagPath(input.slug)))}">#${escapeMarkup(input.name)} のページへ</a></p>`,
    entryListHtml(path, input.name, input.entries, input.tagPaths),
  ].join('\n');
  return sitePage({ path, title, body }, site);
}

/**
 * Every tag with its number of entries, most first.
 *
 * @example
 * renderTagIndex([{ name: '露朝', path: 'tags/露朝.html', count: 3 }], site);
 */
export function renderTagIndex(tags: readonly NamedLink[], site: SiteInfo): string {
  const path = SITE_PATHS.tags;
  const body = [
    '<h1>タグ</h1>',
    `<p class="site-lead">${tags.length}個のタグ(数字は切り抜きの数)</p>`,
    chipsHtml(path, tags, '#'),
  ].join('\n');
  return sitePage({ path, title: 'タグ', body }, site);
}

function entryListHtml(
  path: string,
  tag: string,
  entries: readonly SiteEntry[],
  tagPaths: TagPaths,
): string {
  const items = entries.map((e) => entryItemHtml(path, e, tagPaths, tag));
  return `<ul class="site-list">\n${items.join('\n')}\n</ul>`;
}

function daysHtml(path: string, days: readonly string[]): string {
  const items = days.map(
    (d) => `<li><a href="${escapeMarkup(hrefFrom(path, dayPath(d)))}">${japaneseDate(d)}</a></li>`,
  );
  return `<ul class="site-days">\n${items.join('\n')}\n</ul>`;
}
