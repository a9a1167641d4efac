import { z } from 'zod';
import type { Diagnostic, Entry } from '../../model/index.js';
import { decodeBytes, entryId, ingestDiagnostic, linesAt, toIsoDate } from '../shared/index.js';
import type { ImportResult } from '../types.js';
import { scanArrayObjects } from './json-salvage.js';

/** A piece of Telegram's formatted text: plain, or `{type: 'bold' | 'text_link' | …, text}`. */
const TextPart = z.union([
  z.string(),
  z.object({ type: z.string(), text: z.string(), href: z.string().optional() }),
]);

const MessageSchema = z.object({
  id: z.number(),
  type: z.string(),
  date: z.string().optional(),
  from: z.string().nullable().optional(),
  text: z.union([z.string(), z.array(TextPart)]).optional(),
});
type Message = z.infer<typeof MessageSchema>;

export interface TelegramOptions {
  /** The channel's public address (`https://t.me/name`): gives each message a URL and id. */
  channelUrl?: string;
}

/**
 * A Telegram Desktop channel export (`result.json`) as entries: one per message with text,
 * formatted-text arrays flattened to their text. Service messages and messages without text
 * (a photo alone) are skipped. A truncated or partly corrupted export is read message by
 * message; each unreadable message gets an error naming its line.
 *
 * @example
 * extractTelegram(bytes, 'result.json', { channelUrl: 'https://t.me/example' }).entries[0]?.origin;
 * // { kind: 'telegram', url: 'https://t.me/example/42', outlet: 'Example', published: '2024-01-18T09:00:00' }
 */
export function extractTelegram(
  input: Uint8Array | string,
  source: string,
  options: TelegramOptions = {},
): ImportResult {
  const decoded =
    typeof input === 'string'
      ? { text: input, diagnostics: [] as Diagnostic[] }
      : decodeBytes(input, { file: source });
  const diagnostics = [...decoded.diagnostics];
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '')
    return {
      entries: [],
      diagnostics: [...diagnostics, ingestDiagnostic(source, 'export is empty')],
    };
  const { channel, messages } = readExport(text, source, diagnostics);
  const entries: Entry[] = [];
  for (const { value, line, index } of messages) {
    const parsed = MessageSchema.safeParse(value);
    if (!parsed.success) {
      const where = line === undefined ? {} : { line };
      diagnostics.push(
        ingestDiagnostic(source, `message ${index + 1} has no id or type; skipped`, where),
      );
      continue;
    }
    const entry = entryFromMessage(parsed.data, channel, options);
    if (entry) entries.push(entry);
  }
  return { entries, diagnostics };
}

interface Located {
  value: unknown;
  /** 1-based line in the export when known (salvaged), else the message's 1-based index. */
  line: number | undefined;
  index: number;
}

function readExport(
  text: string,
  source: string,
  diagnostics: Diagnostic[],
): { channel: string | undefined; messages: Located[] } {
  try {
    const json: unknown = JSON.parse(text);
    const root = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    if (!Array.isArray(root.messages)) {
      diagnostics.push(ingestDiagnostic(source, 'not a Telegram export: no "messages" array'));
      return { channel: undefined, messages: [] };
    }
    const channel = typeof root.name === 'string' ? root.name : undefined;
    return {
      channel,
      messages: root.messages.map((value: unknown, index) => ({ value, line: undefined, index })),
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    diagnostics.push(
      ingestDiagnostic(source, `export is not valid JSON (${reason}); reading message by message`),
    );
    return salvage(text, source, diagnostics);
  }
}

function salvage(
  text: string,
  source: string,
  diagnostics: Diagnostic[],
): { channel: string | undefined; messages: Located[] } {
  const scanned = scanArrayObjects(text, 'messages');
  const lines = linesAt(
    text,
    scanned.map((s) => s.offset),
  );
  const messages: Located[] = [];
  scanned.forEach((s, i) => {
    const line = lines[i] ?? 1;
    if (s.error === undefined) messages.push({ value: s.value, line, index: i });
    else
      diagnostics.push(
        ingestDiagnostic(
          source,
          `message is ${s.error === 'truncated' ? 'truncated' : `malformed (${s.error})`}; skipped`,
          { line },
        ),
      );
  });
  const name = /"name"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text.slice(0, scanned[0]?.offset ?? 4096));
  return { channel: name?.[1] === undefined ? undefined : jsonString(name[1]), messages };
}

/**
 * A JSON string literal's value, or undefined when it is not valid JSON: the pattern that finds
 * the channel's name in a damaged export also takes `"\p"` and raw line breaks, which
 * `JSON.parse` rejects (it threw out of the importer).
 */
function jsonString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The plain text of a message: a string, or an array of strings and `{type, text}` parts
 * (bold, italic, links, mentions, hashtags…) whose texts are concatenated.
 *
 * @example
 * flattenTelegramText(['速報: ', { type: 'bold', text: '停戦' }]); // '速報: 停戦'
 */
export function flattenTelegramText(text: Message['text']): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

function entryFromMessage(
  m: Message,
  channel: string | undefined,
  options: TelegramOptions,
): Entry | null {
  if (m.type !== 'message') return null;
  const body = flattenTelegramText(m.text)
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  if (body.length === 0) return null;
  const url = options.channelUrl ? `${options.channelUrl.replace(/\/+$/, '')}/${m.id}` : undefined;
  const origin: Entry['origin'] = { kind: 'telegram' };
  if (url) origin.url = url;
  if (channel) origin.outlet = channel;
  if (m.from && m.from !== channel) origin.author = m.from;
  const published = toIsoDate(m.date);
  if (published) origin.published = published;
  const id = url ? entryId({ url }) : entryId({ text: body.join('\n') });
  return { id, post: null, bodyKind: 'article', body, summaries: [], origin };
}
