import type { FeatureInput } from '../features/extract.js';
import { modelFeatures } from './description-prior.js';
import { featureNames } from '../features/names.js';
import { nearest, type Neighbour } from './memory.js';
import { suggestFromFeatures } from './suggest.js';
import type { TagModel } from './tag-model.js';

/** A feature's share of a tag's raw score: `本文:凍結` adds 0.42. */
export interface FeatureContribution {
  feature: string;
  contribution: number;
}

/** Why the model gave a tag the score it did. */
export interface SuggestionExplanation {
  tag: string;
  score: number;
  /** The tag's bias: its score before any feature is seen. */
  bias: number;
  /** The features that raised the score most, largest first. */
  for: FeatureContribution[];
  /** The features that lowered it most. */
  against: FeatureContribution[];
  /** The most similar remembered entries, with the labels they were given. */
  similar: Neighbour[];
}

export interface ExplainOptions {
  /** The tag to explain; the best-ranked one when omitted. */
  tag?: string;
  features?: number;
  similar?: number;
}

/**
 * Explains a suggestion for `kirinuki suggest --explain`: which features (bigrams of the
 * headline and body, speakers, countries, keywords, the account) pushed the tag's score up or
 * down, and which labelled entries this one is most like. Null for a tag the model does not
 * know.
 *
 * @example
 * const why = explainSuggestion(model, { entry, annotations });
 * why?.for.map((f) => f.feature); // ['kw:露朝', 'pair:ロシア+北朝鮮', '本文:朝鮮', …]
 */
export function explainSuggestion(
  model: TagModel,
  input: FeatureInput,
  options: ExplainOptions = {},
): SuggestionExplanation | null {
  const features = modelFeatures(model, input);
  const suggestion = suggestFromFeatures(model, features);
  const tag = options.tag ?? suggestion.ranked[0]?.tag;
  const t = tag === undefined ? -1 : model.tags.indexOf(tag);
  if (tag === undefined || t < 0) return null;
  const names = featureNames(input, model.keywords, model.options.features);
  const T = model.linear.tags;
  const parts: FeatureContribution[] = [];
  features.vector.idx.forEach((bucket, i) => {
    const contribution =
      (model.linear.weights[bucket * T + t] as number) * (features.vector.val[i] as number);
    const feature = (names.get(bucket) ?? [`#${bucket}`]).join(' / ');
    if (contribution !== 0) parts.push({ feature, contribution });
  });
  const n = options.features ?? 8;
  const byUp = [...parts].sort(
    (a, b) => b.contribution - a.contribution || cmp(a.feature, b.feature),
  );
  return {
    tag,
    score: suggestion.ranked.find((s) => s.tag === tag)?.score ?? 0,
    bias: model.linear.bias[t] as number,
    for: byUp.filter((p) => p.contribution > 0).slice(0, n),
    against: byUp
      .filter((p) => p.contribution < 0)
      .reverse()
      .slice(0, n),
    similar: nearest(model.memory, features.vector, options.similar ?? 5, input.entry.id).filter(
      (s) => s.similarity > 0,
    ),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
