/**
 * WordPress exports were split into items and fields by patterns that rescanned to the end for
 * every `<item ` or `<title ` without a `>` (300 KB of `<item `: 5.3 s, quadratic), and CDATA
 * was unwrapped by one that did the same for every `<![CDATA[` without `]]>`. They are read by
 * htmlparser2's tokenizer now; these tests hold the field reader to the pattern's answers and
 * feed the importer the inputs that broke it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../shared/index.js';
import { extractBlogArchive } from './extract-blog-archive.js';
import { elementText, parseWxr } from './wxr.js';

// The field reader as it was, the reference on short fragments.
function patternText(xml: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`<${escaped}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${escaped}\\s*>)`, 'i').exec(
    xml,
  );
  if (!m) return undefined;
  const raw = m[1] ?? '';
  let out = '';
  let last = 0;
  for (const c of raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    out += decodeEntities(raw.slice(last, c.index)) + (c[1] ?? '');
    last = c.index + c[0].length;
  }
  return (out + decodeEntities(raw.slice(last))).trim();
}

const WXR = '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>';

describe('WXR fields, read by a tokenizer', () => {
  // Fragments both read alike: whole tags, CDATA that does not hold the closing tag, one
  // element of the name asked for.
  const fragment = fc
    .tuple(
      fc.array(fc.constantFrom('<link>u</link>', '<wp:status>draft</wp:status>', ' ', '\n')),
      fc.array(
        fc.constantFrom(
          '本文',
          '&amp;',
          '&lt;p&gt;',
          '<![CDATA[<p>a</p>]]>',
          '<![CDATA[x]]]]>',
          ' ',
        ),
      ),
      fc.constantFrom('<title>', '<title type="x">', '<TITLE>'),
      fc.constantFrom('</title>', '</title >', '</TITLE>', ''),
    )
    .map(([around, inner, open, close]) => `${around.join('')}${open}${inner.join('')}${close}`);

  it('answers as the pattern did', () => {
    fc.assert(
      fc.property(fragment, (xml) => {
        expect(elementText(xml, 'title')).toBe(patternText(xml, 'title'));
      }),
      { numRuns: 3000 },
    );
    expect(elementText('<wp:status/>', 'wp:status')).toBe('');
  });

  it('does not end a field at its closing tag inside CDATA', () => {
    expect(
      elementText(
        '<content:encoded><![CDATA[a</content:encoded>b]]></content:encoded>',
        'content:encoded',
      ),
    ).toBe('a</content:encoded>b');
  });

  it.each(['<item ', '<title ', '<![CDATA[', '<wp:status>'])(
    'reads %j repeated to 10 MB in one pass',
    (unit) => {
      const body = unit.repeat(Math.ceil(10_000_000 / unit.length));
      const xml = `${WXR}<item><title>t</title><content:encoded>${body}</content:encoded></item>${body}`;
      const { diagnostics } = parseWxr(xml, 'w.xml');
      expect(diagnostics.length).toBeLessThan(3);
    },
  );

  it('reports 200,000 truncated items without overflowing the stack', () => {
    // Their diagnostics were appended with push(...all): a RangeError past about 120,000.
    const { diagnostics } = extractBlogArchive(`${WXR}${'<item>'.repeat(200_000)}`, 'w.xml', 'wxr');
    expect(diagnostics).toHaveLength(200_000);
  });
});
