import { parseFeed } from 'feedsmith';
import type { Diagnostic, Entry } from '../../model/index.js';
import {
  canonicalUrl,
  decodeBytes,
  entryId,
  htmlToLines,
  htmlToText,
  ingestDiagnostic,
  toIsoDate,
} from '../shared/index.js';
import type { ImportResult } from '../types.js';
import { channelOf, type FeedChannel, type FeedItem } from './feed-items.js';
import { salvageFeed } from './salvage.js';

export interface FeedOptions {
  /** The URL the feed was fetched from: the base for relative links. */
  baseUrl?: string;
  /** The `charset` of the HTTP Content-Type, when fetched. */
  httpCharset?: string;
}

/**
 * A feed — RSS 0.9x/1.0 (RDF)/2.0, Atom or JSON Feed, in UTF-8, Shift_JIS or EUC-JP — as
 * entries: one per item, body from the content or description turned from HTML into lines,
 * links resolved and canonicalised. XML the parser rejects is salvaged item by item. Parsing
 * never expands DTD entities (feedsmith's parser rejects external entities and leaves internal
 * ones unexpanded), so a billion-laughs feed costs nothing.
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
  const channel = parseChannel(text, source, diagnostics);
  if (channel === null) return { entries: [], diagnostics };
  const entries = channel.items.flatMap((item, i) => {
    const entry = entryFromItem(item, channel, options.baseUrl);
    if (entry === null)
      diagnostics.push(
        ingestDiagnostic(source, `feed item ${i + 1} is empty; skipped`, {}, 'warning'),
      );
    return entry === null ? [] : [entry];
  });
  return { entries, diagnostics };
}

function parseChannel(text: string, source: string, diagnostics: Diagnostic[]): FeedChannel | null {
  try {
    return channelOf(parseFeed(text));
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    const reason = e instanceof Error ? `${e.message}${cause}` : String(e);
    const salvaged = salvageFeed(text, source);
    const where = salvaged.channel ? '; reading item by item' : '';
    diagnostics.push(ingestDiagnostic(source, `feed could not be parsed (${reason})${where}`));
    diagnostics.push(...salvaged.diagnostics);
    return salvaged.channel;
  }
}

function entryFromItem(item: FeedItem, channel: FeedChannel, baseUrl?: string): Entry | null {
  const base = resolveBase(channel, baseUrl);
  const url = item.link === undefined ? null : canonicalUrl(item.link, base);
  const title = item.title === undefined ? undefined : htmlToText(item.title).replace(/\n/g, ' ');
  const body = item.html === undefined ? [] : htmlToLines(item.html).filter((l) => l !== '');
  if (url === null && !title && body.length === 0) return null;
  const origin: Entry['origin'] = { kind: 'feed' };
  if (url !== null) origin.url = url;
  if (title) origin.title = title;
  const outlet = channel.title === undefined ? '' : htmlToText(channel.title);
  if (outlet) origin.outlet = outlet;
  if (item.author) origin.author = item.author;
  const published = toIsoDate(item.published);
  if (published) origin.published = published;
  const id = url !== null ? entryId({ url }) : entryId({ text: [title ?? '', ...body].join('\n') });
  return { id, post: null, bodyKind: 'article', body, summaries: [], origin };
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
