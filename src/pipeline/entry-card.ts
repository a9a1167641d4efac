import type { StoredEntry } from '../archive/index.js';
import { entryView } from '../publish/index.js';

/**
 * What every view of an entry carries — the API, the workbench, `search`, `show`, `export` —
 * whatever it was captured from: a post, a feed item, an article page. Built once by
 * {@link entryCard} from the publishing formats' `entryView`, so a headline or link is found
 * the same way everywhere.
 */
export interface EntryCard {
  id: string;
  /** The digest day it is filed under, `YYYY-MM-DD`. */
  day: string;
  /** Its place in the day's digest. */
  seq: number;
  /** The id of its story (its own id for a story of one). */
  story: string;
  /** The post's first line, else the captured page's title, else the body's first words. */
  headline: string;
  /** The post's author, else the outlet (or author) of the captured page. */
  authorName: string | null;
  /** The post's handle, without `@`; null for a captured page. */
  handle: string | null;
  /** The post's own status URL when known, else the post's first link. */
  postUrl: string | null;
  /** The captured page's URL (article, feed item, Telegram message). */
  articleUrl: string | null;
  /** `YYYY-MM-DD`: the post's date, else the page's publication day. */
  date: string | null;
  /** The tags of its summary lines, in order, each once. */
  tags: string[];
  /** Its summary lines as written (`#Tag(…)`). */
  summaryLines: string[];
  /** Where it was imported from: a file path, a URL, `-`. */
  source: string;
}

/**
 * The card of a stored entry.
 *
 * @example
 * const card = entryCard(archive.findEntry('a7095dd5b93b')!);
 * card.headline; // 'ザポリージャ原発、外部電源を一時喪失'
 * card.authorName; // '架空日報'
 * card.articleUrl; // 'https://kakuu-nippo.example.jp/world/20240305-npp'
 */
export function entryCard(stored: StoredEntry): EntryCard {
  const view = entryView(stored.entry);
  return {
    id: view.id,
    day: stored.day,
    seq: stored.seq,
    story: stored.story,
    headline: view.headline,
    authorName: view.authorName,
    handle: view.handle,
    postUrl: view.statusUrl ?? view.postLinks[0] ?? null,
    articleUrl: view.articleUrl,
    date: view.date,
    tags: view.tags,
    summaryLines: view.summaries.map((s) => s.raw),
    source: stored.source,
  };
}

/**
 * Who an entry is from, as a line says it: `ロイター (@ReutersJapan)`, `@ReutersJapan`, or the
 * outlet of a captured page (`架空日報`); null when nothing says.
 *
 * @example
 * cardByline({ ...card, authorName: '架空日報', handle: null }); // '架空日報'
 */
export function cardByline(card: EntryCard): string | null {
  if (card.handle !== null)
    return card.authorName !== null && card.authorName !== card.handle
      ? `${card.authorName} (@${card.handle})`
      : `@${card.handle}`;
  return card.authorName;
}

/**
 * A card as text lines for a terminal (`kirinuki search`, `show`): the headline; who and when;
 * the post and article links; and, with `summaryLines`, the summary lines (which carry the
 * tags). Lines with nothing to say are left out.
 *
 * @example
 * entryCardLines(card, { summaryLines: true });
 * // ['ザポリージャ原発、外部電源を一時喪失', '架空日報 · 2024-03-05',
 * //  'article: https://kakuu-nippo.example.jp/world/20240305-npp', '#原発(…)']
 */
export function entryCardLines(
  card: EntryCard,
  options: { summaryLines?: boolean } = {},
): string[] {
  // A page title may hold a line break; a terminal line may not.
  const lines = [card.headline.replace(/\s*\n\s*/gu, ' ')];
  const who = [cardByline(card), card.date].filter((x): x is string => x !== null);
  if (who.length > 0) lines.push(who.join(' · '));
  if (card.postUrl !== null) lines.push(`post: ${card.postUrl}`);
  if (card.articleUrl !== null) lines.push(`article: ${card.articleUrl}`);
  if (options.summaryLines) lines.push(...card.summaryLines);
  return lines.filter((l) => l.trim() !== '');
}
