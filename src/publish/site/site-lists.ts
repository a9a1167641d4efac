import { parseSummaryLine } from '../../format/index.js';
import { escapeMarkup } from '../html-escape.js';
import { anchorHtml, hrefOfLink } from '../html-links.js';
import { summaryLineHtml } from '../html-summary.js';
import type { SiteEntry } from './site-entry.js';
import { japaneseDate, japaneseMonth } from './site-page.js';
import { dayPath, entryAnchor, hrefFrom } from './site-paths.js';

/** A named page to link to: a tag, a person. */
export interface NamedLink {
  name: string;
  /** The page's site path. */
  path: string;
  /** Shown after the name, muted, when given. */
  count?: number;
}

/** How many of something fell in one month, and the page that lists them. */
export interface MonthLink {
  /** `YYYY-MM`. */
  month: string;
  count: number;
  path: string;
}

/** Where the site's tags link, by tag name (every tag shown on the site has a page). */
export type TagPaths = (tag: string) => string | undefined;

/**
 * The link to an entry in its day's digest.
 *
 * @example
 * entryHref('tags/露朝.html', entry); // '../days/2024-03-04.html#e-9f3c…'
 */
export function entryHref(from: string, entry: Pick<SiteEntry, 'day' | 'id'>): string {
  return hrefFrom(from, dayPath(entry.day), entryAnchor(entry.id));
}

/**
 * The line under an entry's headline: its day, who published it and a link to where it was
 * published.
 *
 * @example
 * entryMetaHtml(entry); // '<span class="site-meta">2024年3月4日(月) ・ ロイター (@ReutersJapan) ・ <a …>元の投稿</a></span>'
 */
export function entryMetaHtml(entry: SiteEntry): string {
  const who =
    entry.authorName === null
      ? []
      : [
          escapeMarkup(
            entry.handle === null ? entry.authorName : `${entry.authorName} (@${entry.handle})`,
          ),
        ];
  // A link that is not http(s) (`javascript:`) is never made a link, nor shown as one.
  const link =
    entry.link === null || hrefOfLink(entry.link) === null
      ? []
      : [anchorHtml(entry.link, '元の投稿・記事')];
  return `<span class="site-meta">${[escapeMarkup(japaneseDate(entry.day)), ...who, ...link].join(' ・ ')}</span>`;
}

/**
 * An entry in a list (a tag's, a story's): its headline linking to it in the day's digest, its
 * day and source, and its summary lines (those of `onlyTag` when given), tags linked.
 *
 * @example
 * entryItemHtml('tags/露朝.html', entry, tagPaths, '露朝');
 */
export function entryItemHtml(
  from: string,
  entry: SiteEntry,
  tagPaths: TagPaths,
  onlyTag?: string,
): string {
  const tagHref = tagHrefFrom(from, tagPaths);
  const lines = entry.lines.flatMap((raw) => {
    const line = parseSummaryLine(raw);
    if (line === null) return [`<p class="kirinuki-line">${escapeMarkup(raw)}</p>`];
    return onlyTag === undefined || line.tag === onlyTag ? [summaryLineHtml(line, tagHref)] : [];
  });
  return [
    '<li>',
    `<a class="site-headline" href="${escapeMarkup(entryHref(from, entry))}">${escapeMarkup(entry.headline)}</a>`,
    entryMetaHtml(entry),
    ...lines,
    '</li>',
  ].join('\n');
}

/**
 * The `tagHref` the digest HTML takes, for tags linked from the page at `from`; a tag without
 * a page links to the tag index.
 *
 * @example
 * tagHrefFrom('days/2024-03-04.html', tagPaths)('露朝'); // '../tags/%E9%9C%B2%E6%9C%9D.html'
 */
export function tagHrefFrom(from: string, tagPaths: TagPaths): (tag: string) => string {
  return (tag) => hrefFrom(from, tagPaths(tag) ?? 'tags/index.html');
}

/**
 * Names as a wrapping list of links, each with its count.
 *
 * @example
 * chipsHtml('index.html', [{ name: '露朝', path: 'tags/露朝.html', count: 3 }]);
 * // '<ul class="site-chips"><li><a href="tags/%E9%9C%B2%E6%9C%9D.html">#露朝</a> <span class="site-count">3</span></li></ul>'
 */
export function chipsHtml(from: string, links: readonly NamedLink[], prefix = ''): string {
  const items = links.map((l) => {
    const count = l.count === undefined ? '' : ` <span class="site-count">${l.count}</span>`;
    return `<li><a href="${escapeMarkup(hrefFrom(from, l.path))}">${escapeMarkup(prefix + l.name)}</a>${count}</li>`;
  });
  return `<ul class="site-chips">\n${items.join('\n')}\n</ul>`;
}

/**
 * Months as a grid of links, each with its count.
 *
 * @example
 * monthsHtml('tags/露朝.html', [{ month: '2024-03', count: 5, path: 'tags/露朝/2024-03.html' }]);
 */
export function monthsHtml(from: string, months: readonly MonthLink[]): string {
  const items = months.map(
    (m) =>
      `<li><a href="${escapeMarkup(hrefFrom(from, m.path))}">${japaneseMonth(m.month)}</a> <span class="site-count">${m.count}</span></li>`,
  );
  return `<ul class="site-months">\n${items.join('\n')}\n</ul>`;
}
