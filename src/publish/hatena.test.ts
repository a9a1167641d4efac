import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { exampleDay, sampleDays } from '../../test/fixtures/digest-days.js';
import { bodyOf, printable } from '../../test/fixtures/html-dom.js';
import type { Entry } from '../model/index.js';
import { entryView, type DigestDay } from './digest-day.js';
import { hatenaText, renderDigestHatena } from './hatena.js';

const md = new MarkdownIt({ html: true });

// Clip text full of Hatena notation, and of Markdown and HTML.
const syntax = [
  ...'*-+:|=<>[]()&#_`\\~$ ',
  '>>',
  '<<',
  '>|',
  '|<',
  '>||',
  '||<',
  '><',
  '====',
  '((脚注))',
  ')((',
  '[google:ロシア]',
  '[]停止[]',
  '[https://example.com:embed]',
  '[tex:x^2]',
  'id:hatena',
  'b:id:hatena',
  'isbn:4000000000',
  'mailto:a@example.com',
  'https://t.co/abc',
  '<script>',
  '&amp;',
  '**強調**',
  '「」',
];
const clipText = fc
  .array(fc.oneof(fc.constantFrom(...syntax), fc.string({ unit: 'grapheme', maxLength: 3 })), {
    minLength: 1,
    maxLength: 10,
  })
  .map((parts) => printable(parts.join('')))
  .filter((s) => s.trim() !== '');
const lines = fc.array(clipText, { minLength: 1, maxLength: 4 });

const tagUrl = (tag: string): string =>
  `https://blog.example/archive/category/${encodeURIComponent(tag)}`;

