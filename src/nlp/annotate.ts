import type { Annotations, Entry } from '../model/index.js';
import { findCaveats } from './caveats/find-caveats.js';
import { resolveDates } from './dates/resolve-dates.js';
import { extractEntities, findMentions } from './entities/index.js';
import type { Knowledge } from './knowledge/index.js';
import { extractQuotes, layoutOf } from './quotes/index.js';
import { classifySource, type SourceHint } from './source/classify-source.js';

export interface AnnotateOptions {
  /** Compiled knowledge from `loadKnowledge()`, built once and shared. */
  knowledge: Knowledge;
  /** Reference date `YYYY-MM-DD` for relative dates (the post's date). */
  date?: string | null;
  /** The poster, when known: decides outlet vs commentary. Without it, `source` is guessed from the text. */
  source?: SourceHint;
}

/**
 * Annotates one Japanese text: quotes with speakers, entities, dates and caveats, with
 * `[start, end)` UTF-16 offsets into `text`. Pure: no I/O; never throws on any string.
 *
 * @example
 * const a = annotate('ロシアのプーチン大統領は16日、「主導権は我々にある」と主張した', { knowledge, date: '2024-01-17' });
 * a.quotes[0]?.canonical; // 'プーチン'
 * a.dates[0]?.from; // '2024-01-16'
 */
export function annotate(text: string, options: AnnotateOptions): Annotations {
  const k = options.knowledge;
  const mentions = findMentions(text, k);
  const layout = layoutOf(text);
  return {
    quotes: extractQuotes(text, k, mentions, layout),
    entities: extractEntities(text, k, mentions),
    dates: resolveDates(text, options.date),
    caveats: findCaveats(text, k, layout.sentences, mentions),
    source: classifySource(text, options.source ?? {}, k),
  };
}

/**
 * The text of an entry that annotation works on: the post text then the body lines. When the
 * body is the post's own full text (a truncated embed repeated in full), the body alone, so
 * nothing is annotated twice.
 *
 * @example
 * entryText(entry); // 'ロシア中西部で大規模デモ…\nロシア中西部のバシコルトスタン共和国の…'
 */
export function entryText(entry: Entry): string {
  if (entry.bodyKind === 'fullText' && entry.body.length > 0) return entry.body.join('\n');
  return [entry.post?.text ?? '', ...entry.body].filter((s) => s !== '').join('\n');
}

/**
 * Annotates an entry against its post's date, with the poster as the source hint. Offsets
 * refer to the returned `text` (see {@link entryText}).
 *
 * @example
 * const { text, annotations } = annotateEntry(entry, { knowledge });
 */
export function annotateEntry(
  entry: Entry,
  options: AnnotateOptions,
): { text: string; annotations: Annotations } {
  const text = entryText(entry);
  const date = options.date ?? entry.post?.date ?? entry.origin?.published?.slice(0, 10) ?? null;
  const source = options.source ?? {
    handle: entry.post?.handle ?? null,
    authorName: entry.post?.authorName ?? entry.origin?.outlet ?? null,
  };
  return { text, annotations: annotate(text, { ...options, date, source }) };
}
