import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayBreakLine, splitDayParts, startsWithDayBreak } from './day-breaks.js';

describe('day breaks', () => {
  it('cut a text into its days, with where each starts', () => {
    expect(splitDayParts('\f2024-01-17\nA\nB\n\f2024-01-18\nC\n')).toEqual([
      { day: '2024-01-17', text: 'A\nB\n', firstLine: 2 },
      { day: '2024-01-18', text: 'C\n', firstLine: 5 },
    ]);
  });

  it('are only a form feed and a calendar day on a line of its own', () => {
    expect(startsWithDayBreak('2024-01-17\nA')).toBe(false);
    expect(startsWithDayBreak('\f2024-02-30\nA')).toBe(false);
    expect(splitDayParts('#NATO(…)\n')).toBeNull();
    expect(splitDayParts('\f2024-01-17\nA \f2024-01-18\n\f2024-13-01\n')).toEqual([
      { day: '2024-01-17', text: 'A \f2024-01-18\n\f2024-13-01\n', firstLine: 2 },
    ]);
  });

  it('give back each day exactly as written between them', () => {
    const day = fc
      .tuple(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const body = fc.string({ maxLength: 80 }).map((s) => s.replace(/\f/g, ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, body), { minLength: 1, maxLength: 6 }), (days) => {
        const text = days
          .map(([d, t]) => `${dayBreakLine(d)}\n${t}${t.endsWith('\n') || t === '' ? '' : '\n'}`)
          .join('');
        const parts = splitDayParts(text);
        expect(parts?.map((p) => p.day)).toEqual(days.map(([d]) => d));
        expect(parts?.map((p) => p.text.replace(/\n$/, ''))).toEqual(
          days.map(([, t]) => t.replace(/\n$/, '')),
        );
      }),
    );
  });
});
