import type { Diagnostic } from '../../model/index.js';
import {
  decodeEntities,
  ingestDiagnostic,
  linesAt,
  scanMarkup,
  xmlItems,
} from '../shared/index.js';
import type { BlogPost } from './post-document.js';

const ITEM = new Set(['item']);

/**
 * The text of the first `<name>` element in an XML fragment that is closed (or empty, `<name/>`):
 * CDATA sections unwrapped (WXR splits a `]]>` inside content across two of them), character
 * references decoded. Found by htmlparser2's tokenizer, so a `</name>` inside CDATA does not
 * end it.
 *
 * @example
 * elementText('<wp:status><![CDATA[publish]]></wp:status>', 'wp:status'); // 'publish'
 */
export function elementText(xml: string, name: string): string | undefined {
  return elementTexts(xml, [name]).get(name.toLowerCase());
}

/**
 * `elementText` for several names in one pass over the fragment, keyed by lower-case name: a
 * 10 MB post is read once, not once a field.
 *
 * @example
 * elementTexts('<title>t</title><link>u</link>', ['title', 'link']).get('link'); // 'u'
 */
export function elementTexts(xml: string, names: readonly string[]): Map<string, string> {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const from = new Map<string, number>();
  const found = new Map<string, string>();
  scanMarkup(
    xml,
    (token) => {
      if (token.kind !== 'open' && token.kind !== 'close') return true;
      const name = token.name.toLowerCase();
      if (!wanted.has(name) || found.has(name)) return true;
      if (token.kind === 'open' && token.selfClosing) found.set(name, '');
      else if (token.kind === 'open') {
        if (!from.has(name)) from.set(name, token.end);
      } else {
        const start = from.get(name);
        if (start !== undefined) found.set(name, unwrapCdata(xml.slice(start, token.start)).trim());
      }
      return found.size < wanted.size;
    },
    { xml: true, decodeEntities: false },
  );
  return found;
}

/** Text with its CDATA sections unwrapped and character references outside them decoded. */
function unwrapCdata(raw: string): string {
  let out = '';
  let last = 0;
  for (let open = raw.indexOf('<![CDATA['); open !== -1; open = raw.indexOf('<![CDATA[', last)) {
    const close = raw.indexOf(']]>', open + 9);
    if (close === -1) break;
    out += decodeEntities(raw.slice(last, open)) + raw.slice(open + 9, close);
    last = close + 3;
  }
  return out + decodeEntities(raw.slice(last));
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
  const { items } = xmlItems(xml, { items: ITEM });
  const lines = linesAt(
    xml,
    items.map((m) => m.start),
  );
  const posts: BlogPost[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!/<rss\b/i.test(xml)) {
    const message = 'no <rss> element: not a WordPress export?';
    diagnostics.push(ingestDiagnostic(file, message, { line: 1 }, 'warning'));
  }
  items.forEach((m, i) => {
    const line = lines[i] ?? 1;
    const read = m.closed ? postFromItem(xml.slice(m.start, m.end), line) : truncated;
    if (read === null) return;
    if ('problem' in read)
      diagnostics.push(ingestDiagnostic(file, read.problem, { line }, read.severity));
    else posts.push(read);
  });
  return { posts, diagnostics };
}

/** The fields of an item a post is read from. */
const FIELDS = [
  'wp:post_type', 'wp:status', 'content:encoded', 'title', 'link', 'dc:creator', 'wp:post_date', 'pubDate',
]; // prettier-ignore

type ItemProblem = { problem: string; severity: 'error' | 'warning' };

const truncated: ItemProblem = {
  problem: 'item is truncated (no </item>); skipped',
  severity: 'error',
};

/** One whole `<item>` as a post, `null` when it is not a published post, or what is wrong with it. */
function postFromItem(item: string, line: number): BlogPost | null | ItemProblem {
  const field = elementTexts(item, FIELDS);
  const text = (name: string): string | undefined => field.get(name.toLowerCase());
  const type = text('wp:post_type') ?? 'post';
  const status = text('wp:status') ?? 'publish';
  if (type !== 'post' || SKIPPED_STATUS.has(status)) return null;
  const body = text('content:encoded');
  if (body === undefined || body === '')
    return { problem: 'post without content:encoded; skipped', severity: 'warning' };
  return {
    title: text('title') || undefined,
    url: text('link') || undefined,
    author: text('dc:creator') || undefined,
    date: text('wp:post_date') || text('pubDate') || undefined,
    body,
    newlines: true,
    line,
  };
}
