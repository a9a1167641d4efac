import { escapeMarkup } from '../html-escape.js';

/** How many entries (or quotes) fell in one week. */
export interface WeekCount {
  /** The week's Monday, `YYYY-MM-DD`. */
  week: string;
  count: number;
}

const DAY_MS = 86_400_000;

/**
 * The Monday of the (ISO, Monday-first) week a day falls in.
 *
 * @example
 * weekOf('2024-03-06'); // '2024-03-04'
 */
export function weekOf(day: string): string {
  let week = weeks.get(day);
  if (week === undefined) {
    const t = Date.parse(`${day}T00:00:00Z`);
    const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    week = new Date(t - weekday * DAY_MS).toISOString().slice(0, 10);
    weeks.set(day, week);
  }
  return week;
}

// Charts of a whole archive ask for the week of the same few thousand days again and again.
const weeks = new Map<string, string>();

/** The fewest weeks a chart spans: a short history is drawn against a quarter of a year. */
export const MIN_CHART_WEEKS = 13;

/**
 * Counts per week up to the week of the latest day, from the week of the earliest or, for a
 * history shorter than {@link MIN_CHART_WEEKS}, from that many weeks before the latest; weeks
 * without any count 0. A chart's bars, evenly spaced in time.
 *
 * @example
 * weeklyCounts(['2024-03-04', '2024-03-06', '2024-03-19']).slice(-3);
 * // [{ week: '2024-03-04', count: 2 }, { week: '2024-03-11', count: 0 }, { week: '2024-03-18', count: 1 }]
 */
export function weeklyCounts(days: Iterable<string>): WeekCount[] {
  const byWeek = new Map<string, number>();
  for (const day of days) {
    const week = weekOf(day);
    byWeek.set(week, (byWeek.get(week) ?? 0) + 1);
  }
  const weeks = [...byWeek.keys()].sort();
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (first === undefined || last === undefined) return [];
  const end = Date.parse(`${last}T00:00:00Z`);
  const start = Math.min(
    Date.parse(`${first}T00:00:00Z`),
    end - (MIN_CHART_WEEKS - 1) * 7 * DAY_MS,
  );
  const out: WeekCount[] = [];
  for (let t = start; t <= end; t += 7 * DAY_MS) {
    const week = new Date(t).toISOString().slice(0, 10);
    out.push({ week, count: byWeek.get(week) ?? 0 });
  }
  return out;
}

const WIDTH = 640;
const HEIGHT = 168;
const LEFT = 36;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 24;
/** The widest a bar is drawn, however few weeks there are. */
const MAX_BAR = 36;
/** Month labels closer than this (in chart units) to the previous one are left out. */
const LABEL_GAP = 52;

/**
 * A bar chart of counts per week as inline SVG, drawn at build time: one bar a week, the
 * largest count and 0 on the left, month labels below (`2024年3月` at the first and each
 * January, `4月` otherwise). Each bar carries a `<title>` with its week and count; the whole
 * chart an `aria-label` naming what it counts. Colours come from the page's stylesheet
 * (`currentColor`), so it follows the dark scheme.
 *
 * @example
 * weeklyChartSvg(weeklyCounts(days), '#露朝 の週ごとの件数');
 * // '<svg class="site-chart" viewBox="0 0 640 168" role="img" aria-label="#露朝 の週ごとの件数">…</svg>'
 */
export function weeklyChartSvg(counts: readonly WeekCount[], label: string): string {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / Math.max(1, counts.length);
  const barWidth = Math.min(MAX_BAR, step > 4 ? step - 1 : step);
  const base = TOP + plotHeight;
  const parts: string[] = [
    `<line class="site-chart-axis" x1="${LEFT}" y1="${base}" x2="${WIDTH - RIGHT}" y2="${base}"/>`,
    `<line class="site-chart-grid" x1="${LEFT}" y1="${TOP}" x2="${WIDTH - RIGHT}" y2="${TOP}"/>`,
    `<text class="site-chart-label" x="${LEFT - 4}" y="${TOP + 4}" text-anchor="end">${max}</text>`,
    `<text class="site-chart-label" x="${LEFT - 4}" y="${base}" text-anchor="end">0</text>`,
  ];
  let lastLabel = -Infinity;
  let lastMonth = '';
  counts.forEach((c, i) => {
    const x = LEFT + i * step;
    const h = (c.count / max) * plotHeight;
    if (c.count > 0)
      parts.push(
        `<rect class="site-chart-bar" x="${fmt(x)}" y="${fmt(base - h)}" width="${fmt(barWidth)}" height="${fmt(h)}"><title>${c.week} の週: ${c.count}件</title></rect>`,
      );
    const month = c.week.slice(0, 7);
    if (month !== lastMonth && x - lastLabel >= LABEL_GAP) {
      const [y, m] = [c.week.slice(0, 4), Number(c.week.slice(5, 7))];
      const text = lastMonth === '' || m === 1 ? `${y}年${m}月` : `${m}月`;
      parts.push(`<text class="site-chart-label" x="${fmt(x)}" y="${HEIGHT - 6}">${text}</text>`);
      lastLabel = x;
    }
    lastMonth = month;
  });
  return (
    `<svg class="site-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeMarkup(label)}">` +
    parts.join('') +
    '</svg>'
  );
}

/** Chart coordinates with at most one decimal: enough on screen, and stable text. */
function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}
