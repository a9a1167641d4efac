import { describe, expect, it } from 'vitest';
import type { EntityAnnotation, QuoteAnnotation } from '../api/types.js';
import { annotatedSegments, speakersOf } from './annotation-segments.js';

const text =
  'ゼレンスキー大統領は「領土は譲らない」と述べ、プーチン大統領は「交渉の用意がある」と語った。';
const span = (needle: string): { start: number; end: number } => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`test: ${needle} is not in the text`);
  return { start, end: start + needle.length };
};
const quote = (needle: string, speaker: string | null): QuoteAnnotation => ({
  ...span(needle),
  text: needle,
  speaker,
  kind: 'speech',
});
const entity = (needle: string, canonical: string): EntityAnnotation => ({
  ...span(needle),
  kind: 'person',
  canonical,
});

const joined = (segments: ReturnType<typeof annotatedSegments>): string =>
  segments.flatMap((segment) => segment.parts.map((part) => part.text)).join('');

describe('annotatedSegments', () => {
  it('lays quotes with their speakers and entities over the text', () => {
    const segments = annotatedSegments(
      text,
      [quote('「領土は譲らない」', 'ゼレンスキー'), quote('「交渉の用意がある」', 'プーチン')],
      [
        entity('ゼレンスキー', 'ウォロディミル・ゼレンスキー'),
        entity('プーチン', 'ウラジーミル・プーチン'),
      ],
    );
    expect(segments.map((s) => s.kind)).toEqual(['plain', 'quote', 'plain', 'quote', 'plain']);
    const [first, second, , fourth] = segments;
    expect(first?.parts).toEqual([
      { text: 'ゼレンスキー', entity: entity('ゼレンスキー', 'ウォロディミル・ゼレンスキー') },
      { text: '大統領は', entity: null },
    ]);
    expect(second?.kind === 'quote' && second.speakerIndex).toBe(0);
    expect(fourth?.kind === 'quote' && fourth.speakerIndex).toBe(1);
    expect(second?.parts.map((p) => p.text).join('')).toBe('「領土は譲らない」');
    expect(joined(segments)).toBe(text);
  });

  it('keeps the first of overlapping quotes and ignores ranges outside the text', () => {
    const segments = annotatedSegments(
      text,
      [
        quote('「領土は譲らない」', 'A'),
        { ...span('譲らない」と述べ'), text: '', speaker: 'B', kind: 'speech' },
        { start: 40, end: 400, text: '', speaker: 'C', kind: 'speech' },
        { start: 5, end: 2, text: '', speaker: 'D', kind: 'speech' },
      ],
      [],
    );
    expect(segments.filter((s) => s.kind === 'quote')).toHaveLength(1);
    expect(joined(segments)).toBe(text);
  });

  it('splits an entity that runs across a quote boundary, without losing text', () => {
    const crossing: EntityAnnotation = {
      start: span('は「領土').start,
      end: span('は「領土').end,
      kind: 'place',
      canonical: '?',
    };
    const segments = annotatedSegments(text, [quote('「領土は譲らない」', 'A')], [crossing]);
    const marked = segments.flatMap((s) =>
      s.parts.filter((p) => p.entity !== null).map((p) => p.text),
    );
    expect(marked).toEqual(['は', '「領土']);
    expect(joined(segments)).toBe(text);
  });

  it('gives the text as one plain segment when nothing is annotated', () => {
    expect(annotatedSegments('停戦', [], [])).toEqual([
      { kind: 'plain', parts: [{ text: '停戦', entity: null }] },
    ]);
    expect(annotatedSegments('', [], [])).toEqual([]);
  });
});

describe('speakersOf', () => {
  it('lists each speaker once, in order, an unknown one as empty', () => {
    expect(
      speakersOf([{ speaker: 'A' }, { speaker: null }, { speaker: 'B' }, { speaker: 'A' }]),
    ).toEqual(['A', '', 'B']);
  });
});
