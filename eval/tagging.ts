/**
 * The tagging evaluation: how well kirinuki suggests the curator's tags and writes their
 * summary lines, measured leave-one-out on every labelled entry at hand (the real example
 * digest from `../shared`, the gold set in `test/gold/tagging/`, the bundled samples), as
 * markdown for `docs/quality.md`. Called by `scripts/eval.ts`; runnable alone with
 * `npx tsx eval/tagging.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Taxonomy } from '../src/tagging/index.js';
import { loadKnowledge } from '../src/nlp/index.js';
import { loadAbbreviations } from '../src/pipeline/index.js';
import { checkProposals, type ProposedCheck } from './proposed-check.js';
import {
  loadAnnotator,
  loadLabelled,
  loadTaxonomy,
  type Labelled,
  type Source,
} from './tagging-data.js';
import {
  coldStart,
  looTagging,
  looWriting,
  noveltyTrials,
  reliability,
  tagScores,
  type LineOutcome,
  type TagOutcome,
} from './tagging-metrics.js';

/**
 * Runs the evaluation and returns its report as markdown.
 *
 * @example
 * const markdown = await evalTagging();
 */
export async function evalTagging(): Promise<string> {
  const annotate = await loadAnnotator();
  const items = await loadLabelled(annotate);
  const taxonomy = await loadTaxonomy();
  const started = performance.now();
  const loo = looTagging(items, taxonomy);
  const plain = annotate ? looTagging(items, taxonomy, {}, true) : null;
  const novel = noveltyTrials(items, taxonomy);
  const cold = coldStart(items, taxonomy);
  const lines = looWriting(items, taxonomy);
  const checked = proposedCheck(lines);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  return [
    '## Tags and summary lines',
    '',
    dataNote(items, annotate !== null),
    '',
    ...tagSection(loo, plain, novel, cold, taxonomy),
    ...lineSection(lines, checked),
    ...sideBySide(lines.filter((l) => l.item.source === 'example')),
    `_Computed in ${seconds} s by \`eval/tagging.ts\`._`,
    '',
  ].join('\n');
}

function dataNote(items: readonly Labelled[], annotated: boolean): string {
  const count = (s: string): number => items.filter((i) => i.source === s).length;
  return [
    `Labelled entries: ${count('example')} from the real example digest (read from \`../shared/examples\`,`,
    `not in the repo), ${count('gold')} from the gold set (\`test/gold/tagging\`), ${count('samples')} from the`,
    'bundled samples. Every entry is tagged by a model trained on all the other entries plus',
    '`samples/taxonomy.json` (leave-one-out); its summary lines are written with the style learned',
    "from the other entries' lines of the same source.",
    annotated
      ? 'Annotation features come from `src/nlp` (`annotateEntry`).'
      : '**`src/nlp` was not available: no annotation features, and no quotes to write lines with.**',
  ].join('\n');
}

function tagSection(
  loo: TagOutcome[],
  plain: TagOutcome[] | null,
  novel: TagOutcome[],
  cold: TagOutcome[],
  taxonomy: Taxonomy,
): string[] {
  const rows = (label: string, outcomes: TagOutcome[]): string => {
    const s = tagScores(outcomes);
    return `| ${label} | ${s.n} | ${f(s.top1)} | ${f(s.main)} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${f(s.none)} |`;
  };
  const bySource = (o: TagOutcome[], s: string): TagOutcome[] =>
    o.filter((x) => x.item.source === s);
  const flagged = novel.filter((n) => n.suggestion.none).length;
  return [
    '### Tag suggestion',
    '',
    '| entries | n | top-1 in curator tags | top-1 = main tag | precision | recall | F1 | "none" |',
    '|---|---|---|---|---|---|---|---|',
    rows('example', bySource(loo, 'example')),
    rows('gold', bySource(loo, 'gold')),
    rows('samples', bySource(loo, 'samples')),
    rows('**all**', loo),
    ...(plain ? [rows('all, without annotation features', plain)] : []),
    rows('all, cold start (taxonomy only)', cold),
    '',
    'Precision, recall and F1 are micro-averaged over the proposed label sets; "none" is the share',
    'of known-topic entries wrongly declared a new topic.',
    '',
    `New topics (tags not in the taxonomy, every entry of the topic left out of training): ${flagged} of`,
    `${novel.length} flagged "none of these fits" (${novelDetail(novel)}). Taxonomy: ${taxonomy.tags.length} tags.`,
    '',
    ...reliabilityTable(loo),
  ];
}

function novelDetail(novel: TagOutcome[]): string {
  return novel
    .map(
      (n) =>
        `${n.item.labels[0]}: ${n.suggestion.none ? `none (${n.suggestion.noneReason})` : n.suggestion.labels.join('+')}`,
    )
    .join('; ');
}

