import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { exampleDay, sampleDays } from '../../test/fixtures/digest-days.js';
import { bodyOf, printable, type HtmlNode } from '../../test/fixtures/html-dom.js';
import { parseSummaryLine } from '../format/index.js';
import type { Entry } from '../model/index.js';
import { entryView, type DigestDay } from './digest-day.js';
import { markdownLink, markdownText, renderDigestMarkdown } from './markdown.js';

// Raw HTML on, as in the blog engines the Markdown is pasted into: text that slipped through
// as markup would show up as elements.
const md = new MarkdownIt({ html: true });
const tagUrl = (tag: string): string => `https://blog.example/tag/${encodeURIComponent(tag)}`;

function paragraphTexts(body: HtmlNode): string[] {
  return [...body.querySelectorAll('p')].map((p) => p.textContent ?? '');
}

/** The tag names of every element under `body`. */
function elementNames(body: HtmlNode): Set<string> {
  return new Set([...body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()));
}

const samples = sampleDays();
const first = samples[0] as DigestDay;
const sampleEntry = (i: number): Entry => first.entries[i] as Entry;

/**
 * Captured entries, made from the samples: a post whose status URL is known (an embed
 * capture), and an article page with no post.
 */
function capturedDay(): DigestDay {
  const post = sampleEntry(0);
  const page = sampleEntry(2);
  return {
    day: first.day,
    entries: [
      {
        ...post,
        origin: { kind: 'embed', url: 'https://x.com/ReutersJapan/status/1764551234567890123' },
      },
      {
        ...page,
        post: null,
        origin: {
          kind: 'article',
          url: 'https://www.cnn.co.jp/world/35216000.html?ref=rss_(feed)',
          title: 'EU、対ロシア制裁の第14弾を検討 [速報] *LNG*も焦点に',
          outlet: 'CNN.co.jp',
          published: '2024-03-04T09:00:00+09:00',
        },
      },
    ],
    documentTagLines: first.documentTagLines,
  };
}

describe('renderDigestMarkdown golden', () => {
  for (const day of samples)
    it(`renders the sample day ${day.day}, and markdown-it renders that`, async () => {
      const markdown = renderDigestMarkdown(day);
      await expect(markdown).toMatchFileSnapshot(`./golden/markdown-${day.day}.md`);
      await expect(md.render(markdown)).toMatchFileSnapshot(
        `./golden/markdown-${day.day}.html.snap`,
      );
    });

  it('renders captured entries (a known status URL, a page without a post) with tag links', async () => {
    const markdown = renderDigestMarkdown(capturedDay(), { tagUrl });
    await expect(markdown).toMatchFileSnapshot('./golden/markdown-captured.md');
    await expect(md.render(markdown)).toMatchFileSnapshot('./golden/markdown-captured.html.snap');
  });
});

