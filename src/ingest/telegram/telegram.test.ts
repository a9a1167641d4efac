import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryId } from '../shared/index.js';
import { extractTelegram, flattenTelegramText, scanArrayObjects } from './index.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../test/fixtures/ingest/telegram/${name}`, import.meta.url));

describe('extractTelegram', () => {
  it('reads messages with text, flattening formatted-text arrays, skipping service and photo-only ones', () => {
    const { entries, diagnostics } = extractTelegram(fixture('result.json.txt'), 'result.json');
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => e.body)).toEqual([
      ['⚡️速報: ザポリージャ原発で外部電源喪失', 'IAEA発表によると冷却は継続中。 #ウクライナ'],
      ['捕虜交換で双方95人が解放された。', '仲介はUAE。'],
    ]);
    expect(entries[0]?.origin).toEqual({
      kind: 'telegram',
      outlet: '例チャンネル',
      published: '2024-01-18T09:15:00',
    });
    expect(entries[1]?.id).toBe(entryId({ text: '捕虜交換で双方95人が解放された。\n仲介はUAE。' }));
  });

  it('gives messages URLs when the channel address is known', () => {
    const { entries } = extractTelegram(fixture('result.json.txt'), 'result.json', {
      channelUrl: 'https://t.me/example/',
    });
    expect(entries[0]).toMatchObject({
      id: entryId({ url: 'https://t.me/example/2' }),
      origin: { url: 'https://t.me/example/2' },
    });
  });

  it('salvages a truncated export with a corrupted message, naming lines', () => {
    const { entries, diagnostics } = extractTelegram(
      fixture('truncated.json.txt'),
      'truncated.json',
    );
    expect(entries.map((e) => e.body[0])).toEqual(['⚡️速報: ザポリージャ原発で外部電源喪失']);
    expect(
      diagnostics.map((d) => [d.severity, d.line, /truncated|malformed|not valid/.test(d.message)]),
    ).toEqual([
      ['error', undefined, true],
      ['error', 38, true],
      ['error', 49, true],
    ]);
  });

  it('handles empty, non-export, wrongly encoded and huge input', () => {
    expect(extractTelegram('', 'e.json').diagnostics[0]?.message).toBe('ingest: export is empty');
    expect(extractTelegram('{"a":1}', 'a.json').diagnostics[0]?.message).toMatch(
      /no "messages" array/,
    );
    expect(
      extractTelegram('{"messages":[{"text":"idがない"}]}', 'b.json').diagnostics[0]?.message,
    ).toMatch(/message 1 has no id/);
    const latin1 = Buffer.from(
      '{"name":"caf\xe9","messages":[{"id":1,"type":"message","text":"ok"}]}',
      'latin1',
    );
    expect(extractTelegram(latin1, 'l.json').entries).toHaveLength(1);
    const messages = Array.from({ length: 20_000 }, (_, i) => ({
      id: i,
      type: 'message',
      date: '2024-01-18T09:00:00',
      text: [`投稿${i}`, { type: 'bold', text: '!' }],
    }));
    expect(
      extractTelegram(JSON.stringify({ name: 'c', messages }), 'big.json').entries,
    ).toHaveLength(20_000);
  });

  // Found by the fuzzer (scripts/fuzz): the damaged export's channel name went to JSON.parse,
  // which threw `Bad escaped character` out of the importer.
  it.each(['"name":"\\p"', '{"name":"a\nb","messages":[{"id":1,"type":"message","text":"x"}'])(
    'salvages an export whose channel name is not valid JSON: %j',
    (text) => {
      const { entries, diagnostics } = extractTelegram(text, 'fuzz.json');
      expect(diagnostics[0]?.message).toMatch(/not valid JSON/);
      expect(entries.every((e) => e.origin?.outlet === undefined)).toBe(true);
    },
  );
});

describe('helpers', () => {
  it('flattens formatted text', () => {
    expect(flattenTelegramText(['速報: ', { type: 'bold', text: '停戦' }])).toBe('速報: 停戦');
    expect(flattenTelegramText(undefined)).toBe('');
  });
  it('scans array objects around damage, respecting strings', () => {
    const scanned = scanArrayObjects(
      '{"messages":[{"id":1,"t":"}{"},{"id":2,}, x {"id":3}',
      'messages',
    );
    expect(scanned.map((s) => s.value ?? s.error?.slice(0, 10))).toEqual([
      { id: 1, t: '}{' },
      expect.any(String),
      'unexpected',
      { id: 3 },
    ]);
  });
});
