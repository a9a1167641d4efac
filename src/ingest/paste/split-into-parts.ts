/**
 * Lines grouped into parts of at most `maxChars` characters (UTF-16 units, a line break counting
 * one), in order, each part ending at a line break. A line longer than `maxChars` is cut into
 * pieces between two characters (never inside a surrogate pair), so nothing is lost: joining
 * the parts' lines with `\n` and the parts with `\n` gives the text back, except that a long
 * line's pieces are joined with `\n` too.
 *
 * @example
 * splitIntoParts(['ab', 'cd', 'ef'], 5); // [['ab', 'cd'], ['ef']]
 */
export function splitIntoParts(lines: readonly string[], maxChars: number): string[][] {
  const limit = Math.max(2, Math.floor(maxChars));
  const parts: string[][] = [];
  let part: string[] = [];
  let size = -1;
  const push = (line: string): void => {
    if (part.length > 0 && size + 1 + line.length > limit) {
      parts.push(part);
      part = [];
      size = -1;
    }
    part.push(line);
    size += 1 + line.length;
  };
  for (const line of lines) {
    if (line.length <= limit) push(line);
    else for (const piece of cutLine(line, limit)) push(piece);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** A long line in pieces of at most `limit` units, not splitting a surrogate pair. */
function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < line.length) {
    let end = Math.min(line.length, start + limit);
    const last = line.charCodeAt(end - 1);
    if (end < line.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(line.slice(start, end));
    start = end;
  }
  return pieces;
}
