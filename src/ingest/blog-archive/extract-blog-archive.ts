import { parseClipDocument } from '../../format/index.js';
import type { Diagnostic } from '../../model/index.js';
import { decodeBytes, ingestDiagnostic, pushAll } from '../shared/index.js';
import type { BlogImportResult, ClipParser, ProgressListener } from '../types.js';
import { parseMovableType } from './movable-type.js';
import { readPost, type BlogPost } from './post-document.js';
import { parseWxr } from './wxr.js';

export interface BlogArchiveOptions {
  /** Called after each post with (posts done, posts in total), for a progress bar. */
  onProgress?: ProgressListener;
  /** Reads each post body; the clip-document parser unless a test swaps it. */
  parseClip?: ClipParser;
}

/**
 * The curator's blog archive — a Movable Type export (what Hatena Blog exports) or a WordPress
 * WXR file — as entries: each post's body is read as a clip document, so past digests come in
 * with their summary lines and the post's date; each post also comes back as a document.
 *
 * @example
 * const r = extractBlogArchive(bytes, 'hatena-export.txt', 'movable-type', { onProgress: bar.update });
 * r.documents[0]?.day; // '2024-01-18'
 */
export function extractBlogArchive(
  input: Uint8Array | string,
  source: string,
  format: 'movable-type' | 'wxr',
  options: BlogArchiveOptions = {},
): BlogImportResult {
  const decoded =
    typeof input === 'string'
      ? { text: input, diagnostics: [] as Diagnostic[] }
      : decodeBytes(input, { file: source });
  const result: BlogImportResult = {
    entries: [],
    diagnostics: [...decoded.diagnostics],
    documents: [],
  };
  if (decoded.text.trim() === '') {
    result.diagnostics.push(ingestDiagnostic(source, 'blog export is empty'));
    return result;
  }
  const split =
    format === 'wxr' ? parseWxr(decoded.text, source) : parseMovableType(decoded.text, source);
  pushAll(result.diagnostics, split.diagnostics);
  readPosts(split.posts, source, options, result);
  return result;
}

function readPosts(
  posts: BlogPost[],
  source: string,
  options: BlogArchiveOptions,
  into: BlogImportResult,
): void {
  const parse: ClipParser =
    options.parseClip ?? ((text) => parseClipDocument(text, { file: source }));
  posts.forEach((post, i) => {
    try {
      const read = readPost(post, source, parse);
      pushAll(into.entries, read.entries);
      into.documents.push(read.document);
      pushAll(into.diagnostics, read.diagnostics);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      into.diagnostics.push(
        ingestDiagnostic(
          source,
          `post "${post.title ?? '(untitled)'}" could not be read: ${message}`,
          { line: post.line },
        ),
      );
    }
    options.onProgress?.(i + 1, posts.length);
  });
}
