import { z } from 'zod';
import type { Annotations } from '../model/index.js';
import { annotate, type AnnotateOptions } from './annotate.js';

const InputLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  date: z.string().nullable().optional(),
  handle: z.string().nullable().optional(),
});

/** An input line as read, with its annotations: what a {@link JsonlOptions.enrich} hook sees. */
export interface JsonlLine {
  id: string | number;
  text: string;
  date: string | null;
  handle: string | null;
  annotations: Annotations;
}

export interface JsonlOptions extends Omit<AnnotateOptions, 'date' | 'source'> {
  /**
   * Extra fields for each output line, written after the annotations, from the input and its
   * annotations (the pipeline adds suggested tags and a summary line this way). A hook that throws makes that line an error
   * line, like a failed annotation.
   */
  enrich?: (line: JsonlLine) => Record<string, unknown>;
}

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
  options: JsonlOptions,
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
  | ({ id: string | number } & Annotations & Record<string, unknown>)
  | { line: number; id?: string | number; error: string };

function annotateLine(raw: string, n: number, { enrich, ...options }: JsonlOptions): LineOutput {
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
  const { id, text } = parsed.data;
  const date = parsed.data.date ?? null;
  const handle = parsed.data.handle ?? null;
  try {
    const annotations = annotate(text, { ...options, date, source: { handle } });
    const extra = enrich ? enrich({ id, text, date, handle, annotations }) : {};
    return { id, ...annotations, ...extra };
  } catch (e) {
    return { line: n, id, error: `nlp: line ${n}: ${String(e)}` };
  }
}
