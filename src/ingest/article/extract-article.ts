import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Diagnostic, Entry } from '../../model/index.js';
import {
  canonicalUrl,
  decodeBytes,
  entryId,
  ingestDiagnostic,
  pushAll,
  lineAt,
  readHtmlText,
  toIsoDate,
} from '../shared/index.js';
import type { ImportResult } from '../types.js';
import { pageMetadata, type PageMetadata, type QueryableDocument } from './metadata.js';
import { pageShape, type ShapeLimits } from './page-shape.js';

export interface ArticleOptions {
  /** The URL the page was fetched from: the base for a relative canonical link. */
  url?: string;
  httpCharset?: string;
  /** Pages longer than this many characters are cut before parsing. Default 5,000,000. */
  maxChars?: number;
  /**
   * Pages with more elements than this are not given to Readability (it takes about 40 µs an
   * element) and their visible text is kept. Default 50,000.
   */
  maxElements?: number;
  /** The same for runs of text (about 4 µs each, and as many DOM nodes). Default 200,000. */
  maxTextRuns?: number;
  /**
   * Pages nesting elements deeper than this are not given to Readability (it is about cubic in
   * the depth) and their visible text is kept. Default 200.
   */
  maxDepth?: number;
  /** Characters of main text kept; the rest is cut, with a warning. Default 100,000. */
  maxTextChars?: number;
  /** `Date.now()` past which the main text is not searched for (a fetch's time limit). */
  deadline?: number;
}

/**
 * A news page as one entry: the main text found by Mozilla Readability over a linkedom DOM,
 * and title, date, byline, outlet and canonical URL from the page's meta tags and JSON-LD.
 * When Readability finds no article, fails, or is not run — the page nests elements deeper than
 * `maxDepth`, holds more than `maxElements` or `maxTextRuns`, or the `deadline` has passed — the page's visible
 * text is kept, read from the page as it came (Readability changes the DOM it reads), with a
 * warning saying why. A page is never read as empty because it is hard to read.
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
  const body = readPage(html, source, options, diagnostics);
  const entry = entryFor(body.metadata, body.lines, body.byline, options.url);
  if (entry === null) diagnostics.push(ingestDiagnostic(source, 'page has no text'));
  return { entries: entry === null ? [] : [entry], diagnostics };
}

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];

interface PageText {
  metadata: PageMetadata;
  lines: string[];
  byline: string | undefined;
}

/**
 * Metadata and main text. A page past the shape limits — nested too deep, or with too many
 * elements or runs of text — is not built into a DOM as a whole (linkedom's parser is quadratic
 * in the depth) nor given to Readability: its metadata comes from the part before the limit,
 * which holds the head, and its text is all of its visible text.
 */
function readPage(
  html: string,
  source: string,
  options: ArticleOptions,
  diagnostics: Diagnostic[],
): PageText {
  const limits: ShapeLimits = {
    maxDepth: options.maxDepth ?? 200,
    maxElements: options.maxElements ?? 50_000,
    maxTextRuns: options.maxTextRuns ?? 200_000,
  };
  const { over } = pageShape(html, limits);
  const { document } = parseHTML(over === null ? html : html.slice(0, over.at));
  const meta = pageMetadata(document as unknown as QueryableDocument, source);
  pushAll(diagnostics, meta.diagnostics);
  const warn = (message: string): void =>
    void diagnostics.push(ingestDiagnostic(source, message, {}, 'warning'));
  const maxChars = options.maxTextChars ?? 100_000;
  const visible = (why: string): PageText => {
    warn(`${why}; keeping all visible text`);
    return { metadata: meta.metadata, lines: textOf(html, maxChars, warn), byline: undefined };
  };
  if (over !== null) {
    const line = lineAt(html, over.at);
    const count = (n: number): string => n.toLocaleString('en-US');
    const past = {
      maxDepth: `nests elements more than ${count(limits.maxDepth)} deep`,
      maxElements: `has more than ${count(limits.maxElements)} elements`,
      maxTextRuns: `has more than ${count(limits.maxTextRuns)} runs of text`,
    }[over.limit];
    return visible(`page ${past} (line ${line}): its main text is not looked for`);
  }
  if (options.deadline !== undefined && Date.now() > options.deadline)
    return visible('time limit reached before the main text was looked for');
  const main = mainText(document, maxChars, warn);
  if (typeof main === 'string') return visible(main);
  return { metadata: meta.metadata, ...main };
}

/** Readability's main text, or why there is none. */
function mainText(
  document: LinkedomDocument,
  maxChars: number,
  warn: (message: string) => void,
): { lines: string[]; byline: string | undefined } | string {
  // Readability's defaults are tuned for English; a Japanese paragraph says as much in about
  // a third of the characters, so the thresholds are lowered to match.
  if (!isProbablyReaderable(document, { minContentLength: 50, minScore: 20 })) {
    warn('page does not look like an article (too little text)');
  }
  try {
    const article = new Readability(document).parse();
    const lines = textOf(article?.content ?? '', maxChars, warn);
    if (lines.length > 0) return { lines, byline: article?.byline ?? undefined };
    return 'no main text found';
  } catch (e) {
    return `article extraction failed (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** The non-empty lines of HTML's visible text, cut at `maxChars` with a warning. */
function textOf(html: string, maxChars: number, warn: (message: string) => void): string[] {
  const text = readHtmlText(html, { maxChars });
  const count = (n: number): string => n.toLocaleString('en-US');
  if (text.cut)
    warn(`main text longer than ${count(maxChars)} characters; kept the first ${count(maxChars)}`);
  return text.lines.filter((l) => l !== '');
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
