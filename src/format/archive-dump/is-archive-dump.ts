import { ARCHIVE_DUMP_FORMAT } from './dump-records.js';

/**
 * Whether bytes begin like an archive dump: a first line that is a JSON object naming the
 * dump's format. Cheap, on the head of a file; the header is checked in full when read.
 *
 * @example
 * isArchiveDump(utf8('{"format":"kirinuki-archive","version":1}\n…')); // true
 * isArchiveDump(utf8('{"kind":"entry"}')); // false
 */
export function isArchiveDump(bytes: Uint8Array): boolean {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09)) start += 1;
  if (bytes[start] !== 0x7b /* { */) return false;
  const newline = bytes.indexOf(0x0a, start);
  const end = newline < 0 ? Math.min(bytes.length, start + 4096) : newline;
  try {
    const first = JSON.parse(new TextDecoder().decode(bytes.subarray(start, end))) as unknown;
    return (
      typeof first === 'object' &&
      first !== null &&
      (first as { format?: unknown }).format === ARCHIVE_DUMP_FORMAT
    );
  } catch {
    return false;
  }
}
