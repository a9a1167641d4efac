import type { EntityAnnotation, QuoteAnnotation } from '../api/types.js';

/** A run of text inside one segment, marked as an entity or not. */
export interface AnnotatedPart {
  text: string;
  entity: EntityAnnotation | null;
}

/** Text outside any quote, or one quote with its speaker. */
export type AnnotatedSegment =
  | { kind: 'plain'; parts: AnnotatedPart[] }
  | { kind: 'quote'; quote: QuoteAnnotation; speakerIndex: number; parts: AnnotatedPart[] };

interface Span {
  start: number;
  end: number;
}

/** Keeps the ranges that lie in the text, in order, dropping any that overlap an earlier one. */
function disjoint<T extends Span>(spans: readonly T[], length: number): T[] {
  const sorted = spans
    .filter(
      (s) =>
        Number.isInteger(s.start) &&
        Number.isInteger(s.end) &&
        s.start >= 0 &&
        s.end <= length &&
        s.end > s.start,
    )
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const span of sorted) {
    const last = kept.at(-1);
    if (!last || span.start >= last.end) kept.push(span);
  }
  return kept;
}

/** Splits `[from, to)` of the text at the entities that touch it. */
function partsOf(
  text: string,
  from: number,
  to: number,
  entities: readonly EntityAnnotation[],
): AnnotatedPart[] {
  const parts: AnnotatedPart[] = [];
  let at = from;
  for (const entity of entities) {
    const start = Math.max(entity.start, from);
    const end = Math.min(entity.end, to);
    if (end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), entity: null });
    parts.push({ text: text.slice(start, end), entity });
    at = end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), entity: null });
  return parts;
}

/**
 * Lays the annotator's quotes and entities over a text: plain runs and quotes (each with the
 * index of its speaker among the text's speakers, for a colour class), each split into parts
 * marked with the entity they belong to. Overlapping quotes or entities keep the first; ranges
 * outside the text are ignored. The parts joined give the text back exactly.
 *
 * @example
 *   annotatedSegments('首相は「続ける」と', [{ start: 3, end: 8, text: '「続ける」', speaker: '首相', kind: 'direct' }], []);
 *   // [{ kind: 'plain', parts: [{ text: '首相は', entity: null }] }, { kind: 'quote', speakerIndex: 0, … }, …]
 */
export function annotatedSegments(
  text: string,
  quotes: readonly QuoteAnnotation[],
  entities: readonly EntityAnnotation[],
): AnnotatedSegment[] {
  const keptQuotes = disjoint(quotes, text.length);
  const keptEntities = disjoint(entities, text.length);
  const speakers = speakersOf(keptQuotes);
  const segments: AnnotatedSegment[] = [];
  let at = 0;
  for (const quote of keptQuotes) {
    if (quote.start > at)
      segments.push({ kind: 'plain', parts: partsOf(text, at, quote.start, keptEntities) });
    segments.push({
      kind: 'quote',
      quote,
      speakerIndex: speakers.indexOf(quote.speaker ?? ''),
      parts: partsOf(text, quote.start, quote.end, keptEntities),
    });
    at = quote.end;
  }
  if (at < text.length)
    segments.push({ kind: 'plain', parts: partsOf(text, at, text.length, keptEntities) });
  return segments;
}

/**
 * The distinct speakers of the quotes, in order of first appearance (an unknown speaker is '').
 *
 * @example
 *   speakersOf([{ speaker: 'A' }, { speaker: null }, { speaker: 'A' }]); // ['A', '']
 */
export function speakersOf(quotes: readonly Pick<QuoteAnnotation, 'speaker'>[]): string[] {
  const seen: string[] = [];
  for (const quote of quotes) {
    const speaker = quote.speaker ?? '';
    if (!seen.includes(speaker)) seen.push(speaker);
  }
  return seen;
}
