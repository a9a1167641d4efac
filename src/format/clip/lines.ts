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
  const lines: string[] = [];
  const ends: Eol[] = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    lines.push(body.slice(last, m.index));
    ends.push(m[0] as Eol);
    last = m.index + m[0].length;
  }
  const finalNewline = last === body.length && ends.length > 0;
  if (!finalNewline && body.length > 0) lines.push(body.slice(last));
  const eol = mostCommon(ends) ?? '\n';
  const mixed = ends.some((e) => e !== eol);
  return { lines, layout: { bom, eol, finalNewline, ...(mixed ? { eols: ends } : {}) } };
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
