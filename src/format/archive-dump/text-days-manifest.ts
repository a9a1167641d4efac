import { z } from 'zod';
import { err, ok, type Diagnostic, type Result } from '../../model/index.js';
import { isCalendarDay } from './dump-records.js';

/** The file `kirinuki export --format text --out DIR` writes beside the days' documents. */
export const TEXT_DAYS_MANIFEST = 'kirinuki-days.json';

/** What the manifest names: the format, its version, and the days written (`DAY.txt` each). */
export const TextDaysManifestSchema = z.object({
  format: z.literal('kirinuki-text-days'),
  version: z.literal(1),
  days: z.array(z.string().refine(isCalendarDay, { message: 'not a calendar day YYYY-MM-DD' })),
});
export type TextDaysManifest = z.infer<typeof TextDaysManifestSchema>;

/**
 * The manifest of a text export for these days, as JSON with a final newline.
 *
 * @example
 * textDaysManifest(['2024-01-17', '2024-01-18']);
 * // '{"format":"kirinuki-text-days","version":1,"days":["2024-01-17","2024-01-18"]}\n'
 */
export function textDaysManifest(days: readonly string[]): string {
  const manifest: TextDaysManifest = { format: 'kirinuki-text-days', version: 1, days: [...days] };
  return `${JSON.stringify(manifest)}\n`;
}

/**
 * Reads a text export's manifest: which `DAY.txt` files are days and under which day each is
 * filed.
 *
 * @example
 * readTextDaysManifest(text, 'out/kirinuki-days.json'); // { ok: true, value: { days: [...] } }
 */
export function readTextDaysManifest(text: string, file: string): Result<TextDaysManifest> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(problem(file, `not JSON (${e instanceof Error ? e.message : String(e)})`));
  }
  const r = TextDaysManifestSchema.safeParse(json);
  if (r.success) return ok(r.data);
  const first = r.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return err(problem(file, `not a kirinuki text export manifest${where}: ${first?.message}`));
}

function problem(file: string, message: string): Diagnostic {
  return { severity: 'error', file, message: `format: ${message}` };
}
