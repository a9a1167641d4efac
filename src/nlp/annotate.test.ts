import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnnotationsSchema, type Annotations, type Entry } from '../model/index.js';
import { annotate, MAX_FINDINGS, MAX_PART, annotateEntry, entryForAnnotation } from './annotate.js';
import { loadKnowledge } from './knowledge/index.js';

const knowledge = loadKnowledge();

/** Every finding lies inside the text and slices to what it claims to be. */
function expectConsistent(text: string, a: Annotations): void {
  const inside = (s: { start: number; end: number }): void => {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.start).toBeLessThanOrEqual(s.end);
  };
  for (const q of a.quotes) {
    inside(q);
    expect(text.slice(q.start, q.end)).toBe(q.text);
  }
  for (const e of a.entities) {
    inside(e);
    expect(text.slice(e.start, e.end)).toBe(e.surface);
  }
  for (const d of a.dates) expect(text.slice(d.start, d.end)).toBe(d.surface);
  for (const c of a.caveats) {
    expect(text.slice(c.start, c.end)).toBe(c.surface);
    inside(c.claim);
  }
}

const pieces = [
  '「',
  '」',
  '『',
  '』',
  '。',
  '、',
  '\n',
  'は',
  'が',
  'と述べた',
  'と',
  'によると',
  '同氏',
  '彼',
  '🗣️',
  '🐸',
  '🇷🇺',
  'プーチン大統領',
  'ゼレンスキー',
  'ロシア外務省の',
  'ザハロワ報道官',
  'ハリコフ',
  '17日',
  '昨年春',
  '米',
  '露軍',
  'ロイターは確認できていない',
  '証拠を示していない',
  'カミシン戦略産業相',
  '(47)',
  'ー',
  '・',
  'ＮＡＴＯ',
  '👨‍👩‍👧',
  '\uD83C',
];
const japanese = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join(''));

describe('annotate: properties', () => {
  it('every range lies inside its text and slices to its surface; output matches the schema', () => {
    fc.assert(
      fc.property(
        fc.oneof(japanese, fc.string({ unit: 'binary' })),
        fc.constantFrom('2024-01-18', null),
        (text, date) => {
          const a = annotate(text, { knowledge, date });
          expectConsistent(text, a);
          expect(AnnotationsSchema.safeParse(a).success).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('annotate: bad input gets an answer, not a crash or a hang', () => {
  const cases: [string, string][] = [
    ['empty text', ''],
    [
      'a 10 MB paragraph',
      'ロシアのプーチン大統領は16日、「主導権は我々にある」と主張した、'.repeat(10_000_000 / 96),
    ],
    ['unbalanced 「', '「'.repeat(100_000) + 'ゼレンスキー氏は「…'],
    ['unbalanced 」', '」と述べた'.repeat(100_000)],
    ['nesting 20 deep', `${'「『'.repeat(10)}同氏は${'』」'.repeat(10)}と述べた。`.repeat(1000)],
    [
      'mixed scripts and emoji',
      '🇷🇺🗣️Путин заявил「NATOは」と述べた👨‍👩‍👧🐸 ＮＡＴＯ ﾊﾘｺﾌ'.repeat(10_000),
    ],
    ['a lone surrogate', '「\uD83Cと述べた」\uDC00'],
  ];
  it.each(cases)('%s', (_name, text) => {
    const a = annotate(text, { knowledge, date: '2024-01-18' });
    expect(Array.isArray(a.quotes)).toBe(true);
    if (text.length < 1_000_000) expectConsistent(text, a);
  });

  it('a 10 MB paragraph (UTF-8) keeps its first findings, in order, and says it stopped', () => {
    const text = 'ロシアのプーチン大統領は16日、「主導権は我々にある」と主張した、'.repeat(110_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(10_000_000);
    const a = annotate(text, { knowledge, date: '2024-01-18' });
    expect(a.truncated).toBe(true);
    expect(a.entities.length).toBe(MAX_FINDINGS);
    expect(a.quotes.length).toBeGreaterThan(MAX_FINDINGS / 3);
    // A paragraph with no line break or 。 is cut anywhere: only a quote at a cut may lose its speaker.
    const putin = a.quotes.filter((q) => q.canonical === 'プーチン').length;
    expect(putin).toBeGreaterThan(a.quotes.length * 0.99);
    expectConsistent(text, a);
  });

  it('a text longer than one part is read part by part with every offset in place', () => {
    const filler = '前線の状況は変わっていない。\n'.repeat(Math.ceil((MAX_PART * 2.5) / 15));
    const text = `${filler}ペスコフ報道官は「交渉の扉は開いている」と述べた。\n${filler}`;
    expect(text.length).toBeGreaterThan(MAX_PART * 4);
    const a = annotate(text, { knowledge });
    expect(a.truncated).toBeUndefined();
    expect(a.quotes.map((q) => [text.slice(q.start, q.end), q.canonical])).toEqual([
      ['交渉の扉は開いている', 'ペスコフ'],
    ]);
    expectConsistent(text, a);
  });
});

describe('annotateEntry', () => {
  it('annotates the body of a full-text entry once, against the post date', () => {
    const body = [
      'プーチン大統領は、火曜日の夕方、協議したと述べた。🗣️我々は課題を理解している。🐸',
    ];
    const entry: Entry = {
      id: 'x',
      post: {
        platform: 'x',
        headLines: [],
        attribution: '',
        tailLines: [],
        text: 'プーチン大統領は、火曜日の夕方…',
        links: [],
        hashtags: [],
        authorName: 'morpheus🪖',
        handle: 'Reloaded7701',
        date: '2024-01-17',
        truncated: true,
      },
      bodyKind: 'fullText',
      body,
      summaries: [],
    };
    const { text, annotations } = annotateEntry(entry, { knowledge });
    expect(text).toBe(body[0]);
    expect(annotations.quotes.map((q) => [q.kind, q.canonical])).toEqual([
      ['indirect', 'プーチン'],
      ['speech', 'プーチン'],
    ]);
    expect(annotations.dates[0]?.from).toBe('2024-01-16');
    // What an import sends its annotation workers annotates the same.
    const slim = entryForAnnotation(entry);
    expect(slim).not.toHaveProperty('summaries');
    expect(slim.post).toEqual({
      text: entry.post?.text,
      date: '2024-01-17',
      handle: 'Reloaded7701',
      authorName: 'morpheus🪖',
    });
    expect(annotateEntry(slim, { knowledge })).toEqual({ text, annotations });
  });
});
