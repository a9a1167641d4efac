import { escapeMarkup } from '../html-escape.js';
import type { SiteEntry } from './site-entry.js';
import {
  chipsHtml,
  entryHref,
  entryMetaHtml,
  monthsHtml,
  type MonthLink,
  type NamedLink,
  type TagPaths,
} from './site-lists.js';
import { japaneseMonth, sitePage, type SiteInfo } from './site-page.js';
import { hrefFrom, personMonthPath, personPath, SITE_PATHS } from './site-paths.js';
import { weeklyChartSvg, type WeekCount } from './week-chart.js';

/** One quote of a person, from one summary line of one entry. */
export interface PersonQuote {
  entry: SiteEntry;
  /** The speaker as the curator wrote them (`ハルキウ州知事`, `ゼレンスキー大統領`). */
  speaker: string;
  /** What they said, each quote without its brackets. */
  quotes: readonly string[];
  /** The tag of the summary line. */
  tag: string;
}

/** What a person's page shows. */
export interface PersonPageInput {
  name: string;
  slug: string;
  /** Summary-line segments quoting them. */
  total: number;
  weeks: readonly WeekCount[];
  /** The newest quotes, newest first. */
  latest: readonly PersonQuote[];
  /** Every month with quotes of them, newest first. */
  months: readonly MonthLink[];
  /** How the curator wrote their name, most used first. */
  writtenAs: readonly string[];
  tagPaths: TagPaths;
}

/**
 * A person's page: their quotes over time — a chart per week, the newest quotes with the
 * entries they come from, and a page per month.
 *
 * @example
 * renderPersonPage({ name: 'ゼレンスキー', slug: 'ゼレンスキー', total: 4, weeks, latest, months, writtenAs, tagPaths }, site);
 */
export function renderPersonPage(input: PersonPageInput, site: SiteInfo): string {
  const path = personPath(input.slug);
  const body = [
    `<h1>${escapeMarkup(input.name)}</h1>`,
    `<p class="site-lead">要約に引用された発言 ${input.total}件${writtenAsText(input)}</p>`,
    weeklyChartSvg(input.weeks, `${input.name} の発言の引用の数、週ごと`),
  ];
  const shown = input.latest.length < input.total ? `新しい${input.latest.length}件` : 'すべて';
  body.push(`<h2>発言(${shown}、新しい順)</h2>`, quoteListHtml(path, input.latest, input.tagPaths));
  if (input.months.length > 1 || input.latest.length < input.total)
    body.push('<h2>月ごと</h2>', monthsHtml(path, input.months));
  return sitePage({ path, title: input.name, body: body.join('\n') }, site);
}

/** What one month's page of a person shows. */
export interface PersonMonthPageInput {
  name: string;
  slug: string;
  month: string;
  /** The month's quotes, newest first. */
  quotes: readonly PersonQuote[];
  tagPaths: TagPaths;
}

/**
 * A person's quotes of one month, newest first.
 *
 * @example
 * renderPersonMonthPage({ name: 'ゼレンスキー', slug: 'ゼレンスキー', month: '2024-03', quotes, tagPaths }, site);
 */
export function renderPersonMonthPage(input: PersonMonthPageInput, site: SiteInfo): string {
  const path = personMonthPath(input.slug, input.month);
  const title = `${input.name} ${japaneseMonth(input.month)}`;
  const body = [
    `<h1>${escapeMarkup(title)}</h1>`,
    `<p class="site-lead">${input.quotes.length}件 ・ <a href="${escapeMarkup(hrefFrom(path, personPath(input.slug)))}">${escapeMarkup(input.name)} のページへ</a></p>`,
    quoteListHtml(path, input.quotes, input.tagPaths),
  ].join('\n');
  return sitePage({ path, title, body }, site);
}

/**
 * Every person quoted, with their number of quotes, most first.
 *
 * @example
 * renderPersonIndex([{ name: 'ゼレンスキー', path: 'people/ゼレンスキー.html', count: 4 }], site);
 */
export function renderPersonIndex(people: readonly NamedLink[], site: SiteInfo): string {
  const path = SITE_PATHS.people;
  const body = [
    '<h1>人物</h1>',
    `<p class="site-lead">要約に発言が引用された${people.length}人(数字は引用の数)</p>`,
    chipsHtml(path, people),
  ].join('\n');
  return sitePage({ path, title: '人物', body }, site);
}

function writtenAsText(input: PersonPageInput): string {
  const others = input.writtenAs.filter((w) => w !== input.name).slice(0, 5);
  return others.length === 0 ? '' : ` ・ 表記: ${others.map(escapeMarkup).join('、')}`;
}

function quoteListHtml(path: string, quotes: readonly PersonQuote[], tagPaths: TagPaths): string {
  const items = quotes.map((q) => {
    const tagLink = tagPaths(q.tag);
    const tag =
      tagLink === undefined
        ? escapeMarkup(`#${q.tag}`)
        : `<a class="kirinuki-tag" href="${escapeMarkup(hrefFrom(path, tagLink))}">#${escapeMarkup(q.tag)}</a>`;
    return [
      '<li>',
      `<span class="site-meta">${tag} ・ <span class="kirinuki-speaker">${escapeMarkup(q.speaker)}</span></span>`,
      `<blockquote class="site-quote">${q.quotes.map((t) => `<p>「<span class="kirinuki-quote">${escapeMarkup(t)}</span>」</p>`).join('')}</blockquote>`,
      `<a class="site-headline" href="${escapeMarkup(entryHref(path, q.entry))}">${escapeMarkup(q.entry.headline)}</a>`,
      entryMetaHtml(q.entry),
      '</li>',
    ].join('\n');
  });
  return `<ul class="site-list">\n${items.join('\n')}\n</ul>`;
}
