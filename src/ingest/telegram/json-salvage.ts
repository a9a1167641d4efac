/** One element of a JSON array found by scanning, with where it starts. */
export interface ScannedElement {
  /** 0-based UTF-16 offset of the element's first character. */
  offset: number;
  value: unknown;
  /** Set when this element could not be parsed; `value` is then `undefined`. */
  error?: string;
}

/**
 * Scans the objects of the JSON array that follows `"key":` one by one, so a truncated or
 * partly corrupted export still yields every object before and after the damage. Strings and
 * escapes are respected when matching braces; the scan is linear in the input.
 *
 * @example
 * scanArrayObjects('{"messages":[{"id":1},{"id":2,}, {"id":3}', 'messages');
 * // [{ offset: 13, value: { id: 1 } }, { offset: 22, error: '…' }, { offset: 32, error: 'truncated' }]
 */
export function scanArrayObjects(text: string, key: string): ScannedElement[] {
  const start = new RegExp(`"${key}"\\s*:\\s*\\[`).exec(text);
  if (!start) return [];
  const out: ScannedElement[] = [];
  let i = start.index + start[0].length;
  for (;;) {
    while (i < text.length && /[\s,]/.test(text[i] ?? '')) i += 1;
    if (i >= text.length || text[i] === ']') break;
    if (text[i] !== '{') {
      out.push({ offset: i, value: undefined, error: 'unexpected text between messages' });
      i = text.indexOf('{', i);
      if (i === -1) break;
      continue;
    }
    const end = matchingBrace(text, i);
    if (end === -1) {
      out.push({ offset: i, value: undefined, error: 'truncated' });
      break;
    }
    out.push(parseElement(text, i, end));
    i = end + 1;
  }
  return out;
}

function parseElement(text: string, open: number, end: number): ScannedElement {
  try {
    return { offset: open, value: JSON.parse(text.slice(open, end + 1)) };
  } catch (e) {
    return { offset: open, value: undefined, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The offset of the `}` closing the object that opens at `open`, or -1 when the text ends first. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) depth += 1;
    else if (c === 0x7d) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
