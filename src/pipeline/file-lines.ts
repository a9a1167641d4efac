import { closeSync, openSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';

/** One line of a file: its text, 1-based number, and whether a line break ended it. */
export interface FileLine {
  /** The line without its `\n` (and `\r`), decoded as UTF-8; null when its bytes are not UTF-8. */
  text: string | null;
  line: number;
  /** False only for a last line the file cut off (no final newline). */
  ended: boolean;
}

/** Bytes read at a time: a line may be longer, memory stays a chunk plus the longest line. */
const CHUNK = 1 << 20;

/**
 * The lines of a file, read a megabyte at a time — a dump of a million entries never sits in
 * memory whole. Each line is decoded on its own, strictly: a line with bytes that are not
 * UTF-8 comes back with `text: null` (a damaged line is named, never silently altered), and
 * the lines after it are read as usual. A BOM before the first line is dropped.
 *
 * @example
 * for (const { text, line } of fileLines('archive.jsonl')) console.log(line, text);
 */
export function* fileLines(path: string): Generator<FileLine> {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let pending: Buffer[] = [];
    let line = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(0x0a, start);
        if (nl < 0 || nl >= n) break;
        pending.push(Buffer.from(chunk.subarray(start, nl)));
        line += 1;
        yield { text: decode(decoder, Buffer.concat(pending)), line, ended: true };
        pending = [];
        start = nl + 1;
      }
      if (start < n) pending.push(Buffer.from(chunk.subarray(start, n)));
    }
    const rest = Buffer.concat(pending);
    if (rest.length > 0) yield { text: decode(decoder, rest), line: line + 1, ended: false };
  } finally {
    closeSync(fd);
  }
}

function decode(decoder: TextDecoder, bytes: Buffer): string | null {
  const end =
    bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  try {
    // TextDecoder drops a BOM at the start of each decode call: harmless inside JSON lines.
    return decoder.decode(bytes.subarray(0, end));
  } catch {
    return null;
  }
}
