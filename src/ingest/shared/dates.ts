const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Zone names that RFC 822 feeds use instead of numeric offsets. */
const ZONES: Record<string, string> = {
  gmt: 'Z',
  ut: 'Z',
  utc: 'Z',
  z: 'Z',
  jst: '+09:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
};

const pad = (n: number | string, w = 2): string => String(n).padStart(w, '0');

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED = /^(\d{4})[/年.](\d{1,2})[/月.](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const RFC822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,4}|[+-]\d{4})?$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const US_SLASHED =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * A date as found in feeds, meta tags, embeds and blog exports, as ISO 8601 — the date alone
 * (`2024-01-18`) when there is no time, else with seconds and the offset as written (an item
 * published at 09:00 JST stays on its Japanese day). Never throws; `undefined` when the text is
 * not a date it knows or the fields are out of range.
 *
 * Accepts ISO 8601, RFC 822 (`Thu, 18 Jan 2024 09:00:00 +0900`, `JST`, `GMT`), `2024/01/18
 * 09:00`, `2024年1月18日`, `January 18, 2024` and Movable Type's `01/18/2024 09:00:00 PM`.
 *
 * @example
 * toIsoDate('Thu, 18 Jan 2024 09:00:00 +0900'); // '2024-01-18T09:00:00+09:00'
 * toIsoDate('January 18, 2024'); // '2024-01-18'
 */
export function toIsoDate(raw: string | undefined | null): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(s) ?? SLASHED.exec(s);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], offset(m[7]));
  m = RFC822.exec(s);
  if (m) {
    const year = m[3]?.length === 2 ? `20${m[3]}` : m[3];
    return build(year, month(m[2]), m[1], m[4], m[5], m[6], offset(m[7]));
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return build(m[3], month(m[1]), m[2]);
  m = US_SLASHED.exec(s);
  if (m) return build(m[3], m[1], m[2], hour12(m[4], m[7]), m[5], m[6]);
  return undefined;
}

function month(name: string | undefined): string | undefined {
  const n = name === undefined ? undefined : MONTHS[name.slice(0, 3).toLowerCase()];
  return n === undefined ? undefined : String(n);
}

function hour12(hour: string | undefined, ampm: string | undefined): string | undefined {
  if (hour === undefined || ampm === undefined) return hour;
  const h = Number(hour) % 12;
  return String(ampm.toLowerCase() === 'pm' ? h + 12 : h);
}

/** `+0900` → `+09:00`; a zone name → its offset; `undefined` for no zone; `null` if unknown. */
function offset(zone: string | undefined): string | undefined | null {
  if (zone === undefined) return undefined;
  if (/^[+-]\d{2}:?\d{2}$/.test(zone)) return `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return ZONES[zone.toLowerCase()] ?? null;
}

function build(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h?: string,
  mi?: string,
  sec?: string,
  zone?: string | null,
): string | undefined {
  const [year, mon, day] = [Number(y), Number(mo), Number(d)];
  if (!(year >= 1970 && year <= 2100 && mon >= 1 && mon <= 12 && day >= 1)) return undefined;
  if (day > new Date(Date.UTC(year, mon, 0)).getUTCDate()) return undefined;
  const date = `${year}-${pad(mon)}-${pad(day)}`;
  if (h === undefined || mi === undefined) return date;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59) return undefined;
  return `${date}T${pad(h)}:${mi}:${pad(sec ?? '00')}${zone ?? ''}`;
}
