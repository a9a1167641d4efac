import type { Annotations, Entry } from '../model/index.js';
import { annotate, type Knowledge } from '../nlp/index.js';
import { entrySuggestion, type Suggestion } from './entry-suggestion.js';
import type { Tagger } from './tagger.js';

/** What the workbench's Compose shows as the curator types: the text annotated and tagged. */
export interface ComposedText {
  /** Quotes, speakers and names, with `[start, end)` offsets into the text as given. */
  annotations: Annotations;
  /** The tags and summary line proposed for it; null without a tagger. */
  suggestion: Suggestion | null;
}

/**
 * Annotates a text as a pasted article whose first line is its headline, and proposes tags and
 * a summary line for it when there is a tagger: what `POST /api/annotate` answers.
 *
 * @example
 * const { annotations, suggestion } = composeText('ゼレンスキー大統領は「…」と述べた', knowledge, tagger);
 * annotations.quotes[0]?.speaker; // 'ゼレンスキー大統領'
 */
export function composeText(
  text: string,
  knowledge: Knowledge,
  tagger: Tagger | null,
): ComposedText {
  const annotations = annotate(text, { knowledge });
  if (tagger === null) return { annotations, suggestion: null };
  const lines = text.split('\n');
  const entry: Entry = {
    id: 'compose',
    post: null,
    // `fullText`: the entry's annotated text is the text itself, as `jsonlTagFields` reads a line.
    bodyKind: 'fullText',
    body: lines,
    summaries: [],
    origin: { kind: 'paste', title: lines[0] ?? '' },
  };
  return { annotations, suggestion: entrySuggestion(entry, tagger, knowledge) };
}
