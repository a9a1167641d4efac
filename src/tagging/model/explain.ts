import { describedWords, type DescribedWord } from '../features/description-score.js';
import { entryTexts, type FeatureInput } from '../features/extract.js';
import { featureNames } from '../features/names.js';
import { descriptionScoring, descriptionShare, modelFeatures } from './description-prior.js';
import { nearest, type Neighbour } from './memory.js';
import { suggestFromFeatures } from './suggest.js';
import type { TagModel } from './tag-model.js';

/** A feature's share of a tag's raw score: `本文:凍結` adds 0.42. */
export interface FeatureContribution {
  feature: string;
  contribution: number;
}

/** What the taxonomy's description of a tag said about an entry. */
export interface DescriptionEvidence {
  /** The descriptions' probability for the tag. */
  probability: number;
  /** The share of the tag's score that probability had (the rest is learned). */
  share: number;
  /** The tag's description words the entry says, strongest first. */
  words: DescribedWord[];
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
  /** The description's part, when the tag is described and the entry says any of its words. */
  description: DescriptionEvidence | null;
  /** The labelled entries most like this one that carry the tag, with all their labels. */
  similar: Neighbour[];
}

export interface ExplainOptions {
  /** The tag to explain; the best-ranked one when omitted. */
  tag?: string;
  features?: number;
  similar?: number;
  words?: number;
}

/**
 * Explains a suggestion for `kirinuki suggest --explain`, so a curator can see a wrong tag's
 * cause: the words behind it (the features of the headline and body, speakers, countries,
 * keywords and the account that pushed the tag's score up or down, and the words of the tag's
 * description the entry says), and the labelled entries behind it (the most similar
 * remembered entries that carry the tag). Null for a tag the model does not know.
 *
 * @example
 * const why = explainSuggestion(model, { entry, annotations });
 * why?.for.map((f) => f.feature); // ['kw:露朝', 'pair:ロシア+北朝鮮', '本文:朝鮮', …]
 * why?.description?.words.map((w) => w.term); // ['北朝鮮', '訪問']
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
  const names = featureNames(input, model.keywords, model.options.features, model.tags);
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
  const carrying = model.memory.filter((m) => m.labels.includes(tag));
  return {
    tag,
    score: suggestion.ranked.find((s) => s.tag === tag)?.score ?? 0,
    bias: model.linear.bias[t] as number,
    for: byUp.filter((p) => p.contribution > 0).slice(0, n),
    against: byUp
      .filter((p) => p.contribution < 0)
      .reverse()
      .slice(0, n),
    description: evidence(model, input, tag, features.prior?.[t], suggestion.nearest, options),
    similar: nearest(carrying, features.own, options.similar ?? 5, input.entry.id).filter(
      (s) => s.similarity > 0,
    ),
  };
}

function evidence(
  model: TagModel,
  input: FeatureInput,
  tag: string,
  probability: number | undefined,
  closest: Neighbour | null,
  options: ExplainOptions,
): DescriptionEvidence | null {
  const description = model.descriptions.find((d) => d.tag === tag);
  if (probability === undefined || description === undefined) return null;
  const { head, body } = entryTexts(input.entry, model.options.features.maxBodyChars);
  const scoring = descriptionScoring(model.options);
  const words = describedWords(description, head, body, scoring, model.background);
  return {
    probability,
    share: descriptionShare(model, closest?.similarity ?? 0),
    words: words.slice(0, options.words ?? 8),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
