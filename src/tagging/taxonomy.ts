import { z } from 'zod';
import { err, ok, type Diagnostic, type Result } from '../model/index.js';

/**
 * The curator's taxonomy file, JSON, editable by hand:
 *
 * ```json
 * {
 *   "version": 1,
 *   "tags": [
 *     { "name": "露朝", "description": "ロシアと北朝鮮の接近", "keywords": ["北朝鮮", "金正恩"] }
 *   ]
 * }
 * ```
 *
 * Only `name` is required. `description` and `keywords` teach a model that has no labelled
 * entries yet (cold start); keywords also stay a feature of the trained model. Tag names follow
 * the summary-line grammar: no spaces, `#`, `＃` or parentheses, since they are written
 * `#Tag(…)`.
 */
export const TAG_NAME = /^[^\s#＃()（）]+$/u;

const TagNameSchema = z
  .string()
  .min(1, 'a tag name may not be empty')
  .regex(TAG_NAME, 'a tag name may not contain spaces, #, ＃ or parentheses');

export const TagDefinitionSchema = z.strictObject({
  name: TagNameSchema,
  description: z.string().optional(),
  keywords: z.array(z.string().trim().min(1, 'a keyword may not be empty')).optional(),
});
export type TagDefinition = z.infer<typeof TagDefinitionSchema>;

export const TaxonomySchema = z
  .strictObject({
    version: z.literal(1).optional(),
    tags: z.array(TagDefinitionSchema),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.tags.forEach((tag, i) => {
      if (seen.has(tag.name))
        ctx.addIssue({
          code: 'custom',
          path: ['tags', i, 'name'],
          message: `duplicate tag '${tag.name}'`,
        });
      seen.add(tag.name);
    });
  });
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/** A taxonomy with no tags: what a curator starts from. */
export function emptyTaxonomy(): Taxonomy {
  return { version: 1, tags: [] };
}

/**
 * Parses and validates a taxonomy file. Every problem is reported, each with where it is
 * (`tags[3].name`), so a hand edit can be fixed in one go.
 *
 * @example
 * const r = parseTaxonomy('{"tags":[{"name":"露朝"}]}');
 * if (r.ok) r.value.tags[0]?.name; // '露朝'
 */
export function parseTaxonomy(text: string, file?: string): Result<Taxonomy, Diagnostic[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return err([problem(`taxonomy is not valid JSON: ${why}`, file)]);
  }
  return validateTaxonomy(json, file);
}

/** Validates an already-parsed value as a taxonomy (see {@link parseTaxonomy}). */
export function validateTaxonomy(value: unknown, file?: string): Result<Taxonomy, Diagnostic[]> {
  const r = TaxonomySchema.safeParse(value);
  if (r.success) return ok(r.data);
  return err(r.error.issues.map((i) => problem(`taxonomy: ${pathOf(i.path)}${i.message}`, file)));
}

/**
 * Renders a taxonomy as the file format, one tag per block, stable key order, so a CLI edit
 * gives a small diff.
 *
 * @example
 * renderTaxonomy({ version: 1, tags: [{ name: 'NATO' }] });
 * // '{\n  "version": 1,\n  "tags": [\n    {\n      "name": "NATO"\n    }\n  ]\n}\n'
 */
export function renderTaxonomy(taxonomy: Taxonomy): string {
  const tags = taxonomy.tags.map((t) => ({
    name: t.name,
    ...(t.description === undefined ? {} : { description: t.description }),
    ...(t.keywords === undefined ? {} : { keywords: t.keywords }),
  }));
  return `${JSON.stringify({ version: 1, tags }, null, 2)}\n`;
}

/** The definition of a tag, or undefined when the taxonomy does not have it. */
export function findTag(taxonomy: Taxonomy, name: string): TagDefinition | undefined {
  return taxonomy.tags.find((t) => t.name === name);
}

/** Whether `name` can be written as a summary-line tag. */
export function isValidTagName(name: string): boolean {
  return TAG_NAME.test(name);
}

function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  const text = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
  return `${text}: `;
}

function problem(message: string, file: string | undefined): Diagnostic {
  return {
    severity: 'error',
    message: `tagging: ${message}`,
    ...(file === undefined ? {} : { file }),
  };
}
