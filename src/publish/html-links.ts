import { escapeMarkup } from './html-escape.js';

// The links the clip-document parser finds in a post (src/format/clip/post.ts), so that the
// HTML links exactly what the post's `links` list: glued to Japanese text (`強調https://t.co/…`),
// and pic.twitter.com without a scheme.
const LINK = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|pic\.twitter\.com\/[A-Za-z0-9]+/g;

/**
 * The URL a link points to, for an `href`: http(s) links as they are, pic.twitter.com links
 * (written without a scheme) with `https://`; `null` for anything else (`javascript:`, `data:`),
 * which is shown but never linked.
 *
 * @example
 * hrefOfLink('pic.twitter.com/YNcZwC3Gaa'); // 'https://pic.twitter.com/YNcZwC3Gaa'
 * hrefOfLink('javascript:alert(1)'); // null
 */
export function hrefOfLink(link: string): string | null {
  if (/^https?:\/\//i.test(link)) return link;
  return /^pic\.twitter\.com\//i.test(link) ? `https://${link}` : null;
}

/**
 * An `<a>` whose visible text is `text` (the link as written by default); the text alone,
 * escaped, when the link is not one {@link hrefOfLink} lets through.
 *
 * @example
 * anchorHtml('https://t.co/x?a=1&b=2'); // '<a href="https://t.co/x?a=1&amp;b=2">https://t.co/x?a=1&amp;b=2</a>'
 */
export function anchorHtml(link: string, text: string = link): string {
  const href = hrefOfLink(link);
  return href === null
    ? escapeMarkup(text)
    : `<a href="${escapeMarkup(href)}">${escapeMarkup(text)}</a>`;
}

/**
 * A line of clip text as HTML: escaped, each link in it an `<a>` showing the link as written,
 * and each `#hashtag` of `hashtags` (a post's trailing hashtags) linked to X's hashtag page as
 * X's own embed does. The visible text is the line, character for character.
 *
 * @example
 * linkedTextHtml('火災https://t.co/sBZo2qdvlO #nhk_news', ['nhk_news']);
 * // '火災<a href="https://t.co/sBZo2qdvlO">https://t.co/sBZo2qdvlO</a> <a href="https://twitter.com/hashtag/nhk_news?src=hash">#nhk_news</a>'
 */
export function linkedTextHtml(line: string, hashtags: readonly string[] = []): string {
  let html = '';
  let last = 0;
  for (const m of line.matchAll(LINK)) {
    html += hashtagsHtml(line.slice(last, m.index), hashtags) + anchorHtml(m[0]);
    last = m.index + m[0].length;
  }
  return html + hashtagsHtml(line.slice(last), hashtags);
}

function hashtagsHtml(text: string, hashtags: readonly string[]): string {
  if (hashtags.length === 0 || !text.includes('#')) return escapeMarkup(text);
  let html = '';
  let last = 0;
  for (const m of text.matchAll(/#([\p{L}\p{N}_]+)/gu)) {
    const tag = m[1] ?? '';
    if (!hashtags.includes(tag)) continue;
    const href = `https://twitter.com/hashtag/${encodeURIComponent(tag)}?src=hash`;
    html += `${escapeMarkup(text.slice(last, m.index))}<a href="${escapeMarkup(href)}">${escapeMarkup(m[0])}</a>`;
    last = m.index + m[0].length;
  }
  return html + escapeMarkup(text.slice(last));
}
