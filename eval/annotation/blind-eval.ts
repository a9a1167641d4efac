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
type BlindPassage = z.infer<typeof BlindPassageSchema>;

/** The passages, each with its terms dropped: a term found as speech then counts as an extra quote. */
function readPassages(set: string): BlindPassage[] {
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

/**
 * Quotes and speakers on `test/gold/attribution-blind/`, `-2/`, `-3/` and `-4/`: texts written by
 * people who had not read the rules, scored as the real sets are (terms dropped from the gold,
 * so a term taken for speech is an extra quote). The first and third sets' fold 0 and the whole
 * fourth set may be read to develop rules; the first and third sets' fold 1 and the whole second
 * set (longer articles, by another writer) are held out, reported as totals only. `VERBOSE=1` lists the fold 0s' misses.
 */
export function blindAttributionEvaluation(knowledge: Knowledge): Evaluation {
  return {
    name: 'annotation: attribution texts written blind to the rules (test/gold/attribution-blind*/)',
    async run() {
      const passages = readPassages('attribution-blind');
      const articles = emptyRealScores();
      // The second writer labels only top-level brackets (its README: a quote inside a quote is
      // part of its outer quote), so quotes found inside another are not scored there.
      for (const p of readPassages('attribution-blind-2'))
        scoreRealItem(asRealItem(p), topLevel(annotate(p.text, { knowledge }).quotes), articles);
      // The third writer labels top-level brackets too, in two alternating folds.
      const third = readPassages('attribution-blind-3');
      const thirdFolds = [emptyRealScores(), emptyRealScores()] as const;
      const thirdByPattern = new Map<string, RealQuoteScores>();
      for (const p of third) {
        const quotes = topLevel(annotate(p.text, { knowledge }).quotes);
        scoreRealItem(asRealItem(p), quotes, thirdFolds[p.fold]);
        const s = thirdByPattern.get(p.pattern) ?? emptyRealScores();
        thirdByPattern.set(p.pattern, s);
        scoreRealItem(asRealItem(p), quotes, s);
      }
      // The fourth writer's set is all for development (its README): read, and reported whole.
      const fourth = readPassages('attribution-blind-4');
      const fourthScores = emptyRealScores();
      const fourthByPattern = new Map<string, RealQuoteScores>();
      for (const p of fourth) {
        const quotes = topLevel(annotate(p.text, { knowledge }).quotes);
        scoreRealItem(asRealItem(p), quotes, fourthScores);
        const s = fourthByPattern.get(p.pattern) ?? emptyRealScores();
        fourthByPattern.set(p.pattern, s);
        scoreRealItem(asRealItem(p), quotes, s);
      }
      const folds = [emptyRealScores(), emptyRealScores()] as const;
      const byPattern = new Map<string, RealQuoteScores>();
      for (const p of passages) {
        const { quotes } = annotate(p.text, { knowledge });
        const item = asRealItem(p);
        scoreRealItem(item, quotes, folds[p.fold]);
        const s = byPattern.get(p.pattern) ?? emptyRealScores();
        byPattern.set(p.pattern, s);
        scoreRealItem(item, quotes, s);
      }
      const row = (name: string, s: RealQuoteScores): string => {
        const q = prf(s);
        return `| ${name} | ${s.tp + s.fn} | ${f3(q.p)} | ${f3(q.r)} | ${f3(q.f)} | ${f3(s.speakerRight / Math.max(1, s.speakerTotal))} (${s.speakerRight}/${s.speakerTotal}) |`;
      };
      const rows = [
        `Scored as the real sets: speech, statements and fragments count; terms found as speech are extra.`,
        '',
        '| set | gold quotes | precision | recall | quote F1 | speaker of found quotes |',
        '|---|---|---|---|---|---|',
        row(
          `passages, fold 0 (may be read; ${passages.filter((p) => p.fold === 0).length})`,
          folds[0],
        ),
        row(
          `**passages, fold 1 (held out; ${passages.filter((p) => p.fold === 1).length})**`,
          folds[1],
        ),
        row('**articles, second writer (all held out)**', articles),
        row(
          `articles, third writer, fold 0 (may be read; ${third.filter((p) => p.fold === 0).length})`,
          thirdFolds[0],
        ),
        row(
          `**articles, third writer, fold 1 (held out; ${third.filter((p) => p.fold === 1).length})**`,
          thirdFolds[1],
        ),
        row(`articles, fourth writer (all read for development; ${fourth.length})`, fourthScores),
        '',
        '| passages by pattern (both folds) | gold quotes | precision | recall | quote F1 | speaker of found quotes |',
        '|---|---|---|---|---|---|',
        ...[...byPattern].sort(([a], [b]) => a.localeCompare(b)).map(([name, s]) => row(name, s)),
        '',
        '| third writer by pattern (both folds) | gold quotes | precision | recall | quote F1 | speaker of found quotes |',
        '|---|---|---|---|---|---|',
        ...[...thirdByPattern]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, s]) => row(name, s)),
        '',
        '| fourth writer by pattern | gold quotes | precision | recall | quote F1 | speaker of found quotes |',
        '|---|---|---|---|---|---|',
        ...[...fourthByPattern]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, s]) => row(name, s)),
      ];
      if (process.env.VERBOSE)
        rows.push(
          '',
          ...folds[0].misses.map((m) => `- ${m}`),
          '',
          ...thirdFolds[0].misses.map((m) => `- ${m}`),
          '',
          ...fourthScores.misses.map((m) => `- ${m}`),
        );
      return rows.join('\n');
    },
  };
}
