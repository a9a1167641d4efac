import type { Document, Entry, Part } from '../../model/index.js';
import { joinLines } from './lines.js';

/**
 * Renders a document back to text: the exact inverse of `parseClipDocument`. Entries render
 * from their source lines (`raw` for summary lines), so a line built with `renderSummaryLine`
 * and added to an entry appears as written.
 *
 * @example
 * renderClipDocument(parseClipDocument(text).document) === text; // true
 */
export function renderClipDocument(doc: Document): string {
  return joinLines(doc.parts.flatMap(partLines), doc.layout);
}

/** The lines of one entry, in document order. */
export function entryLines(entry: Entry): string[] {
  const post = entry.post;
  const postLines = post ? [...post.headLines, post.attribution, ...post.tailLines] : [];
  return [...postLines, ...entry.body, ...entry.summaries.map((s) => s.raw)];
}

function partLines(part: Part): string[] {
  switch (part.kind) {
    case 'entry':
      return entryLines(part.entry);
    case 'blank':
      return [part.text];
    case 'tags':
      return [part.line.raw];
    case 'raw':
      return part.lines;
  }
}
