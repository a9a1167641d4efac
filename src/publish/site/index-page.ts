import { escapeMarkup } from '../html-escape.js';
import { chipsHtml, type NamedLink } from './site-lists.js';
import { japaneseDate, japaneseMonth, sitePage, type SiteInfo } from './site-page.js';
import { dayPath, hrefFrom, SITE_PATHS } from './site-paths.js';

/** A filed day and how many entries it holds. */
export interface DayCount {
  day: string;
  count: number;
}

/** What the home page shows. */
export interface IndexPageInput {
  /** Entries in the archive. */
  entries: number;
  /** Every filed day, oldest first. */
  days: readonly DayCount[];
  /** The most used tags and the most quoted people, most first. */
  tags: readonly NamedLink[];
  people: readonly NamedLink[];
  /** How many tags and people there are in all. */
  tagCount: number;
  peopleCount: number;
}

/**
 * The home page: the latest day, the most used tags and most quoted people, and every day of
 * the archive by month, newest month first, each with its number of entries.
 *
 * @example
 * renderIndexPage({ entries: 36, days, tags, people, tagCount: 12, peopleCount: 9 }, site);
 */
export function renderIndexPage(input: IndexPageInput, site: SiteInfo): string {
  const path = SITE_PATHS.index;
  const href = (to: string): string => escapeMarkup(hrefFrom(path, to));
  const latest = input.days[input.days.length - 1];
  const body = [`<h1>${escapeMarkup(site.title)}</h1>`];
  body.push(
    `<p class="site-lead">${input.days.length}日分、${input.entries}件の切り抜き</p>`,
    latest === undefined
      ? '<p>まだ切り抜きがありません。</p>'
      : `<p>最新: <a href="${href(dayPath(latest.day))}">${japaneseDate(latest.day)}</a>(${latest.count}件)</p>`,
  );
  if (input.tags.length > 0)
    body.push(
      '<section class="site-section">',
      `<h2>よく使われるタグ <a class="site-count" href="${href(SITE_PATHS.tags)}">すべて(${input.tagCount})</a></h2>`,
      chipsHtml(path, input.tags, '#'),
      '</section>',
    );
  if (input.people.length > 0)
    body.push(
      '<section class="site-section">',
      `<h2>よく引用される人物 <a class="site-count" href="${href(SITE_PATHS.people)}">すべて(${input.peopleCount})</a></h2>`,
      chipsHtml(path, input.people),
      '</section>',
    );
  body.push('<section class="site-section">', '<h2>日付</h2>');
  for (const [month, days] of byMonthNewestFirst(input.days)) {
    body.push(`<h3>${japaneseMonth(month)}</h3>`, '<ul class="site-days">');
    for (const d of days)
      body.push(
        `<li><a href="${href(dayPath(d.day))}">${Number(d.day.slice(8, 10))}日</a> <span class="site-count">${d.count}</span></li>`,
      );
    body.push('</ul>');
  }
  body.push('</section>');
  return sitePage({ path, title: site.title, body: body.join('\n') }, site);
}

function byMonthNewestFirst(days: readonly DayCount[]): [string, DayCount[]][] {
  const months = new Map<string, DayCount[]>();
  for (const d of days) {
    const month = d.day.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(d);
    else months.set(month, [d]);
  }
  return [...months].sort((a, b) => (a[0] < b[0] ? 1 : -1));
}
