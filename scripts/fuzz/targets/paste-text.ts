/** Pasted text (`src/ingest/paste`): anything typed or pasted, kept as one plain entry. */
import fc from 'fast-check';
import { extractPaste } from '../../../src/ingest/index.js';
import { checkImport } from '../import-checks.js';
import { fuzzInputs, joined } from '../mutate.js';
import { expectThat, repeatTo, type FuzzTarget } from '../target.js';

const line = joined(
  [
    '停戦交渉',
    '、',
    '来週再開へ',
    ' ',
    '\u3000',
    '\t',
    'https://e.jp/n/1?utm_source=x',
    '<p>',
    '&amp;',
    '\uFEFF',
    '🇺🇦',
    'x',
  ],
  6,
);
const paste = fc
  .tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));
const TOKENS = ['\n', '\r\n', '\r', ' ', '\uFEFF', 'https://', 'http://x', '\u2028', '\0'];

/**
 * A paste is never rejected and never changed: the entry's lines are the input's lines, as
 * they were, in order.
 *
 * @example
 * pasteTarget.check('停戦交渉\n来週再開へ');
 */
export const pasteTarget: FuzzTarget = {
  name: 'paste',
  module: 'src/ingest/paste',
  input: fuzzInputs(paste, TOKENS),
  parse: (text) => extractPaste(text, 'clipboard'),
  check(text) {
    const result = extractPaste(text, 'clipboard');
    checkImport(text, result);
    const kept = text.replace(/^\uFEFF/, '').replace(/\r\n|\r/g, '\n');
    for (const entry of result.entries)
      expectThat(
        kept.includes(entry.body.join('\n')),
        "the entry's lines are not the input's lines",
      );
    expectThat(
      result.entries.length === (kept.trim() === '' ? 0 : 1),
      'a paste gave no entry, or more than one',
    );
  },
  worst: [
    { name: "'\\n' × N", make: (n) => repeatTo(n, '\n') },
    { name: "'\\r' × N around a line", make: (n) => repeatTo(n, '\r', '', '本文') },
    { name: "'x' × N, one line", make: (n) => repeatTo(n, 'x') },
    { name: "'https://' + 'a' × N", make: (n) => repeatTo(n, 'a', 'https://') },
    { name: "' \\n' × N", make: (n) => repeatTo(n, ' \n', '本文\n') },
  ],
  share: 0.25,
};
