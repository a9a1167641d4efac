import { z } from 'zod';
import { err, ok, type Diagnostic, type Result } from '../../model/index.js';
import { emptyBackground } from '../features/description-score.js';
import { DEFAULT_FEATURE_OPTIONS } from '../features/extract.js';
import { DEFAULT_TAG_MODEL_OPTIONS, type TagModel } from './tag-model.js';

const FORMAT = 'kirinuki-tag-model';

// A model file written before these options existed was trained without them: it is read with
// the values that reproduce how it scored then, not today's defaults.
const BEFORE_BACKGROUND = {
  descriptionLeadHits: 1,
  descriptionBackground: 0,
  descriptionLength: 0.5,
};

const FeatureOptionsSchema = z.object({
  bits: z.number().int().min(8).max(26),
  maxBodyChars: z.number().int().positive(),
  headScale: z.number(),
  bodyScale: z.number(),
  annotationScale: z.number(),
  handleScale: z.number(),
  keywordScale: z.number(),
  // Absent from model files written before description features: the default applies.
  descriptionScale: z.number().nonnegative().optional(),
});

const OptionsSchema = z.object({
  features: FeatureOptionsSchema,
  learningRate: z.number().positive(),
  l2: z.number().nonnegative(),
  epochs: z.number().int().positive().nullable(),
  folds: z.number().int().positive(),
  crossFitLimit: z.number().int().nonnegative(),
  seedFromTaxonomy: z.boolean(),
  labelThreshold: z.number().min(0).max(1),
  noneThreshold: z.number().min(0).max(1),
  maxLabels: z.number().int().positive(),
  memorySize: z.number().int().nonnegative(),
  noveltyPercentile: z.number().min(0).max(1),
  maxNovelty: z.number().min(0).max(1),
  duplicateSimilarity: z.number().min(0).max(1),
  neighbourWeight: z.number().min(0).max(1),
  neighbours: z.number().int().nonnegative(),
  aggressiveness: z.number().positive(),
  // Absent from model files written before descriptions were scored: the defaults apply.
  descriptionPrior: z.number().nonnegative().optional(),
  descriptionSharpness: z.number().positive().optional(),
  descriptionHeadHits: z.number().nonnegative().optional(),
  descriptionLeadHits: z.number().nonnegative().optional(),
  descriptionBackground: z.number().nonnegative().optional(),
  descriptionLength: z.number().nonnegative().optional(),
  seed: z.number().int(),
});

const StoredSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  options: OptionsSchema,
  tags: z.array(z.string()),
  keywords: z.array(z.object({ tag: z.string(), keywords: z.array(z.string()) })),
  /** Each described tag's weighted words; absent in older files (no description prior). */
  descriptions: z
    .array(
      z.object({
        tag: z.string(),
        terms: z.array(z.object({ term: z.string(), weight: z.number() })),
        // Absent in files written before parties: no tag needs two parties named.
        parties: z.array(z.array(z.string())).optional(),
        // Absent in files written before pair tags required their own party: nothing required.
        requires: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  /** How common each description word is in the learned entries; absent in older files. */
  background: z
    .object({ docs: z.number().int().nonnegative(), seen: z.record(z.string(), z.number()) })
    .optional(),
  bias: z.array(z.number()),
  /** Buckets with any non-zero weight (Uint32, base64) and their weights (Float32, base64). */
  rows: z.string(),
  weights: z.string(),
  calibration: z.object({ a: z.number(), b: z.number() }),
  /** Remembered entries; `idx` (Uint32) and `val` (Float32) in base64. */
  memory: z.array(
    z.object({
      id: z.string(),
      labels: z.array(z.string()),
      idx: z.string(),
      val: z.string(),
      correction: z.boolean(),
    }),
  ),
  novelty: z.number(),
  stats: z.object({ trained: z.number(), updates: z.number(), corrections: z.number() }),
});

/**
 * Writes a model as JSON for the pipeline to store. Only buckets with a non-zero weight are
 * written, as base64 typed arrays, so a model trained on a few hundred entries takes a few
 * hundred kilobytes rather than the full table.
 *
 * @example
 * const text = serialiseTagModel(model);
 * parseTagModel(text); // { ok: true, value: a model that suggests as `model` does }
 */
export function serialiseTagModel(model: TagModel): string {
  const { buckets, tags: T, weights } = model.linear;
  const rows: number[] = [];
  for (let b = 0; b < buckets; b += 1)
    for (let t = 0; t < T; t += 1)
      if (weights[b * T + t] !== 0) {
        rows.push(b);
        break;
      }
  const packed = new Float32Array(rows.length * T);
  rows.forEach((b, r) => packed.set(weights.subarray(b * T, b * T + T), r * T));
  const stored: z.infer<typeof StoredSchema> = {
    format: FORMAT,
    version: 1,
    options: model.options,
    tags: model.tags,
    keywords: model.keywords.map((k) => ({ tag: k.tag, keywords: [...k.keywords] })),
    descriptions: model.descriptions,
    background: model.background,
    bias: Array.from(model.linear.bias),
    rows: toBase64(Uint32Array.from(rows)),
    weights: toBase64(packed),
    calibration: model.calibration,
    memory: model.memory.map((m) => ({
      id: m.id,
      labels: m.labels,
      idx: toBase64(m.vector.idx),
      val: toBase64(m.vector.val),
      correction: m.correction,
    })),
    novelty: model.novelty,
    stats: model.stats,
  };
  return JSON.stringify(stored);
}

/**
 * Reads a model written by {@link serialiseTagModel}; a diagnostic, not an exception, when the
 * text is not one (a truncated file, another program's JSON, a newer format).
 */
export function parseTagModel(text: string): Result<TagModel, Diagnostic> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(problem(`the tag model is not JSON: ${e instanceof Error ? e.message : String(e)}`));
  }
  const r = StoredSchema.safeParse(json);
  if (!r.success) {
    const first = r.error.issues[0];
    return err(problem(`not a tag model: ${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`));
  }
  return toModel(r.data);
}

function toModel(s: z.infer<typeof StoredSchema>): Result<TagModel, Diagnostic> {
  const T = s.tags.length;
  const buckets = 2 ** s.options.features.bits;
  const rows = new Uint32Array(fromBase64(s.rows));
  const packed = new Float32Array(fromBase64(s.weights));
  if (s.bias.length !== T || packed.length !== rows.length * T || rows.some((b) => b >= buckets))
    return err(problem('the tag model is damaged: its weights do not match its tags'));
  const weights = new Float32Array(buckets * T);
  rows.forEach((b, r) => weights.set(packed.subarray(r * T, r * T + T), b * T));
  const memory = s.memory.map((m) => ({
    id: m.id,
    labels: m.labels,
    vector: { idx: new Uint32Array(fromBase64(m.idx)), val: new Float32Array(fromBase64(m.val)) },
    correction: m.correction,
  }));
  if (memory.some((m) => m.vector.idx.length !== m.vector.val.length))
    return err(problem('the tag model is damaged: a remembered entry is cut short'));
  const options = {
    ...DEFAULT_TAG_MODEL_OPTIONS,
    ...BEFORE_BACKGROUND,
    ...s.options,
    features: { ...DEFAULT_FEATURE_OPTIONS, descriptionScale: 0, ...s.options.features },
  };
  const linear = { buckets, tags: T, weights, bias: Float64Array.from(s.bias) };
  const { calibration, novelty, stats, keywords, tags } = s;
  const descriptions = s.descriptions ?? [];
  const background = s.background ?? emptyBackground();
  return ok({
    options,
    tags,
    keywords,
    descriptions,
    background,
    linear,
    calibration,
    memory,
    novelty,
    stats,
  });
}

function toBase64(a: Uint32Array | Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** The bytes of a base64 string in a fresh, aligned buffer. */
function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  const out = new ArrayBuffer(bytes.length - (bytes.length % 4));
  new Uint8Array(out).set(bytes.subarray(0, out.byteLength));
  return out;
}

function problem(message: string): Diagnostic {
  return { severity: 'error', message: `tagging: ${message}` };
}
