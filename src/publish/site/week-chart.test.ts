import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MIN_CHART_WEEKS, weekOf, weeklyChartSvg, weeklyCounts } from './week-chart.js';

describe('weekOf', () => {
  it('is the Monday of the day’s week', () => {
    expect(weekOf('2024-03-04')).toBe('2024-03-04'); // a Monday
    expect(weekOf('2024-03-10')).toBe('2024-03-04'); // the Sunday after
    expect(weekOf('2024-03-01')).toBe('2024-02-26'); // across a month and a leap day
  });
});

describe('weeklyCounts', () => {
  it('counts every week up to the last, the weeks without any as 0', () => {
    const weeks = weeklyCounts(['2024-01-01', '2024-03-06', '2024-03-04', '2024-04-30']);
    expect(weeks[0]).toEqual({ week: '2024-01-01', count: 1 });
    expect(weeks.at(-1)).toEqual({ week: '2024-04-29', count: 1 });
    expect(weeks.find((w) => w.week === '2024-03-04')?.count).toBe(2);
    expect(weeks.reduce((n, w) => n + w.count, 0)).toBe(4);
    expect(weeks).toHaveLength(18);
  });

  it('draws a short history against at least a quarter of a year', () => {
    const weeks = weeklyCounts(['2024-03-05']);
    expect(weeks).toHaveLength(MIN_CHART_WEEKS);
    expect(weeks.at(-1)).toEqual({ week: '2024-03-04', count: 1 });
    expect(weeklyCounts([])).toEqual([]);
  });
});

describe('weeklyChartSvg', () => {
  const weeks = weeklyCounts(['2023-12-20', '2024-01-03', '2024-01-04', '2024-03-04']);
  const svg = new DOMParser()
    .parseFromString(`<html><body>${weeklyChartSvg(weeks, '#露朝 <x>')}</body></html>`, 'text/html')
    .querySelector('svg');

  it('draws one bar for each week with entries, its height in proportion', () => {
    const bars = [...(svg?.querySelectorAll('rect') ?? [])];
    expect(bars).toHaveLength(3);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights[1]).toBeCloseTo((heights[0] ?? 0) * 2, 0);
    expect(bars[1]?.textContent).toBe('2024-01-01 の週: 2件');
  });

  it('names what it counts, escaped, and labels the months with the year where it starts', () => {
    expect(svg?.getAttribute('aria-label')).toBe('#露朝 <x>');
    expect(svg?.getAttribute('role')).toBe('img');
    const labels = [...(svg?.querySelectorAll('text') ?? [])].map((t) => t.textContent);
    expect(labels).toContain('2');
    expect(labels).toContain('2024年1月');
  });
});
