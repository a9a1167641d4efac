import { modelFeatures, type FeatureView } from './description-prior.js';
import { AdaGradFitter } from './adagrad.js';
import { fitPlatt } from './calibration.js';
import { targetsOf, type LabelledExample } from './examples.js';
import { noveltyThreshold, type MemoryItem } from './memory.js';
import { memoryOf } from './memory-of.js';
import type { TagModel } from './tag-model.js';

// The first examples are scored by a model that knows almost nothing; their scores would
// teach the calibration that the model is worse than it ends up.
const CALIBRATION_WARM_UP = 200;
// Scores of the most recent examples are kept for calibration, bounded so memory stays flat.
const CALIBRATION_EXAMPLES = 20_000;

/**
 * One pass over a stream of labelled entries, holding one at a time: the way to train on a
 * whole archive. Calibrated on progressive-validation scores (each example scored just before
 * the model learns from it), which are out-of-sample by construction.
 */
export function trainStream(
  examples: Iterable<LabelledExample>,
  seeds: readonly LabelledExample[],
  view: FeatureView,
): Omit<TagModel, 'descriptions' | 'background'> {
  const { options, keywords } = view;
  // Tags first met in the stream are added to this list, which the view shares.
  const tags = [...view.tags];
  const full = { ...view, tags };
  const fitter = new AdaGradFitter(2 ** options.features.bits, tags.length, options);
  const scores = new Scores();
  const memory: MemoryItem[] = [];
  let n = 0;
  const learn = (ex: LabelledExample, keep: boolean): void => {
    ensureTags(tags, ex.labels, fitter);
    const f = modelFeatures(full, ex);
    const y = targetsOf(tags, ex.labels);
    const raw = fitter.step(f.vector, y);
    if (!keep) return;
    if (n >= CALIBRATION_WARM_UP) scores.add(raw, y);
    memory.push({ id: ex.entry.id, labels: [...ex.labels], vector: f.own, correction: false });
    // Trimmed now and then rather than per entry: splicing the front is linear.
    if (memory.length > 2 * options.memorySize) memory.splice(0, options.memorySize);
    n += 1;
  };
  seeds.forEach((s) => learn(s, false));
  for (const ex of examples) learn(ex, true);
  const kept = memoryOf(memory, options.memorySize);
  return {
    options,
    tags,
    keywords: [...keywords],
    linear: fitter.weights,
    calibration: fitPlatt(scores.values, scores.labels),
    memory: kept,
    novelty: Math.min(options.maxNovelty, noveltyThreshold(kept, options.noveltyPercentile)),
    stats: { trained: n, updates: 0, corrections: 0 },
  };
}

/** Gives a label met for the first time its own tag column. */
function ensureTags(tags: string[], labels: readonly string[], fitter: AdaGradFitter): void {
  for (const l of labels)
    if (!tags.includes(l)) {
      tags.push(l);
      fitter.addTag();
    }
}

/** Score/label pairs of the most recent examples. */
class Scores {
  values: number[] = [];
  labels: number[] = [];
  private perExample: number[] = [];

  add(raw: Float64Array, y: Uint8Array): void {
    raw.forEach((s, t) => {
      this.values.push(s);
      this.labels.push(y[t] as number);
    });
    this.perExample.push(raw.length);
    if (this.perExample.length > 2 * CALIBRATION_EXAMPLES) {
      const drop = this.perExample.splice(0, CALIBRATION_EXAMPLES).reduce((a, b) => a + b, 0);
      this.values.splice(0, drop);
      this.labels.splice(0, drop);
    }
  }
}
