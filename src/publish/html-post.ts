import type { Post } from '../model/index.js';
import type { EntryView } from './digest-day.js';
import { escapeMarkup } from './html-escape.js';
import { anchorHtml, linkedTextHtml } from './html-links.js';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
]; // prettier-ignore

/**
 * A post's day as X's embed writes it, `March 4, 2024`, from `YYYY-MM-DD`; other strings come
 * back as they are.
 *
 * @example
 * embedDate('2024-03-04'); // 'March 4, 2024'
 */
export function embedDate(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  const month = MONTHS[Number(m?.[2]) - 1];
  if (!m || month === undefined) return isoDay;
  return `${month} ${Number(m[3])}, ${m[1]}`;
}

/**
 * The link the embed's date points to: the post's own status URL when known (captured posts);
 * else the post's last pic.twitter.com link, which opens the post itself; else none — a t.co
 * link leads to the article, not the post, so the date would promise the wrong page.
 */
function dateLink(view: EntryView): string | null {
  if (view.statusUrl !== null) return view.statusUrl;
  return view.postLinks.findLast((l) => /^(?:https?:\/\/)?pic\.twitter\.com\//.test(l)) ?? null;
}

/**
 * A post as the embed markup X itself produces: `<blockquote class="twitter-tweet">` with the
 * post's lines (links as `<a>`, line breaks as `<br>`), then `&mdash; Name (@handle)` and the
 * date linking to the post. X's widget script turns it into the live post where the status URL
 * is known; without the script it reads as a plain quotation.
 *
 * @example
 * postEmbedHtml(post, entryView(entry), 'ja');
 * // '<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">…</p>&mdash; ロイター (@ReutersJapan) March 4, 2024</blockquote>'
 */
export function postEmbedHtml(post: Post, view: EntryView, lang: string): string {
  const lines = [...post.headLines, ...post.tailLines];
  const text = lines.map((l) => linkedTextHtml(l, post.hashtags)).join('<br>');
  const date = embedDate(post.date);
  const link = dateLink(view);
  const dated = link === null ? escapeMarkup(date) : anchorHtml(link, date);
  return (
    `<blockquote class="twitter-tweet"><p lang="${escapeMarkup(lang)}" dir="ltr">${text}</p>` +
    `&mdash; ${escapeMarkup(post.authorName)} (@${escapeMarkup(post.handle)}) ${dated}</blockquote>`
  );
}
