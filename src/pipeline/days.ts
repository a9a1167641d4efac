/**
 * `YYYY-MM-DD` moved by whole days (UTC); a text that is not a date comes back as it is.
 *
 * @example
 * shiftDay('2024-03-01', -1); // '2024-02-29'
 */
export function shiftDay(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return Number.isNaN(t) ? day : new Date(t).toISOString().slice(0, 10);
}
