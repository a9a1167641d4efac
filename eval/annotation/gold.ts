import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const SpanText = z.object({ start: z.number().int(), end: z.number().int() });
const GoldItemSchema = z.object({
  id: z.string(),
  date: z.string().nullable(),
  text: z.string(),
  quotes: z.array(SpanText.partial().extend({ text: z.string(), speaker: z.string().nullable() })),
  entities: z.array(
    SpanText.partial().extend({
      surface: z.string(),
      type: z.enum(['person', 'organisation', 'place', 'country']),
      canonical: z.string(),
    }),
  ),
  /** Bracketed names and terms that must not come out as speech (hard negatives). */
  terms: z.array(z.string()).default([]),
});
export type GoldItem = z.infer<typeof GoldItemSchema> & {
  quotes: { start: number; end: number; text: string; speaker: string | null }[];
  entities: { start: number; end: number; surface: string; type: string; canonical: string }[];
};

/**
 * Reads the gold items, filling `start`/`end` from the strings where they are missing (each
 * string is looked for after the previous one of its list) and checking them where present,
 * so a typo in an offset cannot go unnoticed.
 */
export function readGold(dir: string): GoldItem[] {
  const items: GoldItem[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const raw = GoldItemSchema.parse(JSON.parse(line));
      items.push(withSpans(raw, `${file}:${i + 1}`));
    });
  }
  return items;
}

function withSpans(raw: z.infer<typeof GoldItemSchema>, where: string): GoldItem {
  const place = <T extends { start?: number | undefined; end?: number | undefined }>(
    xs: T[],
    key: (x: T) => string,
  ) => {
    let from = 0;
    return xs.map((x) => {
      const s = key(x);
      const start = x.start ?? raw.text.indexOf(s, from);
      if (start < 0 || raw.text.slice(start, start + s.length) !== s) {
        throw new Error(`gold ${where} (${raw.id}): "${s}" is not in the text at ${start}`);
      }
      from = start + 1;
      return { ...x, start, end: start + s.length };
    });
  };
  const byStart = <T extends { start: number }>(xs: T[]) => xs;
  return {
    ...raw,
    quotes: byStart(place(raw.quotes, (q) => q.text)),
    entities: byStart(place(raw.entities, (e) => e.surface)),
  };
}
