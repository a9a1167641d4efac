/**
 * The tagging benchmark: training a tag model from scratch on 100,000 labelled entries
 * (target ≤ 60 s) and suggesting tags for one entry once the model is loaded (target ≤ 20 ms),
 * plus proposing its summary line. The entries are the benchmark corpus (`bench/corpus.ts`,
 * fixed seed): news-like clips of 1–3 KB with one or two summary lines each, whose tags are the
 * labels. Called by `bench/run.ts`; runnable alone with `npx tsx bench/tagging.ts`.
 */
import { loadAnnotator } from '../eval/tagging-data.js';
import { pathToFileURL } from 'node:url';
import type { Entry } from '../src/model/index.js';
import { readWritingRules } from '../src/pipeline/index.js';
import {
  entryLabels,
  learnStyle,
  parseTagModel,
  proposeSummaryLine,
  serialiseTagModel,
  suggestTags,
  trainTagModel,
  type LabelledExample,
} from '../src/tagging/index.js';
import { generateCorpus } from './corpus.js';
import { latency, mb, ms, table } from './measure.js';

export interface TaggingBenchOptions {
  /** Labelled entries to train on. */
  size?: number;
  /** Unseen entries to time suggestions on. */
  queries?: number;
  seed?: number;
}

/**
 * Runs the benchmark and returns its report as markdown.
 *
 * @example
 * console.log(await benchTagging({ size: 10_000 }));
 */
export async function benchTagging(options: TaggingBenchOptions = {}): Promise<string> {
  const size = options.size ?? 100_000;
  const queries = options.queries ?? 1000;
  const entries = corpus(size + queries, options.seed ?? 20240118);
  const train = entries.slice(0, size).map(labelled);
  const unseen = entries.slice(size);
  const t0 = performance.now();
  const trained = trainTagModel(train);
  const trainSeconds = (performance.now() - t0) / 1000;
  const json = serialiseTagModel(trained);
  const loaded = parseTagModel(json);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const model = loaded.value;
  const style = learnStyle(train.slice(-2000).flatMap((e) => e.entry.summaries));
  const rules = readWritingRules();
  // Annotating is the annotation benchmark's business: done before the clock starts.
  const annotate = await loadAnnotator();
  const asked = unseen.map((entry) => ({ entry, annotations: annotate?.(entry) ?? null }));
  const suggest = timeEach(asked, (input) => suggestTags(model, input));
  const write = timeEach(asked, (input) =>
    proposeSummaryLine(input.entry, input.annotations, 'tag', rules, style),
  );
  const weights = model.linear.weights.byteLength;
  return report({
    size,
    trainSeconds,
    tags: model.tags.length,
    json: json.length,
    weights,
    annotated: annotate !== null,
    suggest,
    write,
  });
}

function corpus(n: number, seed: number): Entry[] {
  const out: Entry[] = [];
  for (const day of generateCorpus({ size: n, seed })) out.push(...day.entries);
  return out;
}

function labelled(entry: Entry): LabelledExample {
  return { entry, annotations: null, labels: entryLabels(entry) };
}

/** Times `fn` on every item, after a warm-up on the first few. */
function timeEach<T>(entries: readonly T[], fn: (e: T) => unknown): number[] {
  for (const e of entries.slice(0, 20)) fn(e);
  return entries.map((e) => {
    const t = performance.now();
    fn(e);
    return performance.now() - t;
  });
}

interface Figures {
  size: number;
  trainSeconds: number;
  tags: number;
  json: number;
  weights: number;
  annotated: boolean;
  suggest: number[];
  write: number[];
}

function report(f: Figures): string {
  const s = latency(f.suggest);
  const w = latency(f.write);
  const ok = (pass: boolean): string => (pass ? 'met' : '**missed**');
  return [
    '## Tagging',
    '',
    `Training from scratch on ${f.size.toLocaleString('en')} labelled entries (${f.tags} tags), one`,
    'streaming pass, without annotations; then the model is serialised, parsed back, and asked',
    `about unseen entries, ${f.annotated ? 'annotated by `src/nlp` beforehand (not timed)' : 'without annotations (`src/nlp` not available)'}.`,
    '',
    table(
      ['measure', 'figure', 'target', ''],
      [
        ['training', `${f.trainSeconds.toFixed(1)} s`, '≤ 60 s', ok(f.trainSeconds <= 60)],
        [
          'suggestion, p50 / p95 / max',
          `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)} ms`,
          '≤ 20 ms',
          ok(s.p95 <= 20),
        ],
        ['summary line, p50 / p95', `${ms(w.p50)} / ${ms(w.p95)} ms`, '', ''],
        ['serialised model (JSON)', mb(f.json), '', ''],
        ['weights in memory', mb(f.weights), '', ''],
      ],
    ),
    '',
    `Latencies over ${s.samples} unseen entries after a warm-up.`,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  console.log(await benchTagging());
