/** Feeds (`src/ingest/feed`): RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed. */
import fc from 'fast-check';
import { extractFeed } from '../../../src/ingest/index.js';
import { checkImport } from '../import-checks.js';
import { fuzzInputs, joined } from '../mutate.js';
import { repeatTo, type FuzzTarget } from '../target.js';

const text = joined(
  [
    'ロシア',
    '停戦',
    '。',
    ' ',
    '&amp;',
    '&lt;p&gt;',
    '&lt;/p&gt;',
    'a&lt;b',
    '&#x3042;',
    '&nbsp;',
    'x',
  ],
  8,
);
const html = joined(
  [
    '<p>',
    '</p>',
    '<br>',
    'ウクライナ',
    '本文',
    '<a href="/n/1">リンク</a>',
    '<script>x</script>',
    '&amp;',
    ' ',
  ],
  8,
);
const link = fc.constantFrom(
  'https://e.jp/n/1',
  '/n/2',
  'n/3?utm_source=x',
  'javascript:alert(1)',
  '',
  'https://e.jp/a b',
);
const date = fc.constantFrom(
  'Thu, 18 Jan 2024 09:00:00 +0900',
  '2024-01-18T09:00:00+09:00',
  'yesterday',
  '',
);
const description = fc.oneof(
  text.map((t) => `<description>${t}</description>`),
  html.map((h) => `<description><![CDATA[${h}]]></description>`),
  html.map((h) => `<content:encoded><![CDATA[${h}]]></content:encoded>`),
);
const rssItem = fc
  .tuple(text, link, date, description)
  .map(
    ([t, l, d, desc]) =>
      `<item><title>${t}</title><link>${l}</link><pubDate>${d}</pubDate>${desc}</item>`,
  );
const rss = fc
  .tuple(text, fc.array(rssItem, { maxLength: 5 }))
  .map(
    ([title, items]) =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>https://e.jp/</link>${items.join('\n')}</channel></rss>`,
  );
const atomEntry = fc
  .tuple(text, link, date, html)
  .map(
    ([t, l, d, h]) =>
      `<entry><title type="html">${t}</title><link rel="alternate" href="${l}"/><id>tag:e.jp,2024:${t.length}</id><updated>${d}</updated><content type="html"><![CDATA[${h}]]></content></entry>`,
  );
const atom = fc
  .tuple(text, fc.array(atomEntry, { maxLength: 5 }))
  .map(
    ([title, entries]) =>
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>${entries.join('')}</feed>`,
  );
const rdf = fc
  .array(rssItem, { maxLength: 4 })
  .map(
    (items) =>
      `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>RDF</title></channel>${items.join('')}</rdf:RDF>`,
  );
const jsonFeed = fc
  .array(
    fc.record({
      id: fc.string({ maxLength: 5 }),
      url: link,
      title: text,
      content_html: html,
      date_published: date,
    }),
    { maxLength: 4 },
  )
  .map((items) =>
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items }),
  );

const TOKENS = [
  '<item>',
  '</item>',
  '<item ',
  '<entry>',
  '</entry>',
  '<title>',
  '</title>',
  '<description>',
  '</description>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<',
  '>',
  '&',
  '&lt;',
  '&amp;',
  '"',
  '<?',
  '<!DOCTYPE rss [<!ENTITY e "v">]>',
  '&e;',
  '<link>',
  '</link>',
  'a<b',
  '<a "',
  '{',
  '}',
  '"items":[',
];
const HEAD = '<rss version="2.0"><channel><title>テスト</title>';
const ITEM =
  '<item><title>記事</title><link>https://e.jp/1</link><description>本文</description></item>';

/**
 * Reading a feed never throws; every entry is valid and holds no markup its input did not.
 *
 * @example
 * feedTarget.check('<rss version="2.0"><channel><item><title>x</title></item></channel></rss>');
 */
export const feedTarget: FuzzTarget = {
  name: 'feed',
  module: 'src/ingest/feed',
  input: fuzzInputs(fc.oneof({ weight: 3, arbitrary: rss }, atom, rdf, jsonFeed), TOKENS),
  parse: (xml) => extractFeed(xml, 'fuzz.xml'),
  check(xml) {
    checkImport(xml, extractFeed(xml, 'fuzz.xml', { baseUrl: 'https://e.jp/feed/' }));
  },
  worst: [
    { name: "'<item ' × N, no '>' (salvage)", make: (n) => repeatTo(n, '<item ', HEAD) },
    {
      name: "a description of 'a&lt;b' × N",
      make: (n) =>
        repeatTo(
          n,
          'a&lt;b',
          `${HEAD}<item><link>https://e.jp/1</link><description>`,
          '</description></item></channel></rss>',
        ),
    },
    {
      name: "a description of '<' × N",
      make: (n) =>
        repeatTo(
          n,
          '<',
          `${HEAD}${ITEM}<item><description>`,
          `</description></item>${ITEM}</channel></rss>`,
        ),
    },
    {
      name: "a description of '<!--' × N",
      make: (n) =>
        repeatTo(n, '<!--', `${HEAD}<item><description>`, '</description></item></channel></rss>'),
    },
    { name: 'whole items × N', make: (n) => repeatTo(n, ITEM, HEAD, '</channel></rss>') },
  ],
  share: 0.015,
};
