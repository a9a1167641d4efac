import type { Entry, SummaryLine } from '../model/index.js';
import { tagsOfLine } from '../format/index.js';

/** What every publishing format renders: one filed day, its entries in order, its tag lines. */
export interface DigestDay {
  /** The digest day, `YYYY-MM-DD`. */
  day: string;
  entries: readonly Entry[];
  /** The document tag lines as written (`#反ロシア#対中露戦`). */
  documentTagLines: readonly string[];
}

/**
 * One entry as the formats show it: who posted it and where it links, whatever it was
 * captured from. Built once by {@link entryView} so that every format keeps the same links.
 */
export interface EntryView {
  id: string;
  /**
   * The post's first line without its links and hashtags, else the captured page's title,
   * else the body's first words.
   */
  headline: string;
  /** The post's author (display name), else the outlet or author of the captured page. */
  authorName: string | null;
  /** The handle without `@`, for posts. */
  handle: string | null;
  /** `YYYY-MM-DD`: the post's date, else the page's publication day. */
  date: string | null;
  /** The post's own URL (`https://x.com/handle/status/id`), when known: captured posts. */
  statusUrl: string | null;
  /** The captured page's URL (article, feed item, Telegram message), when not a post's. */
  articleUrl: string | null;
  /** The post's text lines as written, links included; empty without a post. */
  postLines: string[];
  /** Every link the post carries (t.co, pic.twitter.com), in order. */
  postLinks: string[];
  /** The lines after the post: the article or the post's full text. */
  bodyLines: string[];
  summaries: readonly SummaryLine[];
  /** The tags of the summary lines, in order, each once. */
  tags: string[];
}

const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w{1,15})\/status\/(\d+)/;

/**
 * The view of one entry the publishing formats share.
 *
 * @example
 * entryView(entry).postLinks; // ['https://t.co/nrTEEQQf6J']
 */
export function entryView(entry: Entry): EntryView {
  const post = entry.post;
  const origin = entry.origin;
  const originUrl = origin?.url ?? null;
  const statusUrl =
    (originUrl !== null && STATUS_URL.test(originUrl) ? originUrl : null) ??
    post?.links.find((l) => STATUS_URL.test(l)) ??
    null;
  const postLines = post ? [...post.headLines, ...post.tailLines] : [];
  // The post's words without its links and trailing hashtags: a headline, not a tweet.
  const headline =
    post?.text.split('\n')[0]?.trim() ||
    origin?.title ||
    firstWords(entry.body.find((l) => l.trim() !== '') ?? '');
  const tags: string[] = [];
  for (const s of entry.summaries) if (!tags.includes(s.tag)) tags.push(s.tag);
  return {
    id: entry.id,
    headline,
    authorName: post?.authorName ?? origin?.outlet ?? origin?.author ?? null,
    handle: post?.handle ?? null,
    date: post?.date ?? origin?.published?.slice(0, 10) ?? null,
    statusUrl,
    articleUrl: originUrl !== null && originUrl !== statusUrl ? originUrl : null,
    postLines,
    postLinks: post?.links ?? [],
    bodyLines: entry.body,
    summaries: entry.summaries,
    tags,
  };
}

/**
 * The document tags of a day, each once, in order (`#反ロシア#対中露戦` gives two).
 *
 * @example
 * documentTags({ day, entries: [], documentTagLines: ['#NATOexpansion', '#反ロシア#対中露戦'] });
 * // ['NATOexpansion', '反ロシア', '対中露戦']
 */
export function documentTags(day: DigestDay): string[] {
  const out: string[] = [];
  for (const line of day.documentTagLines)
    for (const tag of tagsOfLine(line)) if (!out.includes(tag)) out.push(tag);
  return out;
}

function firstWords(text: string): string {
  const chars = [...text.trim()];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}
