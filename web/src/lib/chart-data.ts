import type { PerDay } from '../api/types.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS_PER_DAY = 86_400;

/**
 * A `YYYY-MM-DD` day as Unix seconds at UTC midnight, or null when it is not such a day.
 *
 * @example
 *   daySeconds('2024-03-04'); // 1709510400
 */
export function daySeconds(day: string): number | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? null : ms / 1000;
}

/**
 * Counts per day as the two aligned series a bar chart plots: every day from the first to the
 * last (days without entries count 0, so gaps show), sorted, in Unix seconds. Days that are not
 * `YYYY-MM-DD` are left out; a run longer than `maxDays` keeps only its last `maxDays` days.
 *
 * @example
 *   perDaySeries([{ day: '2024-03-06', count: 2 }, { day: '2024-03-04', count: 1 }]);
 *   // [[1709510400, 1709596800, 1709683200], [1, 0, 2]]
 */
export function perDaySeries(perDay: readonly PerDay[], maxDays = 3660): [number[], number[]] {
  const counts = new Map<number, number>();
  for (const { day, count } of perDay) {
    const seconds = daySeconds(day);
    if (seconds !== null) counts.set(seconds, (counts.get(seconds) ?? 0) + count);
  }
  if (counts.size === 0) return [[], []];
  const days = [...counts.keys()];
  const last = Math.max(...days);
  const first = Math.max(Math.min(...days), last - (maxDays - 1) * SECONDS_PER_DAY);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = first; t <= last; t += SECONDS_PER_DAY) {
    xs.push(t);
    ys.push(counts.get(t) ?? 0);
  }
  return [xs, ys];
}

/** Tick steps for a time axis of days, in seconds: a day, two, a week, two weeks, a month, … */
export const DAY_TICK_STEPS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1825].map(
  (days) => days * SECONDS_PER_DAY,
);

/** Tick steps for a count axis: whole numbers only. */
export const COUNT_TICK_STEPS = [
  1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000,
];

/**
 * The label of a tick of a days axis: `M/D`, or `YYYY/M` when the chart spans more than a
 * year (the days are UTC midnights, so the label never drifts with the time zone).
 *
 * @example
 *   dayTickLabel(1709510400, 30); // '3/4'
 *   dayTickLabel(1709510400, 800); // '2024/3'
 */
export function dayTickLabel(seconds: number, spanDays: number): string {
  const date = new Date(seconds * 1000);
  return spanDays > 366
    ? `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}`
    : `${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
}
