/**
 * The URL if it is an absolute http(s) URL, else null — clip data can hold any string, and a
 * `javascript:` or `data:` link must never become an href.
 *
 * @example
 *   safeHref('https://x.com/nhk_news/status/1'); // 'https://x.com/nhk_news/status/1'
 *   safeHref('javascript:alert(1)'); // null
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A short readable form of a URL for link text: host and path, without the scheme.
 *
 * @example
 *   displayUrl('https://www3.nhk.or.jp/news/html/x.html?utm=1'); // 'www3.nhk.or.jp/news/html/x.html'
 */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}