describe('renderDigestMarkdown', () => {
  it('shows every summary line and tag line as written, each tag linking where asked', () => {
    for (const day of samples) {
      const body = bodyOf(md.render(renderDigestMarkdown(day, { tagUrl })));
      const paragraphs = [...body.querySelectorAll('p')];
      for (const s of day.entries.flatMap((e) => e.summaries)) {
        const p = paragraphs.find((x) => x.textContent === s.raw);
        expect(p, s.raw).toBeDefined();
        const link = p?.querySelector('a');
        expect(link?.getAttribute('href')).toBe(tagUrl(s.tag));
        expect(link?.textContent).toBe(`#${s.tag}`);
      }
      for (const line of day.documentTagLines) {
        const p = paragraphs.find((x) => x.textContent === line);
        const tags = [...line.matchAll(/#([^#\s]+)/g)].map((m) => m[1] ?? '');
        expect([...(p?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual(
          tags.map(tagUrl),
        );
      }
    }
  });

  it('leaves tags as text without tagUrl', () => {
    const body = bodyOf(md.render(renderDigestMarkdown(first)));
    const summaries = new Set(first.entries.flatMap((e) => e.summaries.map((s) => s.raw)));
    for (const p of body.querySelectorAll('p'))
      if (summaries.has(p.textContent ?? '')) expect(p.querySelector('a')).toBeNull();
  });

  it('quotes each post with its lines, author, handle, date and every link', () => {
    for (const day of samples) {
      const body = bodyOf(md.render(renderDigestMarkdown(day)));
      const quotes = [...body.querySelectorAll('blockquote')];
      const posts = day.entries.map(entryView).filter((v) => v.postLines.length > 0);
      expect(quotes).toHaveLength(posts.length);
      posts.forEach((view, i) => {
        const texts = paragraphTexts(quotes[i] as HtmlNode);
        expect(texts.slice(0, -1)).toEqual(view.postLines.filter((l) => l.trim() !== ''));
        expect(texts.at(-1)).toBe(
          [`— ${view.authorName} (@${view.handle}) ${view.date}`, ...view.postLinks].join(' · '),
        );
        const hrefs = [...(quotes[i]?.querySelectorAll('a') ?? [])].map((a) =>
          a.getAttribute('href'),
        );
        expect(hrefs).toEqual(
          view.postLinks.map((l) => (l.startsWith('http') ? l : `https://${l}`)),
        );
      });
    }
  });

  it('links a post to its status URL when known, and a page without a post to the page', () => {
    const body = bodyOf(md.render(renderDigestMarkdown(capturedDay())));
    const hrefs = [...body.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://x.com/ReutersJapan/status/1764551234567890123');
    const page = [...body.querySelectorAll('a')].find((a) => a.textContent?.startsWith('EU、'));
    expect(page?.textContent).toBe('EU、対ロシア制裁の第14弾を検討 [速報] *LNG*も焦点に');
    expect(page?.getAttribute('href')).toBe(
      md.normalizeLink('https://www.cnn.co.jp/world/35216000.html?ref=rss_(feed)'),
    );
    expect(paragraphTexts(body)).toContain(
      'EU、対ロシア制裁の第14弾を検討 [速報] *LNG*も焦点に — CNN.co.jp 2024-03-04',
    );
  });

  it('renders an empty day as nothing', () => {
    expect(renderDigestMarkdown({ day: '2024-03-04', entries: [], documentTagLines: [] })).toBe('');
  });

  it.skipIf(exampleDay() === null)(
    'keeps every link and every summary quote of the real example in the rendered text',
    () => {
      const day = exampleDay() as DigestDay;
      const body = bodyOf(md.render(renderDigestMarkdown(day, { tagUrl })));
      const text = body.textContent ?? '';
      const paragraphs = new Set(paragraphTexts(body));
      for (const view of day.entries.map(entryView)) {
        for (const link of [view.statusUrl, view.articleUrl, ...view.postLinks])
          if (link !== null) expect(text).toContain(link);
        for (const line of [...view.postLines, ...view.bodyLines])
          if (line.trim() !== '') expect(paragraphs.has(line), line).toBe(true);
        for (const s of view.summaries) {
          expect(paragraphs.has(s.raw), s.raw).toBe(true);
          for (const seg of s.segments)
            if (seg.kind === 'quote')
              for (const q of seg.quotes) expect(text).toContain(`「${q}」`);
        }
      }
      for (const line of day.documentTagLines) expect(paragraphs.has(line)).toBe(true);
      expect(elementNames(body)).toEqual(new Set(['blockquote', 'p', 'a', 'hr']));
    },
  );
});

// Clip text full of Markdown, GFM, HTML and math syntax, and of the white space Markdown strips.
const syntax = [
  ...'#*_[]()<>&!`\\|~$-+=:.;"\'{}^@/ \t\u3000\u00a0',
  '1.',
  '2)',
  '<script>alert(1)</script>',
  '<a href="x">',
  '<!--',
  '&amp;',
  '&#42;',
  '&copy;',
  '**強調**',
  '_斜体_',
  '~~取消~~',
  '`code`',
  '```',
  '[リンク](https://example.com)',
  '![画像](x.png)',
  '<https://example.com>',
  '[^1]',
  '[a]: /url',
  '---',
  '===',
  '> ',
  '- ',
  '* ',
  '+ ',
  '    ',
  '|a|b|',
  '$x^2$',
  '「」',
  '『』',
  '＃',
  '#ウクライナ戦況(',
  ')',
  'https://t.co/abc_def',
];
const clipText = fc
  .array(fc.oneof(fc.constantFrom(...syntax), fc.string({ unit: 'grapheme', maxLength: 4 })), {
    maxLength: 12,
  })
  .map((parts) => printable(parts.join('')));
const visibleText = clipText.filter((s) => s.trim() !== '');

describe('markdownText', () => {
  it('comes out of markdown-it as the same text, with no element made from it', () => {
    fc.assert(
      fc.property(visibleText, (text) => {
        expect(md.render(markdownText(text))).toBe(`<p>${md.utils.escapeHtml(text)}</p>\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes the characters the curator writes that Markdown would read', () => {
    expect(markdownText('#NATO(委員長「*予見可能*」)')).toBe('\\#NATO(委員長「\\*予見可能\\*」)');
    expect(markdownText('1. 砲弾 & S&P &amp;')).toBe('1\\. 砲弾 & S&P \\&amp;');
    expect(markdownText('\u3000字下げ ')).toBe('&#12288;字下げ&#32;');
  });
});

describe('markdownLink', () => {
  it('writes an autolink where the link has a scheme, else a link to its https form', () => {
    expect(markdownLink('https://t.co/b84qe8LkbC')).toBe('<https://t.co/b84qe8LkbC>');
    expect(markdownLink('pic.twitter.com/iGWwJMbZj4')).toBe(
      '[pic.twitter.com/iGWwJMbZj4](https://pic.twitter.com/iGWwJMbZj4)',
    );
  });
});

describe('renderDigestMarkdown with arbitrary clip text', () => {
  const lines = fc.array(visibleText, { minLength: 1, maxLength: 4 });
  const tagText = fc.string({
    unit: fc.constantFrom(...'*_[]<>&`\\|~$-+=:.!露朝ab1'),
    minLength: 1,
    maxLength: 6,
  });

  it('builds only its own elements, and shows every text as written', () => {
    fc.assert(
      fc.property(
        lines,
        lines,
        visibleText,
        tagText,
        clipText,
        (postLines, body, author, tag, content) => {
          const summary = parseSummaryLine(`#${tag}(${content})`);
          fc.pre(summary !== null);
          const base = sampleEntry(0);
          const post = base.post;
          if (post === null) throw new Error('the first sample entry has a post');
          const entry: Entry = {
            ...base,
            post: { ...post, headLines: postLines, tailLines: [], authorName: author },
            body,
            summaries: summary === null ? [] : [summary],
          };
          const day: DigestDay = {
            day: first.day,
            entries: [entry],
            documentTagLines: [`#${tag}`],
          };
          const result = bodyOf(md.render(renderDigestMarkdown(day, { tagUrl })));
          expect(elementNames(result)).toEqual(new Set(['blockquote', 'p', 'a', 'hr']));
          const quoted = paragraphTexts(result.querySelector('blockquote') as HtmlNode);
          expect(quoted.slice(0, -1)).toEqual(postLines);
          expect(quoted.at(-1)?.startsWith(`— ${author} (@`)).toBe(true);
          const texts = paragraphTexts(result);
          for (const line of body) expect(texts).toContain(line);
          expect(texts).toContain(summary?.raw);
          const tagLinks = [...result.querySelectorAll('a')].filter(
            (a) => a.textContent === `#${tag}`,
          );
          expect(tagLinks.map((a) => a.getAttribute('href'))).toEqual([tagUrl(tag), tagUrl(tag)]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
