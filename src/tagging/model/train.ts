import { describeTags, type Glossary } from '../features/description.js';
import { emptyBackground } from '../features/description-score.js';
import type { Features } from '../features/extract.js';
import { countingBackground } from './background.js';
import { emptyTaxonomy, type Taxonomy } from '../taxonomy.js';
import { AdaGradFitter } from './adagrad.js';
import { fitPlatt, IDENTITY_CALIBRATION, type Calibration } from './calibration.js';
import { seedExamples, tagsOf, targetsOf, type LabelledExample } from './examples.js';
import { rawScores, type LinearWeights } from './linear.js';
import { noveltyThreshold } from './memory.js';
import { memoryOf } from './memory-of.js';
import { seededRandom, shuffledIndices } from './random.js';
import { trainStream } from './train-stream.js';
import { keywordSets, resolveOptions, type TagModel, type TagModelOptions } from './tag-model.js';
import { modelFeatures, type FeatureView } from './description-prior.js';
import type { SparseVector } from '../features/sparse.js';

/** What training reads besides the labelled entries. */
export interface TrainOptions {
  /** Tags, descriptions and keywords; tags only found in labels are learned all the same. */
  taxonomy?: Taxonomy;
  options?: Partial<TagModelOptions>;
  /**
   * English words to Japanese (`data/tagging/glossary.json`, read by the pipeline), so that a
   * description written in English finds Japanese text.
   */
  glossary?: Glossary;
}

/** A labelled example turned into what the fitter needs. */
export interface Prepared extends Features {
  /** The features entries are compared by (`ModelFeatures.own`). */
  own: SparseVector;
  id: string;
  labels: readonly string[];
  targets: Uint8Array;
}

/**
 * Trains a tag model from scratch (`kirinuki train`). An array of up to `crossFitLimit`
 * examples is trained in several passes and calibrated on out-of-fold scores; anything larger,
 * or any other iterable (a stream from the archive), in one pass calibrated on each example's
 * score from just before the model learned from it. Deterministic.
 *
 * @example
 * const model = trainTagModel(
 *   entries.map((entry) => ({ entry, annotations: null, labels: entryLabels(entry) })),
 *   { taxonomy },
 * );
 */
export function trainTagModel(
  examples: Iterable<LabelledExample>,
  train: TrainOptions = {},
): TagModel {
  const options = resolveOptions(train.options);
  const taxonomy = train.taxonomy ?? emptyTaxonomy();
  const keywords = keywordSets(taxonomy);
  const descriptions = describeTags(taxonomy.tags, train.glossary);
  const seeds = options.seedFromTaxonomy ? seedExamples(taxonomy) : [];
  const background = emptyBackground();
  const counted = countingBackground(
    examples,
    background,
    descriptions,
    options.features.maxBodyChars,
  );
  if (Array.isArray(counted) && counted.length <= options.crossFitLimit) {
    const batch = counted as LabelledExample[];
    const tags = tagsOf(taxonomy, batch);
    const view = { options, tags, keywords, descriptions, background };
    return { ...trainBatch(batch, seeds, view), descriptions, background };
  }
  // An array can be scanned for its tags first, sparing the weights a re-layout per new tag.
  const tags = Array.isArray(counted)
    ? tagsOf(taxonomy, counted as LabelledExample[])
    : taxonomy.tags.map((t) => t.name);
  const view = { options, tags, keywords, descriptions, background };
  return { ...trainStream(counted, seeds, view), descriptions, background };
}

/**
 * A model that has seen no labelled entry: it knows the taxonomy's descriptions and keywords
 * only (cold start).
 *
 * @example
 * suggestTags(createTagModel(taxonomy), { entry, annotations: null }).ranked[0];
 */
export function createTagModel(
  taxonomy: Taxonomy,
  options: Partial<TagModelOptions> = {},
  glossary?: Glossary,
): TagModel {
  return trainTagModel([], { taxonomy, options, ...(glossary ? { glossary } : {}) });
}

function trainBatch(
  examples: readonly LabelledExample[],
  seeds: readonly LabelledExample[],
  view: FeatureView,
): Omit<TagModel, 'descriptions' | 'background'> {
  const { options, tags, keywords } = view;
  const prepare = (ex: LabelledExample): Prepared => ({
    ...modelFeatures(view, ex),
    id: ex.entry.id,
    labels: ex.labels,
    targets: targetsOf(tags, ex.labels),
  });
  const real = examples.map(prepare);
  const seeded = seeds.map(prepare);
  const epochs = options.epochs ?? autoEpochs(real.length + seeded.length);
  const linear = fitEpochs([...seeded, ...real], tags.length, options, epochs);
  const calibration = crossFitCalibration(real, seeded, tags.length, options, epochs);
  const memory = memoryOf(
    real.map((p) => ({ ...p, vector: p.own })),
    options.memorySize,
  );
  const novelty = Math.min(options.maxNovelty, noveltyThreshold(memory, options.noveltyPercentile));
  const stats = { trained: real.length, updates: 0, corrections: 0 };
  return {
    options,
    tags,
    keywords: [...keywords],
    linear,
    calibration,
    memory,
    novelty,
    stats,
  };
}

/**
 * Small archives get more passes, so that every model has taken about two thousand steps;
 * beyond ten passes the leave-one-out accuracy stopped improving (docs/quality.md).
 */
export function autoEpochs(n: number): number {
  return n === 0 ? 1 : Math.min(10, Math.max(2, Math.ceil(2000 / n)));
}

/** Fits the weights in `epochs` shuffled passes. */
export function fitEpochs(
  set: readonly Prepared[],
  tags: number,
  options: TagModelOptions,
  epochs: number,
): LinearWeights {
  const fitter = new AdaGradFitter(2 ** options.features.bits, tags, options);
  const random = seededRandom(options.seed);
  for (let e = 0; e < epochs; e += 1)
    for (const i of shuffledIndices(set.length, random)) {
      const ex = set[i] as Prepared;
      fitter.step(ex.vector, ex.targets);
    }
  return fitter.weights;
}

/**
 * Platt calibration on out-of-fold scores: each example is scored by a model trained without
 * its fold, so the probabilities reflect how the model does on entries it has not seen.
 */
function crossFitCalibration(
  real: readonly Prepared[],
  seeded: readonly Prepared[],
  tags: number,
  options: TagModelOptions,
  epochs: number,
): Calibration {
  const k = Math.min(options.folds, real.length);
  if (k < 2 || tags === 0) return IDENTITY_CALIBRATION;
  const fold = shuffledIndices(real.length, seededRandom(options.seed + 1)).map((r) => r % k);
  const scores: number[] = [];
  const labels: number[] = [];
  for (let f = 0; f < k; f += 1) {
    const train = real.filter((_, i) => fold[i] !== f);
    const w = fitEpochs([...seeded, ...train], tags, options, epochs);
    real.forEach((ex, i) => {
      if (fold[i] !== f) return;
      rawScores(w, ex.vector).forEach((s, t) => {
        scores.push(s);
        labels.push(ex.targets[t] as number);
      });
    });
  }
  return fitPlatt(scores, labels);
}
