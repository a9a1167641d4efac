import { descriptionScores, type DescriptionScoring } from '../features/description-score.js';
import { addVectors, type SparseVector } from '../features/sparse.js';
import {
  descriptionBucket,
  entryTexts,
  extractFeatures,
  type FeatureInput,
  type Features,
} from '../features/extract.js';
import type { TagModel, TagModelOptions } from './tag-model.js';

/** An entry's features and, when the model has descriptions, their probability per tag. */
export interface ModelFeatures extends Features {
  /**
   * The entry's own features without the description features: what entries are compared by
   * (similar entries, new topics). Two entries the descriptions score alike are not alike.
   */
  own: SparseVector;
  /** Per model tag, from the taxonomy's description words; null when there are none. */
  prior: Float64Array | null;
}

/** What turning an entry into features reads of a model (training has no full model yet). */
export type FeatureView = Pick<
  TagModel,
  'options' | 'tags' | 'keywords' | 'descriptions' | 'background'
>;

/**
 * The features `suggestTags`, `updateTagModel` and `explainSuggestion` score an entry by.
 *
 * @example
 * const f = modelFeatures(model, { entry, annotations });
 * f.prior?.[model.tags.indexOf('露朝')]; // 0.6 for an entry about North Korea's minister in Moscow
 */
export function modelFeatures(view: FeatureView, input: FeatureInput): ModelFeatures {
  const raw = extractFeatures(input, view.keywords, view.options.features).vector;
  return finishFeatures(view, raw, input);
}

/**
 * Raw features made into what the model reads: with one feature per tag
 * whose value is the descriptions' probability for it (`desc:露朝`), so that the regression
 * learns how far to trust each tag's description instead of a fixed mix.
 */
export function finishFeatures(
  view: FeatureView,
  raw: SparseVector,
  input: FeatureInput,
): ModelFeatures {
  const prior = descriptionPrior(view, input);
  const scale = view.options.features.descriptionScale;
  if (prior === null || scale <= 0) return { vector: raw, own: raw, prior };
  const buckets = view.tags.map((t) => descriptionBucket(t, view.options.features.bits));
  const order = buckets.map((b, t) => ({ b, v: (prior[t] as number) * scale }));
  order.sort((a, c) => a.b - c.b);
  const desc: SparseVector = {
    idx: Uint32Array.from(order, (o) => o.b),
    val: Float32Array.from(order, (o) => o.v),
  };
  return { vector: addVectors(raw, desc), own: raw, prior };
}

/**
 * The description words' view of an entry as a probability over the model's tags: a softmax of
 * {@link descriptionScores}. Null when no tag is described or nothing of any description is in
 * the entry (a flat prior would change no ranking, only shrink every score).
 */
export function descriptionPrior(view: FeatureView, input: FeatureInput): Float64Array | null {
  const o = view.options;
  if (view.descriptions.length === 0) return null;
  const { head, body } = entryTexts(input.entry, o.features.maxBodyChars);
  const scoring = descriptionScoring(o);
  const byTag = descriptionScores(view.descriptions, head, body, scoring, view.background);
  const scores = new Float64Array(view.tags.length);
  let any = false;
  view.descriptions.forEach((d, i) => {
    const t = view.tags.indexOf(d.tag);
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

/** How the model's options weigh description words. */
export function descriptionScoring(o: TagModelOptions): DescriptionScoring {
  return {
    headHits: o.descriptionHeadHits,
    leadHits: o.descriptionLeadHits,
    backgroundPower: o.descriptionBackground,
    lengthPower: o.descriptionLength,
  };
}

/**
 * The share of a tag's score that the descriptions' probability has for an entry: it fades as
 * labelled entries arrive (`descriptionPrior / (descriptionPrior + learned)`), and an entry
 * close to one the curator labelled goes by that label rather than by the descriptions, so a
 * correction shows in the next suggestion even while descriptions still weigh a lot.
 *
 * @example
 * descriptionShare(coldModel, 0); // 1: nothing learned yet
 */
export function descriptionShare(model: TagModel, nearestSimilarity: number): number {
  const k = model.options.descriptionPrior;
  const seen = model.stats.trained + model.stats.updates;
  const fading = k <= 0 ? 0 : k / (k + seen);
  return fading * (1 - Math.max(0, nearestSimilarity) ** 2);
}
