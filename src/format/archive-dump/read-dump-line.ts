import type { z } from 'zod';
import { err, ok, type Diagnostic, type Entry, type Result } from '../../model/index.js';
import {
  ARCHIVE_DUMP_FORMAT,
  ARCHIVE_DUMP_VERSION,
  DumpDaySchema,
  DumpEndSchema,
  DumpEntrySchema,
  DumpHeaderSchema,
  DumpPublishedSchema,
  DumpTagDocumentSchema,
  type DumpHeader,
  type DumpRecord,
} from './dump-records.js';

/** Where a line is: for diagnostics. */
export interface DumpLineAt {
  file: string;
  /** 1-based. */
  line: number;
}

/** A line read: a record, or a kind this version does not know (skipped with a warning). */
export type ReadDumpLine = { record: DumpRecord } | { unknownKind: string };

/**
 * Reads the header line of an archive dump: the format and a version this kirinuki reads.
 *
 * @example
 * readDumpHeader('{"format":"kirinuki-archive","version":1}', { file: 'a.jsonl', line: 1 });
 * // { ok: true, value: { format: 'kirinuki-archive', version: 1 } }
 */
export function readDumpHeader(text: string, at: DumpLineAt): Result<DumpHeader> {
  const json = parseJson(text, at);
  if (!json.ok) return json;
  const header = DumpHeaderSchema.safeParse(json.value);
  if (!header.success)
    return err(problem(at, `not a kirinuki archive dump (its first line must name the format)`));
  if (header.data.version > ARCHIVE_DUMP_VERSION)
    return err(
      problem(
        at,
        `${ARCHIVE_DUMP_FORMAT} version ${header.data.version} is newer than this kirinuki reads (${ARCHIVE_DUMP_VERSION}); upgrade kirinuki`,
      ),
    );
  return ok(header.data);
}

/**
 * Reads one record line of an archive dump, checked against its schema. The entry is kept as
 * it was written (the schema checks it, fields the schema does not name are kept), so a
 * restore stores it byte for byte.
 *
 * @example
 * const r = readDumpLine('{"kind":"day","day":"2024-01-18","documentTagLines":["#NATO"]}', at);
 * if (r.ok && 'record' in r.value) r.value.record.kind; // 'day'
 */
export function readDumpLine(text: string, at: DumpLineAt): Result<ReadDumpLine> {
  const json = parseJson(text, at);
  if (!json.ok) return json;
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return err(problem(at, 'a record must be a JSON object'));
  const kind = (value as { kind?: unknown }).kind;
  switch (kind) {
    case 'day':
      return checked(DumpDaySchema, value, at);
    case 'published':
      return checked(DumpPublishedSchema, value, at);
    case 'tag-document':
      return checked(DumpTagDocumentSchema, value, at);
    case 'end':
      return checked(DumpEndSchema, value, at);
    case 'entry': {
      const r = checked(DumpEntrySchema, value, at);
      if (!r.ok || !('record' in r.value) || r.value.record.kind !== 'entry') return r;
      // The entry as written, not as the schema rebuilt it: nothing it holds is dropped.
      const entry = (value as { entry: Entry }).entry;
      return ok({ record: { ...r.value.record, entry } });
    }
    default:
      if (typeof kind === 'string') return ok({ unknownKind: kind });
      return err(problem(at, 'a record must have a "kind"'));
  }
}

function checked(
  schema: z.ZodType<DumpRecord>,
  value: unknown,
  at: DumpLineAt,
): Result<ReadDumpLine> {
  const r = schema.safeParse(value);
  if (r.success) return ok({ record: r.data });
  const first = r.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  const kind = String((value as { kind: unknown }).kind);
  return err(problem(at, `not a valid ${kind} record${where}: ${first?.message ?? 'invalid'}`));
}

function parseJson(text: string, at: DumpLineAt): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return err(problem(at, `not JSON (${why})`));
  }
}

function problem(at: DumpLineAt, message: string): Diagnostic {
  return { severity: 'error', file: at.file, line: at.line, message: `format: ${message}` };
}
