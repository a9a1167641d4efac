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
        'ingest: page nests elements more than 200 deep (line 1): its main text is not looked for; keeping all visible text',
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
      'ingest: page has more than 50,000 elements (line 1): its main text is not looked for; keeping all visible text',
      'ingest: main text longer than 100,000 characters; kept the first 100,000',
    ]);
  });

  it('keeps the visible text of a paragraph of a million runs of text', () => {
    // Each `<` not starting a tag ends a run of text: a million DOM nodes (4 s a megabyte).
    const html = `<html><head><title>t</title></head><body><p>${'1<2 '.repeat(1_000_000)}</p></body></html>`;
    const { entries, diagnostics } = extractArticle(html, 'lt.html');
    expect(entries[0]?.body).toEqual(['1<2 '.repeat(25_000).trim()]);
    expect(entries[0]?.origin?.title).toBe('t');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'ingest: page has more than 200,000 runs of text (line 1): its main text is not looked for; keeping all visible text',
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

  const deepest = (maxDepth: number) => ({ maxDepth, maxElements: 1e9, maxTextRuns: 1e9 });

  it('counts depth as linkedom builds the tree', () => {
    fc.assert(
      fc.property(soup, fc.nat(8), (html, max) => {
        expect(pageShape(html, deepest(max)).over === null).toBe(domDepth(html) <= max);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts elements and runs of text as linkedom makes nodes of them', () => {
    fc.assert(
      fc.property(soup, (html) => {
        const { document } = parseHTML(html);
        const all = (
          document as unknown as { querySelectorAll(s: string): unknown[] }
        ).querySelectorAll('*').length;
        expect(pageShape(html, deepest(1e9)).elements).toBe(all);
      }),
      { numRuns: 500 },
    );
    expect(pageShape('a&amp;b<c', deepest(9)).textRuns).toBe(3);
  });

  it('stops at the first tag past a limit, in one pass over a million', () => {
    expect(pageShape('<div><div><p>x</p></div></div>', deepest(2)).over).toEqual({
      limit: 'maxDepth',
      at: 10,
    });
    expect(pageShape('<div>'.repeat(1_000_000), deepest(200)).over?.at).toBe(1_000);
    expect(pageShape('<p>x</p>'.repeat(1_000_000), deepest(200))).toEqual({
      elements: 1_000_000,
      textRuns: 1_000_000,
      over: null,
    });
    const crowded = { maxDepth: 9, maxElements: 2, maxTextRuns: 9 };
    expect(pageShape('<p>a</p><p>b</p><p>c</p>', crowded).over).toEqual({
      limit: 'maxElements',
      at: 16,
    });
  });
});
