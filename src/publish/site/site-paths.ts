/**
 * Where each page of the static site lives. A path is relative to the site's root directory,
 * `/`-separated (`days/2024-03-04.html`); links between pages are relative (`hrefFrom`), so
 * the site works from any directory of any host, and from a `file:` URL but for search.
 */

/**
 * A day's page.
 *
 * @example
 * dayPath('2024-03-04'); // 'days/2024-03-04.html'
 */
export function dayPath(day: string): string {
  return `days/${day}.html`;
}

/**
 * A tag's page: its chart, its newest entries and its months.
 *
 * @example
 * tagPath('露朝'); // 'tags/露朝.html'
 */
export function tagPath(slug: string): string {
  return `tags/${slug}.html`;
}

/**
 * The entries of a tag filed in one month (`YYYY-MM`).
 *
 * @example
 * tagMonthPath('露朝', '2024-03'); // 'tags/露朝/2024-03.html'
 */
export function tagMonthPath(slug: string, month: string): string {
  return `tags/${slug}/${month}.html`;
}

/**
 * A person's page: their quotes over time.
 *
 * @example
 * personPath('ゼレンスキー'); // 'people/ゼレンスキー.html'
 */
export function personPath(slug: string): string {
  return `people/${slug}.html`;
}

/**
 * A person's quotes of one month (`YYYY-MM`).
 *
 * @example
 * personMonthPath('ゼレンスキー', '2024-03'); // 'people/ゼレンスキー/2024-03.html'
 */
export function personMonthPath(slug: string, month: string): string {
  return `people/${slug}/${month}.html`;
}

/**
 * A story's page: every source of the same news.
 *
 * @example
 * storyPath('9f3c2a1b7d4e5f60'); // 'stories/9f3c2a1b7d4e5f60.html'
 */
export function storyPath(slug: string): string {
  return `stories/${slug}.html`;
}

/** The fixed pages and assets of every site. */
export const SITE_PATHS = {
  index: 'index.html',
  tags: 'tags/index.html',
  people: 'people/index.html',
  search: 'search.html',
  feed: 'feed.xml',
  sitemap: 'sitemap.xml',
  stylesheet: 'assets/site.css',
  icon: 'assets/icon.svg',
  searchScript: 'assets/search.js',
} as const;

/**
 * The id of an entry's element on its day page, for links to one entry (`#e-…`).
 *
 * @example
 * entryAnchor('9f3c2a1b7d4e5f60'); // 'e-9f3c2a1b7d4e5f60'
 */
export function entryAnchor(entryId: string): string {
  return `e-${/^[\w-]+$/.test(entryId) ? entryId : fnv1aHex(entryId)}`;
}

/**
 * The relative URL from the page at `from` to the page at `to` (both site paths), each path
 * segment percent-encoded, with an optional `#fragment`.
 *
 * @example
 * hrefFrom('tags/露朝.html', 'days/2024-03-04.html', 'e-1'); // '../days/2024-03-04.html#e-1'
 * hrefFrom('index.html', 'tags/露朝.html'); // 'tags/%E9%9C%B2%E6%9C%9D.html'
 */
export function hrefFrom(from: string, to: string, fragment?: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (
    common < fromDirs.length &&
    common < toParts.length - 1 &&
    fromDirs[common] === toParts[common]
  )
    common += 1;
  const up = fromDirs.slice(common).map(() => '..');
  const down = toParts.slice(common).map((p) => encodeURIComponent(p));
  const href = [...up, ...down].join('/');
  return fragment === undefined ? href : `${href}#${encodeURIComponent(fragment)}`;
}

// A slug is a file name on every system the site may be copied to: letters and digits of any
// script, and a few marks; no separators, dots or characters URLs or shells treat specially.
const SAFE_SLUG = /^[\p{L}\p{N}][\p{L}\p{N}_\-ー・]{0,59}$/u;

/**
 * File-name slugs for a set of names (tags, people): the name itself where it is a safe file
 * name, else `x-` and a hash of it; names that would share a file on a case-insensitive file
 * system (`NATO`, `nato`) each get a hash suffix, as does `index` (each section's index page). The same names always give the same slugs.
 *
 * @example
 * slugsOf(['露朝', 'a/b']); // Map { '露朝' => '露朝', 'a/b' => 'x-…' }
 */
export function slugsOf(names: Iterable<string>): Map<string, string> {
  const base = new Map<string, string>();
  // `index` is taken by each section's own index page (tags/index.html).
  const holders = new Map<string, number>([['index', 1]]);
  for (const name of names) {
    if (base.has(name)) continue;
    const slug = SAFE_SLUG.test(name) ? name : `x-${fnv1aHex(name)}`;
    base.set(name, slug);
    const folded = slug.toLowerCase();
    holders.set(folded, (holders.get(folded) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [name, slug] of base)
    out.set(name, (holders.get(slug.toLowerCase()) ?? 0) > 1 ? `${slug}-${fnv1aHex(name)}` : slug);
  return out;
}

/**
 * A 32-bit FNV-1a hash of the UTF-16 units of `text`, as 8 hex digits: short, stable names for
 * things whose own names cannot be file names or element ids.
 *
 * @example
 * fnv1aHex('a/b'); // '…' (8 hex digits, always the same)
 */
export function fnv1aHex(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
