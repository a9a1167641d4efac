import type { FeatureInput } from '../features/extract.js';
import { countEntry } from './background.js';
import { modelFeatures } from './description-prior.js';
import { squaredNorm, type SparseVector } from '../features/sparse.js';
import { targetsOf } from './examples.js';
import { addScaled, logit, rawScores, withExtraTag } from './linear.js';
import { remember } from './memory.js';
import { suggestFromFeatures } from './suggest.js';
import type { TagModel } from './tag-model.js';

// After a correction the model should be sure of it: positives at least this far above the
// label threshold, negatives this far below (in probability).
const MARGIN = 0.2;

/**
 * Learns from one entry the curator labelled (accepted or corrected), without retraining:
 * a passive-aggressive step per tag moves the weights just enough for the entry to get the
 * curator's labels (bounded by `aggressiveness`, so one odd entry cannot wreck the model),
 * and the entry is remembered so that it and its near-duplicates keep those labels. Labels
 * the model has not seen become new tags. Changes `model` in place and returns it.
 *
 * @example
 * updateTagModel(model, { entry, annotations }, ['露朝']);
 * suggestTags(model, { entry, annotations }).labels; // ['露朝']
 */
export function updateTagModel(
  model: TagModel,
  example: FeatureInput,
  labels: readonly string[],
): TagModel {
  for (const l of labels)
    if (!model.tags.includes(l)) {
      model.tags.push(l);
      model.linear = withExtraTag(model.linear);
    }
  const features = modelFeatures(model, example);
  countEntry(
    model.background,
    model.descriptions,
    example.entry,
    model.options.features.maxBodyChars,
  );
  const before = suggestFromFeatures(model, features);
  const correction = !sameLabels(before.labels, labels);
  passiveAggressive(model, features.vector, targetsOf(model.tags, labels));
  const item = { id: example.entry.id, labels: [...labels], vector: features.own, correction };
  remember(model.memory, item, model.options.memorySize);
  model.stats.updates += 1;
  if (correction) model.stats.corrections += 1;
  return model;
}

function passiveAggressive(model: TagModel, x: SparseVector, y: Uint8Array): void {
  const norm = squaredNorm(x);
  if (norm === 0) return;
  const { a, b } = model.calibration;
  const threshold = model.options.labelThreshold;
  const high = (logit(Math.min(0.95, threshold + MARGIN)) - b) / a;
  const low = (logit(Math.max(0.05, threshold - MARGIN)) - b) / a;
  const raw = rawScores(model.linear, x);
  const C = model.options.aggressiveness;
  raw.forEach((s, t) => {
    const gap = y[t] ? high - s : low - s;
    if ((y[t] && gap > 0) || (!y[t] && gap < 0))
      addScaled(model.linear, t, x, Math.sign(gap) * Math.min(C, Math.abs(gap) / norm));
  });
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
