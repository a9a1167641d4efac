/**
 * Pages built to be expensive. Nested `<div>`s made Readability take 30 s at 1,000 deep and
 * overflow the stack from 2,500 — after which the fallback read the DOM Readability had
 * emptied, so the body came back empty under a warning that said "keeping all visible text";
 * from 8,000 deep it hung for minutes (linkedom's parser is quadratic in the depth). The element
 * limit never fired, as Readability counts elements in a way linkedom answers with 0.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article.js';
import { pageShape } from './page-shape.js';

const TEXT = 'ロシア軍は東部で攻勢を強めている。ウクライナ軍は防衛線を維持していると発表した。';
const page = (depth: number, head = '<title>深い記事</title>'): string =>
  `<!doctype html><html><head>${head}</head><body>${'<div>'.repeat(depth)}<p>${TEXT.repeat(4)}</p>${'</div>'.repeat(depth)}</body></html>`;

describe('a page nested too deep', () => {
  it.each([2_500, 10_000, 100_000])(
    'keeps all the visible text at %i deep, saying why',
    (depth) => {
      const { entries, diagnostics } = extractArticle(page(depth), 'deep.html');
      expect(entries[0]?.body).toEqual([TEXT.repeat(4)]);
      expect(entries[0]?.origin?.title).toBe('深い記事');
      expect(diagnostics.map((d) => d.message)).toEqual([
        'ingest: page nests elements more than 200 deep (line 1); keeping all visible text',
      ]);
    },
  );

  it('reads metadata from the part before the deep nesting', () => {
    const head =
      '<title>t</title><link rel="canonical" href="https://e.jp/a"><meta property="og:site_name" content="例日報">';
    const { entries } = extractArticle(page(5_000, head), 'deep.html');
    expect(entries[0]?.origin).toMatchObject({ url: 'https://e.jp/a', outlet: '例日報' });
  });

  it('still gives a page within the limit to Readability', () => {
    const { entries, diagnostics } = extractArticle(page(150), 'p.html');
    expect(entries[0]?.body.join('')).toContain(TEXT);
    expect(diagnostics.map((d) => d.message).join('\n')).not.toMatch(/deep|visible text/);
  });
});

describe('what one page can cost', () => {
  it('keeps the visible text of a page with more elements than the limit', () => {
    const html = `<html><body>${`<div><p>${TEXT}</p></div>`.repeat(30_000)}</body></html>`;
    const { entries, diagnostics } = extractArticle(html, 'big.html');
    expect(entries[0]?.body.join('').length).toBe(100_000);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'ingest: page has 60,002 elements, more than the main text is looked for in (50,000); keeping all visible text',
      'ingest: main text longer than 100,000 characters; kept the first 100,000',
    ]);
  });

  it('keeps the visible text once the deadline has passed', () => {
    const { entries, diagnostics } = extractArticle(page(3), 'p.html', {
      deadline: Date.now() - 1,
    });
    expect(entries[0]?.body).toEqual([TEXT.repeat(4)]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'ingest: time limit reached before the main text was looked for; keeping all visible text',
    ]);
  });
});

describe('pageShape', () => {
  interface Tree {
    children: Iterable<Tree>;
  }
  /** The depth of linkedom's tree, walked with a list (a deep tree must not overflow here either). */
  function domDepth(html: string): number {
    const { document } = parseHTML(html);
    let max = 0;
    const work: [Tree, number][] = [[document as unknown as Tree, 0]];
    for (let next = work.pop(); next !== undefined; next = work.pop()) {
      const [node, depth] = next;
      max = Math.max(max, depth);
      for (const child of node.children) work.push([child, depth + 1]);
    }
    return max;
  }
  const soup = fc
    .array(
      fc.constantFrom(
        '<div>', '</div>', '<p>', '</p>', '<li>', '<ul>', '</ul>', '<b>', '</b>', '<br>', '<img>',
        '<table>', '<tr>', '<td>', '<svg>', '</svg>', '<script>x</script>', 'text', '</x>',
      ),
      { maxLength: 20 },
    )
    .map((a) => a.join('')); // prettier-ignore

  it('counts depth as linkedom builds the tree', () => {
    fc.assert(
      fc.property(soup, fc.nat(8), (html, max) => {
        expect(pageShape(html, max).deepAt === null).toBe(domDepth(html) <= max);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops at the first tag past the limit, in one pass over a million', () => {
    expect(pageShape('<div><div><p>x</p></div></div>', 2)).toEqual({ elements: 3, deepAt: 10 });
    expect(pageShape('<div>'.repeat(1_000_000), 200).deepAt).toBe(1_000);
    expect(pageShape('<p>x</p>'.repeat(1_000_000), 200)).toEqual({
      elements: 1_000_000,
      deepAt: null,
    });
  });
});
