/**
 * Where a piece of XML first opens markup it does not close before the next `<` — a tag with
 * no `>`, a comment with no `-->`, a CDATA section with no `]]>`, a processing instruction
 * with no `?>` — as an offset, or null when every `<` is closed in turn. One pass: each
 * character is looked at once.
 *
 * Why: the XML parser beneath feedsmith (fast-xml-parser) reads a tag from its `<` to its `>`,
 * and inside a description (read raw) it does so for every `<`; where no `>` follows, every
 * `<` costs the rest of the document — quadratic (100 KB of `<` in a description: 10 s). XML
 * whose markup closes in turn costs it one pass; anything else is not well-formed and is read
 * item by item, each item checked again, so the parser never sees it.
 *
 * @example
 * unclosedMarkupAt('<rss><title>a</title></rss>'); // null
 * unclosedMarkupAt('<rss><description>a<b</description></rss>'); // 19 (the `<b`)
 */
export function unclosedMarkupAt(xml: string): number | null {
  let at = xml.indexOf('<');
  while (at !== -1) {
    const end = markupEnd(xml, at);
    if (end === -1) return at;
    const next = xml.indexOf('<', at + 1);
    // Another `<` inside a tag (outside its quotes) means this one was never closed.
    if (next !== -1 && next < end && !isQuotedLt(xml, at, end)) return at;
    at = xml.indexOf('<', end);
  }
  return null;
}

/** Where the markup opened at `at` ends (after its closing `>`), or -1 when it does not. */
function markupEnd(xml: string, at: number): number {
  const after = (close: string, from: number): number => {
    const i = xml.indexOf(close, from);
    return i === -1 ? -1 : i + close.length;
  };
  if (xml.startsWith('<!--', at)) return after('-->', at + 4);
  if (xml.startsWith('<![CDATA[', at)) return after(']]>', at + 9);
  if (xml.startsWith('<?', at)) return quotedEnd(xml, at + 2, '?>');
  if (xml.startsWith('<!DOCTYPE', at)) {
    // An internal subset holds declarations of its own: `<!DOCTYPE rss [ <!ENTITY …> ]>`.
    const gt = xml.indexOf('>', at);
    const bracket = xml.indexOf('[', at);
    if (bracket === -1 || (gt !== -1 && gt < bracket)) return gt === -1 ? -1 : gt + 1;
    const close = /\]\s*>/g;
    close.lastIndex = bracket;
    const m = close.exec(xml);
    return m === null ? -1 : m.index + m[0].length;
  }
  return quotedEnd(xml, at + 1, '>');
}

/** After the first `close` from `from` outside quotes (as the XML parser reads a tag), or -1. */
function quotedEnd(xml: string, from: number, close: string): number {
  let quote = 0;
  for (let i = from; i < xml.length; i += 1) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (xml.startsWith(close, i)) return i + close.length;
  }
  return -1;
}

/**
 * Whether every `<` between `at` and `end` lies inside quotes or a comment-like section — as
 * in a DOCTYPE's subset or a comment, which may hold `<` — so the markup did close in turn.
 */
function isQuotedLt(xml: string, at: number, end: number): boolean {
  if (
    xml.startsWith('<!--', at) ||
    xml.startsWith('<![CDATA[', at) ||
    xml.startsWith('<!DOCTYPE', at)
  )
    return true;
  let quote = 0;
  for (let i = at + 1; i < end; i += 1) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3c) return false;
  }
  return true;
}
