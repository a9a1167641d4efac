import type { DateMention } from '../../model/index.js';
import {
  addDays,
  addMonths,
  daysBetween,
  isValid,
  iso,
  lastDayOf,
  parseDay,
  weekday,
  type Day,
} from './calendar.js';

type Resolved = Pick<DateMention, 'granularity' | 'relative' | 'from' | 'to'>;
type Rule = (g: Record<string, string | undefined>, ref: Day | null) => Resolved | null;

const N = '[0-9０-９]{1,4}';
const SEASON = (name: string): string => `(?<${name}>春|夏|秋|冬|初め|初頭|前半|後半|末)`;
/**
 * One pattern per kind of expression, tried together in one sticky-free global regex so the
 * scan is a single linear pass. Durations (`2日間`, `30日以内`) and counts are excluded.
 */
const PATTERN = new RegExp(
  [
    `(?<ymd>(?:(?<y1>${N})年)?(?<m1>${N})月(?<d1>${N})日)`,
    `(?<rel>今月|先月|来月)(?:(?<d2>${N})日)?`,
    `(?<ym>(?<y2>${N})年(?<m2>${N})月)`,
    `(?<yr>(?<y3>[0-9０-９]{4})年)${SEASON('s1')}?`,
    `(?<ago>(?<n>${N})(?<unit>日|週間|カ月|か月|ヶ月|ヵ月|年)前)`,
    `(?<named>一昨年|おととし|昨年|去年|今年|ことし|来年)(?:の?${SEASON('s2')})?`,
    `(?<week>先週|今週|来週)`,
    `(?<dayword>一昨日|おととい|昨日|きのう|今日|きょう|明日|あす)`,
    `(?<wd>[月火水木金土日])曜日?`,
    `(?<mo>(?<m3>${N})月)(?<part>上旬|中旬|下旬|末)?`,
    `(?<dd>(?<d3>${N})日)(?!間|以内|以上|連続|ぶり|分|前|後|付|目)`,
  ].join('|'),
  'g',
);

/**
 * Date expressions and their meaning against the reference date (the post's date): `17日` in a
 * post of 2024-01-18 is 2024-01-17; `先月` and `昨年春` are ranges. Without a reference date,
 * relative expressions keep their surface and resolve to null.
 *
 * @example
 * resolveDates('昨年春、集会で演説した', '2024-01-18')[0]; // { surface: '昨年春', from: '2023-03-01', to: '2023-05-31', … }
 */
export function resolveDates(text: string, date?: string | null): DateMention[] {
  const ref = parseDay(date);
  const out: DateMention[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const g = m.groups ?? {};
    if (isInsideNumber(text, m.index) || (g.wd && !isWeekdayWord(text, m.index, m[0]))) continue;
    const r = resolve(g, ref);
    if (r) out.push({ start: m.index, end: m.index + m[0].length, surface: m[0], ...r });
  }
  return out;
}

function resolve(g: Record<string, string | undefined>, ref: Day | null): Resolved | null {
  for (const [key, rule] of RULES) if (g[key] !== undefined) return rule(g, ref);
  return null;
}

