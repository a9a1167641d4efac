import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Diagnostic, Entry } from '../../model/index.js';
import {
  canonicalUrl,
  decodeBytes,
  entryId,
  htmlToLines,
  ingestDiagnostic,
  toIsoDate,
} from '../shared/index.js';
import type { ImportResult } from '../types.js';
import { pageMetadata, type PageMetadata, type QueryableDocument } from './metadata.js';

export interface ArticleOptions {
  /** The URL the page was fetched from: the base for a relative canonical link. */
  url?: string;
  httpCharset?: string;
  /** Pages longer than this many characters are cut before parsing. Default 5,000,000. */
  maxChars?: number;
  /** Readability gives up on pages with more elements than this. Default 200,000. */
  maxElements?: number;
}

/**
 * A news page as one entry: the main text found by Mozilla Readability over a linkedom DOM,
 * and title, date, byline, outlet and canonical URL from the page's meta tags and JSON-LD.
 * When Readability finds no article the page's visible text is kept, with a warning.
 *
 * @example
 * const { entries } = extractArticle(html, 'page.html', { url: 'https://www.example.jp/n/1' });
 * entries[0]?.origin?.published; // '2024-01-18T09:00:00+09:00'
 */
export function extractArticle(
  input: Uint8Array | string,
  source: string,
  options: ArticleOptions = {},
): ImportResult {
  const decoded =
    typeof input === 'string'
      ? { text: input, diagnostics: [] as Diagnostic[] }
      : decodeBytes(input, {
          file: source,
          ...(options.httpCharset ? { httpCharset: options.httpCharset } : {}),
        });
  const diagnostics = [...decoded.diagnostics];
  let html = decoded.text;
  const maxChars = options.maxChars ?? 5_000_000;
  if (html.length > maxChars) {
    diagnostics.push(
      ingestDiagnostic(source, `page longer than ${maxChars} characters; cut`, {}, 'warning'),
    );
    html = html.slice(0, maxChars);
  }
  if (html.trim() === '')
    return {
      entries: [],
      diagnostics: [...diagnostics, ingestDiagnostic(source, 'page is empty')],
    };
  const { document } = parseHTML(html);
  const meta = pageMetadata(document as unknown as QueryableDocument, source);
  diagnostics.push(...meta.diagnostics);
  const body = mainText(document, source, options.maxElements ?? 200_000, diagnostics);
  const entry = entryFor(meta.metadata, body.lines, body.byline, options.url);
  if (entry === null) diagnostics.push(ingestDiagnostic(source, 'page has no text'));
  return { entries: entry === null ? [] : [entry], diagnostics };
}

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];

function mainText(
  document: LinkedomDocument,
  source: string,
  maxElements: number,
  diagnostics: Diagnostic[],
): { lines: string[]; byline: string | undefined } {
  const warn = (message: string): void =>
    void diagnostics.push(ingestDiagnostic(source, message, {}, 'warning'));
  // Readability's defaults are tuned for English; a Japanese paragraph says as much in about
  // a third of the characters, so the thresholds are lowered to match.
  if (!isProbablyReaderable(document, { minContentLength: 50, minScore: 20 })) {
    warn('page does not look like an article (too little text)');
  }
  try {
    const article = new Readability(document, { maxElemsToParse: maxElements }).parse();
    const lines = htmlToLines(article?.content ?? '').filter((l) => l !== '');
    if (lines.length > 0) return { lines, byline: article?.byline ?? undefined };
    warn('no main text found; keeping all visible text');
  } catch (e) {
    warn(
      `article extraction failed (${e instanceof Error ? e.message : String(e)}); keeping all visible text`,
    );
  }
  const all = htmlToLines(document.body?.innerHTML ?? document.toString());
  return { lines: all.filter((l) => l !== ''), byline: undefined };
}

function entryFor(
  meta: PageMetadata,
  body: string[],
  byline: string | undefined,
  pageUrl?: string,
): Entry | null {
  const url =
    canonicalUrl(meta.canonical ?? '', pageUrl) ?? (pageUrl ? canonicalUrl(pageUrl) : null);
  const title = meta.title?.replace(/\s+/g, ' ');
  if (body.length === 0 && !title) return null;
  const origin: Entry['origin'] = { kind: 'article' };
  if (url !== null) origin.url = url;
  if (title) origin.title = title;
  if (meta.siteName) origin.outlet = meta.siteName;
  const author = meta.byline ?? byline?.trim();
  if (author) origin.author = author;
  const published = toIsoDate(meta.published);
  if (published) origin.published = published;
  const id = url !== null ? entryId({ url }) : entryId({ text: [title ?? '', ...body].join('\n') });
  return { id, post: null, bodyKind: 'article', body, summaries: [], origin };
}
