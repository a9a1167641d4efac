/**
 * HTML to text was a tokenizing pattern that backtracked over an attribute list with no `>`:
 * `a<b` repeated took 8.5 s at 100 KB, quadratic (a 200 KB feed description: 30 s). It is read
 * with htmlparser2's tokenizer now; these tests hold it to the pattern's answers where the two
 * read markup alike and feed it the inputs that broke it, at sizes the pattern would have
 * needed hours for. `linesAt` rescanned a text with no line break for every offset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesAt, lineAt } from './diagnostics.js';
import { decodeEntities } from './entities.js';
import { capLines, htmlToLines, readHtmlText } from './html-text.js';
import { scanMarkup } from './markup-tokens.js';

// The reader as it was, the reference on short fragments where it is fast.
const BLOCK = new Set(
  (
    'address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 ' +
    'h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'
  ).split(' '),
);
const PARAGRAPH = new Set('p blockquote h1 h2 h3 h4 h5 h6 pre ul ol table hr figure'.split(' '));
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'head']);
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>|([^<]+)|</g;

function patternLines(html: string): string[] {
  const lines: string[] = [];
  let current = '';
  let afterBr = false;
  const breakLine = (paragraph: boolean): void => {
    const line = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (line !== '') lines.push(line);
    if (paragraph && lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    current = '';
  };
  const token = new RegExp(TOKEN.source, 'g');
  for (let m = token.exec(html); m !== null; m = token.exec(html)) {
    const [whole, cdata, slash, rawName, , text] = m;
    const name = rawName?.toLowerCase();
    if (name === 'br') {
      breakLine(afterBr && current.trim() === '');
      afterBr = true;
      continue;
    }
    if (text !== undefined) {
      if (text.trim() !== '') afterBr = false;
      current += decodeEntities(text);
    } else if (cdata !== undefined) current += cdata;
    else if (name !== undefined && slash === '' && HIDDEN.has(name)) {
      if (!whole.endsWith('/>')) {
        const closing = new RegExp(`</${name}`, 'gi');
        closing.lastIndex = token.lastIndex;
        const end = closing.exec(html)?.index;
        const close = end === undefined ? -1 : html.indexOf('>', end);
        token.lastIndex = close === -1 ? html.length : close + 1;
      }
    } else if (name !== undefined && BLOCK.has(name)) breakLine(PARAGRAPH.has(name));
    else if (whole === '<') {
      current += '<';
      // The one change made on purpose: a stray `<` is text a reader sees, so `<br><<br>` is
      // a line break, not a paragraph break (the pattern forgot to say so).
      afterBr = false;
    }
  }
  breakLine(false);
  while (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const pieces = (words: string[], maxLength = 16) =>
  fc.array(fc.constantFrom(...words), { maxLength }).map((a) => a.join(''));

describe('HTML to text, read by a tokenizer', () => {
  // Markup both read alike: whole tags with quoted attributes, the references of the old table,
  // hidden elements that do not nest, a `<` that starts no tag. (Where they differ — a tag cut
  // off or run into another — the tokenizer reads as a browser does: below.)
  const fragment = pieces([
    '<p>', '</p>', '<br>', '<br/>', '</br>', '<div class="a>b">', '</div>', '<b>', '</b>',
    '<li>', '</li>', '<h2 id=\'x\'>', '</h2>', '<script>if (a<b) "</p>"</script>',
    '<style>p{}</style>', '<svg><title>t</title></svg>', '<svg/>', '<!-- <p> -->',
    '<![CDATA[x<y]]>', '<!doctype html>', '<?xml version="1.0"?>', 'あ', '本文', 'text', ' ',
    '\n', '\u3000', '&amp;', '&lt;', '&gt;', '&nbsp;', '&#x3042;', '&#12354;', '&hellip;',
    '3 < 4', '< ', '<3', '>',
  ]); // prettier-ignore

  it('answers as the pattern did', () => {
    fc.assert(
      fc.property(fragment, (html) => {
        expect(htmlToLines(html)).toEqual(patternLines(html));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads as a browser where the pattern did not', () => {
    // Every character reference, not only a table of fifty; legacy ones without `;` too.
    expect(htmlToLines('&notin; &copy 2024 &bogus;')).toEqual(['∉ © 2024 &bogus;']);
    // A quote inside an attribute name does not make the tag text.
    expect(htmlToLines('<a b">x</a>')).toEqual(['x']);
    // A head with no `</head>` ends where the body's first element begins.
    expect(htmlToLines('<head><title>t</title><p>本文')).toEqual(['本文']);
    // A quote left open runs to the end, as in a browser; the cut-off tag is kept as written.
    expect(htmlToLines('<p>本文<a href="<p>x')).toEqual(['本文<a href="<p>x']);
    // A tag name runs to a space, `/` or `>`: `<p<b>` is one (unknown) element, not two.
    expect(htmlToLines('a<p<b>b')).toEqual(['ab']);
  });

  it('reads `a<b` ten million characters long once, keeping it as written', () => {
    const html = 'a<b'.repeat(3_400_000);
    expect(htmlToLines(html)).toEqual([html]);
  });

  it.each(['<a b="', "<a b='", '<!--', '<![CDATA[', '&#x', '</a ', '<script>', '<p>', '<div>'])(
    'reads %j repeated to 10 MB in one pass',
    (unit) => {
      const html = `${unit.repeat(Math.ceil(10_000_000 / unit.length))}x`;
      const { lines } = readHtmlText(html, { maxChars: 100_000 });
      expect(lines.join('').length).toBeLessThanOrEqual(100_000);
    },
  );

  it('reads a million nested elements without a stack', () => {
    const html = `${'<div>'.repeat(1_000_000)}深い本文${'</div>'.repeat(1_000_000)}`;
    expect(htmlToLines(html)).toEqual(['深い本文']);
  });

  it('stops at maxChars and says it cut', () => {
    const html = `<p>${'ウクライナ情勢。'.repeat(4_000_000)}</p>`; // 32 million characters
    const read = readHtmlText(html, { maxChars: 100_000 });
    expect(read.cut).toBe(true);
    expect(read.lines.join('').length).toBe(100_000);
    expect(readHtmlText('<p>短い</p>', { maxChars: 2 })).toEqual({ lines: ['短い'], cut: false });
  });
});

describe('capLines', () => {
  it('keeps a prefix of at most maxChars, never half a surrogate pair', () => {
    const line = pieces(['a', 'あ', '🇺🇦', '𠮷', ' '], 8);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.nat(40), (lines, max) => {
        const kept = capLines(lines, max);
        const text = kept.join('');
        expect(text.length).toBeLessThanOrEqual(max);
        expect(lines.join('').startsWith(text)).toBe(true);
        expect(text).not.toMatch(/[\ud800-\udbff]$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scanMarkup', () => {
  it('gives tags with their offsets, text decoded, and stops when asked', () => {
    const seen: string[] = [];
    scanMarkup('<p class="x">a&amp;b</p><br/><i>', (t) => {
      if (t.kind === 'open')
        seen.push(`<${t.name}>@${t.start}-${t.end}${t.selfClosing ? '/' : ''}`);
      else if (t.kind === 'close') seen.push(`</${t.name}>@${t.end}`);
      else seen.push(t.text);
      return t.kind !== 'open' || t.name !== 'br';
    });
    expect(seen).toEqual(['<p>@0-13', 'a', '&', 'b', '</p>@24', '<br>@24-29/']);
  });

  it('drops a tag cut off at the end, or gives it as text when asked', () => {
    const texts = (html: string, unfinishedTagAsText: boolean): string[] => {
      const out: string[] = [];
      scanMarkup(html, (t) => void (t.kind === 'text' && out.push(t.text)), {
        unfinishedTagAsText,
      });
      return out;
    };
    expect(texts('a<b c="d', false)).toEqual(['a']);
    expect(texts('a<b c="d', true)).toEqual(['a', '<b c="d']);
    // Cut off while the tokenizer still matched `<textarea`, `<script`, `<title`.
    for (const tail of ['<tex', '<scr', '<ti', '<x'])
      expect([texts(`a${tail}`, false), texts(`a${tail}`, true)]).toEqual([['a'], ['a', tail]]);
  });
});

describe('linesAt', () => {
  it('agrees with lineAt', () => {
    const text = pieces(['a', '\n', 'あ', '\r\n'], 30);
    fc.assert(
      fc.property(text, fc.array(fc.nat(40)), (t, raw) => {
        const offsets = [...raw].sort((a, b) => a - b);
        expect(linesAt(t, offsets)).toEqual(offsets.map((o) => lineAt(t, o)));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds 100,000 offsets in 10 MB without a line break in one pass', () => {
    const text = 'x'.repeat(10_000_000);
    const offsets = Array.from({ length: 100_000 }, (_, i) => i * 100);
    expect(linesAt(text, offsets).every((l) => l === 1)).toBe(true);
  });
});
