import type { Layout } from '../../model/index.js';

type Eol = Layout['eol'];

/**
 * Splits text into lines and records the layout (BOM, line endings, final newline) so that
 * {@link joinLines} gives back the exact text.
 *
 * @example
 * const { lines, layout } = splitLines('\uFEFFa\r\nb');
 * lines; // ['a', 'b']
 * joinLines(lines, layout); // '\uFEFFa\r\nb'
 */
export function splitLines(text: string): { lines: string[]; layout: Layout } {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  // Nearly every document has LF endings only: the native split is several times faster than
  // finding the breaks one by one.
  if (!body.includes('\r')) return splitLf(body, bom);
  const lines: string[] = [];
  const ends: Eol[] = [];
  let last = 0;
  for (let i = 0; i < body.length; i += 1) {
    const c = body.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d) continue;
    lines.push(body.slice(last, i));
    const crlf = c === 0x0d && body.charCodeAt(i + 1) === 0x0a;
    ends.push(crlf ? '\r\n' : c === 0x0d ? '\r' : '\n');
    if (crlf) i += 1;
    last = i + 1;
  }
  const finalNewline = last === body.length && ends.length > 0;
  if (!finalNewline && body.length > 0) lines.push(body.slice(last));
  const eol = mostCommon(ends) ?? '\n';
  const mixed = ends.some((e) => e !== eol);
  return { lines, layout: { bom, eol, finalNewline, ...(mixed ? { eols: ends } : {}) } };
}

/** {@link splitLines} for text without a CR: every line ends with `\n`. */
function splitLf(body: string, bom: boolean): { lines: string[]; layout: Layout } {
  if (body === '') return { lines: [], layout: { bom, eol: '\n', finalNewline: false } };
  const lines = body.split('\n');
  // `'a\n'.split('\n')` is `['a', '']`: the empty last piece is the final newline.
  const finalNewline = lines.length > 1 && lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, layout: { bom, eol: '\n', finalNewline } };
}

/** Inverse of {@link splitLines}. */
export function joinLines(lines: readonly string[], layout: Layout): string {
  let out = layout.bom ? '\uFEFF' : '';
  for (let i = 0; i < lines.length; i += 1) {
    out += lines[i];
    const isLast = i === lines.length - 1;
    if (!isLast || layout.finalNewline) out += layout.eols?.[i] ?? layout.eol;
  }
  return out;
}

function mostCommon(ends: readonly Eol[]): Eol | undefined {
  const counts = new Map<Eol, number>();
  for (const e of ends) counts.set(e, (counts.get(e) ?? 0) + 1);
  let best: Eol | undefined;
  for (const [e, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = e;
  return best;
}

/**
 * Whether a UTF-16 code unit is white space as `\s` and `String.prototype.trim` see it, so that
 * hand-written scanners agree exactly with the regular expressions they replace.
 */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Index of the first code unit of `text` that is not white space, or -1. */
export function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i += 1) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
}

/** Index of the last code unit of `text` that is not white space, or -1. */
export function lastNonSpace(text: string): number {
  for (let i = text.length - 1; i >= 0; i -= 1) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
}
