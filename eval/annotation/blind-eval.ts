import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Quote } from '../../src/model/index.js';
import { annotate, type Knowledge } from '../../src/nlp/index.js';
import type { Evaluation } from '../types.js';
import { emptyRealScores, scoreRealItem, type RealQuoteScores } from '../real/score-real-quotes.js';
import type { RealItem } from '../real/load-real.js';
import { prf } from './score.js';

const goldFile = (set: string): string =>
  fileURLToPath(new URL(`../../test/gold/${set}/passages.jsonl`, import.meta.url));

const BlindPassageSchema = z.object({
  id: z.string(),
  fold: z.union([z.literal(0), z.literal(1)]),
  pattern: z.string(),
  text: z.string(),
  quotes: z.array(
    z.object({
      text: z.string(),
      speaker: z.string(),
      canonical: z.string(),
      org: z.string(),
      kind: z.enum(['speech', 'statement', 'fragment', 'term']),
    }),
  ),
});
export type BlindPassage = z.infer<typeof BlindPassageSchema>;

/** The passages, each with its terms dropped: a term found as speech then counts as an extra quote. */
export function readPassages(set: string): BlindPassage[] {
  return readFileSync(goldFile(set), 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const parsed = BlindPassageSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`eval: ${set}/passages.jsonl:${i + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
}

function asRealItem(p: BlindPassage): RealItem {
  return {
    id: p.id,
    url: '',
    text: p.text,
    date: null,
    tags: ['-'],
    quotes: p.quotes.filter((q) => q.kind !== 'term'),
    entities: { people: [], places: [], orgs: [] },
  };
}

const f3 = (x: number): string => x.toFixed(3);

/** The quotes that lie inside no other bracketed quote (reported speech is no bracket). */
function topLevel(quotes: readonly Quote[]): Quote[] {
  const outer = quotes.filter((q) => q.kind !== 'indirect');
  return quotes.filter((q) => !outer.some((o) => o !== q && o.start < q.start && q.end <= o.end));
}

/** A set's scores: by fold, and by pattern over both folds. */
interface SetScores {
  passages: BlindPassage[];
  folds: readonly [RealQuoteScores, RealQuoteScores];
  byPattern: Map<string, RealQuoteScores>;
}

/**
 * Scores one set. `topLevelOnly`: the writer labels only top-level brackets (a quote inside a
 * quote is part of its outer quote), so quotes found inside another are not scored.
 */
function scoreSet(set: string, knowledge: Knowledge, topLevelOnly: boolean): SetScores {
  const passages = readPassages(set);
  const folds = [emptyRealScores(), emptyRealScores()] as const;
  const byPattern = new Map<string, RealQuoteScores>();
  for (const p of passages) {
    const { quotes } = annotate(p.text, { knowledge });
    const scored = topLevelOnly ? topLevel(quotes) : quotes;
    const item = asRealItem(p);
    scoreRealItem(item, scored, folds[p.fold]);
    const s = byPattern.get(p.pattern) ?? emptyRealScores();
    byPattern.set(p.pattern, s);
    scoreRealItem(item, scored, s);
  }
  return { passages, folds, byPattern };
}

/** Both folds' scores together. */
function merged(a: RealQuoteScores, b: RealQuoteScores): RealQuoteScores {
  const out = emptyRealScores();
  for (const s of [a, b]) {
    out.tp += s.tp;
    out.fp += s.fp;
    out.fn += s.fn;
    out.speakerRight += s.speakerRight;
    out.speakerTotal += s.speakerTotal;
  }
  return out;
}

/**
 * The blind sets in the order they are reported: where each lives, how its rows are named, which
 * of its items may be read (`folds`: fold 0 read, fold 1 held out; `read`: all read; `held`: all
 * held out), whether only top-level brackets are labelled, and the title of its table by pattern.
 */
const BLIND_SETS: readonly {
  dir: string;
  name: string;
  use: 'folds' | 'read' | 'held';
  /** For a set held out whole: whether its row gives the number of items. */
  counted?: boolean;
  topLevelOnly: boolean;
  patterns: string | null;
}[] = [
  { dir: '', name: 'passages', use: 'folds', topLevelOnly: false, patterns: 'passages by pattern (both folds)' },
  { dir: '-2', name: 'articles, second writer', use: 'held', topLevelOnly: true, patterns: null },
  { dir: '-3', name: 'articles, third writer', use: 'folds', topLevelOnly: true, patterns: 'third writer by pattern (both folds)' },
  { dir: '-4', name: 'articles, fourth writer', use: 'read', topLevelOnly: true, patterns: 'fourth writer by pattern' },
  { dir: '-5', name: 'articles, fifth writer', use: 'folds', topLevelOnly: true, patterns: 'fifth writer by outlet style (both folds)' },
  { dir: '-6', name: 'articles, sixth writer', use: 'folds', topLevelOnly: true, patterns: 'sixth writer by outlet style (both folds)' },
  { dir: '-7', name: 'short articles, seventh writer', use: 'folds', topLevelOnly: true, patterns: 'seventh writer by outlet style (both folds)' },
  { dir: '-8', name: 'articles, eighth writer', use: 'folds', topLevelOnly: true, patterns: 'eighth writer by outlet style (both folds)' },
  { dir: '-9', name: 'articles, ninth writer', use: 'held', counted: true, topLevelOnly: true, patterns: null },
  { dir: '-10', name: 'articles, tenth writer', use: 'folds', topLevelOnly: true, patterns: 'tenth writer by outlet style (both folds)' },
  { dir: '-11', name: 'posts, eleventh writer', use: 'folds', topLevelOnly: true, patterns: 'eleventh writer by source style (both folds)' },
  { dir: '-12', name: 'excerpts, twelfth writer', use: 'folds', topLevelOnly: true, patterns: 'twelfth writer by outlet style (both folds)' },
  { dir: '-13', name: 'excerpts, thirteenth writer', use: 'folds', topLevelOnly: true, patterns: 'thirteenth writer by outlet style (both folds)' },
]; // prettier-ignore

/**
 * Quotes and speakers on `test/gold/attribution-blind/` to `-13/` (`BLIND_SETS`): texts written by
 * people who had not read the rules, scored as the real sets are (terms dropped from the gold, so
 * a term taken for speech is an extra quote). What may be read is used to develop rules; what is
 * held out is reported as totals only. `VERBOSE=1` lists the misses of what may be read.
 */
export function blindAttributionEvaluation(knowledge: Knowledge): Evaluation {
  return {
    name: 'annotation: attribution texts written blind to the rules (test/gold/attribution-blind*/)',
    async run() {
      const row = (name: string, s: RealQuoteScores): string => {
        const q = prf(s);
        return `| ${name} | ${s.tp + s.fn} | ${f3(q.p)} | ${f3(q.r)} | ${f3(q.f)} | ${f3(s.speakerRight / Math.max(1, s.speakerTotal))} (${s.speakerRight}/${s.speakerTotal}) |`;
      };
      const header = (title: string): string[] => [
        `| ${title} | gold quotes | precision | recall | quote F1 | speaker of found quotes |`,
        '|---|---|---|---|---|---|',
      ];
      const rows: string[] = [
        `Scored as the real sets: speech, statements and fragments count; terms found as speech are extra.`,
        '',
        ...header('set'),
      ];
      const tables: string[] = [];
      const misses: RealQuoteScores[] = [];
      for (const set of BLIND_SETS) {
        const s = scoreSet(`attribution-blind${set.dir}`, knowledge, set.topLevelOnly);
        const count = (fold: 0 | 1): number => s.passages.filter((p) => p.fold === fold).length;
        if (set.use === 'folds') {
          rows.push(row(`${set.name}, fold 0 (may be read; ${count(0)})`, s.folds[0]));
          rows.push(row(`**${set.name}, fold 1 (held out; ${count(1)})**`, s.folds[1]));
          misses.push(s.folds[0]);
        } else if (set.use === 'read') {
          rows.push(
            row(`${set.name} (all read for development; ${s.passages.length})`, s.folds[0]),
          );
          misses.push(s.folds[0]);
        } else {
          const n = set.counted === true ? `; ${s.passages.length}` : '';
          rows.push(row(`**${set.name} (all held out${n})**`, merged(...s.folds)));
        }
        if (set.patterns !== null)
          tables.push(
            '',
            ...header(set.patterns),
            ...[...s.byPattern].sort(([a], [b]) => a.localeCompare(b)).map(([n, x]) => row(n, x)),
          );
      }
      rows.push(...tables);
      if (process.env.VERBOSE)
        rows.push('', ...misses.flatMap((s) => ['', ...s.misses.map((m) => `- ${m}`)]));
      return rows.join('\n');
    },
  };
}
