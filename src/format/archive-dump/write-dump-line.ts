import {
  ARCHIVE_DUMP_FORMAT,
  ARCHIVE_DUMP_VERSION,
  type DumpHeader,
  type DumpRecord,
} from './dump-records.js';

/**
 * The header line of an archive dump this kirinuki writes (no newline). No time stamp: the
 * same archive always dumps to the same bytes, so two dumps can be compared with `cmp`.
 *
 * @example
 * dumpHeaderLine(); // '{"format":"kirinuki-archive","version":1}'
 */
export function dumpHeaderLine(): string {
  const header: DumpHeader = { format: ARCHIVE_DUMP_FORMAT, version: ARCHIVE_DUMP_VERSION };
  return JSON.stringify(header);
}

/**
 * One record as a line of the dump (no newline): JSON with `kind` first, then the record's
 * fields, then `extra` fields for tools (the entry card's) where they do not clash.
 *
 * @example
 * dumpRecordLine({ kind: 'day', day: '2024-01-18', documentTagLines: [] });
 * // '{"kind":"day","day":"2024-01-18","documentTagLines":[]}'
 */
export function dumpRecordLine(record: DumpRecord, extra: object = {}): string {
  return JSON.stringify(Object.assign({ kind: record.kind }, extra, record));
}
