import type { Entry } from '../../model/index.js';

/**
 * The text the annotator read for an entry, which quote offsets refer to: the body alone for a
 * full text, else the post and the body joined by line breaks (the same rule as `src/nlp`'s
 * `entryText`, which this layer may not import).
 *
 * @example
 * annotatedText({ ...entry, bodyKind: 'fullText', body: ['見出し', '本文'] }); // '見出し\n本文'
 */
export function annotatedText(entry: Entry): string {
  if (entry.bodyKind === 'fullText' && entry.body.length > 0) return entry.body.join('\n');
  return [entry.post?.text ?? '', ...entry.body].filter((s) => s !== '').join('\n');
}

/** Everything the entry says, post and body, for checking that a word comes from it. */
export function entryWords(entry: Entry): string {
  return [entry.post?.text ?? '', ...entry.body, entry.origin?.title ?? ''].join('\n');
}

const SENTENCE_END = /[。！？!?\n]/u;

/**
 * Where the sentence holding offset `at` starts: after the last sentence end before it.
 *
 * @example
 * sentenceStart('前の文。次の文', 5); // 4
 */
export function sentenceStart(text: string, at: number): number {
  for (let i = Math.min(at, text.length) - 1; i >= 0; i -= 1)
    if (SENTENCE_END.test(text[i] ?? '')) return i + 1;
  return 0;
}

/**
 * The sentence before the one starting at `start`, without its final stop; null at the start
 * of the text.
 *
 * @example
 * previousSentence('前の文。次の文', 4); // '前の文'
 */
export function previousSentence(text: string, start: number): string | null {
  let end = start;
  while (end > 0 && SENTENCE_END.test(text[end - 1] ?? '')) end -= 1;
  if (end === 0) return null;
  const from = sentenceStart(text, end);
  const s = text.slice(from, end).trim();
  return s === '' ? null : s;
}
