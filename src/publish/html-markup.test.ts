import fc from 'fast-check';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { markupDay, markupTexts, plainTexts } from '../../test/fixtures/atom/markup-day.js';
import { escapeMarkup } from './html-escape.js';
import { renderDigestHtml } from './html.js';

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
        fc.property(markupTexts, (t) => {
          const opts = { standalone, title: t.title, embedScript: true };
          const html = renderDigestHtml(markupDay(t), opts);
          expect(shapeOf(html)).toEqual(shapeOf(renderDigestHtml(markupDay(plainTexts(t)), opts)));
          // And the reader sees the markup as text, exactly as the clip has it.
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const text = doc.querySelector('.kirinuki-digest')?.textContent ?? '';
          // A body line of white space alone is no paragraph; every other piece is shown.
          for (const s of [t.head, t.tail, t.author, ...t.body, t.quote, t.pageTitle])
            if (s.trim() !== '') expect(text).toContain(s);
          expect(doc.querySelector('.kirinuki-line')?.textContent).toBe(
            `#${t.tag}(${t.context}・${t.speaker}「${t.quote}」${t.rest})`,
          );
        }),
        { numRuns: 200 },
      );
    });
  }

  it('links a captured page only when its URL is http(s)', () => {
    const [t] = fc.sample(markupTexts, { numRuns: 1, seed: 1 });
    if (!t) throw new Error('no sample');
    const day = markupDay(plainTexts(t));
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
