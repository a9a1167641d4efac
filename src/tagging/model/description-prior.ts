import { descriptionScores } from '../features/description.js';
import {
  entryTexts,
  extractFeatures,
  type FeatureInput,
  type Features,
} from '../features/extract.js';
import type { TagModel } from './tag-model.js';

/** An entry's features and, when the model has descriptions, their probability per tag. */
export interface ModelFeatures extends Features {
  /** Per model tag, from the taxonomy's description words; null when there are none. */
  prior: Float64Array | null;
}

/**
 * The features `suggestTags`, `updateTagModel` and `explainSuggestion` score an entry by.
 *
 * @example
 * const f = modelFeatures(model, { entry, annotations });
 * f.prior?.[model.tags.indexOf('露朝')]; // 0.6 for an entry about North Korea's minister in Moscow
 */
export function modelFeatures(model: TagModel, input: FeatureInput): ModelFeatures {
  const features = extractFeatures(input, model.keywords, model.options.features);
  return { ...features, prior: descriptionPrior(model, input) };
}

/**
 * The description words' view of an entry as a probability over the model's tags: a softmax of
 * {@link descriptionScores}. Null when no tag is described or nothing of any description is in
 * the entry (a flat prior would change no ranking, only shrink every score).
 */
export function descriptionPrior(model: TagModel, input: FeatureInput): Float64Array | null {
  const o = model.options;
  if (model.descriptions.length === 0 || o.descriptionPrior <= 0) return null;
  const { head, body } = entryTexts(input.entry, o.features.maxBodyChars);
  const byTag = descriptionScores(model.descriptions, head, body, o.descriptionHeadHits);
  const scores = new Float64Array(model.tags.length);
  let any = false;
  model.descriptions.forEach((d, i) => {
    const t = model.tags.indexOf(d.tag);
    const s = byTag[i] as number;
    if (t >= 0) scores[t] = s;
    if (s > 0) any = true;
  });
  if (!any) return null;
  const max = Math.max(...scores);
  let total = 0;
  const p = scores.map((s) => {
    const e = Math.exp(o.descriptionSharpness * (s - max));
    total += e;
    return e;
  });
  return p.map((x) => x / total);
}

/** How much the descriptions count for this model: they fade as labelled entries arrive. */
export function priorWeight(model: TagModel): number {
  const k = model.options.descriptionPrior;
  const seen = model.stats.trained + model.stats.updates;
  return k <= 0 ? 0 : k / (k + seen);
}
