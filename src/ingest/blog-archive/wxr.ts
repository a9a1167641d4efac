import type { Diagnostic } from '../../model/index.js';
import { decodeEntities, ingestDiagnostic, linesAt } from '../shared/index.js';
import type { BlogPost } from './post-document.js';

const ITEM = /<item\b[^>]*>([\s\S]*?)(?:<\/item\s*>|(?=<item\b)|$)/gi;

/**
 * The text of the first `<name>` element in an XML fragment: CDATA sections unwrapped (WXR
 * splits a `]]>` inside content across two of them), character references decoded.
 *
 * @example
 * elementText('<wp:status><![CDATA[publish]]></wp:status>', 'wp:status'); // 'publish'
 */
export function elementText(xml: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`<${escaped}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${escaped}\\s*>)`, 'i').exec(
    xml,
  );
  if (!m) return undefined;
  const raw = m[1] ?? '';
  let out = '';
  let last = 0;
  for (const c of raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    out += decodeEntities(raw.slice(last, c.index)) + (c[1] ?? '');
    last = c.index + c[0].length;
  }
  return (out + decodeEntities(raw.slice(last))).trim();
}

/** Post types and statuses that are a published post; attachments, menus, drafts are not. */
const SKIPPED_STATUS = new Set(['draft', 'auto-draft', 'trash', 'inherit', 'pending']);

/**
 * Splits a WordPress export (WXR, RSS 2.0 with the `wp:` namespace) into posts, reading each
 * `<item>` on its own so one broken item costs only itself. Attachments, pages, menu items
 * and drafts are skipped; `content:encoded` is the raw post content, where newlines are line
 * breaks (wpautop).
 *
 * @example
 * parseWxr(wxrText, 'blog.wordpress.xml').posts[0]?.title;
 */
export function parseWxr(
  xml: string,
  file: string,
): { posts: BlogPost[]; diagnostics: Diagnostic[] } {
  const matches = [...xml.matchAll(ITEM)];
  const lines = linesAt(
    xml,
    matches.map((m) => m.index),
  );
  const posts: BlogPost[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!/<rss\b/i.test(xml)) {
    const message = 'no <rss> element: not a WordPress export?';
    diagnostics.push(ingestDiagnostic(file, message, { line: 1 }, 'warning'));
  }
  matches.forEach((m, i) => {
    const line = lines[i] ?? 1;
    const read = postFromItem(m[0], m[1] ?? '', line);
    if (read === null) return;
    if ('problem' in read)
      diagnostics.push(ingestDiagnostic(file, read.problem, { line }, read.severity));
    else posts.push(read);
  });
  return { posts, diagnostics };
}

/** One `<item>` as a post, `null` when it is not a published post, or what is wrong with it. */
function postFromItem(
  whole: string,
  item: string,
  line: number,
): BlogPost | null | { problem: string; severity: 'error' | 'warning' } {
  if (!/<\/item\s*>$/i.test(whole))
    return { problem: 'item is truncated (no </item>); skipped', severity: 'error' };
  const type = elementText(item, 'wp:post_type') ?? 'post';
  const status = elementText(item, 'wp:status') ?? 'publish';
  if (type !== 'post' || SKIPPED_STATUS.has(status)) return null;
  const body = elementText(item, 'content:encoded');
  if (body === undefined || body === '')
    return { problem: 'post without content:encoded; skipped', severity: 'warning' };
  return {
    title: elementText(item, 'title') || undefined,
    url: elementText(item, 'link') || undefined,
    author: elementText(item, 'dc:creator') || undefined,
    date: elementText(item, 'wp:post_date') || elementText(item, 'pubDate') || undefined,
    body,
    newlines: true,
    line,
  };
}
