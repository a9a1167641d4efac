import { documentEntries, type Diagnostic, type Entry } from '../../model/index.js';
import { htmlToLines, ingestDiagnostic, readHtmlText, toIsoDate } from '../shared/index.js';
import type { ArchivedDocument, ClipParser } from '../types.js';

/** A blog post as an export gives it, before its body is read as a clip document. */
export interface BlogPost {
  title: string | undefined;
  url: string | undefined;
  author: string | undefined;
  /** The date as written in the export. */
  date: string | undefined;
  /** Body HTML (or text, when `newlines` says line breaks are meaningful). */
  body: string;
  /** True when newlines in the body are line breaks (plain text, or WordPress's wpautop). */
  newlines: boolean;
  /** 1-based line of the body in the export, for diagnostics. */
  line: number;
}

/**
 * The body of a blog post as the text of a clip document: HTML turned into lines, with
 * newlines kept as line breaks where the platform means them so (wpautop, CONVERT BREAKS).
 *
 * @example
 * postText({ body: '<p>一行目<br />二行目</p>', newlines: false, … }); // '一行目\n二行目'
 */
export function postText(post: Pick<BlogPost, 'body' | 'newlines'>): string {
  if (!post.newlines) return htmlToLines(post.body).join('\n');
  // Newlines are read as breaks by the reader, not replaced by `<br>` in the source: inside a
  // <title> or CDATA section that `<br>` came back as text.
  const html = post.body.replace(/<br\s*\/?>[ \t]*\r?\n/gi, '\n');
  return readHtmlText(html, { newlinesBreak: true }).lines.join('\n');
}

/**
 * Reads a post's body as a clip document and gives its entries the post's origin (`blog`, its
 * URL, title, author and date). The parser's findings come back naming the export file and
 * the post's line.
 */
export function readPost(
  post: BlogPost,
  file: string,
  parse: ClipParser,
): { entries: Entry[]; document: ArchivedDocument; diagnostics: Diagnostic[] } {
  const published = toIsoDate(post.date);
  const { document, diagnostics: found } = parse(postText(post));
  const where = `post "${post.title ?? '(untitled)'}"`;
  const diagnostics = found.map((d) =>
    ingestDiagnostic(
      file,
      `${where}${d.line ? `, body line ${d.line}` : ''}: ${d.message}`,
      { line: post.line },
      d.severity,
    ),
  );
  const origin: Entry['origin'] = { kind: 'blog' };
  if (post.url) origin.url = post.url;
  if (post.title) origin.title = post.title;
  if (post.author) origin.author = post.author;
  if (published) origin.published = published;
  const entries = documentEntries(document).map((e) => ({
    ...e,
    origin: { ...origin, ...e.origin, kind: 'blog' as const },
  }));
  return {
    entries,
    document: { day: published?.slice(0, 10), title: post.title, url: post.url, document },
    diagnostics,
  };
}
