/** A calendar day in UTC, so no time zone moves a date across midnight. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

/** Parses `YYYY-MM-DD`; null when it is not a real day. */
export function parseDay(iso: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValid(day) ? day : null;
}

export function isValid(day: Day): boolean {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d));
  return t.getUTCFullYear() === day.y && t.getUTCMonth() === day.m - 1 && t.getUTCDate() === day.d;
}

/** The day `n` days after (or before) `day`. */
export function addDays(day: Day, n: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Month arithmetic that keeps the year right: addMonths(2024-01, -1) is 2023-12. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const i = y * 12 + (m - 1) + n;
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
}

export function lastDayOf(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
}

export function iso(day: Day): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(day.y, 4)}-${p(day.m)}-${p(day.d)}`;
}

/** Days from `a` to `b`. */
export function daysBetween(a: Day, b: Day): number {
  return (Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000;
}
