/** Blog archives (`src/ingest/blog-archive`): Movable Type (Hatena Blog) exports and WordPress WXR. */
import fc from 'fast-check';
import { extractBlogArchive } from '../../../src/ingest/index.js';
import { checkImport } from '../import-checks.js';
import { fuzzInputs, joined } from '../mutate.js';
import { expectThat, repeatTo, type FuzzTarget } from '../target.js';

/** A post body: a digest entry as the curator wrote it, as HTML or as text. */
const body = fc
  .tuple(
    joined(
      ['G7財務相', '合意', ' ', 'https://t.co/Abc123', '<br />', '&amp;', '&lt;p&gt;', '。'],
      6,
    ),
    fc.constantFrom('— ロイター (@ReutersJapan) January 20, 2024', '— x (@y) Foo 1, 2024', ''),
    joined(['主要7カ国', '融資', '。', '<b>', '</b>', '\n'], 6),
    fc.constantFrom(
      '#ウクライナ経済制裁(G7財務相・500億ドル融資で合意)',
      '#NATOexpansion',
      '#x(「',
      '',
    ),
    fc.boolean(),
  )
  .map(([head, att, text, line, asHtml]) =>
    asHtml
      ? `<p>${head}<br />\n${att}<br />\n${text}<br />\n${line}</p>`
      : [head, att, text, line].join('\n'),
  );
const fieldValue = joined(['1月20日のまとめ', 'curator', ' ', ':', 'ウクライナ', '-'], 4);
const mtDate = fc.constantFrom('01/20/2024 21:00:00', '13/45/2024 99:00:00', '2024-01-20', '');

const mtPost = fc
  .tuple(
    fieldValue,
    fieldValue,
    mtDate,
    fc.array(fieldValue, { maxLength: 2 }),
    body,
    fc.constantFrom('0', '1', '__default__'),
    fc.option(body),
  )
  .map(([author, title, date, cats, b, breaks, extended]) =>
    [
      `AUTHOR: ${author}`,
      `TITLE: ${title}`,
      'STATUS: Publish',
      `CONVERT BREAKS: ${breaks}`,
      `DATE: ${date}`,
      ...cats.map((c) => `CATEGORY: ${c}`),
      '-----',
      'BODY:',
      b,
      '-----',
      ...(extended === null ? [] : ['EXTENDED BODY:', extended, '-----']),
      'COMMENT:',
      'AUTHOR: reader',
      'いつも',
      '-----',
      '--------',
    ].join('\n'),
  );
const movableType = fc.array(mtPost, { minLength: 1, maxLength: 4 }).map((p) => p.join('\n'));

const wxrItem = fc
  .tuple(
    fieldValue,
    body,
    fc.constantFrom('post', 'attachment', 'page'),
    fc.constantFrom('publish', 'draft', 'inherit'),
    fc.constantFrom('2024-01-24 21:00:00', 'x', ''),
    fc.boolean(),
  )
  .map(
    ([title, b, type, status, date, cdata]) =>
      `<item><title>${cdata ? `<![CDATA[${title}]]>` : title}</title><link>https://matome.example.jp/p/1</link>` +
      `<content:encoded>${cdata ? `<![CDATA[${b}]]>` : b.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content:encoded>` +
      `<wp:post_date><![CDATA[${date}]]></wp:post_date><wp:status><![CDATA[${status}]]></wp:status><wp:post_type><![CDATA[${type}]]></wp:post_type></item>`,
  );
const WXR_HEAD =
  '<?xml version="1.0" encoding="UTF-8" ?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>まとめ</title>';
const wxr = fc
  .array(wxrItem, { minLength: 1, maxLength: 4 })
  .map((items) => `${WXR_HEAD}\n${items.join('\n')}\n</channel></rss>`);

