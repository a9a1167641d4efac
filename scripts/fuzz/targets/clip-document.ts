/** The clip document (`src/format/clip`): parse, render, parse again. */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseClipDocument, renderClipDocument } from '../../../src/format/index.js';
import { DiagnosticSchema, DocumentSchema } from '../../../src/model/index.js';
import { fuzzInputs, joined } from '../mutate.js';
import { expectThat, repeatTo, type FuzzTarget } from '../target.js';

/** Lines that exercise every branch of the line classifier. */
export const clipLine: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '— ロイター (@ReutersJapan) January 18, 2024',
    '— x (@y) February 30, 2024',
    '#露朝(会談・プーチン大統領「協力」)',
    '#ロシア（「未完',
    '#NATOexpansion',
    '#反ロシア#対中露戦',
    '速報 https://t.co/AbCdEf1234 #nhk_news',
    '続き… pic.twitter.com/AbCdEf1234',
    '',
    '   ',
    '\uFEFF',
  ),
);

/** Any of those lines glued with any line endings. */
export const clipLines: fc.Arbitrary<string> = fc
  .array(fc.tuple(clipLine, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 30 })
  .map((pairs) => pairs.map(([l, e]) => l + e).join(''));

const words = [
  'ウクライナ',
  '停戦',
  'ロシア軍',
  '「協議を続ける」',
  '。',
  '、',
  ' ',
  '\u3000',
  '…',
  '(',
  ')',
  '（',
  '）',
  '・',
  '@',
  'x',
  'https://t.co/AbCdEf1234',
  'pic.twitter.com/AbCdEf1234',
  ' #nhk_news',
  '🇺🇦',
  '𠮷',
];
const sentence = joined(words, 10);
const name = joined(['ロイター', 'NHK', ' ', '（', 'x', '(', ')', '@', '—'], 4);
const handle = fc.stringMatching(/^\w{1,15}$/);
const month = fc.constantFrom('January', 'Feb', 'March', 'Sept.', 'December', 'Foo');
const attribution = fc
  .tuple(
    fc.constantFrom('— ', '―', '&mdash; ', '-- ', ' — '),
    name,
    handle,
    month,
    fc.integer({ min: 0, max: 40 }),
    fc.constantFrom('2024', '1999', '20244'),
  )
  .map(([dash, n, h, m, d, y]) => `${dash}${n} (@${h}) ${m} ${d}, ${y}`);
const tag = joined(['ウクライナ戦況', '露朝', 'NATO', '_', 'a', '＃'], 3);
const segment = fc.oneof(
  joined(['反転攻勢', '会談', 'G7', '、'], 3),
  fc.tuple(joined(['プーチン大統領', '外相', ''], 1), sentence).map(([s, q]) => `${s}「${q}」`),
);
const summary = fc
  .tuple(fc.constantFrom('#', '＃'), tag, fc.array(segment, { maxLength: 4 }), fc.boolean())
  .map(([h, t, segs, full]) =>
    full ? `${h}${t}（${segs.join('・')}）` : `${h}${t}(${segs.join('・')})`,
  );
const entry = fc
  .tuple(
    fc.array(sentence, { minLength: 1, maxLength: 3 }),
    attribution,
    fc.array(sentence, { maxLength: 4 }),
    fc.array(summary, { maxLength: 3 }),
  )
  .map(([head, att, body, lines]) => [...head, att, ...body, ...lines]);
const tagLine = fc
  .array(fc.tuple(fc.constantFrom('#', '＃'), tag), { minLength: 1, maxLength: 4 })
  .map((tags) => tags.map(([h, t]) => h + t).join(' '));

/** A digest as the curator writes it: entries, blank lines, document tag lines. */
export const clipDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        entry,
        fc.constant(['']),
        tagLine.map((l) => [l]),
      ),
      { maxLength: 6 },
    ),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([blocks, eol, bom, finalNewline]) => {
    const text = blocks.flat().join(eol);
    return `${bom ? '\uFEFF' : ''}${text}${finalNewline ? eol : ''}`;
  });

const TOKENS = [
  '\n',
  '\r\n',
  '\r',
  '— ',
  '(@',
  ') ',
  'January 18, 2024',
  '#',
  '＃',
  '(',
  ')',
  '（',
  '）',
  '「',
  '」',
  '・',
  'https://t.co/',
  ' #a',
  '\uFEFF',
  '\u2028',
  ' ',
  '&mdash;',
];

const ATTRIBUTION = '— ロイター (@ReutersJapan) January 18, 2024';

/**
 * Parse never throws; the document and its diagnostics are valid; render(parse(x)) === x, also
 * through JSON (what `kirinuki parse | kirinuki render -` does); parsing the rendered text
 * gives the same document.
 *
 * @example
 * clipTarget.check('速報\n— ロイター (@ReutersJapan) January 18, 2024\n本文');
 */
export const clipTarget: FuzzTarget = {
  name: 'clip',
  module: 'src/format/clip',
  input: fc.oneof(fuzzInputs(clipDocument, TOKENS), clipLines),
  parse: (text) => parseClipDocument(text),
  check(text) {
    const { document, diagnostics } = parseClipDocument(text);
    const rendered = renderClipDocument(document);
    expectThat(rendered === text, 'render(parse(x)) !== x');
    const viaJson = renderClipDocument(DocumentSchema.parse(JSON.parse(JSON.stringify(document))));
    expectThat(viaJson === text, 'render(JSON of parse(x)) !== x');
    expectThat(
      isDeepStrictEqual(parseClipDocument(rendered).document, document),
      'parse(render(parse(x))) differs from parse(x)',
    );
    for (const d of diagnostics) {
      expectThat(DiagnosticSchema.safeParse(d).success, "a diagnostic fails the model's schema");
      expectThat(d.message.startsWith('format: '), `a diagnostic names no module: ${d.message}`);
    }
  },
  worst: [
    { name: "'— ' + spaces + 'x'", make: (n) => repeatTo(n, ' ', '— ', 'x') },
    {
      name: "' #a' × N + ' !' before an attribution",
      make: (n) => repeatTo(n, ' #a', '', ` !\n${ATTRIBUTION}\n本文`),
    },
    {
      name: "' http://' × N before an attribution",
      make: (n) => repeatTo(n, ' http://', 'x', `\n${ATTRIBUTION}\n本文`),
    },
    { name: "a tag-only line '#a' × N", make: (n) => repeatTo(n, '#a', `${ATTRIBUTION}\n本文\n`) },
    {
      name: 'an attribution name N long',
      make: (n) => repeatTo(n, '名', '速報\n— ', ' (@x) January 18, 2024\n本文'),
    },
    {
      name: 'entries × N',
      make: (n) =>
        repeatTo(
          n,
          `速報 https://t.co/AbCdEf1234\n${ATTRIBUTION}\n本文\n#露朝(会談・外相「協力」)\n\n`,
        ),
    },
    {
      name: "'(「' × N in a summary line",
      make: (n) => repeatTo(n, '(「', `${ATTRIBUTION}\n本文\n#タグ`),
    },
  ],
  share: 0.15,
};
