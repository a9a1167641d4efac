import { isCalendarDay } from './dump-records.js';

/**
 * The line that starts each day in `kirinuki export --format text` on standard output: a form
 * feed (the page break of plain text, never part of what a curator writes) and the day. A clip
 * document has no day in it; these lines let `import` file each day's entries under their day.
 *
 * @example
 * dayBreakLine('2024-01-18'); // '\f2024-01-18'
 */
export function dayBreakLine(day: string): string {
  return `\f${day}`;
}

/** One day's part of a text with day breaks. */
export interface DayPart {
  day: string;
  /** The day's clip document (without its break line). */
  text: string;
  /** The 1-based line of the input where `text` starts. */
  firstLine: number;
}

/**
 * Whether a text is days with breaks (its first line is a day break).
 *
 * @example
 * startsWithDayBreak('\f2024-01-18\n…'); // true
 */
export function startsWithDayBreak(text: string): boolean {
  return dayOfBreak(text.slice(0, text.indexOf('\n') >>> 0)) !== null;
}

/**
 * A text with day breaks cut into its days, in order; null when it does not start with one.
 * Only a line that is a form feed and a calendar day breaks: any other line is the day's text.
 *
 * @example
 * splitDayParts('\f2024-01-17\nA\n\f2024-01-18\nB\n');
 * // [{ day: '2024-01-17', text: 'A\n', firstLine: 2 }, { day: '2024-01-18', text: 'B\n', firstLine: 4 }]
 */
export function splitDayParts(text: string): DayPart[] | null {
  if (!startsWithDayBreak(text)) return null;
  const parts: DayPart[] = [];
  let at = 0;
  let line = 1;
  let current: { day: string; start: number; firstLine: number } | null = null;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const next = end === -1 ? text.length : end + 1;
    const day = text.charCodeAt(at) === 0x0c ? dayOfBreak(text.slice(at, next)) : null;
    if (day !== null) {
      if (current) parts.push(part(text, current, at));
      current = { day, start: next, firstLine: line + 1 };
    }
    at = next;
    line += 1;
  }
  if (current) parts.push(part(text, current, text.length));
  return parts;
}

function part(
  text: string,
  p: { day: string; start: number; firstLine: number },
  end: number,
): DayPart {
  return { day: p.day, text: text.slice(p.start, end), firstLine: p.firstLine };
}

function dayOfBreak(line: string): string | null {
  const m = /^\f(\d{4}-\d{2}-\d{2})\r?\n?$/.exec(line);
  return m?.[1] !== undefined && isCalendarDay(m[1]) ? m[1] : null;
}
