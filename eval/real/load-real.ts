import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** `../shared/real/` beside the project: real news excerpts labelled by hand (never copied here). */
export const REAL_DIR = fileURLToPath(new URL('../../../shared/real/', import.meta.url));

const RealQuoteSchema = z.object({
  speaker: z.string(),
  org: z.string(),
  text: z.string(),
  canonical: z.string(),
});

const RealItemSchema = z.object({
  id: z.string(),
  url: z.string(),
  text: z.string(),
  date: z.string().nullable(),
  tags: z.array(z.string()).min(1),
  quotes: z.array(RealQuoteSchema),
  entities: z.object({
    people: z.array(z.string()),
    places: z.array(z.string()),
    orgs: z.array(z.string()),
  }),
});

export type RealItem = z.infer<typeof RealItemSchema>;
export type RealQuote = z.infer<typeof RealQuoteSchema>;

/** The real sets' file names, in the order they are reported. */
export const REAL_SETS = ['dev-war.jsonl', 'dev-pol.jsonl'] as const;

/** Whether the real sets are present (they are not in a clone without `../shared`). */
export function hasRealSets(dir: string = REAL_DIR): boolean {
  return REAL_SETS.every((f) => existsSync(`${dir}${f}`));
}

/**
 * Every labelled excerpt of the real sets, in file order; a malformed line names its file and line.
 *
 * @example
 * readRealItems().length; // 200
 */
export function readRealItems(dir: string = REAL_DIR): RealItem[] {
  const out: RealItem[] = [];
  for (const file of REAL_SETS) {
    const lines = readFileSync(`${dir}${file}`, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = RealItemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`eval: ${file}:${i + 1}: ${parsed.error.message}`);
      out.push(parsed.data);
    });
  }
  return out;
}

/**
 * A fixed k-fold split by item index (item i goes to fold i mod k), the same on every run, so
 * figures "on folds the learning did not see" are reproducible.
 */
export function foldOf(index: number, k: number): number {
  return index % k;
}
