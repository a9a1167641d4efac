/**
 * Precision and recall of story grouping on the labelled set in `test/gold/stories/*.jsonl`
 * (one JSON object a line: `id`, `story`, `outlet`, `text`; items with the same `story` are
 * the same news told by different outlets, singletons are same-topic hard negatives).
 *
 * Pairwise scores: a pair of items is a true positive when both the gold labels and the
 * grouping put them together. Called by `scripts/eval.ts`; runnable alone with
 * `npx tsx eval/stories.ts`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  assignStories,
  DEFAULT_STORY_OPTIONS,
  extractPaste,
  groupStories,
  type StoryOptions,
} from '../src/ingest/index.js';
import type { Entry } from '../src/model/index.js';

const GOLD_DIR = fileURLToPath(new URL('../test/gold/stories/', import.meta.url));

interface GoldItem {
  id: string;
  story: string;
  outlet: string;
  text: string;
}

/** Reads every `*.jsonl` file of the gold set. */
export async function loadGoldStories(dir = GOLD_DIR): Promise<GoldItem[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  const items: GoldItem[] = [];
  for (const file of files) {
    const text = await readFile(`${dir}/${file}`, 'utf8');
    for (const line of text.split('\n'))
      if (line.trim() !== '') items.push(JSON.parse(line) as GoldItem);
  }
  return items;
}

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  goldPairs: number;
}

/** Pairwise precision and recall of `predicted` groups (lists of item indices) against gold labels. */
export function scorePairs(labels: readonly string[], predicted: readonly number[][]): PairScores {
  const groupOf = new Int32Array(labels.length);
  predicted.forEach((g, k) => g.forEach((i) => (groupOf[i] = k)));
  let tp = 0;
  let pp = 0;
  let gp = 0;
  for (let i = 0; i < labels.length; i += 1) {
    for (let j = i + 1; j < labels.length; j += 1) {
      const same = groupOf[i] === groupOf[j];
      const gold = labels[i] === labels[j];
      if (same) pp += 1;
      if (gold) gp += 1;
      if (same && gold) tp += 1;
    }
  }
  const precision = pp === 0 ? 1 : tp / pp;
  const recall = gp === 0 ? 1 : tp / gp;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs: tp, predictedPairs: pp, goldPairs: gp };
}

/** Groups the gold items with the given options and scores the grouping. */
export function runGrouping(
  items: readonly GoldItem[],
  options: StoryOptions = {},
): { scores: PairScores; groups: number[][] } {
  const entries: Entry[] = items.map((item) => {
    const entry = extractPaste(item.text, item.id).entries[0] as Entry;
    return { ...entry, id: item.id };
  });
  const index = new Map(items.map((item, i) => [item.id, i]));
  const groups = groupStories(entries, options).map((s) =>
    s.entryIds.map((id) => index.get(id) ?? -1),
  );
  return {
    scores: scorePairs(
      items.map((i) => i.story),
      groups,
    ),
    groups,
  };
}

/**
 * Files the items one at a time, in a shuffled order, as imports do (`assignStories` against
 * everything filed before), and scores the stories that result. With every item inside the
 * window this should match `runGrouping`; a difference would be a bug in the incremental path.
 */
export function runIncremental(items: readonly GoldItem[], seed = 1): PairScores {
  const entries: Entry[] = items.map((item) => {
    const entry = extractPaste(item.text, item.id).entries[0] as Entry;
    return { ...entry, id: item.id };
  });
  const order = entries.map((_, i) => i);
  let state = seed;
  for (let i = order.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const filed: { entry: Entry; story: string }[] = [];
  const sketches = new Map();
  for (const i of order) {
    const entry = entries[i] as Entry;
    const { stories, merges } = assignStories(filed, [entry], {}, sketches);
    for (const m of merges) for (const f of filed) if (f.story === m.from) f.story = m.to;
    filed.push({ entry, story: stories.get(entry.id) ?? entry.id });
  }
  const byStory = new Map<string, number[]>();
  const index = new Map(items.map((item, i) => [item.id, i]));
  for (const f of filed)
    byStory.set(f.story, [...(byStory.get(f.story) ?? []), index.get(f.entry.id) ?? -1]);
  return scorePairs(
    items.map((i) => i.story),
    [...byStory.values()],
  );
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The evaluation as markdown: scores at the default thresholds, a sweep of the Jaccard
 * threshold, and the errors at the default.
 *
 * @example
 * console.log(await evalStories());
 */
export async function evalStories(): Promise<string> {
  const items = await loadGoldStories();
  const stories = new Set(items.map((i) => i.story)).size;
  const { scores, groups } = runGrouping(items);
  const out = [
    '## Story grouping (MinHash + LSH)',
    '',
    `Gold set: ${items.length} items, ${stories} stories (test/gold/stories). Defaults: ` +
      `${DEFAULT_STORY_OPTIONS.bins} bins, ${DEFAULT_STORY_OPTIONS.bandRows}-row bands, ${DEFAULT_STORY_OPTIONS.shingle}-character shingles, ` +
      `Jaccard ≥ ${DEFAULT_STORY_OPTIONS.jaccard} or containment ≥ ${DEFAULT_STORY_OPTIONS.containment}.`,
    '',
    '| setting | pairwise precision | pairwise recall | F1 | pairs found / gold |',
    '|---|---|---|---|---|',
    row('default', scores),
    row('default, filed one item at a time (shuffled; seed 1)', runIncremental(items, 1)),
    row('default, filed one item at a time (shuffled; seed 2)', runIncremental(items, 2)),
  ];
  for (const jaccard of [0.2, 0.25, 0.35, 0.4])
    out.push(row(`jaccard ${jaccard}`, runGrouping(items, { jaccard }).scores));
  for (const containment of [0.45, 0.65])
    out.push(row(`containment ${containment}`, runGrouping(items, { containment }).scores));
  out.push('', ...errors(items, groups));
  return out.join('\n');
}

function row(name: string, s: PairScores): string {
  return `| ${name} | ${pct(s.precision)} | ${pct(s.recall)} | ${s.f1.toFixed(3)} | ${s.truePairs} / ${s.goldPairs} (${s.predictedPairs} predicted) |`;
}

/** Wrongly joined items (a predicted group with several gold stories) and split stories. */
function errors(items: readonly GoldItem[], groups: readonly number[][]): string[] {
  const ids = (g: readonly number[]): string => g.map((i) => items[i]?.id).join(', ');
  const merged = groups.filter((g) => new Set(g.map((i) => items[i]?.story)).size > 1);
  const split = [...new Set(items.map((i) => i.story))].filter((story) => {
    const holding = groups.filter((g) => g.some((i) => items[i]?.story === story));
    return holding.length > 1;
  });
  return [
    `Wrongly joined groups: ${merged.length === 0 ? 'none' : merged.map((g) => `[${ids(g)}]`).join('; ')}`,
    '',
    `Stories split apart: ${split.length === 0 ? 'none' : split.join(', ')}`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await evalStories());
}
