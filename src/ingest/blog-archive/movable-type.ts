import type { Diagnostic } from '../../model/index.js';
import { canonicalUrl, ingestDiagnostic, pushAll } from '../shared/index.js';
import type { BlogPost } from './post-document.js';

const POST_END = '--------';
const SECTION_END = '-----';
const HEADER = /^([A-Z][A-Z ]*[A-Z]):\s?(.*)$/;

/**
 * Splits a Movable Type export — the format Hatena Blog exports — into posts. A post is
 * `KEY: value` header lines, then `-----`-terminated sections (`BODY:`, `EXTENDED BODY:`,
 * `EXCERPT:`, `COMMENT:`…), and ends with a `--------` line. A post without a body, or with
 * sections cut off, gets a diagnostic naming its line; the others are still read.
 *
 * @example
 * parseMovableType('TITLE: 1月18日\nDATE: 01/18/2024 09:00:00\n-----\nBODY:\n<p>…</p>\n-----\n--------\n', 'blog.txt').posts.length; // 1
 */
export function parseMovableType(
  text: string,
  file: string,
): { posts: BlogPost[]; diagnostics: Diagnostic[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const posts: BlogPost[] = [];
  const diagnostics: Diagnostic[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i += 1) {
    const atEnd = i === lines.length;
    if (!atEnd && lines[i] !== POST_END) continue;
    const chunk = lines.slice(start, i);
    if (chunk.some((l) => l.trim() !== '')) {
      if (atEnd)
        diagnostics.push(
          ingestDiagnostic(
            file,
            'last post has no "--------" line (truncated?)',
            { line: start + 1 },
            'warning',
          ),
        );
      const read = readPost(chunk, start + 1, file);
      if (read.post) posts.push(read.post);
      pushAll(diagnostics, read.diagnostics);
    }
    start = i + 1;
  }
  return { posts, diagnostics };
}

function readPost(
  lines: string[],
  firstLine: number,
  file: string,
): { post: BlogPost | null; diagnostics: Diagnostic[] } {
  const headers = new Map<string, string>();
  let i = 0;
  for (; i < lines.length && lines[i] !== SECTION_END; i += 1) {
    const m = HEADER.exec(lines[i] ?? '');
    if (m && !headers.has(m[1] ?? '')) headers.set(m[1] ?? '', (m[2] ?? '').trim());
  }
  const sections = readSections(lines, i + 1);
  const body = [sections.get('BODY'), sections.get('EXTENDED BODY')].filter((s) => s !== undefined);
  const title = headers.get('TITLE');
  if (body.length === 0) {
    const what = `post "${title ?? '(untitled)'}" has no BODY section; skipped`;
    return { post: null, diagnostics: [ingestDiagnostic(file, what, { line: firstLine })] };
  }
  const bodyLine = firstLine + Math.max(0, lines.indexOf('BODY:') + 1);
  const html = body.map((s) => s.text).join('\n');
  const post: BlogPost = {
    title,
    // Hatena gives only BASENAME (a path under the blog's /entry/), so a URL only when absolute.
    url: canonicalUrl(headers.get('UNIQUE URL') ?? '') ?? undefined,
    author: headers.get('AUTHOR'),
    date: headers.get('DATE'),
    body: html,
    newlines: headers.get('CONVERT BREAKS') !== '0' || !/<(?:p|br|div)\b/i.test(html),
    line: bodyLine,
  };
  return { post, diagnostics: [] };
}

/** `NAME:` lines open a section that runs to the next `-----`; the first of each name is kept. */
function readSections(lines: string[], from: number): Map<string, { text: string }> {
  const sections = new Map<string, { text: string }>();
  let name: string | null = null;
  let text: string[] = [];
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (name === null) {
      const m = /^([A-Z][A-Z ]*):$/.exec(line);
      if (m) [name, text] = [m[1] ?? '', []];
    } else if (line === SECTION_END) {
      if (!sections.has(name)) sections.set(name, { text: text.join('\n') });
      name = null;
    } else text.push(line);
  }
  if (name !== null && !sections.has(name)) sections.set(name, { text: text.join('\n') });
  return sections;
}
