import type { FeatureInput, Features } from '../features/extract.js';
import type { SparseVector } from '../features/sparse.js';
import { calibrate } from './calibration.js';
import { descriptionShare, modelFeatures } from './description-prior.js';
import { rawScores } from './linear.js';
import { nearest, type Neighbour } from './memory.js';
import type { TagModel } from './tag-model.js';

/** A tag and its calibrated probability of being right. */
export interface TagScore {
  tag: string;
  score: number;
}

/** Decision thresholds, defaulting to the model's. */
export interface SuggestOptions {
  labelThreshold?: number;
  noneThreshold?: number;
  maxLabels?: number;
}

/** What the model proposes for an entry. */
export interface TagSuggestion {
  /** Every tag, most probable first. */
  ranked: TagScore[];
  /** The proposed tags, main first; empty when none fits. */
  labels: string[];
  /** True when no tag fits: perhaps a new topic. */
  none: boolean;
  /** Why `none`: no tag probable enough (`low-score`), or unlike every remembered entry (`novel`). */
  noneReason: 'low-score' | 'novel' | null;
  /** The most similar remembered entry, if any. */
  nearest: Neighbour | null;
  /** The remembered near-duplicate whose labels were reused, if any. */
  remembered: Neighbour | null;
}

/**
 * Suggests tags for an entry, ranked. A tag's score is its calibrated regression probability
 * mixed with its share of the labels of the most similar remembered entries, and with what
 * the taxonomy's descriptions say of the entry (a weight that fades as labelled entries arrive). The best tag is
 * proposed, and others reaching the label threshold. None is proposed when even the best tag is
 * below the none threshold, or when the entry is less like any remembered entry than almost
 * all remembered entries are like each other (a new topic). An entry nearly identical to one
 * the curator labelled gets that entry's labels.
 *
 * @example
 * const s = suggestTags(model, { entry, annotations });
 * s.none ? 'new topic?' : s.labels.join(' '); // 'ウクライナ戦況 ウクライナ和平交渉'
 */
export function suggestTags(
  model: TagModel,
  input: FeatureInput,
  options: SuggestOptions = {},
): TagSuggestion {
  return suggestFromFeatures(model, modelFeatures(model, input), options);
}

/** {@link suggestTags} for features already extracted. */
export function suggestFromFeatures(
  model: TagModel,
  features: Features & { own?: SparseVector; prior?: Float64Array | null },
  options: SuggestOptions = {},
): TagSuggestion {
  const labelThreshold = options.labelThreshold ?? model.options.labelThreshold;
  const noneThreshold = options.noneThreshold ?? model.options.noneThreshold;
  const maxLabels = options.maxLabels ?? model.options.maxLabels;
  const raw = rawScores(model.linear, features.vector);
  const own = features.own ?? features.vector;
  const near = nearest(model.memory, own, Math.max(1, model.options.neighbours));
  const votes = neighbourVotes(near);
  const beta = near.length > 0 ? model.options.neighbourWeight : 0;
  const prior = features.prior ?? null;
  const gamma = prior ? descriptionShare(model, near[0]?.similarity ?? 0) : 0;
  const scores = model.tags.map((tag, t) => {
    const learned =
      (1 - beta) * calibrate(model.calibration, raw[t] as number) + beta * (votes.get(tag) ?? 0);
    return { tag, score: (1 - gamma) * learned + gamma * (prior?.[t] ?? 0) };
  });
  const closest = near[0] ?? null;
  const remembered =
    closest && closest.similarity >= model.options.duplicateSimilarity ? closest : null;
  if (remembered) lendLabels(scores, remembered);
  const ranked = scores.sort((a, b) => b.score - a.score || (a.tag < b.tag ? -1 : 1));
  const novel = !remembered && closest !== null && closest.similarity < model.novelty;
  const best = ranked[0];
  const lowScore = !best || best.score < noneThreshold;
  const noneReason = lowScore ? 'low-score' : novel ? 'novel' : null;
  const labels = noneReason
    ? []
    : ranked.filter((s, i) => i === 0 || s.score >= labelThreshold).slice(0, maxLabels);
  const tags = labels.map((s) => s.tag);
  return {
    ranked,
    labels: tags,
    none: noneReason !== null,
    noneReason,
    nearest: closest,
    remembered,
  };
}

/** Each label's share of the neighbours' similarity. */
function neighbourVotes(near: readonly Neighbour[]): Map<string, number> {
  const total = near.reduce((s, n) => s + n.similarity, 0);
  const votes = new Map<string, number>();
  if (total <= 0) return votes;
  for (const n of near)
    for (const l of n.labels) votes.set(l, (votes.get(l) ?? 0) + n.similarity / total);
  return votes;
}

/**
 * The near-duplicate's labels score at least its similarity, in the curator's order, and any
 * other tag at most what the similarity leaves: a tag the curator took off an entry stays off
 * it and its near-duplicates, however sure the regression was.
 */
function lendLabels(scores: TagScore[], from: Neighbour): void {
  for (const s of scores) {
    const rank = from.labels.indexOf(s.tag);
    s.score =
      rank >= 0
        ? Math.max(s.score, from.similarity * (1 - 0.01 * rank))
        : Math.min(s.score, 1 - from.similarity);
  }
}
