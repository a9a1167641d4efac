import { scanMarkup } from './markup-tokens.js';

/** Where one item element lies in the source, and whether its closing tag was there. */
export interface ItemSpan {
  /** The name as written. */
  name: string;
  /** From the item's `<`… */
  start: number;
  /** …to after its closing tag, or to where the next item begins, or the end of the source. */
  end: number;
  closed: boolean;
}

/** The item elements of an XML document, found without parsing it as a whole. */
export interface XmlItems {
  /** The root element (the first of `roots`) and its opening tag as written, when asked for. */
  root: { name: string; tag: string } | null;
  items: ItemSpan[];
  /** Where the last whole tag ends: what follows is an unfinished tag or text. */
  markupEnd: number;
}

export interface XmlItemsOptions {
  /** Item element names, lower-case. */
  items: ReadonlySet<string>;
  /** Root element names, lower-case: when given, items count only once one has opened. */
  roots?: ReadonlySet<string>;
  /** Stop once this many items are found. Default: no limit. */
  max?: number;
}

/**
 * The items of XML that may be broken (`<item>` of a feed or a WordPress export, `<entry>` of
 * Atom), each read on its own afterwards so one broken item costs only itself. Found by
 * htmlparser2's tokenizer in XML mode, in one linear pass that skips comments and CDATA (an
 * `<item>` inside a description is text, not an item). An item ends at its closing tag, at the
 * next item's opening tag (then it was truncated) or at the end of the source. Names compare
 * without case.
 *
 * @example
 * xmlItems('<rss><item>a</item><item>b', { items: new Set(['item']) }).items;
 * // [{ name: 'item', start: 5, end: 19, closed: true }, { name: 'item', start: 19, end: 26, closed: false }]
 */
export function xmlItems(xml: string, options: XmlItemsOptions): XmlItems {
  const max = options.max ?? Infinity;
  let root: { name: string; tag: string } | null = null;
  const items: ItemSpan[] = [];
  let markupEnd = 0;
  let current: { name: string; start: number } | null = null;
  const endCurrent = (end: number, closed: boolean): void => {
    if (current === null) return;
    items.push({ ...current, end, closed });
    current = null;
  };
  const open = (): boolean => options.roots === undefined || root !== null;
  scanMarkup(
    xml,
    (token) => {
      if (token.kind === 'text' || token.kind === 'cdata') return true;
      markupEnd = token.end;
      const name = token.name.toLowerCase();
      if (token.kind === 'close') {
        if (current?.name.toLowerCase() === name) endCurrent(token.end, true);
      } else if (root === null && options.roots?.has(name)) {
        root = { name: token.name, tag: xml.slice(token.start, token.end) };
      } else if (open() && options.items.has(name)) {
        endCurrent(token.start, false);
        current = { name: token.name, start: token.start };
        if (token.selfClosing) endCurrent(token.end, true);
      }
      return items.length < max;
    },
    { xml: true, decodeEntities: false },
  );
  endCurrent(xml.length, false);
  return { root, items, markupEnd };
}
