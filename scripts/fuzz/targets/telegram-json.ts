/** Telegram Desktop exports (`src/ingest/telegram`): `result.json`, whole, cut off or corrupted. */
import fc from 'fast-check';
import { extractTelegram } from '../../../src/ingest/index.js';
import { checkImport } from '../import-checks.js';
import { fuzzInputs, joined } from '../mutate.js';
import { repeatTo, type FuzzTarget } from '../target.js';

const text = joined(
  ['速報', ': ', 'ザポリージャ原発', '\n', '<b>', '"', '\\', '。', ' ', '⚡️', 'x'],
  6,
);
const part = fc.oneof(
  text,
  fc.record({ type: fc.constantFrom('bold', 'text_link', 'hashtag', 'plain'), text }),
  fc.record({
    type: fc.constant('text_link'),
    text,
    href: fc.constantFrom('https://www.iaea.org/', 'javascript:x', ''),
  }),
);
const message = fc.record({
  id: fc.oneof(fc.nat(), fc.constant(-1), fc.constant(1.5)),
  type: fc.constantFrom('message', 'service', 'x'),
  date: fc.constantFrom('2024-01-18T09:15:00', '2024-13-45T99:00:00', 'x', ''),
  from: fc.option(text),
  text: fc.oneof(text, fc.array(part, { maxLength: 4 })),
});
const exportJson = fc
  .tuple(text, fc.array(message, { maxLength: 5 }), fc.boolean())
  .map(([name, messages, pretty]) =>
    JSON.stringify(
      { name, type: 'public_channel', id: 1234567890, messages },
      null,
      pretty ? 1 : 0,
    ),
  );

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\\',
  '\\u',
  '\\"',
  '"messages": [',
  '"name": "',
  '"text": ',
  '{"id": 1, "type": "message", "text": "x"}',
  '\n',
  'null',
  '"id": ',
  '1e999',
  '-',
  '/*',
];
const MESSAGE =
  '{"id": 1, "type": "message", "date": "2024-01-18T09:15:00", "text": ["x", {"type": "bold", "text": "速報"}]}';

/**
 * Reading an export never throws, however it is cut or corrupted; entries valid, no invented
 * markup.
 *
 * @example
 * telegramTarget.check('{"name":"c","messages":[{"id":1,"type":"message","text":"x"}]}');
 */
export const telegramTarget: FuzzTarget = {
  name: 'telegram',
  module: 'src/ingest/telegram',
  input: fuzzInputs(exportJson, TOKENS),
  parse: (json) => extractTelegram(json, 'result.json'),
  check(json) {
    checkImport(json, extractTelegram(json, 'result.json', { channelUrl: 'https://t.me/example' }));
  },
  worst: [
    {
      name: 'messages × N',
      make: (n) => repeatTo(n, `${MESSAGE},`, '{"name": "c", "messages": [', `${MESSAGE}]}`),
    },
    {
      name: 'messages × N, cut off (salvage)',
      make: (n) => repeatTo(n, `${MESSAGE},`, '{"name": "c", "messages": ['),
    },
    { name: "'[' × N in messages", make: (n) => repeatTo(n, '[', '{"name": "c", "messages": [') },
    {
      name: '\'{"a":\' × N in messages',
      make: (n) => repeatTo(n, '{"a":', '{"name": "c", "messages": ['),
    },
    {
      name: '\'"name": "\' × N before messages',
      make: (n) => repeatTo(n, '"name": "a\\', '{"x": "', `", "messages": [${MESSAGE}`),
    },
  ],
  share: 0.15,
};