/** What a browser shows for Hatena output text: the character references decoded. */
function decodeReferences(text: string): string {
  return text.replace(/&(?:#(\d+)|amp|lt|gt|quot);/g, (ref, code: string | undefined) =>
    code !== undefined
      ? String.fromCodePoint(Number(code))
      : ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' }[ref] ?? ref),
  );
}

/** A sample day whose first entry was captured as an embed, so its status URL is known. */
function withStatus(day: DigestDay): DigestDay {
  const [head, ...rest] = day.entries;
  if (head === undefined || head.post === null) return day;
  const url = `https://x.com/${head.post.handle}/status/1764551234567890123`;
  return { ...day, entries: [{ ...head, origin: { kind: 'embed', url } }, ...rest] };
}

const samples = sampleDays().map(withStatus);

describe('renderDigestHatena golden', () => {
  for (const day of samples) {
    it(`renders the sample day ${day.day} in Hatena notation`, async () => {
      await expect(renderDigestHatena(day, { mode: 'hatena' })).toMatchFileSnapshot(
        `./golden/hatena-${day.day}.hatena`,
      );
    });
    it(`renders the sample day ${day.day} in Hatena's Markdown mode`, async () => {
      await expect(renderDigestHatena(day, { mode: 'markdown' })).toMatchFileSnapshot(
        `./golden/hatena-markdown-${day.day}.md`,
      );
    });
  }
});

// The lines of Hatena notation that open or close a block: lines kirinuki writes itself.
const STRUCTURE = /^(?:>>|<<|\[https:\/\/twitter\.com\/\w{1,15}\/status\/\d+:embed\])$/;
// What a line of clip text must not start with: heading, list, definition, table, fold,
// quotation, pre and p-stop blocks, raw HTML.
const BLOCK_START = /^[*\-+:|=<>]/;

describe('renderDigestHatena in Hatena notation', () => {
  it('embeds a post whose status URL is known, on twitter.com, instead of quoting it', () => {
    for (const day of samples) {
      const view = entryView(day.entries[0] as Entry);
      const lines = renderDigestHatena(day, { mode: 'hatena' }).split('\n');
      expect(lines[0]).toBe(
        `[https://twitter.com/${view.handle}/status/1764551234567890123:embed]`,
      );
      for (const line of view.postLines)
        if (!view.bodyLines.includes(line)) expect(lines).not.toContain(line);
    }
  });

  it('quotes a post without a status URL with its lines, author, handle, date and links', () => {
    for (const day of sampleDays())
      for (const entry of day.entries) {
        const view = entryView(entry);
        const out = renderDigestHatena(
          { ...day, entries: [entry], documentTagLines: [] },
          { mode: 'hatena' },
        );
        const lines = out.split('\n');
        const open = lines.indexOf('>>');
        const close = lines.indexOf('<<');
        expect(open).toBe(0);
        const quoted = lines.slice(open + 1, close);
        expect(quoted.slice(0, -1).map(decodeReferences)).toEqual(
          view.postLines.filter((l) => l.trim() !== ''),
        );
        const byline = quoted.at(-1) ?? '';
        expect(
          decodeReferences(byline).startsWith(
            `— ${view.authorName} (@${view.handle}) ${view.date}`,
          ),
        ).toBe(true);
        for (const link of view.postLinks) {
          const href = link.startsWith('http') ? link : `https://${link}`;
          expect(
            byline.includes(` ${link}`) || byline.includes(`<a href="${href}">${link}</a>`),
            link,
          ).toBe(true);
        }
      }
  });

  it('writes every summary and tag line as written, each tag linking where asked', () => {
    for (const day of samples) {
      const lines = renderDigestHatena(day, { mode: 'hatena', tagUrl }).split('\n');
      for (const s of day.entries.flatMap((e) => e.summaries)) {
        const line = `<a href="${tagUrl(s.tag)}">#${s.tag}</a>${s.raw.slice(s.tag.length + 1)}`;
        expect(lines).toContain(line);
      }
      const plain = renderDigestHatena(day, { mode: 'hatena' }).split('\n');
      for (const s of day.entries.flatMap((e) => e.summaries)) expect(plain).toContain(s.raw);
      for (const line of day.documentTagLines) expect(plain).toContain(line);
    }
  });

  it('leaves no Hatena notation working in clip text, and shows it as written', () => {
    fc.assert(
      fc.property(lines, lines, clipText, (postLines, body, author) => {
        const base = sampleDays()[0]?.entries[3] as Entry;
        const post = base.post;
        if (post === null) throw new Error('the fourth sample entry has a post');
        const entry: Entry = {
          ...base,
          post: { ...post, headLines: postLines, tailLines: [], authorName: author },
          body,
          summaries: [],
        };
        const out = renderDigestHatena(
          { day: '2024-03-04', entries: [entry], documentTagLines: [] },
          { mode: 'hatena' },
        );
        for (const line of out.split('\n')) {
          if (line === '' || STRUCTURE.test(line)) continue;
          expect(line).not.toMatch(BLOCK_START);
          // Outside the anchors kirinuki writes for links, no markup and no notation.
          const text = line.replace(/<a href="[^"<>]*">[^<>]*<\/a>/g, '');
          expect(text).not.toMatch(/[<>[\]]|\(\(|\)\)|[A-Za-z]:(?!\/\/)/);
        }
        const written = out.split('\n').map(decodeReferences);
        for (const line of [...postLines, ...body]) expect(written).toContain(line);
        expect(written.some((l) => l.startsWith(`— ${author} (@`))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('neutralises each kind of Hatena notation', () => {
    const cases: [string, string][] = [
      ['*見出し', '&#42;見出し'],
      ['**小見出し', '&#42;*小見出し'],
      ['-リスト', '&#45;リスト'],
      ['+番号', '&#43;番号'],
      [':用語:説明', '&#58;用語:説明'],
      ['|表|組|', '&#124;表|組|'],
      ['====', '&#61;==='],
      ['>>', '&gt;&gt;'],
      ['<<', '&lt;&lt;'],
      ['>||', '&gt;||'],
      ['||<', '&#124;|&lt;'],
      ['><p>', '&gt;&lt;p&gt;'],
      ['((脚注))', '(&#40;脚注)&#41;'],
      ['[google:ロシア]', '&#91;google&#58;ロシア&#93;'],
      ['[]停止[]', '&#91;&#93;停止&#91;&#93;'],
      ['id:hatena さん', 'id&#58;hatena さん'],
      ['https://t.co/abc は残す', 'https://t.co/abc は残す'],
      ['S&P <script>', 'S&amp;P &lt;script&gt;'],
    ];
    for (const [text, written] of cases) {
      expect(hatenaText(text)).toBe(written);
      expect(decodeReferences(written)).toBe(text);
    }
  });
});

describe("renderDigestHatena in Hatena's Markdown mode", () => {
  it('embeds posts with a status URL and quotes the others, as the Markdown format does', () => {
    for (const day of samples) {
      const out = renderDigestHatena(day, { mode: 'markdown' });
      const view = entryView(day.entries[0] as Entry);
      expect(
        out.startsWith(`[https://twitter.com/${view.handle}/status/1764551234567890123:embed]\n\n`),
      ).toBe(true);
      const body = bodyOf(md.render(out));
      expect(body.querySelectorAll('blockquote')).toHaveLength(
        day.entries.filter((e) => e.post !== null).length - 1,
      );
    }
  });

  it('shows clip text as written, with no Markdown element and no raw Hatena notation', () => {
    fc.assert(
      fc.property(lines, (body) => {
        const entry: Entry = {
          ...(sampleDays()[0]?.entries[0] as Entry),
          post: null,
          body,
          summaries: [],
        };
        const out = renderDigestHatena(
          { day: '2024-03-04', entries: [entry], documentTagLines: [] },
          { mode: 'markdown' },
        );
        expect(out).not.toMatch(/[[\]]|\(\(|\)\)|[A-Za-z]:(?!\/\/)/);
        expect(md.render(out)).toBe(body.map((l) => `<p>${md.utils.escapeHtml(l)}</p>\n`).join(''));
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderDigestHatena on the real example', () => {
  it.skipIf(exampleDay() === null)('keeps every link, line and summary quote', () => {
    const day = exampleDay() as DigestDay;
    for (const mode of ['hatena', 'markdown'] as const) {
      const out = renderDigestHatena(day, { mode });
      const shown =
        mode === 'hatena' ? decodeReferences(out) : (bodyOf(md.render(out)).textContent ?? '');
      for (const view of day.entries.map(entryView)) {
        for (const link of view.postLinks) expect(shown).toContain(link);
        for (const s of view.summaries)
          for (const seg of s.segments)
            if (seg.kind === 'quote')
              for (const q of seg.quotes) expect(shown).toContain(`「${q}」`);
      }
      if (mode === 'hatena') {
        const lines = out.split('\n');
        for (const line of lines) if (!STRUCTURE.test(line)) expect(line).not.toMatch(BLOCK_START);
        const written = new Set(lines.map(decodeReferences));
        for (const e of day.entries)
          for (const l of [...e.body, ...e.summaries.map((s) => s.raw)])
            if (l.trim() !== '') expect(written.has(l), l).toBe(true);
      }
    }
  });
});
