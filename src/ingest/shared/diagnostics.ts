import type { Diagnostic } from '../../model/index.js';

/** Where in the input a finding is: a 1-based line, or a 0-based byte offset. */
export interface Position {
  line?: number;
  byteOffset?: number;
}

/**
 * A diagnostic from ingest: the message gets the `ingest: ` prefix, the file name and position
 * are attached when known.
 *
 * @example
 * ingestDiagnostic('feed.xml', 'item without a link', { line: 12 }, 'warning');
 */
export function ingestDiagnostic(
  file: string,
  message: string,
  where: Position = {},
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const d: Diagnostic = { severity, message: `ingest: ${message}`, file };
  if (where.line !== undefined) d.line = where.line;
  if (where.byteOffset !== undefined) d.byteOffset = where.byteOffset;
  return d;
}

/**
 * The 1-based line number of a UTF-16 offset in `text`.
 *
 * @example
 * lineAt('a\nb\nc', 4); // 3
 */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * Line numbers for many offsets at once, in one pass: `lineAt` for each would be quadratic on a
 * 50 MB export. `offsets` must be ascending.
 */
export function linesAt(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let line = 1;
  // The next line break not yet counted, kept between offsets: searching again from the last
  // counted one would rescan a text without breaks for every offset.
  let next = text.indexOf('\n');
  for (const offset of offsets) {
    while (next !== -1 && next < offset) {
      line += 1;
      next = text.indexOf('\n', next + 1);
    }
    out.push(line);
  }
  return out;
}

/**
 * Appends `items` to `into` one by one: `into.push(...items)` passes each item as an argument
 * on the stack and throws a RangeError past about 120,000 of them — an export of 200,000
 * broken items would crash the import.
 *
 * @example
 * const all = [d1];
 * pushAll(all, [d2, d3]); // all is [d1, d2, d3]
 */
export function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
