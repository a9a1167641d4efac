import { HtmlValidate } from 'html-validate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { exampleDay, sampleDays } from '../../test/fixtures/digest-days.js';
import { documentTags, entryView, type DigestDay } from './digest-day.js';
import { EMBED_SCRIPT, renderDigestHtml } from './html.js';
import { hrefOfLink } from './html-links.js';

// html-validate's recommended rules, none turned off: the fragment and the page must pass all.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function problemsOf(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

function parse(html: string) {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Every link of the day as written in the clip text: posts, captured pages, body lines. */
function linksOf(day: DigestDay): string[] {
  const inText =
    /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|pic\.twitter\.com\/[A-Za-z0-9]+/g;
  return day.entries.flatMap((e) => {
    const v = entryView(e);
    return [
      ...v.postLinks,
      ...(v.statusUrl === null ? [] : [v.statusUrl]),
      ...(v.articleUrl === null ? [] : [v.articleUrl]),
      ...v.bodyLines.flatMap((l) => [...l.matchAll(inText)].map((m) => m[0])),
    ];
  });
}

/** What a reader of the day must find in its HTML, whatever the day. */
function expectEverythingKept(day: DigestDay, html: string): void {
  const doc = parse(html);
  const text = doc.querySelector('.kirinuki-digest')?.textContent ?? '';
  const hrefs = new Set([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')));
  for (const link of linksOf(day)) {
    expect(text).toContain(link);
    expect(hrefs).toContain(hrefOfLink(link));
  }
  // Each summary line reads exactly as the curator wrote it, and each quote stands in a span.
  const lines = [...doc.querySelectorAll('.kirinuki-line')].map((p) => p.textContent);
  const summaries = day.entries.flatMap((e) => e.summaries);
  expect(lines).toEqual(summaries.map((s) => s.raw));
  const quotes = new Set([...doc.querySelectorAll('.kirinuki-quote')].map((q) => q.textContent));
  for (const s of summaries)
    for (const seg of s.segments)
      if (seg.kind === 'quote') for (const q of seg.quotes) expect(quotes).toContain(q);
  const tagLines = [...doc.querySelectorAll('.kirinuki-tags')].map((p) => p.textContent);
  expect(tagLines).toEqual(day.documentTagLines);
  for (const tag of documentTags(day)) expect(tagLines.join('')).toContain(`#${tag}`);
}

describe('renderDigestHtml on the sample days', () => {
  for (const day of sampleDays()) {
    it(`${day.day}: the fragment is valid HTML and matches its golden file`, async () => {
      const html = renderDigestHtml(day);
      expect(await problemsOf(html)).toEqual([]);
      await expect(html).toMatchFileSnapshot(`golden/html-${day.day}.fragment.html`);
    });

    it(`${day.day}: the standalone page with the widget script is valid HTML and matches its golden file`, async () => {
      const html = renderDigestHtml(day, { standalone: true, embedScript: true });
      expect(await problemsOf(html)).toEqual([]);
      await expect(html).toMatchFileSnapshot(`golden/html-${day.day}.page.html`);
    });

    it(`${day.day}: keeps every link, every summary line as written, every quote and tag`, () => {
      expectEverythingKept(day, renderDigestHtml(day));
    });
  }
});

describe('renderDigestHtml: the post embed', () => {
  const [day] = sampleDays();
  if (!day) throw new Error('no sample days');

  it('writes each post as X writes its embed: text, attribution, date', () => {
    const doc = parse(renderDigestHtml(day));
    const quotes = [...doc.querySelectorAll('blockquote.twitter-tweet')];
    expect(quotes).toHaveLength(day.entries.filter((e) => e.post).length);
    const first = quotes[0];
    expect(first?.querySelector('p')?.getAttribute('lang')).toBe('ja');
    expect(first?.querySelector('p')?.getAttribute('dir')).toBe('ltr');
    expect(first?.textContent).toMatch(/— ロイター \(@ReutersJapan\) March 4, 2024$/);
  });

  it('links the date to the post itself only: its status URL, else its pic.twitter.com link', () => {
    const entries = day.entries.filter((e) => e.post);
    const withStatus = entries.map((e) => ({
      ...e,
      origin: { kind: 'embed' as const, url: `https://x.com/${e.post?.handle}/status/1764` },
    }));
    const dated = (d: DigestDay) =>
      [...parse(renderDigestHtml(d)).querySelectorAll('blockquote')].map(
        (q) => [...q.children].at(-1)?.getAttribute('href') ?? null,
      );
    expect(dated({ ...day, entries: withStatus })).toEqual(withStatus.map((e) => e.origin.url));
    // Without a status URL: a t.co link goes to the article, so only pic.twitter.com dates link.
    expect(dated({ ...day, entries })).toEqual(
      entries.map((e) => {
        const pic = e.post?.links.findLast((l) => l.startsWith('pic.twitter.com/'));
        return pic === undefined ? null : `https://${pic}`;
      }),
    );
  });

  it('adds the widget script only when asked, and exactly as X writes it', () => {
    expect(renderDigestHtml(day)).not.toContain('<script');
    expect(renderDigestHtml(day, { embedScript: true })).toContain(EMBED_SCRIPT);
  });

  it('links tags where the caller says, keeping the text', () => {
    const html = renderDigestHtml(day, { tagHref: (t) => `/tags/${encodeURIComponent(t)}.html` });
    const doc = parse(html);
    const first = doc.querySelector('a.kirinuki-tag');
    expect(first?.textContent).toBe('#ウクライナ戦況');
    expect(first?.getAttribute('href')).toBe(`/tags/${encodeURIComponent('ウクライナ戦況')}.html`);
    expectEverythingKept(day, html);
  });
});

describe('renderDigestHtml: the standalone page', () => {
  const [day] = sampleDays();
  if (!day) throw new Error('no sample days');
  const doc = parse(renderDigestHtml(day, { standalone: true, title: '3月4日の切り抜き' }));

  it('is a Japanese page titled by the day or the title given, with its stylesheet and no inline styles', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('ja');
    expect(doc.querySelector('title')?.textContent).toBe('3月4日の切り抜き');
    expect(doc.querySelector('h1')?.textContent).toBe('3月4日の切り抜き');
    expect(doc.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(doc.querySelectorAll('[style]')).toHaveLength(0);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    const css = doc.querySelector('style')?.textContent ?? '';
    expect(css).toContain('"Hiragino Sans"');
    expect(css).toContain('"Noto Sans JP"');
    expect(css).toMatch(/line-height: 1\.8/);
    expect(css).toMatch(/max-width: 3\d(\.\d+)?em/);
    expect(css).toContain('prefers-color-scheme: dark');
  });

  it('is titled by the day by default', () => {
    const page = parse(renderDigestHtml(day, { standalone: true }));
    expect(page.querySelector('title')?.textContent).toBe(day.day);
  });
});

describe('renderDigestHtml on the real example', () => {
  const day = exampleDay();

  it.skipIf(day === null)('is valid HTML as a fragment and as a page', async () => {
    if (!day) return;
    expect(await problemsOf(renderDigestHtml(day))).toEqual([]);
    expect(
      await problemsOf(renderDigestHtml(day, { standalone: true, embedScript: true })),
    ).toEqual([]);
  });

  it.skipIf(day === null)(
    'keeps every link, every summary line as written, every quote and tag',
    () => {
      if (!day) return;
      expect(linksOf(day).length).toBeGreaterThan(10);
      expectEverythingKept(day, renderDigestHtml(day));
    },
  );
});
