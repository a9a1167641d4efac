import type { Diagnostic, Document, Entry, Part, SummaryLine } from '../../model/index.js';
import { classifyLine, type LineInfo } from './classify.js';
import { entryId } from './entry-id.js';
import { isFullTextOf } from './full-text.js';
import { splitLines } from './lines.js';
import { buildPost } from './post.js';
import { findPosts, type PostSpan } from './posts.js';
import { tagsOfLine } from './summary-line.js';

export interface ParseOptions {
  /** Named in diagnostics. */
  file?: string;
}

export interface ParseResult {
  document: Document;
  /** Warnings about blocks kept as raw text, odd lines and the like; never fatal. */
  diagnostics: Diagnostic[];
}

/**
 * Parses a clip document — a day's digest as the curator writes it — into entries. Never
 * throws on text: what it cannot understand is kept as a raw part and reported, so
 * `renderClipDocument(parseClipDocument(x).document) === x` for every string `x`.
 *
 * @example
 * const { document } = parseClipDocument(text);
 * documentEntries(document).map((e) => e.post?.handle);
 */
export function parseClipDocument(text: string, options: ParseOptions = {}): ParseResult {
  const { lines, layout } = splitLines(text);
  const info = lines.map(classifyLine);
  const ctx = new Builder(lines, info, options.file);
  const posts = findPosts(lines, info);
  ctx.loose(0, posts[0]?.headStart ?? lines.length);
  posts.forEach((span, k) => {
    const regionEnd = posts[k + 1]?.headStart ?? lines.length;
    ctx.entryWithPost(span, regionEnd);
  });
  return { document: { layout, parts: ctx.parts }, diagnostics: ctx.diagnostics };
}

/** Accumulates parts and diagnostics while walking the lines once, in order. */
class Builder {
  readonly parts: Part[] = [];
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly lines: readonly string[],
    private readonly info: readonly LineInfo[],
    private readonly file: string | undefined,
  ) {
    info.forEach((x, i) => {
      if (x.kind === 'text' && x.badAttribution)
        this.warn(
          i,
          'this looks like a post attribution but its date does not exist; kept as text',
        );
    });
  }

  /** A post, its body and its summary lines, then whatever follows up to `end`. */
  entryWithPost(span: PostSpan, end: number): void {
    const { lines } = this;
    const post = buildPost(
      lines.slice(span.headStart, span.attribution),
      lines[span.attribution] ?? '',
      lines.slice(span.attribution + 1, span.end + 1),
      span.who,
    );
    let i = span.end + 1;
    const firstSummary = this.findKind(i, end, 'summary');
    const bodyEnd = firstSummary >= 0 ? firstSummary : this.trimTrailing(i, end);
    const body = lines.slice(i, bodyEnd);
    i = bodyEnd;
    const summaries = this.takeSummaries(i, end);
    i += summaries.length;
    const bodyKind = body.length > 0 && isFullTextOf(post, body) ? 'fullText' : 'article';
    this.pushEntry({ post, bodyKind, body, summaries });
    this.loose(i, end);
  }

  /** Lines outside any post: blanks, document tags, post-less entries, raw blocks. */
  loose(start: number, end: number): void {
    let i = start;
    while (i < end) {
      const kind = this.info[i]?.kind;
      if (kind === 'blank') this.parts.push({ kind: 'blank', text: this.lines[i] ?? '' });
      else if (kind === 'tags') this.pushTags(i);
      else {
        i = this.postlessEntryOrRaw(i, end);
        continue;
      }
      i += 1;
    }
  }

  /** Text lines followed by summary lines form an entry without a post; otherwise raw. */
  private postlessEntryOrRaw(start: number, end: number): number {
    let i = start;
    while (i < end && this.info[i]?.kind === 'text') i += 1;
    const summaries = this.takeSummaries(i, end);
    if (summaries.length > 0) {
      const body = this.lines.slice(start, i);
      this.pushEntry({ post: null, bodyKind: 'article', body, summaries });
      return i + summaries.length;
    }
    const raw = this.lines.slice(start, i);
    this.parts.push({ kind: 'raw', lines: raw, reason: 'no post attribution or summary line' });
    this.warn(
      start,
      `${raw.length} line(s) are not part of a clip (no post attribution or summary line); kept as they are`,
    );
    return i;
  }

  private pushEntry(fields: Omit<Entry, 'id' | 'origin'>): void {
    // Fields listed rather than spread: the same key order (and JSON), without the copy loop.
    const { post, bodyKind, body, summaries } = fields;
    this.parts.push({
      kind: 'entry',
      entry: { id: entryId(fields), post, bodyKind, body, summaries },
    });
  }

  private pushTags(i: number): void {
    const raw = this.lines[i] ?? '';
    this.parts.push({ kind: 'tags', line: { raw, tags: tagsOfLine(raw) } });
  }

  private takeSummaries(start: number, end: number): SummaryLine[] {
    const out: SummaryLine[] = [];
    for (let i = start; i < end; i += 1) {
      const x = this.info[i];
      if (x?.kind !== 'summary') break;
      if (!quotesBalance(x.summary.content))
        this.warn(i, 'unbalanced 「」 in summary line; its quotes may be incomplete');
      out.push(x.summary);
    }
    return out;
  }

  private findKind(start: number, end: number, kind: LineInfo['kind']): number {
    for (let i = start; i < end; i += 1) if (this.info[i]?.kind === kind) return i;
    return -1;
  }

  /** End of a body with no summary line: trailing blank and tag-only lines are not body. */
  private trimTrailing(start: number, end: number): number {
    let e = end;
    while (e > start && this.info[e - 1]?.kind !== 'text') e -= 1;
    return e;
  }

  private warn(line: number, message: string): void {
    this.diagnostics.push({
      severity: 'warning',
      message: `format: ${message}`,
      line: line + 1,
      ...(this.file === undefined ? {} : { file: this.file }),
    });
  }
}

/** Whether `text` has as many 「 as 」 (one pass over the UTF-16 codes). */
function quotesBalance(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x300c) n += 1;
    else if (c === 0x300d) n -= 1;
  }
  return n === 0;
}
