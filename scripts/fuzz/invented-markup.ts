/**
 * "No output invents markup": every tag-like piece (`<p>`, `</a>`, `<script src=…>`) in what a
 * parser gives back must stand in its input — as written, with its character references
 * decoded once or twice (XML holding escaped HTML), or with the input's own tags taken out
 * (`<b>&lt;</b>p>` reads as `<p>`, which the input spelled out as text). A tag found nowhere
 * in the input was made by the parser, and a renderer that trusts it would inject it. Links are
 * left out of the comparison on both sides: a post's text drops its links, and a link cut out
 * of `<a href="https://…">` leaves `<a href=">`, which is the input's own text, not a new tag.
 */
import { decodeEntities, htmlToLines } from '../../src/ingest/index.js';

const TAG_LIKE = /<\/?[A-Za-z][^<>]{0,200}>/g;
const TAG = /<[^<>]*>/g;
const LINK = /(?:https?:\/\/|pic\.twitter\.com\/)[^\s"'<>]*/g;

/**
 * The first tag-like piece of `texts` that the input does not hold in any of its spellings,
 * or null.
 *
 * @example
 * inventedMarkup('&lt;p&gt;', ['<p>']); // null: the input wrote it as text
 * inventedMarkup('本文', ['<p>本文</p>']); // '<p>'
 */
export function inventedMarkup(input: string, texts: Iterable<string>): string | null {
  let spellings: string[] | null = null;
  for (const text of texts) {
    if (!text.includes('<')) continue;
    for (const tag of text.match(TAG_LIKE) ?? []) {
      if (input.includes(tag)) continue;
      spellings ??= spellingsOf(input);
      const bare = comparable(tag);
      if (!spellings.some((s) => s.includes(bare))) return tag;
    }
  }
  return null;
}

function spellingsOf(input: string): string[] {
  // An oEmbed answer is JSON, which escapes `/`, `"` and line breaks in the HTML it carries.
  const unescaped = [...stringsOf(jsonValue(input))].join('\n');
  // A CDATA section is text written as it is, even inside HTML: `<<![CDATA[a>` reads `<a>`.
  const uncdata = input.replace(/<!\[CDATA\[|\]\]>/g, '');
  // A damaged export is not JSON as a whole; its strings' escapes are read one by one.
  const unescapedEach = input.replace(JSON_ESCAPE, (_, hex?: string, c?: string) =>
    hex === undefined ? (JSON_ESCAPES[c ?? ''] ?? '') : String.fromCharCode(parseInt(hex, 16)),
  );
  const bases = [...new Set([input, unescaped, unescapedEach, uncdata])];
  return [...bases, ...bases.map(legacyDecoded)].flatMap(readings).map(comparable);
}

const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function jsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const LEGACY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** A browser reads `&lt`, `&gt`, `&amp`, `&quot` without their `;` too, even before letters. */
function legacyDecoded(text: string): string {
  return text.replace(/&(lt|gt|amp|quot);?/gi, (_, n: string) => LEGACY[n.toLowerCase()] ?? '');
}

function readings(input: string): string[] {
  const once = decodeEntities(input);
  const twice = decodeEntities(once);
  const untagged = input.replace(TAG, '');
  const untaggedOnce = decodeEntities(untagged);
  // Tags taken out after decoding too: `&lt;b&gt;&amp;lt;&lt;/b&gt;p>` in a feed's description;
  // and the text a browser reads, which decodes `&ltscript&gt;` (no `;`) as well.
  return [
    input,
    once,
    twice,
    untagged,
    untaggedOnce,
    decodeEntities(untaggedOnce),
    once.replace(TAG, ''),
    decodeEntities(once.replace(TAG, '')),
    twice.replace(TAG, ''),
    htmlToLines(input).join('\n'),
    htmlToLines(once).join('\n'),
  ];
}

/** Links out, runs of white space (no-break ones too, which readers fold) as one space. */
function comparable(text: string): string {
  return text.replace(LINK, '').replace(/[\s\u00a0]+/g, ' ');
}

/**
 * Every string inside a value (an entry, a document), depth first, without recursion.
 *
 * @example
 * [...stringsOf({ a: ['x', { b: 'y' }] })]; // ['x', 'y']
 */
export function* stringsOf(value: unknown): Generator<string> {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') yield v;
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v).reverse());
  }
}
