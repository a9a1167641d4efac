/**
 * The measurements behind `evalTagging`: leave-one-out tag suggestion, leave-topic-out
 * novelty, cold start, and summary-line quotes against the curator's.
 */
import type { SummaryLine } from '../src/model/index.js';
import {
  bigramSet,
  coverage,
  createTagModel,
  learnStyle,
  suggestTags,
  trainTagModel,
  type ProposedLine,
  type TagModelOptions,
  type TagSuggestion,
  type Taxonomy,
} from '../src/tagging/index.js';

import { readWritingRules, tagTexts } from '../src/pipeline/index.js';
import { proposeSummaryLines } from '../src/tagging/writer/propose.js';
import type { Labelled } from './tagging-data.js';

export interface TagOutcome {
  item: Labelled;
  suggestion: TagSuggestion;
}

/** Whether an entry's main tag is one the taxonomy defines (else it is a new topic). */
export function isKnown(item: Labelled, taxonomy: Taxonomy): boolean {
  return taxonomy.tags.some((t) => t.name === item.labels[0]);
}

/** Leave-one-out: each known-topic entry tagged by a model trained on all the others. */
export function looTagging(
  items: readonly Labelled[],
  taxonomy: Taxonomy,
  options: Partial<TagModelOptions> = {},
  strip = false,
): TagOutcome[] {
  const view = strip ? items.map((i) => ({ ...i, annotations: null })) : items;
  return view.flatMap((item, k) => {
    if (!isKnown(item, taxonomy)) return [];
    const model = trainTagModel(
      view.filter((_, j) => j !== k),
      { taxonomy, options },
    );
    return [{ item, suggestion: suggestTags(model, item) }];
  });
}

/** Leave-topic-out: a new-topic entry tagged by a model that never saw its topic. */
export function noveltyTrials(items: readonly Labelled[], taxonomy: Taxonomy): TagOutcome[] {
  return items.flatMap((item) => {
    if (isKnown(item, taxonomy)) return [];
    const topic = item.labels[0];
    const model = trainTagModel(
      items.filter((o) => !o.labels.includes(topic ?? '')),
      { taxonomy },
    );
    return [{ item, suggestion: suggestTags(model, item) }];
  });
}

/** Cold start: every known-topic entry tagged by a model that has only the taxonomy. */
export function coldStart(items: readonly Labelled[], taxonomy: Taxonomy): TagOutcome[] {
  const model = createTagModel(taxonomy);
  return items
    .filter((i) => isKnown(i, taxonomy))
    .map((item) => ({ item, suggestion: suggestTags(model, item) }));
}

export interface TagScores {
  n: number;
  top1: number;
  main: number;
  precision: number;
  recall: number;
  f1: number;
  none: number;
}

/** Top-1 (in the gold tags, and equal to the main tag) and micro-averaged multi-label P/R/F1. */
export function tagScores(outcomes: readonly TagOutcome[]): TagScores {
  let top1 = 0;
  let main = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let none = 0;
  for (const { item, suggestion: s } of outcomes) {
    const best = s.ranked[0]?.tag;
    if (best !== undefined && item.labels.includes(best)) top1 += 1;
    if (best === item.labels[0]) main += 1;
    if (s.none) none += 1;
    for (const l of s.labels)
      if (item.labels.includes(l)) tp += 1;
      else fp += 1;
    for (const l of item.labels) if (!s.labels.includes(l)) fn += 1;
  }
  const n = outcomes.length;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n, top1: top1 / n, main: main / n, precision, recall, f1, none: none / n };
}

/** Calibration: mean predicted probability against the observed share, per probability bin. */
export function reliability(
  outcomes: readonly TagOutcome[],
  bins = 5,
): { from: number; to: number; n: number; predicted: number; observed: number }[] {
  const acc = Array.from({ length: bins }, (_, b) => ({
    from: b / bins,
    to: (b + 1) / bins,
    n: 0,
    p: 0,
    y: 0,
  }));
  for (const { item, suggestion } of outcomes)
    for (const { tag, score } of suggestion.ranked) {
      const bin = acc[Math.min(bins - 1, Math.floor(score * bins))];
      if (!bin) continue;
      bin.n += 1;
      bin.p += score;
      bin.y += item.labels.includes(tag) ? 1 : 0;
    }
  return acc.map((b) => ({
    from: b.from,
    to: b.to,
    n: b.n,
    predicted: b.n ? b.p / b.n : 0,
    observed: b.n ? b.y / b.n : 0,
  }));
}

export interface LineOutcome {
  item: Labelled;
  tag: string;
  curator: SummaryLine[];
  proposed: ProposedLine;
  curatorQuotes: number;
  /** Curator quotes found (≥ 70 % of their bigrams) in one proposed quote. */
  recovered: number;
  /** Curator quotes that are in the entry's text at all (the most that can be recovered). */
  reachable: number;
  proposedQuotes: number;
  /** Proposed quotes the curator also chose (either is ≥ 70 % inside the other). */
  chosen: number;
}

const MATCH = 0.7;

/**
 * Leave-one-out for summary lines: for each tag of each entry, a line proposed with the style
 * learned from the other entries' lines of the same source (one curator's habits) and the
 * taxonomy's own words for each tag, compared with the curator's lines of that tag.
 */
export function looWriting(items: readonly Labelled[], taxonomy?: Taxonomy): LineOutcome[] {
  const described = taxonomy ? tagTexts(taxonomy) : {};
  const rules = readWritingRules();
  return items.flatMap((item, k) => {
    const past = items.filter((o, j) => j !== k && o.source === item.source);
    const style = learnStyle(
      past.flatMap((o) => o.entry.summaries),
      { entries: past, rules },
      described,
    );
    const proposed = proposeSummaryLines(item.entry, item.annotations, item.labels, rules, style);
    return item.labels.map((tag, i) => {
      const curator = item.entry.summaries.filter((s) => s.tag === tag);
      return compareLines(item, tag, curator, proposed[i] as ProposedLine);
    });
  });
}

function compareLines(
  item: Labelled,
  tag: string,
  curator: SummaryLine[],
  proposed: ProposedLine,
): LineOutcome {
  const cq = curator.flatMap((l) => quotesOf(l.segments)).map(bigramSet);
  const pq = quotesOf(proposed.segments).map(bigramSet);
  const text = bigramSet([item.entry.post?.text ?? '', ...item.entry.body].join('\n'));
  return {
    item,
    tag,
    curator,
    proposed,
    curatorQuotes: cq.length,
    recovered: cq.filter((c) => pq.some((p) => coverage(c, p) >= MATCH)).length,
    reachable: cq.filter((c) => coverage(c, text) >= MATCH).length,
    proposedQuotes: pq.length,
    chosen: pq.filter((p) => cq.some((c) => Math.max(coverage(c, p), coverage(p, c)) >= MATCH))
      .length,
  };
}

function quotesOf(segments: ProposedLine['segments']): string[] {
  return segments.flatMap((s) => (s.kind === 'quote' ? s.quotes : []));
}
