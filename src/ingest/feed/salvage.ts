import { parseFeed } from 'feedsmith';
import type { Diagnostic } from '../../model/index.js';
import { ingestDiagnostic, linesAt } from '../shared/index.js';
import { channelOf, type FeedChannel } from './feed-items.js';

const ROOT = /<(rss|feed|rdf:RDF)\b[^>]*>/i;
const ITEM = /<(item|entry)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|(?=<(?:item|entry)\b)|$)/gi;

/**
 * Reads what can be read from XML the parser rejected as a whole: the channel head and each
 * `<item>`/`<entry>` on its own, wrapped in the document's own root element so namespace
 * prefixes still resolve. One broken or truncated item costs that item only, with an error
 * naming its line.
 *
 * @example
 * salvageFeed(xmlWithOneBadItem, 'feed.xml').channel.items.length; // the good ones
 */
export function salvageFeed(
  xml: string,
  file: string,
): { channel: FeedChannel | null; diagnostics: Diagnostic[] } {
  const root = ROOT.exec(xml);
  if (!root) return { channel: null, diagnostics: [] };
  const [open, close] = wrapperFor(root[0], root[1] ?? 'rss');
  const matches = [...xml.matchAll(ITEM)];
  const lines = linesAt(
    xml,
    matches.map((m) => m.index),
  );
  const headEnd = matches[0]?.index ?? xml.length;
  const head = tryParse(`${xml.slice(0, headEnd)}${close}`);
  const channel: FeedChannel = head ?? {
    title: undefined,
    link: undefined,
    base: undefined,
    items: [],
  };
  const diagnostics: Diagnostic[] = [];
  matches.forEach((m, i) => {
    const line = lines[i] ?? 1;
    const closed = new RegExp(`</${m[1]}\\s*>$`, 'i').test(m[0]);
    const parsed = closed ? tryParse(`${open}${m[0]}${close}`) : null;
    const item = parsed?.items[0];
    if (item) channel.items.push(item);
    else {
      const why = closed ? 'is malformed XML' : 'is truncated (no closing tag)';
      diagnostics.push(ingestDiagnostic(file, `feed ${m[1]} ${why}; skipped`, { line }));
    }
  });
  return { channel, diagnostics };
}

/** The opening and closing markup an item needs around it to be a feed of its own. */
function wrapperFor(rootTag: string, name: string): [string, string] {
  const lower = name.toLowerCase();
  if (lower === 'feed') return [rootTag, '</feed>'];
  if (lower === 'rdf:rdf') {
    return [`${rootTag}<channel><title>-</title><link>-</link></channel>`, `</${name}>`];
  }
  return [`${rootTag}<channel><title>-</title>`, '</channel></rss>'];
}

function tryParse(xml: string): FeedChannel | null {
  try {
    return channelOf(parseFeed(xml));
  } catch {
    return null;
  }
}
