import { Parser } from 'htmlparser2';

/** What a page's tree may hold before it is too costly to build and search for its main text. */
export interface ShapeLimits {
  /** Elements nested deeper than this. */
  maxDepth: number;
  /** Elements, void ones included. */
  maxElements: number;
  /** Runs of text (linkedom makes a text node of each). */
  maxTextRuns: number;
}

/** How a page's tree, as linkedom would build it, compares with the limits. */
export interface PageShape {
  elements: number;
  textRuns: number;
  /** The first limit the page goes past, and the offset of the tag or text where it does. */
  over: { limit: keyof ShapeLimits; at: number } | null;
}

/**
 * Counts a page's elements and runs of text and the depth of its elements as linkedom builds
 * its tree (htmlparser2's parser in HTML mode, with its implied closings: a `<p>` closes an open
 * `<p>`), stopping at the first limit the page goes past — so it costs at most one pass, and
 * the DOM built from the part before `over.at` stays within the limits.
 *
 * Why it matters: linkedom's parser keeps its open elements in an array it shifts at the front,
 * quadratic in the depth (100,000 nested `<div>`s: 7.8 s); Readability is about cubic in it
 * (1,000 deep: 30 s) and overflows the stack from 2,500; it takes about 40 µs an element and
 * 4 µs a text node (a million `<` in a paragraph are a million text nodes: 4 s a megabyte);
 * and Readability's own element limit never fires over linkedom, whose
 * `getElementsByTagName('*')` is empty.
 *
 * @example
 * const limits = { maxDepth: 2, maxElements: 100, maxTextRuns: 100 };
 * pageShape('<div><div><p>x</p></div></div>', limits).over; // { limit: 'maxDepth', at: 10 }
 * pageShape('<p>a<p>b<p>c', limits).over; // null
 */
export function pageShape(html: string, limits: ShapeLimits): PageShape {
  let depth = 0;
  const shape: PageShape = { elements: 0, textRuns: 0, over: null };
  const stop = (limit: keyof ShapeLimits): void => {
    if (shape.over !== null) return;
    shape.over = { limit, at: parser.startIndex };
    parser.pause();
  };
  const parser = new Parser(
    {
      onopentagname() {
        shape.elements += 1;
        depth += 1;
        if (depth > limits.maxDepth) stop('maxDepth');
        else if (shape.elements > limits.maxElements) stop('maxElements');
      },
      onclosetag() {
        depth -= 1;
      },
      ontext() {
        shape.textRuns += 1;
        if (shape.textRuns > limits.maxTextRuns) stop('maxTextRuns');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  if (shape.over === null) parser.end();
  return shape;
}
