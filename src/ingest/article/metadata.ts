import type { Diagnostic } from '../../model/index.js';
import { ingestDiagnostic } from '../shared/index.js';
import { articleFromJsonLd, type JsonLdArticle } from './json-ld.js';

/** The facts a news page states about itself in its head. */
export interface PageMetadata {
  canonical?: string;
  title?: string;
  published?: string;
  byline?: string;
  siteName?: string;
}

/** The subset of a DOM document this module reads (linkedom's document satisfies it). */
interface QueryableElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface QueryableDocument {
  querySelector(selector: string): QueryableElement | null;
  querySelectorAll(selector: string): Iterable<QueryableElement>;
}

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
];

/**
 * Canonical URL, title, date, byline and site name from `<link rel=canonical>`, Open Graph and
 * other meta tags and JSON-LD — in that order of trust. Malformed JSON-LD is a warning, not a
 * failure: news sites ship broken JSON-LD often enough.
 *
 * @example
 * pageMetadata(document, 'page.html').canonical; // 'https://www.example.jp/news/123'
 */
export function pageMetadata(
  doc: QueryableDocument,
  file: string,
): { metadata: PageMetadata; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ld = articleFromJsonLd(jsonLdValues(doc, file, diagnostics));
  return { metadata: pickMetadata(doc, metaMap(doc), ld), diagnostics };
}

const first = (...values: (string | null | undefined)[]): string | undefined =>
  values.find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();

/** Each field from the most trusted place that has it. */
function pickMetadata(
  doc: QueryableDocument,
  meta: Map<string, string>,
  ld: JsonLdArticle | undefined,
): PageMetadata {
  const authorMeta = [meta.get('author'), meta.get('article:author')].find(
    (a) => a && !/^https?:/.test(a),
  );
  const fields: PageMetadata = {
    canonical: first(
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      meta.get('og:url'),
      ld?.url,
    ),
    title: first(
      meta.get('og:title'),
      meta.get('twitter:title'),
      ld?.headline,
      doc.querySelector('title')?.textContent,
    ),
    published: first(
      ...DATE_META.map((k) => meta.get(k)),
      ld?.datePublished,
      doc.querySelector('time[datetime]')?.getAttribute('datetime'),
    ),
    byline: first(authorMeta, ld?.author),
    siteName: first(meta.get('og:site_name'), ld?.publisher, meta.get('application-name')),
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as PageMetadata;
}

/** `<meta property|name|itemprop=… content=…>`, keys lower-cased, the first of each kept. */
function metaMap(doc: QueryableDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta[content]')) {
    const key =
      el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
    const content = el.getAttribute('content');
    if (key && content && !map.has(key.toLowerCase())) map.set(key.toLowerCase(), content);
  }
  return map;
}

function jsonLdValues(doc: QueryableDocument, file: string, diagnostics: Diagnostic[]): unknown[] {
  const values: unknown[] = [];
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      values.push(JSON.parse(el.textContent ?? ''));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      diagnostics.push(
        ingestDiagnostic(file, `malformed JSON-LD ignored: ${message}`, {}, 'warning'),
      );
    }
  }
  return values;
}
