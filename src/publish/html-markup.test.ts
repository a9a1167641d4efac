import fc from 'fast-check';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Entry, SummaryLine } from '../model/index.js';
import type { DigestDay } from './digest-day.js';
import { escapeMarkup } from './html-escape.js';
import { renderDigestHtml } from './html.js';

// Pieces of markup a clip could carry: tags, attributes, entities, comments, CDATA, quotes.
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</blockquote>',
  '</p></div>',
  '<p class="kirinuki-line">',
  '<a href="javascript:alert(1)">',
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)",
  ' style="color:red"',
  '<svg/onload=alert(1)>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&',
  '&amp;',
  '&lt;b&gt;',
  '&#60;i&#62;',
  '<',
  '>',
  '"',
  "'",
  '=',
  '/',
  '<br>',
  '速報',
  ' ',
];
// A tag runs to the first space, `#` or bracket: pieces without them, so it stays one tag.
const TAG_MARKUP = MARKUP.filter((m) => !/[\s#＃()（）]/.test(m)).concat(['<b>', '<x/>']);

const markup = fc.array(fc.constantFrom(...MARKUP), { maxLength: 6 }).map((a) => a.join(''));
const tagMarkup = fc
  .array(fc.constantFrom(...TAG_MARKUP), { minLength: 1, maxLength: 4 })
  .map((a) => a.join(''));

/** The texts a day is made of, in the order {@link dayOf} uses them. */
const texts = fc.record({
  head: markup,
  tail: markup,
  author: markup,
  body: fc.array(markup, { minLength: 1, maxLength: 3 }),
  tag: tagMarkup,
  context: markup,
  speaker: markup,
  quote: markup,
  rest: markup,
  pageTitle: markup,
  pagePath: markup,
  outlet: markup,
  docTag: tagMarkup,
  title: markup,
});
type Texts = typeof texts extends fc.Arbitrary<infer T> ? T : never;

/**
 * A day carrying the texts everywhere clip text goes: post, author, body, summary, the
 * captured page's title and URL (an attribute), the document tags.
 */
function dayOf(t: Texts): DigestDay {
  const content = `${t.context}・${t.speaker}「${t.quote}」${t.rest}`;
  const summary: SummaryLine = {
    raw: `#${t.tag}(${content})`,
    tag: t.tag,
    content,
    segments: [
      { kind: 'context', text: t.context },
      {
        kind: 'quote',
        speaker: t.speaker === '' ? null : t.speaker,
        quotes: [t.quote],
        rest: t.rest,
      },
    ],
  };
  const post: Entry = {
    id: 'p',
    post: {
      platform: 'x',
      headLines: [`${t.head} https://t.co/AbCdEf1234`],
      attribution: `— ${t.author} (@kirinuki_test) March 4, 2024`,
      tailLines: [`${t.tail} pic.twitter.com/AbCdEf1234`],
      text: `${t.head}\n${t.tail}`,
      links: ['https://t.co/AbCdEf1234', 'pic.twitter.com/AbCdEf1234'],
      hashtags: [],
      authorName: t.author,
      handle: 'kirinuki_test',
      date: '2024-03-04',
      truncated: false,
    },
    bodyKind: 'article',
    body: t.body,
    summaries: [summary],
  };
  const page: Entry = {
    id: 'a',
    post: null,
    bodyKind: 'article',
    body: t.body,
    summaries: [summary],
    origin: {
      kind: 'article',
      url: `https://example.jp/${t.pagePath}`,
      title: t.pageTitle,
      outlet: t.outlet,
    },
  };
  return { day: '2024-03-04', entries: [post, page], documentTagLines: [`#${t.docTag}`] };
}

/**
 * Each text with its characters replaced by plain letters, white space kept (a blank body line
 * is skipped either way): the same day with no markup in it.
 */
function plain(t: Texts): Texts {
  const letters = (s: string) => s.replace(/\S/gu, 'x');
  return {
    ...t,
    ...Object.fromEntries(
      Object.entries(t).map(([k, v]) => [k, Array.isArray(v) ? v.map(letters) : letters(v)]),
    ),
  } as Texts;
}

/** The elements in document order, each with its attribute names: the markup's shape. */
function shapeOf(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('*')].map(
    (e) => `${e.tagName}[${e.getAttributeNames().sort().join(' ')}]`,
  );
}

describe('renderDigestHtml escapes every piece of clip text', () => {
  for (const standalone of [false, true]) {
    it(`markup in clip text makes no element or attribute (${standalone ? 'page' : 'fragment'})`, () => {
      fc.assert(
        fc.property(texts, (t) => {
          const opts = { standalone, title: t.title, embedScript: true };
          const html = renderDigestHtml(dayOf(t), opts);
          expect(shapeOf(html)).toEqual(shapeOf(renderDigestHtml(dayOf(plain(t)), opts)));
          // And the reader sees the markup as text, exactly as the clip has it.
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const text = doc.querySelector('.kirinuki-digest')?.textContent ?? '';
          for (const s of [t.head, t.tail, t.author, ...t.body, t.quote, t.pageTitle])
            expect(text).toContain(s);
          expect(doc.querySelector('.kirinuki-line')?.textContent).toBe(
            `#${t.tag}(${t.context}・${t.speaker}「${t.quote}」${t.rest})`,
          );
        }),
        { numRuns: 200 },
      );
    });
  }

  it('links a captured page only when its URL is http(s)', () => {
    const [t] = fc.sample(texts, { numRuns: 1, seed: 1 });
    if (!t) throw new Error('no sample');
    const day = dayOf(plain(t));
    const page = day.entries[1];
    if (!page?.origin) throw new Error('no captured page');
    const hrefsOf = (url: string) => {
      const entries = [{ ...page, origin: { ...page.origin, kind: 'article' as const, url } }];
      const html = renderDigestHtml({ ...day, entries });
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    };
    expect(hrefsOf('https://example.jp/a')).toEqual(['https://example.jp/a']);
    expect(hrefsOf('javascript:alert(1)')).toEqual([]);
    expect(hrefsOf('data:text/html,<script>alert(1)</script>')).toEqual([]);
  });
});

describe('escapeMarkup', () => {
  it('escapes the five characters markup gives meaning to', () => {
    expect(escapeMarkup(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('keeps tabs, line breaks, emoji and Japanese, and replaces what no document may hold', () => {
    expect(escapeMarkup('a\tb\nc\r🇺🇦ウクライナ')).toBe('a\tb\nc\r🇺🇦ウクライナ');
    expect(escapeMarkup('a\u0000b\u0008c\u001Fd\u007Fe\u0085f\uFFFEg\uD800h\uDC00')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFD',
    );
  });
});
