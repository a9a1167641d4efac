/** Article pages (`src/ingest/article`): main text, title, date, byline and outlet of a news page. */
import fc from 'fast-check';
import { extractArticle } from '../../../src/ingest/index.js';
import { checkImport } from '../import-checks.js';
import { fuzzInputs, joined } from '../mutate.js';
import { expectThat, repeatTo, type FuzzTarget } from '../target.js';

const text = joined(
  [
    'ロシア軍は',
    'ウクライナ東部で',
    '攻勢を強めている',
    '。',
    ' ',
    '&amp;',
    '&lt;script&gt;',
    '1<2',
    '&nbsp;',
  ],
  8,
);
const inline = joined(
  [
    '<b>',
    '</b>',
    '<a href="/n/2">関連</a>',
    '<br>',
    '<span>',
    '</span>',
    '<img src="x.jpg" alt="<p>">',
  ],
  3,
);
const paragraph = fc.tuple(text, inline, text).map(([a, b, c]) => `<p>${a}${b}${c}</p>`);
const jsonLd = fc
  .record({
    headline: text,
    datePublished: fc.constantFrom('2024-01-18T09:00:00+09:00', 'x', ''),
    author: fc.oneof(text, fc.record({ name: text })),
  })
  .map(
    (o) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', ...o })}</script>`,
  );
const page = fc
  .tuple(
    text,
    fc.option(jsonLd),
    fc.array(paragraph, { maxLength: 6 }),
    fc.constantFrom('article', 'main', 'div'),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(
    ([title, ld, paragraphs, box, depth]) =>
      `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title>` +
      `<meta property="og:title" content="${title.replace(/"/g, '&quot;')}"><meta property="og:site_name" content="例新聞">` +
      `<link rel="canonical" href="https://www.example.jp/n/1">${ld ?? ''}<style>p{}</style></head>` +
      `<body><nav><a href="/">トップ</a></nav>${'<div>'.repeat(depth)}<${box}><h1>${title}</h1>${paragraphs.join('\n')}</${box}>${'</div>'.repeat(depth)}<footer>©</footer></body></html>`,
  );

const TOKENS = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<',
  '>',
  '<!--',
  '-->',
  '<script>',
  '</script>',
  '<![CDATA[',
  '"',
  "'",
  '&',
  '&lt;',
  '<meta content="',
  '<article>',
  '</article>',
  '<br>',
  '</body>',
  '</html>',
  '<template>',
  '<svg>',
  '<noscript>',
  '<base href="javascript:x">',
];

const URL = 'https://www.example.jp/n/1';

/**
 * Reading a page never throws; entries valid, no invented markup; a page with visible text is
 * never read as empty.
 *
 * @example
 * articleTarget.check('<html><body><article><p>本文</p></article></body></html>');
 */
export const articleTarget: FuzzTarget = {
  name: 'article',
  module: 'src/ingest/article',
  input: fuzzInputs(page, TOKENS),
  parse: (html) => extractArticle(html, 'page.html', { url: URL }),
  check(html) {
    const result = extractArticle(html, 'page.html', { url: URL });
    checkImport(html, result);
    for (const entry of result.entries)
      expectThat(
        entry.body.some((l) => l.trim() !== '') || (entry.origin?.title ?? '') !== '',
        'an entry with neither text nor title',
      );
  },
  worst: [
    {
      name: "'<div>' × N nested",
      make: (n) =>
        `${repeatTo(n / 2, '<div>', '<html><body>')}<p>深い本文</p>${repeatTo(n / 2, '</div>', '', '</body></html>')}`,
    },
    {
      name: "'1<2 ' × N in a paragraph",
      make: (n) =>
        repeatTo(n, '1<2 ', '<html><head><title>t</title></head><body><p>', '</p></body></html>'),
    },
    {
      name: "'<p>x</p>' × N",
      make: (n) =>
        repeatTo(n, '<p>段落です。</p>', '<html><body><article>', '</article></body></html>'),
    },
    { name: "'<!--' × N", make: (n) => repeatTo(n, '<!--', '<html><body><p>x</p>') },
    {
      name: "'<meta content=\"' × N in the head",
      make: (n) =>
        repeatTo(n, '<meta content="', '<html><head>', '</head><body><p>本文</p></body></html>'),
    },
  ],
  share: 0.005,
};
