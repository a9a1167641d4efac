import { parseAtomFeed } from 'feedsmith';
import { z } from 'zod';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const APP_NS = 'http://www.w3.org/2007/app';

/** An Atom entry document as an AtomPub client posts it (RFC 5023 §9.2). */
export interface AtomEntryInput {
  title: string;
  content: string;
  /** The `type` of `<content>`: Hatena Blog takes `text/plain` and reads it in the blog's notation. */
  contentType: string;
  authorName?: string;
  categories: readonly string[];
  /** `<app:control><app:draft>yes</app:draft></app:control>` when true. */
  draft: boolean;
}

/**
 * The entry as an Atom entry document, every piece of text escaped. Characters XML 1.0 cannot
 * carry at all (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) are
 * left out; carriage returns are kept as character references, which parsers do not fold. A
 * category with no term left is left out.
 *
 * @example
 * atomEntryXml({ title: 'A & B', content: '本文', contentType: 'text/plain', categories: ['NATO'], draft: true });
 * // '<?xml version="1.0" encoding="utf-8"?>\n<entry xmlns="http://www.w3.org/2005/Atom" …><title>A &amp; B</title>…'
 */
export function atomEntryXml(entry: AtomEntryInput): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<entry xmlns="${ATOM_NS}" xmlns:app="${APP_NS}">`,
    `  <title>${escapeXmlText(entry.title)}</title>`,
  ];
  if (entry.authorName !== undefined)
    lines.push(`  <author><name>${escapeXmlText(entry.authorName)}</name></author>`);
  lines.push(
    `  <content type="${escapeXmlAttribute(entry.contentType)}">${escapeXmlText(entry.content)}</content>`,
  );
  for (const term of entry.categories)
    if (term.replace(NOT_XML_CHAR, '').trim() !== '')
      lines.push(`  <category term="${escapeXmlAttribute(term)}" />`);
  lines.push(
    '  <app:control>',
    `    <app:draft>${entry.draft ? 'yes' : 'no'}</app:draft>`,
    '  </app:control>',
    '</entry>',
    '',
  );
  return lines.join('\n');
}

/** What a client reads of an entry the server sent back. */
export interface AtomEntryRead {
  title: string | null;
  /** Every `<link>`, `rel` defaulting to `alternate` (RFC 4287 §4.2.7.2). */
  links: { rel: string; href: string }[];
  categories: string[];
  content: string | null;
  contentType: string | null;
  /** `app:control/app:draft`; `null` when absent (which AtomPub reads as not a draft). */
  draft: boolean | null;
}

const ParsedEntry = z.object({
  title: z.object({ value: z.string().optional() }).optional(),
  links: z.array(z.object({ href: z.string().optional(), rel: z.string().optional() })).optional(),
  categories: z.array(z.object({ term: z.string().optional() })).optional(),
  content: z.object({ value: z.string().optional(), type: z.string().optional() }).optional(),
  app: z.object({ control: z.object({ draft: z.boolean().optional() }).optional() }).optional(),
});
const ParsedFeed = z.object({ entries: z.array(ParsedEntry).optional() });

/**
 * Reads an Atom entry document (the body of an AtomPub 200 or 201), or `null` when it is not
 * one. feedsmith parses feeds, not entry documents, so the entry is read as the only entry of a
 * feed around it. Text values come back trimmed.
 *
 * @example
 * readAtomEntry(body)?.links.find((l) => l.rel === 'alternate')?.href; // 'https://example.hatenablog.com/entry/…'
 */
export function readAtomEntry(xml: string): AtomEntryRead | null {
  const entry = xml.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, '').trim();
  if (!/^<(?:[\w.-]+:)?entry[\s>/]/.test(entry)) return null;
  let parsed: unknown;
  try {
    parsed = parseAtomFeed(
      `<feed xmlns="${ATOM_NS}" xmlns:app="${APP_NS}"><id>urn:kirinuki:answer</id>` +
        `<title>answer</title><updated>1970-01-01T00:00:00Z</updated>${entry}</feed>`,
    );
  } catch {
    return null;
  }
  const feed = ParsedFeed.safeParse(parsed);
  const first = feed.success ? feed.data.entries?.[0] : undefined;
  if (first === undefined) return null;
  return {
    title: first.title?.value ?? null,
    links: (first.links ?? []).flatMap((l) =>
      l.href === undefined ? [] : [{ rel: l.rel ?? 'alternate', href: l.href }],
    ),
    categories: (first.categories ?? []).flatMap((c) => (c.term === undefined ? [] : [c.term])),
    content: first.content?.value ?? null,
    contentType: first.content?.type ?? null,
    draft: first.app?.control?.draft ?? null,
  };
}

// XML 1.0 Char production: no C0 controls but tab, LF, CR; no U+FFFE/U+FFFF; no lone surrogates.
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as XML character data.
 *
 * @example
 * escapeXmlText('a < b & c'); // 'a &lt; b &amp; c'
 */
export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;');
}

/**
 * Text as a double-quoted XML attribute value; tabs and line breaks as character references,
 * since a parser turns literal ones into spaces.
 *
 * @example
 * escapeXmlAttribute('"NATO"'); // '&quot;NATO&quot;'
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#xA;')
    .replace(/\t/g, '&#x9;');
}
