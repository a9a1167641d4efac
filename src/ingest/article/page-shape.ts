import { Parser } from 'htmlparser2';

/** How big and how deep a page's element tree is, as linkedom would build it. */
export interface PageShape {
  /** Elements, void ones included (up to `deepAt` when the page is too deep). */
  elements: number;
  /** The offset of the opening tag that first nests deeper than `maxDepth`, or null. */
  deepAt: number | null;
}

/**
 * Counts a page's elements and finds where it first nests elements more than `maxDepth`
 * deep. Depth is counted as linkedom builds its tree (htmlparser2's parser in HTML mode, with
 * its implied closings: a `<p>` closes an open `<p>`), so the DOM built from the page, or
 * from the part before `deepAt`, is no deeper. The parse stops at `deepAt`, so this costs at
 * most one pass over the page.
 *
 * Why it matters: linkedom's parser keeps its open elements in an array it shifts at the front,
 * quadratic in the depth (100,000 nested `<div>`s: 7.8 s); Readability is about cubic in it
 * (1,000 deep: 30 s) and overflows the stack from 2,500; and Readability's own element limit
 * never fires over linkedom, whose `getElementsByTagName('*')` is empty.
 *
 * @example
 * pageShape('<div><div><p>x</p></div></div>', 2); // { elements: 3, deepAt: 10 } (the `<p>`)
 * pageShape('<p>a<p>b<p>c', 2); // { elements: 3, deepAt: null }
 */
export function pageShape(html: string, maxDepth: number): PageShape {
  let depth = 0;
  let elements = 0;
  let deepAt: number | null = null;
  const parser = new Parser(
    {
      onopentagname() {
        elements += 1;
        depth += 1;
        if (depth > maxDepth && deepAt === null) {
          deepAt = parser.startIndex;
          parser.pause();
        }
      },
      onclosetag() {
        depth -= 1;
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  if (deepAt === null) parser.end();
  return { elements, deepAt };
}
