import { z } from 'zod';
import type { Annotations } from '../model/index.js';
import { annotate, type AnnotateOptions } from './annotate.js';

const InputLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  date: z.string().nullable().optional(),
  handle: z.string().nullable().optional(),
});

/** Counts from one JSONL run. */
export interface JsonlReport {
  lines: number;
  errors: number;
}

/**
 * Streams JSON lines `{"id","text","date"?,"handle"?}` to one output line each: the id plus the
 * annotations. A malformed line yields `{"line":N,"error":"…"}` and the run goes on. Blank
 * lines are skipped. Memory stays flat whatever the input size.
 *
 * @example
 * await annotateJsonl(readline.createInterface({ input: process.stdin }), (l) => process.stdout.write(`${l}\n`), { knowledge });
 */
export async function annotateJsonl(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  options: Omit<AnnotateOptions, 'date' | 'source'>,
): Promise<JsonlReport> {
  const report = { lines: 0, errors: 0 };
  let n = 0;
  for await (const raw of lines) {
    n += 1;
    if (raw.trim() === '') continue;
    report.lines += 1;
    const out = annotateLine(raw, n, options);
    if ('error' in out) report.errors += 1;
    write(JSON.stringify(out));
  }
  return report;
}

type LineOutput =
  ({ id: string | number } & Annotations) | { line: number; id?: string | number; error: string };

function annotateLine(
  raw: string,
  n: number,
  options: Omit<AnnotateOptions, 'date' | 'source'>,
): LineOutput {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { line: n, error: `nlp: line ${n}: not valid JSON` };
  }
  const parsed = InputLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      line: n,
      error: `nlp: line ${n}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
    };
  }
  const { id, text, date, handle } = parsed.data;
  try {
    return {
      id,
      ...annotate(text, { ...options, date: date ?? null, source: { handle: handle ?? null } }),
    };
  } catch (e) {
    return { line: n, id, error: `nlp: line ${n}: ${String(e)}` };
  }
}
