import {
  DEFAULT_FEATURE_OPTIONS,
  type FeatureOptions,
  type KeywordSet,
} from '../features/extract.js';
import type { DescriptionTerms } from '../features/description.js';
import type { TermBackground } from '../features/description-score.js';
import { normaliseForMatch } from '../../text/index.js';
import type { Taxonomy } from '../taxonomy.js';
import type { FitOptions } from './adagrad.js';
import type { Calibration } from './calibration.js';
import type { LinearWeights } from './linear.js';
import type { MemoryItem } from './memory.js';

/** Everything that shapes a model; stored with it, so a loaded model scores as it was trained. */
export interface TagModelOptions extends FitOptions {
  features: FeatureOptions;
  /** Passes over the examples: `null` chooses from their number (more for a small archive). */
  epochs: number | null;
  /** Folds for out-of-fold calibration scores; above `crossFitLimit` examples, one pass is used. */
  folds: number;
  crossFitLimit: number;
  /** Learn from the taxonomy's descriptions and keywords as if they were labelled entries. */
  seedFromTaxonomy: boolean;
  /** A tag is proposed when its probability reaches this. */
  labelThreshold: number;
  /** Below this, not even the best tag is proposed: "none of these fits". */
  noneThreshold: number;
  maxLabels: number;
  /** Remembered entries (for explanations, new topics and corrections). */
  memorySize: number;
  /**
   * An entry less similar to every remembered entry than this share of remembered entries are
   * to their nearest neighbour is "none of these fits": a new topic.
   */
  noveltyPercentile: number;
  /**
   * The novelty threshold never exceeds this: an archive full of near-duplicates would
   * otherwise call every differently worded entry new. In the measured archives, entries of
   * known topics had a nearest neighbour above 0.16 and new topics mostly below 0.15.
   */
  maxNovelty: number;
  /**
   * Share of a tag's score that comes from the labels of the most similar remembered entries.
   * 0 by default: on real news (`eval/real/tagging-eval.ts`, folds 0–1) the votes cost top-1
   * from 50 labelled entries on, and the regression reads the same features.
   */
  neighbourWeight: number;
  /** How many remembered entries vote. */
  neighbours: number;
  /** A remembered entry this similar counts as the same story, and lends its labels. */
  duplicateSimilarity: number;
  /**
   * The largest step an online correction may take (passive-aggressive `C`): bounded, so one
   * odd entry cannot wreck the model. 3 rather than 1: on real news (folds 0–1), learning 150
   * entries online reached 0.84 top-1 with 3 against 0.79 with 1.
   */
  aggressiveness: number;
  /**
   * How many labelled entries the taxonomy's descriptions are worth: their words' scores are
   * mixed in with weight `descriptionPrior / (descriptionPrior + labelled entries)`, so they
   * carry a cold start and fade as the archive grows. 0 turns them off.
   */
  descriptionPrior: number;
  /** The softmax temperature turning description scores into a probability per tag. */
  descriptionSharpness: number;
  /** A description word in the headline counts as this many in the body. */
  descriptionHeadHits: number;
  /** A description word in the body's first sentence counts as this many in the rest. */
  descriptionLeadHits: number;
  /**
   * How much a description word's rarity in the learned entries counts (0: not at all, 1: its
   * full inverse document frequency), so words every entry says (ロシア) weigh little.
   */
  descriptionBackground: number;
  /** A tag's description score is divided by its words' total weight to this power. */
  descriptionLength: number;
  seed: number;
}

export const DEFAULT_TAG_MODEL_OPTIONS: TagModelOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  learningRate: 0.5,
  l2: 1e-4,
  epochs: null,
  folds: 3,
  crossFitLimit: 5000,
  seedFromTaxonomy: true,
  labelThreshold: 0.5,
  noneThreshold: 0.2,
  maxLabels: 3,
  memorySize: 1000,
  noveltyPercentile: 0.05,
  maxNovelty: 0.25,
  duplicateSimilarity: 0.8,
  neighbourWeight: 0,
  neighbours: 5,
  aggressiveness: 3,
  descriptionPrior: 60,
  descriptionSharpness: 3,
  descriptionHeadHits: 4,
  descriptionLeadHits: 2,
  descriptionBackground: 1,
  descriptionLength: 0.5,
  seed: 20240118,
};

/**
 * A tag model: one-vs-rest logistic regression over hashed features, a shared Platt
 * calibration, and a memory of labelled entries. Plain data, serialisable with
 * `serialiseTagModel`. `updateTagModel` changes it in place.
 */
export interface TagModel {
  options: TagModelOptions;
  /** Tag names; tag `t` owns column `t` of the weights. */
  tags: string[];
  keywords: KeywordSet[];
  /** The weighted words of each described tag (`describeTags`); empty for an old model file. */
  descriptions: DescriptionTerms[];
  /** How common each description word is in the entries learned from. */
  background: TermBackground;
  linear: LinearWeights;
  calibration: Calibration;
  memory: MemoryItem[];
  /** Similarity to the nearest remembered entry below which an entry is a new topic. */
  novelty: number;
  stats: TagModelStats;
}

export interface TagModelStats {
  /** Labelled entries the model was trained on from scratch. */
  trained: number;
  /** Online updates since. */
  updates: number;
  /** Of those, how many corrected the model's suggestion. */
  corrections: number;
}

/** The options with any given overrides (feature options merged one level down). */
export function resolveOptions(overrides: Partial<TagModelOptions> = {}): TagModelOptions {
  return {
    ...DEFAULT_TAG_MODEL_OPTIONS,
    ...overrides,
    features: { ...DEFAULT_FEATURE_OPTIONS, ...(overrides.features ?? {}) },
  };
}

/** The taxonomy's keywords, normalised as entry text is, per tag that has any. */
export function keywordSets(taxonomy: Taxonomy): KeywordSet[] {
  return taxonomy.tags.flatMap((t) => {
    const keywords = [...new Set((t.keywords ?? []).map((k) => normaliseForMatch(k)))].filter(
      (k) => k !== '',
    );
    return keywords.length === 0 ? [] : [{ tag: t.name, keywords }];
  });
}

/** Index of a tag in the model, or -1. */
export function tagIndex(model: TagModel, tag: string): number {
  return model.tags.indexOf(tag);
}
