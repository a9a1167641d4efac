import type { Entry } from '../../model/index.js';
import { entryView } from '../digest-day.js';

/**
 * What the site's pages other than the day pages show of an entry: enough to list it on a tag,
 * person or story page and link to it, without its body. Small, so that a whole archive's
 * worth stays in memory while the site is planned.
 */
export interface SiteEntry {
  id: string;
  /** The digest day it is filed under, `YYYY-MM-DD`. */
  day: string;
  /** Its position within the day, in filing order. */
  seq: number;
  /** The story it belongs to (the id of the story's first entry). */
  story: string;
  headline: string;
  authorName: string | null;
  handle: string | null;
  /** The post's or page's own date, `YYYY-MM-DD`. */
  date: string | null;
  /** Where it was published: the post, else the article, else the post's first link. */
  link: string | null;
  /**
   * Its summary lines as written (parsed again when a page shows them: an archive's worth of
   * parsed lines kept in memory made every garbage collection of a build slower).
   */
  lines: readonly string[];
  /** The tags of its summary lines, each once, in order. */
  tags: readonly string[];
  /**
   * A hash of everything above, set by whoever reads the archive: pages that list the entry
   * are written again when it changes.
   */
  hash: string;
}

/** Where and how an entry is filed, for {@link siteEntryOf}. */
export interface FiledAs {
  day: string;
  seq: number;
  story: string;
  /** The hash of the entry and the above (see `SiteEntry.hash`). */
  hash: string;
}

/**
 * The site's record of a filed entry.
 *
 * @example
 * siteEntryOf(entry, { day: '2024-03-04', seq: 0, story: entry.id, hash }).headline;
 * // 'ロシア軍、ハリコフ州の集落制圧と主張 ウクライナ側は否定'
 */
export function siteEntryOf(entry: Entry, filed: FiledAs): SiteEntry {
  const view = entryView(entry);
  return {
    id: entry.id,
    day: filed.day,
    seq: filed.seq,
    story: filed.story,
    hash: filed.hash,
    headline: listHeadline(view.headline),
    authorName: view.authorName,
    handle: view.handle,
    date: view.date,
    link: view.statusUrl ?? view.articleUrl ?? view.postLinks[0] ?? null,
    lines: entry.summaries.map((s) => s.raw),
    tags: view.tags,
  };
}

/**
 * Newest first: by day, then by position within the day, later first.
 *
 * @example
 * entries.sort(newestFirst);
 */
export function newestFirst(a: SiteEntry, b: SiteEntry): number {
  return a.day < b.day ? 1 : a.day > b.day ? -1 : b.seq - a.seq;
}

/**
 * A headline as a list shows it: the post's links and trailing hashtags left out.
 *
 * @example
 * listHeadline('港湾施設で火災https://t.co/sBZo2qdvlO #nhk_news'); // '港湾施設で火災'
 */
export function listHeadline(headline: string): string {
  // Most headlines need nothing done: one test instead of three replacements, for each entry
  // of the archive at each build.
  if (!/https?:|pic\.twitter|#|\s\s|^\s|\s$|[^\S ]/.test(headline)) return headline;
  const text = headline
    .replace(/https?:\/\/\S+|pic\.twitter\.com\/\S+/g, ' ')
    .replace(/(?:\s+#[\p{L}\p{N}_]+)+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? headline : text;
}
