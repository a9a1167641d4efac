import { escapeMarkup } from '../html-escape.js';
import { htmlPage } from '../html-page.js';
import { hrefFrom, SITE_PATHS } from './site-paths.js';

/** What every page of a site shares. */
export interface SiteInfo {
  /** The site's name, in the header and each page title (`kirinuki アーカイブ`). */
  title: string;
}

/** One page of the site, as {@link sitePage} puts it together. */
export interface SitePageParts {
  /** Where the page lives, relative to the site's root: links in the shell are made from it. */
  path: string;
  /** The page's own title (its `<h1>` is in `body`); the index page passes the site's title. */
  title: string;
  /** The markup inside `<main>`, as it is. */
  body: string;
  /** Scripts the page loads (site paths), deferred. */
  scripts?: readonly string[];
}

/**
 * A page of the static site: kirinuki's HTML page (`htmlPage`, with the digest stylesheet)
 * with the site's stylesheet and feed linked, a header naming the site with links to its
 * indexes and a search box (a plain form to the search page, so it works without scripts on
 * every page), the page's `<main>`, and a footer linking the feed. Links are relative.
 *
 * @example
 * sitePage({ path: 'days/2024-03-04.html', title: '2024年3月4日', body: '<h1>…</h1>' }, site);
 * // '<!DOCTYPE html>…<link rel="stylesheet" href="../assets/site.css">…'
 */
export function sitePage(parts: SitePageParts, site: SiteInfo): string {
  const href = (to: string): string => escapeMarkup(hrefFrom(parts.path, to));
  const head = [
    `<link rel="stylesheet" href="${href(SITE_PATHS.stylesheet)}">`,
    `<link rel="icon" type="image/svg+xml" href="${href(SITE_PATHS.icon)}">`,
    `<link rel="alternate" type="application/atom+xml" title="${escapeMarkup(site.title)}" href="${href(SITE_PATHS.feed)}">`,
    ...(parts.scripts ?? []).map((s) => `<script src="${href(s)}" defer></script>`),
  ].join('\n');
  const header = [
    '<header class="site-header">',
    '<nav aria-label="サイト">',
    `<a class="site-name" href="${href(SITE_PATHS.index)}">${escapeMarkup(site.title)}</a>`,
    `<a href="${href(SITE_PATHS.index)}">日付</a>`,
    `<a href="${href(SITE_PATHS.tags)}">タグ</a>`,
    `<a href="${href(SITE_PATHS.people)}">人物</a>`,
    `<form action="${href(SITE_PATHS.search)}" method="get" role="search">`,
    '<input type="search" name="q" aria-label="アーカイブを検索" placeholder="キーワード">',
    '<button type="submit">検索</button>',
    '</form>',
    '</nav>',
    '</header>',
  ].join('\n');
  const footer = [
    '<footer class="site-footer">',
    `<a href="${href(SITE_PATHS.feed)}">Atom フィード</a> ・ kirinuki で作成`,
    '</footer>',
  ].join('\n');
  const title = parts.title === site.title ? site.title : `${parts.title} | ${site.title}`;
  return htmlPage({
    title,
    lang: 'ja',
    head,
    body: `${header}\n<main>\n${parts.body}\n</main>\n${footer}`,
  });
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/**
 * A day as Japanese readers write it, with the day of the week.
 *
 * @example
 * japaneseDate('2024-03-04'); // '2024年3月4日(月)'
 */
export function japaneseDate(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t)) return day;
  const weekday = WEEKDAYS[new Date(t).getUTCDay()] ?? '';
  return `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日(${weekday})`;
}

/**
 * A month (`YYYY-MM`) in Japanese.
 *
 * @example
 * japaneseMonth('2024-03'); // '2024年3月'
 */
export function japaneseMonth(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}
