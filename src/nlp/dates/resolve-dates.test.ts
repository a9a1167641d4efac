import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveDates } from './resolve-dates.js';

const one = (text: string, date: string | null = '2024-01-18') => {
  const d = resolveDates(text, date)[0];
  return d ? [d.surface, d.from, d.to] : null;
};

describe('resolveDates against the post date 2024-01-18 (Thursday)', () => {
  it.each([
    ['17日に発表した', ['17日', '2024-01-17', '2024-01-17']],
    ['25日に会談する予定', ['25日', '2024-01-25', '2024-01-25']],
    ['30日に起きた', ['30日', '2023-12-30', '2023-12-30']],
    ['先月の会談', ['先月', '2023-12-01', '2023-12-31']],
    ['来月の協議', ['来月', '2024-02-01', '2024-02-29']],
    ['今月15日も', ['今月15日', '2024-01-15', '2024-01-15']],
    ['昨年春、演説した', ['昨年春', '2023-03-01', '2023-05-31']],
    ['今年は決定的な年', ['今年', '2024-01-01', '2024-12-31']],
    ['2月にウクライナを訪問', ['2月', '2024-02-01', '2024-02-29']],
    ['2022年6月に', ['2022年6月', '2022-06-01', '2022-06-30']],
    ['2025年夏に', ['2025年夏', '2025-06-01', '2025-08-31']],
    ['火曜日の夕方', ['火曜日', '2024-01-16', '2024-01-16']],
    ['先週の報道', ['先週', '2024-01-08', '2024-01-14']],
    ['昨日の攻撃', ['昨日', '2024-01-17', '2024-01-17']],
    ['約2年前に侵攻した', ['2年前', '2022-01-01', '2022-12-31']],
    ['12月下旬に', ['12月下旬', '2023-12-21', '2023-12-31']],
  ])('%s', (text, expected) => {
    expect(one(text)).toEqual(expected);
  });

  it('leaves durations and counts alone', () => {
    expect(resolveDates('2日間の日程で、禁錮4年、17,000人、30日以内', '2024-01-18')).toEqual([]);
  });

  it('keeps the surface and resolves nothing relative without a reference date', () => {
    expect(one('17日に', null)).toEqual(['17日', null, null]);
    expect(one('2024年1月17日に', null)).toEqual(['2024年1月17日', '2024-01-17', '2024-01-17']);
  });

  it('never throws and stays inside the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom('2024-01-18', '2024-02-29', null, 'garbage'),
        (text, date) => {
          for (const d of resolveDates(text, date))
            expect(text.slice(d.start, d.end)).toBe(d.surface);
        },
      ),
    );
  });
});