const MT_TOKENS = [
  '\n',
  '-----\n',
  '--------\n',
  'BODY:\n',
  'EXTENDED BODY:\n',
  'COMMENT:\n',
  'AUTHOR: ',
  'TITLE: ',
  'DATE: ',
  'CATEGORY: ',
  'CONVERT BREAKS: ',
  ':',
  '<p>',
  '</p>',
  '<br />',
  '&',
  '\r\n',
  '— ',
];
const WXR_TOKENS = [
  '<item>',
  '</item>',
  '<item ',
  '<title>',
  '</title>',
  '<content:encoded>',
  '</content:encoded>',
  '<![CDATA[',
  ']]>',
  '<wp:status>',
  '<wp:post_type>',
  '<!--',
  '-->',
  '<',
  '>',
  '&',
  '&lt;',
  '"',
];

function checkArchive(text: string, format: 'movable-type' | 'wxr'): void {
  const result = extractBlogArchive(text, 'fuzz.txt', format);
  checkImport(text, result);
  for (const doc of result.documents)
    expectThat(
      doc.day === undefined || /^\d{4}-\d{2}-\d{2}$/.test(doc.day),
      `a post's day is not a day: ${doc.day}`,
    );
}

const ITEM =
  '<item><title>t</title><content:encoded><![CDATA[本文]]></content:encoded><wp:post_type>post</wp:post_type></item>';

/**
 * Reading a Movable Type export never throws; entries valid, no invented markup, days real.
 *
 * @example
 * movableTypeTarget.check('TITLE: x\n-----\nBODY:\n本文\n-----\n--------\n');
 */
export const movableTypeTarget: FuzzTarget = {
  name: 'movable-type',
  module: 'src/ingest/blog-archive',
  input: fuzzInputs(movableType, MT_TOKENS),
  parse: (text) => extractBlogArchive(text, 'fuzz.txt', 'movable-type'),
  check: (text) => checkArchive(text, 'movable-type'),
  worst: [
    { name: "'-----\\n' × N", make: (n) => repeatTo(n, '-----\n', 'TITLE: t\n') },
    { name: "'--------\\n' × N (empty posts)", make: (n) => repeatTo(n, '--------\n') },
    {
      name: "'AUTHOR: a\\n' × N (one header)",
      make: (n) => repeatTo(n, 'AUTHOR: a\n', '', '-----\nBODY:\n本文\n-----\n'),
    },
    {
      name: "a body of '<p>' × N",
      make: (n) => repeatTo(n, '<p>', 'TITLE: t\n-----\nBODY:\n', '\n-----\n--------\n'),
    },
    {
      name: "a body of ' #a' × N + ' !'",
      make: (n) =>
        repeatTo(n, ' #a', 'TITLE: t\n-----\nBODY:\n', ' !\n— x (@y) January 1, 2024\n-----\n'),
    },
  ],
  share: 0.03,
};

/**
 * Reading a WordPress export never throws; entries valid, no invented markup, days real.
 *
 * @example
 * wxrTarget.check('<rss><channel><item><title>x</title></item></channel></rss>');
 */
export const wxrTarget: FuzzTarget = {
  name: 'wxr',
  module: 'src/ingest/blog-archive',
  input: fuzzInputs(wxr, WXR_TOKENS),
  parse: (text) => extractBlogArchive(text, 'fuzz.xml', 'wxr'),
  check: (text) => checkArchive(text, 'wxr'),
  worst: [
    { name: "'<item ' × N", make: (n) => repeatTo(n, '<item ', WXR_HEAD) },
    {
      name: "'<![CDATA[' × N",
      make: (n) =>
        repeatTo(
          n,
          '<![CDATA[',
          `${WXR_HEAD}<item><title>t</title><content:encoded>`,
          '</content:encoded></item>',
        ),
    },
    { name: "'<item>' × N (unclosed)", make: (n) => repeatTo(n, '<item>', WXR_HEAD) },
    {
      name: "'<title ' × N in an item",
      make: (n) => repeatTo(n, '<title ', `${WXR_HEAD}<item>`, '</item>'),
    },
    { name: 'whole items × N', make: (n) => repeatTo(n, ITEM, WXR_HEAD, '</channel></rss>') },
  ],
  share: 0.05,
};
