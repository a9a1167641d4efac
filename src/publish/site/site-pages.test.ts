import fc from 'fast-check';
import { HtmlValidate } from 'html-validate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sampleDays } from '../../../test/fixtures/digest-days.js';
import { parseSummaryLine } from '../../format/index.js';
import { renderDayPage } from './day-page.js';
import { renderIndexPage } from './index-page.js';
import {
  renderPersonIndex,
  renderPersonMonthPage,
  renderPersonPage,
  type PersonQuote,
} from './person-page.js';
import { renderSearchPage } from './search-page.js';
import { newestFirst, siteEntryOf, type SiteEntry } from './site-entry.js';
import { personPath, tagPath } from './site-paths.js';
import { renderStoryPage } from './story-page.js';
import { renderTagIndex, renderTagMonthPage, renderTagPage } from './tag-page.js';
import { weeklyCounts } from './week-chart.js';

const site = { title: 'kirinuki アーカイブ' };
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
const days = sampleDays();
const entries: SiteEntry[] = days.flatMap((d) =>
  d.entries.map((e, seq) => siteEntryOf(e, { day: d.day, seq, story: e.id, hash: '' })),
);
const tagPaths = (tag: string): string => tagPath(tag);

function quotesOf(list: readonly SiteEntry[], speaker: RegExp): PersonQuote[] {
  return list.flatMap((entry) =>
    entry.lines.flatMap((raw) => {
      const line = parseSummaryLine(raw);
      if (line === null) return [];
      return line.segments.flatMap((s) =>
        s.kind === 'quote' && s.speaker !== null && speaker.test(s.speaker)
          ? [{ entry, speaker: s.speaker, quotes: s.quotes, tag: line.tag }]
          : [],
      );
    }),
  );
}

function tagInput(tag: string, list = entries) {
  const withTag = list.filter((e) => e.tags.includes(tag)).sort(newestFirst);
  return {
    name: tag,
    slug: tag,
    total: withTag.length,
    weeks: weeklyCounts(withTag.map((e) => e.day)),
    latest: withTag,
    months: [],
    documentDays: ['2024-03-05'],
    tagPaths,
  };
}

function personInput(name: string, speaker: RegExp, list = entries) {
  const quotes = quotesOf(list, speaker).reverse();
  return {
    name,
    slug: name,
    total: quotes.length,
    weeks: weeklyCounts(quotes.map((q) => q.entry.day)),
    latest: quotes,
    months: [{ month: '2024-03', count: quotes.length, path: 'people/x/2024-03.html' }],
    writtenAs: [...new Set(quotes.map((q) => q.speaker))],
    tagPaths,
  };
}

/** Every page kind, rendered from the samples. */
function pages(): [string, string][] {
  const day = days[1];
  if (!day) throw new Error('no sample day');
  return [
    [
      'day',
      renderDayPage(
        {
          day,
          previous: days[0]?.day ?? null,
          next: days[2]?.day ?? null,
          tagPaths,
          tags: [{ name: 'ウクライナ戦況', path: tagPath('ウクライナ戦況'), count: 2 }],
          people: [{ name: 'ホルヴァト', path: personPath('ホルヴァト'), count: 2 }],
          stories: [{ path: 'stories/x.html', headline: '見出し', sources: 2 }],
        },
        site,
      ),
    ],
    ['tag', renderTagPage(tagInput('ウクライナ戦況'), site)],
    [
      'tag month',
      renderTagMonthPage(
        {
          name: '露朝',
          slug: '露朝',
          month: '2024-03',
          entries: tagInput('露朝').latest,
          tagPaths,
        },
        site,
      ),
    ],
    ['tag index', renderTagIndex([{ name: '露朝', path: tagPath('露朝'), count: 3 }], site)],
    ['person', renderPersonPage(personInput('ホルヴァト', /ホルヴァト/), site)],
    [
      'person month',
      renderPersonMonthPage(
        {
          name: 'ホルヴァト',
          slug: 'ホルヴァト',
          month: '2024-03',
          quotes: quotesOf(entries, /ホルヴァト/),
          tagPaths,
        },
        site,
      ),
    ],
    [
      'person index',
      renderPersonIndex([{ name: 'ホルヴァト', path: personPath('ホルヴァト'), count: 2 }], site),
    ],
    ['story', renderStoryPage({ slug: 'x', sources: entries.slice(0, 3), tagPaths }, site)],
    [
      'index',
      renderIndexPage(
        {
          entries: entries.length,
          days: days.map((d) => ({ day: d.day, count: d.entries.length })),
          tags: [{ name: '露朝', path: tagPath('露朝'), count: 3 }],
          people: [{ name: 'ホルヴァト', path: personPath('ホルヴァト'), count: 2 }],
          tagCount: 1,
          peopleCount: 1,
        },
        site,
      ),
    ],
    ['search', renderSearchPage(site)],
  ];
}

