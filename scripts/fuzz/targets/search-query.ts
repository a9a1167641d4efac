/** The search query syntax (`src/archive/query/parse-query.ts`). */
import fc from 'fast-check';
import { parseQuery } from '../../../src/archive/index.js';
import { fuzzInputs } from '../mutate.js';
import { expectThat, repeatTo, type FuzzTarget } from '../target.js';

const word = fc.constantFrom('停戦', 'ロシア', 'NATO', 'ゼレンスキー', 'a', '露朝');
const filter = fc
  .tuple(
    fc.constantFrom('tag', 'from', 'speaker', 'person', 'since', 'until', 'foo', 'TAG'),
    fc.constantFrom(':', '：'),
    fc.oneof(word, fc.constantFrom('@nhk_news', '2024-01-01', '2024-13-45', '"two words"', '')),
  )
  .map(([k, c, v]) => `${k}${c}${v}`);
const item = fc
  .tuple(
    fc.constantFrom('', '-', '－'),
    fc.oneof(
      word,
      filter,
      word.map((w) => `"${w} ${w}"`),
      word.map((w) => `“${w}”`),
    ),
  )
  .map(([neg, x]) => neg + x);
const query = fc
  .tuple(fc.array(item, { maxLength: 6 }), fc.constantFrom(' ', '\u3000', '  ', '\t'))
  .map(([items, sep]) => items.join(sep));
const TOKENS = [
  '"',
  '＂',
  '“',
  '”',
  ':',
  '：',
  '-',
  '－',
  ' ',
  '\u3000',
  'tag:',
  'since:',
  '@',
  '\\',
];

/**
 * A query parses or gives an error at an offset inside it; never throws; every term and filter
 * value is taken from the query, never made up.
 *
 * @example
 * queryTarget.check('停戦 -"ガザ" from:@nhk_news');
 */
export const queryTarget: FuzzTarget = {
  name: 'query',
  module: 'src/archive/query',
  input: fuzzInputs(query, TOKENS),
  parse: (q) => parseQuery(q),
  check(q) {
    const r = parseQuery(q);
    if (!r.ok) {
      const { offset, length } = r.error;
      expectThat(
        offset >= 0 && length >= 0 && offset + length <= q.length,
        `error span ${offset}+${length} outside the query`,
      );
      expectThat(
        r.error.message.startsWith('archive: '),
        `an error names no module: ${r.error.message}`,
      );
      return;
    }
    for (const t of r.value.terms) {
      expectThat(t.text.trim() !== '', 'an empty term');
      expectThat(
        0 <= t.start && t.start < t.end && t.end <= q.length,
        `term span ${t.start}–${t.end} outside the query`,
      );
      expectThat(
        q.slice(t.start, t.end).includes(t.text),
        `term ${JSON.stringify(t.text)} is not in the query`,
      );
    }
    for (const f of r.value.filters)
      expectThat(
        q.slice(f.start, f.end).includes(f.value),
        `filter ${JSON.stringify(f)} is not in the query`,
      );
  },
  worst: [
    { name: "'\"' × N (unbalanced quotes)", make: (n) => repeatTo(n, '"a ') },
    { name: "'tag:' × N", make: (n) => repeatTo(n, 'tag:') },
    { name: "'a ' × N (words)", make: (n) => repeatTo(n, 'a ') },
    { name: '\'-"x" \' × N', make: (n) => repeatTo(n, '-"x" ') },
    { name: "'\\u3000' × N then a word", make: (n) => repeatTo(n, '\u3000', '', '停戦') },
    { name: 'one word N long', make: (n) => repeatTo(n, '停') },
  ],
  share: 0.3,
};
