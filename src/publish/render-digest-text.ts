import { entryLines } from '../format/index.js';
import type { Entry } from '../model/index.js';
import { entryView, type DigestDay } from './digest-day.js';

/**
 * Renders a day's digest in the curator's clip-document text format: each entry's post, body
 * and summary lines, then the document tag lines, with a final newline. An entry captured
 * without a post (a feed item, an article page) opens with its headline and a line naming its
 * outlet, link and date, which the clip format has no place for otherwise.
 *
 * @example
 * renderDigestText({ day: '2024-01-18', entries, documentTagLines: ['#NATOexpansion'] });
 */
export function renderDigestText(day: DigestDay): string {
  const lines = [...day.entries.flatMap(digestEntryLines), ...day.documentTagLines];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * The lines of one entry in a text digest: the clip document's lines, after a source line
 * for an entry captured without a post.
 *
 * @example
 * digestEntryLines(feedItem);
 * // ['黒海の穀物回廊、週内にも再開へ', '— 架空通信 https://kakuu-tsushin.example.jp/… 2024-03-01', '…本文…']
 */
export function digestEntryLines(entry: Entry): string[] {
  return [...sourceLines(entry), ...entryLines(entry)];
}

function sourceLines(entry: Entry): string[] {
  if (entry.post || !entry.origin) return [];
  const view = entryView(entry);
  const firstBody = entry.body.find((l) => l.trim() !== '')?.trim() ?? '';
  const title = entry.origin.title?.trim();
  const head = title && !firstBody.startsWith(title) ? [title] : [];
  const source = [view.authorName, view.articleUrl ?? view.statusUrl, view.date].filter(
    (x): x is string => x !== null && x !== '',
  );
  // Never `— Name (@handle) Month D, YYYY`: this line must not read as a post's attribution.
  return source.length === 0 ? head : [...head, `— ${source.join(' ')}`];
}