/** A page's `<main>`: the golden files leave out the shell and the digest stylesheet. */
function mainOf(html: string): string {
  return `${html.slice(html.indexOf('<main>'), html.indexOf('</main>') + '</main>'.length)}\n`;
}

describe('the site’s pages on the samples', () => {
  for (const [kind, html] of pages())
    it(`${kind}: valid HTML by html-validate's recommended rules`, async () => {
      const report = await validator.validateString(html);
      const problems = report.results.flatMap((r) =>
        r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
      );
      expect(problems).toEqual([]);
    });

  it('a tag page lists its entries newest first, each with the tag’s lines, as the golden file', async () => {
    const html = renderTagPage(tagInput('ウクライナ戦況'), site);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const listed = [...doc.querySelectorAll('.site-list > li')];
    expect(listed).toHaveLength(tagInput('ウクライナ戦況').total);
    const daysListed = listed.map((li) =>
      li.querySelector('.site-meta')?.textContent?.slice(0, 10),
    );
    expect(daysListed).toEqual([...daysListed].sort().reverse());
    for (const li of listed)
      for (const line of li.querySelectorAll('.kirinuki-line'))
        expect(line.textContent).toMatch(/^#ウクライナ戦況\(/);
    await expect(mainOf(html)).toMatchFileSnapshot(
      '../../../test/fixtures/site/golden/tag-page.html',
    );
  });

  it('a person page shows every quote of theirs unaltered, with the entry it comes from', async () => {
    const input = personInput('ホルヴァト', /ホルヴァト/);
    const html = renderPersonPage(input, site);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const quotes = [...doc.querySelectorAll('.site-quote .kirinuki-quote')].map(
      (q) => q.textContent,
    );
    expect(quotes).toEqual(input.latest.flatMap((q) => q.quotes));
    expect(quotes.length).toBeGreaterThan(1);
    const sources = [...doc.querySelectorAll('.site-list > li a.site-headline')];
    expect(sources.map((a) => a.getAttribute('href'))).toEqual(
      input.latest.map((q) => `../days/${q.entry.day}.html#e-${q.entry.id}`),
    );
    await expect(mainOf(html)).toMatchFileSnapshot(
      '../../../test/fixtures/site/golden/person-page.html',
    );
  });
});

/**
 * The elements in document order with their attribute names: the markup's shape. Inside a
 * summary line it follows how the line parses (renderDigestHtml's tests cover that markup),
 * so a line counts as one element there; its text is checked on its own.
 */
function shapeOf(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('*')]
    .filter((e) => (e.parentElement?.closest('.kirinuki-line') ?? null) === null)
    .map((e) => `${e.tagName}[${e.getAttributeNames().sort().join(' ')}]`);
}

const markup = fc
  .array(
    fc.oneof(
      fc.constantFrom('<b>', '</li>', '<script>alert(1)</script>', '"', "'", '&amp;', '<!--', '>'),
      fc.constantFrom('露', 'ハ', 'a'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** An entry whose every text is `text`: headline, author, handle, a context, a quote. */
function entryWith(text: string): SiteEntry {
  return {
    id: '0123456789abcdef',
    day: '2024-03-04',
    seq: 0,
    story: 's',
    headline: text,
    authorName: text,
    handle: text,
    date: '2024-03-04',
    link: `https://example.jp/${encodeURIComponent(text)}`,
    hash: '',
    lines: [`#露朝(${text})`, `#露朝(外相「${text}」)`],
    tags: ['露朝'],
  };
}

describe('clip text on the site’s pages is text, never markup', () => {
  it('makes no element or attribute on tag, person and story pages, and reads as written', () => {
    fc.assert(
      fc.property(markup, (text) => {
        const render = (t: string): string[] => {
          const e = entryWith(t);
          const quotes = [{ entry: e, speaker: t, quotes: [t], tag: t }];
          const weeks = weeklyCounts([e.day]);
          return [
            renderTagPage(
              {
                name: t,
                slug: 'x',
                total: 1,
                weeks,
                latest: [e],
                months: [],
                documentDays: [],
                tagPaths,
              },
              site,
            ),
            renderPersonPage(
              {
                name: t,
                slug: 'x',
                total: 1,
                weeks,
                latest: quotes,
                months: [],
                writtenAs: [t, 'y'],
                tagPaths,
              },
              site,
            ),
            renderStoryPage({ slug: 'x', sources: [e], tagPaths }, site),
          ];
        };
        const pagesOf = render(text);
        const plain = render('plain');
        pagesOf.forEach((html, i) => {
          expect(shapeOf(html)).toEqual(shapeOf(plain[i] ?? ''));
          const doc = new DOMParser().parseFromString(html, 'text/html');
          expect(doc.querySelector('h1')?.textContent).toContain(text);
          for (const line of doc.querySelectorAll('.kirinuki-line'))
            expect([`#露朝(${text})`, `#露朝(外相「${text}」)`]).toContain(line.textContent);
        });
      }),
      { numRuns: 150 },
    );
  });
});