function num(s: string | undefined): number {
  return Number((s ?? '').replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
}

function isInsideNumber(text: string, at: number): boolean {
  return /[0-9０-９.,，]/.test(text.charAt(at - 1));
}

/** 日曜 is a weekday, but 日 alone before 曜 in running text is rare; 月曜 must not be 1月曜. */
function isWeekdayWord(text: string, at: number, surface: string): boolean {
  return surface.length >= 2 && !/[0-9０-９]/.test(text.charAt(at - 1));
}

const day = (d: Day, relative: boolean): Resolved => ({
  granularity: 'day',
  relative,
  from: iso(d),
  to: iso(d),
});
const span = (granularity: Resolved['granularity'], a: Day, b: Day, relative = true): Resolved => ({
  granularity,
  relative,
  from: iso(a),
  to: iso(b),
});
const unresolved = (granularity: Resolved['granularity']): Resolved => ({
  granularity,
  relative: true,
  from: null,
  to: null,
});
const month = (y: number, m: number, relative: boolean): Resolved =>
  span('month', { y, m, d: 1 }, { y, m, d: lastDayOf(y, m) }, relative);

/** The year that puts month `m` (and day `d`) nearest to the reference date. */
function nearestYear(ref: Day, m: number, d: number): number {
  const years = [ref.y - 1, ref.y, ref.y + 1];
  const dist = (y: number): number =>
    Math.abs(daysBetween(ref, { y, m, d: Math.min(d, lastDayOf(y, m)) }));
  return years.reduce((best, y) => (dist(y) < dist(best) ? y : best));
}

function seasonOf(y: number, season: string | undefined): Resolved {
  const ranges: Record<string, [number, number, number, number]> = {
    春: [3, 1, 5, 31],
    夏: [6, 1, 8, 31],
    秋: [9, 1, 11, 30],
    初め: [1, 1, 3, 31],
    初頭: [1, 1, 3, 31],
    前半: [1, 1, 6, 30],
    後半: [7, 1, 12, 31],
    末: [12, 1, 12, 31],
  };
  if (season === '冬')
    return span('season', { y, m: 12, d: 1 }, { y: y + 1, m: 2, d: lastDayOf(y + 1, 2) });
  const r = season ? ranges[season] : undefined;
  if (!r) return span('year', { y, m: 1, d: 1 }, { y, m: 12, d: 31 });
  return span('season', { y, m: r[0], d: r[1] }, { y, m: r[2], d: r[3] });
}

const RULES: [string, Rule][] = [
  [
    'ymd',
    (g, ref) => {
      const m = num(g.m1);
      const d = num(g.d1);
      const y = g.y1 ? num(g.y1) : ref ? nearestYear(ref, m, d) : null;
      if (y === null) return unresolved('day');
      const v = { y, m, d };
      return isValid(v) ? day(v, !g.y1) : null;
    },
  ],
  [
    'rel',
    (g, ref) => {
      if (!ref) return unresolved(g.d2 ? 'day' : 'month');
      const { y, m } = addMonths(ref.y, ref.m, g.rel === '先月' ? -1 : g.rel === '来月' ? 1 : 0);
      if (!g.d2) return month(y, m, true);
      const v = { y, m, d: num(g.d2) };
      return isValid(v) ? day(v, true) : null;
    },
  ],
  [
    'ym',
    (g) =>
      num(g.m2) >= 1 && num(g.m2) <= 12 && num(g.y2) >= 1900
        ? month(num(g.y2), num(g.m2), false)
        : null,
  ],
  [
    'yr',
    (g) => {
      const y = num(g.y3);
      return y >= 1900 && y <= 2200 ? { ...seasonOf(y, g.s1), relative: false } : null;
    },
  ],
  ['ago', (g, ref) => ago(num(g.n), g.unit ?? '', ref)],
  [
    'named',
    (g, ref) => {
      if (!ref) return unresolved(g.s2 ? 'season' : 'year');
      const offset: Record<string, number> = {
        一昨年: -2,
        おととし: -2,
        昨年: -1,
        去年: -1,
        今年: 0,
        ことし: 0,
        来年: 1,
      };
      return seasonOf(ref.y + (offset[g.named ?? ''] ?? 0), g.s2);
    },
  ],
  [
    'week',
    (g, ref) => {
      if (!ref) return unresolved('week');
      const monday = addDays(
        ref,
        -((weekday(ref) + 6) % 7) + (g.week === '先週' ? -7 : g.week === '来週' ? 7 : 0),
      );
      return span('week', monday, addDays(monday, 6));
    },
  ],
  [
    'dayword',
    (g, ref) => {
      if (!ref) return unresolved('day');
      const offset: Record<string, number> = {
        一昨日: -2,
        おととい: -2,
        昨日: -1,
        きのう: -1,
        今日: 0,
        きょう: 0,
        明日: 1,
        あす: 1,
      };
      return day(addDays(ref, offset[g.dayword ?? ''] ?? 0), true);
    },
  ],
  [
    'wd',
    (g, ref) => {
      if (!ref) return unresolved('day');
      const target = '日月火水木金土'.indexOf(g.wd ?? '');
      return day(addDays(ref, -((weekday(ref) - target + 7) % 7)), true);
    },
  ],
  [
    'mo',
    (g, ref) => {
      const m = num(g.m3);
      if (m < 1 || m > 12) return null;
      if (!ref) return unresolved('month');
      const y = nearestYear(ref, m, 15);
      return partOfMonth(y, m, g.part);
    },
  ],
  ['dd', (g, ref) => dayOfMonth(num(g.d3), ref)],
];

function partOfMonth(y: number, m: number, part: string | undefined): Resolved {
  const last = lastDayOf(y, m);
  const parts: Record<string, [number, number]> = {
    上旬: [1, 10],
    中旬: [11, 20],
    下旬: [21, last],
    末: [21, last],
  };
  const p = part ? parts[part] : undefined;
  if (!p) return month(y, m, true);
  return span('month', { y, m, d: p[0] }, { y, m, d: p[1] });
}

/** `17日`: this month if not far in the future, else last month (wire copy dates events this way). */
function dayOfMonth(d: number, ref: Day | null): Resolved | null {
  if (d < 1 || d > 31) return null;
  if (!ref) return unresolved('day');
  const { y, m } = d <= ref.d + 10 ? ref : addMonths(ref.y, ref.m, -1);
  const v = { y, m, d };
  return isValid(v) ? day(v, true) : null;
}

function ago(n: number, unit: string, ref: Day | null): Resolved | null {
  if (!ref) return unresolved(unit === '日' ? 'day' : unit === '年' ? 'year' : 'month');
  if (unit === '日') return day(addDays(ref, -n), true);
  if (unit === '週間') return span('week', addDays(ref, -7 * n - 3), addDays(ref, -7 * n + 3));
  if (unit === '年') return seasonOf(ref.y - n, undefined);
  const { y, m } = addMonths(ref.y, ref.m, -n);
  return month(y, m, true);
}
