import fc from 'fast-check';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { atomEntryXml, escapeXmlAttribute, escapeXmlText, readAtomEntry } from './atom-entry.js';

/* eslint-disable no-control-regex -- the characters XML 1.0 leaves out */
/** What XML 1.0 can carry of a string: what the builder keeps. */
const xmlChars = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
/* eslint-enable no-control-regex */

const markupHeavy = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '&amp;',
      '<![CDATA[',
      ']]>',
      '\r',
      '\n',
      '\t',
      '\u0000',
      '\uFFFE',
    ),
    fc.constantFrom('ウ', 'ク', '「', '」', '#', '(', ')', '・', ' '),
    fc.string({ unit: 'binary', maxLength: 2 }),
  ),
  maxLength: 40,
});

describe('atomEntryXml', () => {
  it('round-trips any title, content and category through a real XML parser', () => {
    fc.assert(
      fc.property(
        markupHeavy,
        markupHeavy,
        fc.array(markupHeavy, { maxLength: 3 }),
        fc.boolean(),
        (title, content, categories, draft) => {
          const xml = atomEntryXml({
            title,
            content,
            contentType: 'text/plain',
            categories,
            draft,
          });
          const doc = new DOMParser().parseFromString(xml, 'text/xml');
          const root = doc.documentElement;
          // No element or attribute comes from the text: the entry has exactly what the builder wrote.
          const terms = categories.map(xmlChars).filter((c) => c.trim() !== '');
          expect([...root.children].map((c) => c.tagName)).toEqual([
            'title',
            'content',
            ...terms.map(() => 'category'),
            'app:control',
          ]);
          expect(root.getElementsByTagName('title')[0]?.textContent).toBe(xmlChars(title));
          expect(root.getElementsByTagName('content')[0]?.textContent).toBe(xmlChars(content));
          const read = readAtomEntry(xml);
          expect(read?.categories).toEqual(terms.map((c) => c.trim()));
          expect(read?.draft).toBe(draft);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes the AtomPub draft control and the Atom and app namespaces', () => {
    const xml = atomEntryXml({
      title: 't',
      content: 'c',
      contentType: 'text/plain',
      authorName: 'kirinuki',
      categories: ['NATO'],
      draft: true,
    });
    expect(xml).toContain(
      '<entry xmlns="http://www.w3.org/2005/Atom" xmlns:app="http://www.w3.org/2007/app">',
    );
    expect(xml).toContain('<app:control>\n    <app:draft>yes</app:draft>\n  </app:control>');
    expect(xml).toContain('<author><name>kirinuki</name></author>');
    expect(xml).toContain('<category term="NATO" />');
  });
});

describe('escapeXmlText and escapeXmlAttribute', () => {
  it('escape markup and keep what parsers would fold', () => {
    expect(escapeXmlText('a < b & c > d\r\n')).toBe('a &lt; b &amp; c &gt; d&#xD;\n');
    expect(escapeXmlAttribute('"x"\n\ty')).toBe('&quot;x&quot;&#xA;&#x9;y');
    expect(escapeXmlText('bell\u0007 and \uD800 lone')).toBe('bell and  lone');
  });
});

describe('readAtomEntry', () => {
  it('reads the links, categories and draft state of an answer like Hatena’s', () => {
    const answer = `<?xml version="1.0" encoding="utf-8"?>
<entry xmlns="http://www.w3.org/2005/Atom" xmlns:app="http://www.w3.org/2007/app">
  <id>tag:blog.hatena.ne.jp,2013:blog-kirinuki-20000000000000-3000000000000000</id>
  <link rel="edit" href="https://blog.hatena.ne.jp/kirinuki/kirinuki.hatenablog.com/atom/entry/2500000000"/>
  <link rel="alternate" type="text/html" href="https://kirinuki.hatenablog.com/entry/2024/03/04/210000?a=1&amp;b=2"/>
  <title>記事 &amp; タイトル</title>
  <content type="text/x-hatena-syntax">** 本文</content>
  <category term="R&amp;D" />
  <app:control><app:draft>no</app:draft><app:preview>no</app:preview></app:control>
</entry>`;
    expect(readAtomEntry(answer)).toEqual({
      title: '記事 & タイトル',
      links: [
        {
          rel: 'edit',
          href: 'https://blog.hatena.ne.jp/kirinuki/kirinuki.hatenablog.com/atom/entry/2500000000',
        },
        {
          rel: 'alternate',
          href: 'https://kirinuki.hatenablog.com/entry/2024/03/04/210000?a=1&b=2',
        },
      ],
      categories: ['R&D'],
      content: '** 本文',
      contentType: 'text/x-hatena-syntax',
      draft: false,
    });
  });

  it('is null for what is not an entry document', () => {
    expect(readAtomEntry('<html><body>502 Bad Gateway</body></html>')).toBeNull();
    expect(readAtomEntry('<entry><title>a < b</title></entry>')).toBeNull();
    expect(readAtomEntry('')).toBeNull();
  });
});