function reliabilityTable(loo: TagOutcome[]): string[] {
  return [
    'Calibration (every tag score of the leave-one-out runs): predicted probability against how',
    'often the tag was the curator’s.',
    '',
    '| score | pairs | mean predicted | observed |',
    '|---|---|---|---|',
    ...reliability(loo).map(
      (b) =>
        `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.n} | ${f(b.predicted)} | ${f(b.observed)} |`,
    ),
    '',
  ];
}

function lineSection(lines: LineOutcome[], checked: Map<Source, ProposedCheck>): string[] {
  const row = (label: string, ls: LineOutcome[]): string => {
    const sum = (
      k: 'curatorQuotes' | 'recovered' | 'reachable' | 'proposedQuotes' | 'chosen',
    ): number => ls.reduce((n, l) => n + l[k], 0);
    const diffs = ls.map((l) => l.proposed.raw.length - (l.curator[0]?.raw.length ?? 0));
    const c = [...new Set(ls.map((l) => l.item.source))].map((s) => checked.get(s));
    const failing = c.reduce((n, x) => n + (x?.failing ?? 0), 0);
    const unnamed = c.reduce((n, x) => n + (x?.unnamed ?? 0), 0);
    const mean = diffs.reduce((a, b) => a + b, 0) / Math.max(1, diffs.length);
    const meanAbs = diffs.reduce((a, b) => a + Math.abs(b), 0) / Math.max(1, diffs.length);
    return `| ${label} | ${ls.length} | ${sum('curatorQuotes')} | ${f(sum('recovered') / sum('curatorQuotes'))} | ${f(sum('recovered') / Math.max(1, sum('reachable')))} | ${sum('proposedQuotes')} | ${f(sum('chosen') / Math.max(1, sum('proposedQuotes')))} | ${failing} | ${unnamed} | ${mean.toFixed(0)} | ${meanAbs.toFixed(0)} |`;
  };
  const by = (s: string): LineOutcome[] => lines.filter((l) => l.item.source === s);
  return [
    '### Summary lines',
    '',
    '| entries | lines | curator quotes | recovered | recovered of reachable | proposed quotes | chosen by curator | failing the quote check | speakers never named | length diff | mean abs diff |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    row('example', by('example')),
    row('gold', by('gold')),
    row('samples', by('samples')),
    row('**all**', lines),
    '',
    'A curator quote is recovered when at least 70 % of its character bigrams are in one proposed',
    'quote; reachable when they are in the entry’s text at all (the curator also quotes from',
    'elsewhere). A proposed quote is chosen by the curator when either quote is 70 % inside the',
    'other. Failing the quote check: proposed quotes that `kirinuki check` flags in their own',
    'entry, and proposed speakers it finds nowhere in the entry (the same check, abbreviations',
    'and names as for the curator’s lines). Length difference: proposed minus curator line, in',
    'characters.',
    '',
    ...flagList(checked),
  ];
}

/** Every flag the quote check raised on proposed lines: there should be none. */
function flagList(checked: Map<Source, ProposedCheck>): string[] {
  const flags = [...checked.values()].flatMap((c) => c.flags);
  if (flags.length === 0) return [];
  return [
    'Flags on proposed lines:',
    '',
    ...flags.map((f) =>
      f.kind === 'speaker'
        ? `- #${f.tag}: speaker ${f.speaker} never named`
        : `- #${f.tag}: ${f.speaker ?? ''}「${f.quote}」 not in the text`,
    ),
    '',
  ];
}

/** The quote check run on every proposed line, per source. */
function proposedCheck(lines: readonly LineOutcome[]): Map<Source, ProposedCheck> {
  const options = { knowledge: loadKnowledge(), abbreviations: loadAbbreviations() };
  const out = new Map<Source, ProposedCheck>();
  for (const source of new Set(lines.map((l) => l.item.source))) {
    const byEntry = new Map<Labelled, LineOutcome['proposed'][]>();
    for (const l of lines)
      if (l.item.source === source)
        byEntry.set(l.item, [...(byEntry.get(l.item) ?? []), l.proposed]);
    out.set(
      source,
      checkProposals(
        [...byEntry].map(([item, ls]) => ({ entry: item.entry, lines: ls })),
        options,
      ),
    );
  }
  return out;
}

function sideBySide(lines: LineOutcome[]): string[] {
  if (lines.length === 0) return ['(The example digest was not found: no side-by-side table.)', ''];
  return [
    '### Side by side: the example digest',
    '',
    '| # | curator | proposed |',
    '|---|---|---|',
    ...lines.map(
      (l, i) =>
        `| ${i + 1} | ${cell(l.curator.map((c) => c.raw).join('<br>'))} | ${cell(l.proposed.raw)} |`,
    ),
    '',
  ];
}

function cell(text: string): string {
  return text.replace(/\|/gu, '\\|');
}

function f(x: number): string {
  return x.toFixed(2);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await evalTagging());
