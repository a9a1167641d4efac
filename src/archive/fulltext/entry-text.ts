import type { Entry } from '../../model/index.js';

/**
 * The searchable text of an entry in three sections, one per full-text column so that ranking
 * can weigh them: the post (or the captured title), the body, and the curator's summary lines.
 * Snippets and highlights are ranges into {@link entrySearchText}, the three joined by `\n`.
 */
export interface EntrySections {
  post: string;
  body: string;
  summary: string;
}

/**
 * @example
 * entrySections(entry).summary; // '#ロシア(…)'
 */
export function entrySections(entry: Entry): EntrySections {
  const post = entry.post?.text ?? entry.origin?.title ?? '';
  return {
    post,
    body: entry.body.join('\n'),
    summary: entry.summaries.map((s) => s.raw).join('\n'),
  };
}

/**
 * The text a search matches against and snippets are cut from: post, body and summary lines,
 * joined by newlines. A term never matches across the joins (a newline is whitespace).
 *
 * @example
 * entrySearchText(entry).includes(entry.body[0]); // true
 */
export function entrySearchText(entry: Entry): string {
  return sectionsText(entrySections(entry));
}

/**
 * {@link entrySearchText} from sections already read.
 *
 * @example
 * sectionsText({ post: 'a', body: 'b', summary: 'c' }); // 'a\nb\nc'
 */
export function sectionsText(s: EntrySections): string {
  return `${s.post}\n${s.body}\n${s.summary}`;
}
