import { parseFeed } from 'feedsmith';
import type { Diagnostic, Entry } from '../../model/index.js';
import {
  canonicalUrl,
  decodeBytes,
  entryId,
  htmlToText,
  ingestDiagnostic,
  pushAll,
  lineAt,
  readHtmlText,
  toIsoDate,
} from '../shared/index.js';
import type { ImportResult } from '../types.js';
import { channelOf, type FeedChannel, type FeedItem } from './feed-items.js';
import { salvageFeed, type SalvageOptions } from './salvage.js';
import { unclosedMarkupAt } from './unclosed-markup.js';

export interface FeedOptions {
  /** The URL the feed was fetched from: the base for relative links. */
  baseUrl?: string;
  /** The `charset` of the HTTP Content-Type, when fetched. */
  httpCharset?: string;
  /** `Date.now()` past which no more items are read (a fetch's time limit). Default: none. */
  deadline?: number;
  /**
   * Items read from one feed; the rest are left, with a warning. Default 5,000; 1,000 at most
   * from XML so broken it is read item by item.
   */
  maxItems?: number;
  /** Characters of text kept from one item's content; the rest is cut, with a warning. Default 100,000. */
  maxItemChars?: number;
}

/** Longest item title kept, in characters. */
const MAX_TITLE_CHARS = 1_000;

/**
 * A feed — RSS 0.9x/1.0 (RDF)/2.0, Atom or JSON Feed, in UTF-8, Shift_JIS or EUC-JP — as
 * entries: one per item, body from the content or description turned from HTML into lines,
 * links resolved and canonicalised. XML the parser rejects is salvaged item by item. Parsing
 * never expands DTD entities (feedsmith's parser rejects external entities and leaves internal
 * ones unexpanded), so a billion-laughs feed costs nothing. What one feed can cost is bounded:
 * at most `maxItems` items, `maxItemChars` characters of each item's text (a 99 MB item is read
 * as far as its first 100,000 characters), and no item begun after `deadline`; each cut is a
 * warning saying what was left out.
 *
 * @example
 * const { entries } = extractFeed(bytes, 'nhk.xml', { baseUrl: 'https://www3.nhk.or.jp/rss/' });
 * entries[0]?.origin; // { kind: 'feed', url: 'https://…', title: '…', outlet: 'NHKニュース', … }
 */
export function extractFeed(
  input: Uint8Array | string,
  source: string,
  options: FeedOptions = {},
): ImportResult {
  const decoded =
    typeof input === 'string'
      ? { text: input, diagnostics: [] as Diagnostic[] }
      : decodeBytes(input, { file: source, ...options });
  const diagnostics = [...decoded.diagnostics];
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return {
      entries: [],
      diagnostics: [...diagnostics, ingestDiagnostic(source, 'feed is empty')],
    };
  }
  const maxItems = options.maxItems ?? 5_000;
  const salvage = {
    maxItems: Math.min(maxItems, 1_000),
    ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
  };
  const channel = parseChannel(text, source, diagnostics, salvage);
  if (channel === null) return { entries: [], diagnostics };
  const items = channel.items.slice(0, maxItems);
  if (channel.items.length > maxItems) {
    const message = `feed has ${count(channel.items.length)} items; read the first ${count(maxItems)}`;
    diagnostics.push(ingestDiagnostic(source, message, {}, 'warning'));
  }
  const entries: Entry[] = [];
  for (const [i, item] of items.entries()) {
    if (options.deadline !== undefined && Date.now() > options.deadline) {
      const message = `time limit reached; ${count(items.length - i)} of ${count(items.length)} feed items not read`;
      diagnostics.push(ingestDiagnostic(source, message));
      break;
    }
    const read = entryFromItem(item, channel, options.maxItemChars ?? 100_000, options.baseUrl);
    const which = `feed item ${i + 1}${read.entry?.origin?.url ? ` (${read.entry.origin.url})` : ''}`;
    for (const cut of read.cuts)
      diagnostics.push(ingestDiagnostic(source, `${which}: ${cut}`, {}, 'warning'));
    if (read.entry === null)
      diagnostics.push(ingestDiagnostic(source, `${which} is empty; skipped`, {}, 'warning'));
    else entries.push(read.entry);
  }
  return { entries, diagnostics };
}

/** A count with thousands separators, as the warnings print it. */
const count = (n: number): string => n.toLocaleString('en-US');

function parseChannel(
  text: string,
  source: string,
  diagnostics: Diagnostic[],
  salvage: SalvageOptions,
): FeedChannel | null {
  try {
    // XML whose markup does not close in turn is not well-formed, and it is what makes the
    // parser beneath feedsmith quadratic: it goes straight to the item-by-item reading.
    const unclosed = text.trimStart().startsWith('<') ? unclosedMarkupAt(text) : null;
    if (unclosed !== null)
      throw new Error(`markup opened on line ${lineAt(text, unclosed)} is not closed`);
    return channelOf(parseFeed(text));
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    const reason = e instanceof Error ? `${e.message}${cause}` : String(e);
    const salvaged = salvageFeed(text, source, salvage);
    const where = salvaged.channel ? '; reading item by item' : '';
    diagnostics.push(ingestDiagnostic(source, `feed could not be parsed (${reason})${where}`));
    pushAll(diagnostics, salvaged.diagnostics);
    return salvaged.channel;
  }
}

/** An item as an entry (null when it holds nothing), and what of it was cut. */
function entryFromItem(
  item: FeedItem,
  channel: FeedChannel,
  maxChars: number,
  baseUrl?: string,
): { entry: Entry | null; cuts: string[] } {
  const cuts: string[] = [];
  const base = resolveBase(channel, baseUrl);
  const url = item.link === undefined ? null : canonicalUrl(item.link, base);
  const heading = readHtmlText(item.title ?? '', { maxChars: MAX_TITLE_CHARS });
  if (heading.cut) cuts.push(`title longer than ${count(MAX_TITLE_CHARS)} characters; cut there`);
  const title = heading.lines.filter((l) => l !== '').join(' ') || undefined;
  const text = readHtmlText(item.html ?? '', { maxChars });
  if (text.cut)
    cuts.push(
      `text longer than ${count(maxChars)} characters (its HTML has ${count(item.html?.length ?? 0)}); kept the first ${count(maxChars)}`,
    );
  const body = text.lines.filter((l) => l !== '');
  if (url === null && !title && body.length === 0) return { entry: null, cuts };
  const origin: Entry['origin'] = { kind: 'feed' };
  if (url !== null) origin.url = url;
  if (title) origin.title = title;
  const outlet = channel.title === undefined ? '' : htmlToText(channel.title);
  if (outlet) origin.outlet = outlet;
  if (item.author) origin.author = item.author;
  const published = toIsoDate(item.published);
  if (published) origin.published = published;
  const id = url !== null ? entryId({ url }) : entryId({ text: [title ?? '', ...body].join('\n') });
  return { entry: { id, post: null, bodyKind: 'article', body, summaries: [], origin }, cuts };
}

/** Relative links resolve against Atom's `xml:base`, then the fetch URL, then the channel link. */
function resolveBase(channel: FeedChannel, baseUrl?: string): string | undefined {
  const absolute = [baseUrl, channel.link].find((c) => c !== undefined && canonicalUrl(c) !== null);
  if (channel.base === undefined) return absolute;
  try {
    return new URL(channel.base, absolute).href;
  } catch {
    return absolute;
  }
}
