/** Pasted post embeds (`src/ingest/embed`): X's blockquote markup, bare status URLs, oEmbed JSON. */
import fc from 'fast-check';
import { extractEmbeds, extractOembed } from '../../../src/ingest/index.js';
import { checkImport } from '../import-checks.js';
import { fuzzInputs, joined } from '../mutate.js';
import { repeatTo, type FuzzTarget } from '../target.js';

const words = [
  '【速報】',
  'ヘルソン州',
  'ロシア軍の砲撃',
  '。',
  ' ',
  '\n',
  '<br>',
  '&amp;',
  '&lt;b&gt;',
  '…',
  '<a href="https://t.co/Qw3rTy12Ab">https://t.co/Qw3rTy12Ab</a>',
  '<a href="https://twitter.com/hashtag/nhk_news?src=hash&amp;ref_src=twsrc%5Etfw">#nhk_news</a>',
  '<a href="https://t.co/PicPic0001">pic.twitter.com/PicPic0001</a>',
  '"',
  "'",
  '<',
  '>',
];
const handle = fc.stringMatching(/^\w{1,15}$/);
const statusId = fc.bigInt({ min: 1n, max: 1n << 62n }).map(String);
const date = fc.constantFrom('January 20, 2024', '2024年1月21日', 'Feb 30, 2024', '');

/** One X embed as the site's "embed post" gives it, with its fields drawn. */
const embed = fc
  .tuple(
    joined(words, 10),
    joined(['NHKニュース', 'ロイター', ' ', '&amp;', '<b>'], 3),
    handle,
    statusId,
    date,
    fc.boolean(),
    fc.constantFrom('', ' data-lang="ja"', ' data-conversation="none"'),
  )
  .map(
    ([text, name, h, id, d, script, attrs]) =>
      `<blockquote class="twitter-tweet"${attrs}><p lang="ja" dir="ltr">${text}</p>&mdash; ${name} (@${h}) <a href="https://twitter.com/${h}/status/${id}?ref_src=twsrc%5Etfw">${d}</a></blockquote>` +
      (script
        ? ' <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
        : ''),
  );
const statusUrl = fc
  .tuple(
    fc.constantFrom('https://x.com/', 'https://twitter.com/', 'http://mobile.twitter.com/'),
    handle,
    statusId,
  )
  .map(([host, h, id]) => `${host}${h}/status/${id}`);

/** A paste: embeds, status URLs and notes, one a line; sometimes an oEmbed answer. */
const paste = fc
  .array(fc.oneof(embed, statusUrl, joined(words, 6)), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join('\n'));
const oembed = fc
  .tuple(embed, statusUrl)
  .map(([html, url]) => JSON.stringify({ url, author_name: 'x', html }));

const TOKENS = [
  '<blockquote class="twitter-tweet">',
  '</blockquote>',
  '<blockquote ',
  '<p>',
  '</p>',
  '<a href="',
  '</a>',
  '&mdash;',
  '— ',
  '(@',
  ')',
  '<script',
  '</script>',
  '<!--',
  '-->',
  '<br>',
  '"',
  "'",
  '<',
  '>',
  '&',
  '&#x',
  '\n',
  '/status/',
  'https://x.com/a/status/1',
  '{',
  '}',
  '\\"',
];

/**
 * Reading a paste never throws; every entry is valid and holds no markup its input did not.
 *
 * @example
 * embedTarget.check('<blockquote class="twitter-tweet"><p>x</p></blockquote>');
 */
export const embedTarget: FuzzTarget = {
  name: 'embed',
  module: 'src/ingest/embed',
  input: fuzzInputs(
    fc.oneof({ weight: 4, arbitrary: paste }, { weight: 1, arbitrary: oembed }),
    TOKENS,
  ),
  parse: (text) => extractEmbeds(text, 'fuzz.html'),
  check(text) {
    checkImport(text, extractEmbeds(text, 'fuzz.html'));
    if (text.trimStart().startsWith('{')) checkImport(text, extractOembed(text, 'fuzz.json'));
  },
  worst: [
    { name: "'<blockquote ' × N", make: (n) => repeatTo(n, '<blockquote ') },
    {
      name: '\'<blockquote class="twitter-tweet">x\' × N',
      make: (n) => repeatTo(n, '<blockquote class="twitter-tweet">x'),
    },
    { name: "'<script ' × N", make: (n) => repeatTo(n, '<script ') },
    { name: "'<a href=\"' × N", make: (n) => repeatTo(n, '<a href="') },
    {
      name: 'whole embeds × N',
      make: (n) =>
        repeatTo(
          n,
          '<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">本文 <a href="https://t.co/Ab">https://t.co/Ab</a></p>&mdash; 名 (@h) <a href="https://twitter.com/h/status/1748000000000000001">January 20, 2024</a></blockquote>\n',
        ),
    },
    {
      name: "'&mdash; (@' × N",
      make: (n) =>
        repeatTo(n, '&mdash; (@', '<blockquote class="twitter-tweet"><p>x</p>', '</blockquote>'),
    },
  ],
  share: 0.05,
};
