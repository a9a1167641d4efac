import { z } from 'zod';
import { err, ok, type Diagnostic, type Result } from '../../model/index.js';
import type { SummaryStyle } from './style.js';

const Counts = z.record(z.string(), z.number());

/** A stored style, as `JSON.stringify(learnStyle(…))` writes it. */
export const SummaryStyleSchema = z.object({
  lengthBudget: z.number().nonnegative(),
  quoteBudget: z.number().nonnegative().optional(),
  maxQuotes: z.number().int().positive(),
  quotesPerSpeaker: z.number().positive(),
  indirectWeight: z.number().nonnegative(),
  maxQuoteLength: z.number().positive(),
  usualQuoteLength: z.number().positive().optional(),
  contextShare: z.number().min(0).max(1),
  contextsPerLine: z.number().int().nonnegative(),
  keepTitles: z.boolean(),
  dropHonorific: z.boolean(),
  prefixCountries: z.boolean(),
  speakers: Counts,
  contexts: z.record(z.string(), Counts),
  tagWords: z.record(z.string(), z.array(z.string())),
}) satisfies z.ZodType<SummaryStyle>;

/**
 * Reads a style stored as JSON (the pipeline may keep the learned style, or a hand-set one,
 * beside the model).
 *
 * @example
 * parseSummaryStyle(JSON.stringify(learnStyle(lines))); // { ok: true, value: … }
 */
export function parseSummaryStyle(text: string): Result<SummaryStyle, Diagnostic> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(
      problem(`the summary style is not JSON: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
  const r = SummaryStyleSchema.safeParse(json);
  if (r.success) return ok(r.data);
  const first = r.error.issues[0];
  return err(
    problem(`not a summary style: ${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`),
  );
}

function problem(message: string): Diagnostic {
  return { severity: 'error', message: `tagging: ${message}` };
}
