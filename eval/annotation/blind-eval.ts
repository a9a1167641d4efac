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
 * Quotes and speakers on `test/gold/attribution-blind/` to `-13/`: texts written by people who
 * had not read the rules, scored as the real sets are (terms dropped from the gold, so a term
 * taken for speech is an extra quote). Fold 0 of the first, third, fifth to eighth and tenth to
 * thirteenth sets and the whole fourth set may be read to develop rules; fold 1 of those sets and
 * the whole second and ninth sets are held out, reported as totals only.
 * `VERBOSE=1` lists the misses of what may be read.
 */
export function blindAttributionEvaluation(knowledge: Knowledge): Evaluation {
  return {
    name: 'annotation: attribution texts written blind to the rules (test/gold/attribution-blind*/)',
    async run() {
      const first = scoreSet('attribution-blind', knowledge, false);
      const second = scoreSet('attribution-blind-2', knowledge, true);
      const third = scoreSet('attribution-blind-3', knowledge, true);
      const fourth = scoreSet('attribution-blind-4', knowledge, true);
      const fifth = scoreSet('attribution-blind-5', knowledge, true);
      const sixth = scoreSet('attribution-blind-6', knowledge, true);
      const seventh = scoreSet('attribution-blind-7', knowledge, true);
      const eighth = scoreSet('attribution-blind-8', knowledge, true);
      const ninth = scoreSet('attribution-blind-9', knowledge, true);
      const tenth = scoreSet('attribution-blind-10', knowledge, true);
      const eleventh = scoreSet('attribution-blind-11', knowledge, true);
      const twelfth = scoreSet('attribution-blind-12', knowledge, true);
      const thirteenth = scoreSet('attribution-blind-13', knowledge, true);
      const count = (s: SetScores, fold: 0 | 1): number =>
        s.passages.filter((p) => p.fold === fold).length;
      const row = (name: string, s: RealQuoteScores): string => {
        const q = prf(s);
        return `| ${name} | ${s.tp + s.fn} | ${f3(q.p)} | ${f3(q.r)} | ${f3(q.f)} | ${f3(s.speakerRight / Math.max(1, s.speakerTotal))} (${s.speakerRight}/${s.speakerTotal}) |`;
      };
      const patterns = (title: string, s: SetScores): string[] => [
        '',
        `| ${title} | gold quotes | precision | recall | quote F1 | speaker of found quotes |`,
        '|---|---|---|---|---|---|',
        ...[...s.byPattern].sort(([a], [b]) => a.localeCompare(b)).map(([n, x]) => row(n, x)),
      ];
      const rows = [
        `Scored as the real sets: speech, statements and fragments count; terms found as speech are extra.`,
        '',
        '| set | gold quotes | precision | recall | quote F1 | speaker of found quotes |',
        '|---|---|---|---|---|---|',
        row(`passages, fold 0 (may be read; ${count(first, 0)})`, first.folds[0]),
        row(`**passages, fold 1 (held out; ${count(first, 1)})**`, first.folds[1]),
        row('**articles, second writer (all held out)**', merged(...second.folds)),
        row(`articles, third writer, fold 0 (may be read; ${count(third, 0)})`, third.folds[0]),
        row(`**articles, third writer, fold 1 (held out; ${count(third, 1)})**`, third.folds[1]),
        row(
          `articles, fourth writer (all read for development; ${fourth.passages.length})`,
          fourth.folds[0],
        ),
        row(`articles, fifth writer, fold 0 (may be read; ${count(fifth, 0)})`, fifth.folds[0]),
        row(`**articles, fifth writer, fold 1 (held out; ${count(fifth, 1)})**`, fifth.folds[1]),
        row(`articles, sixth writer, fold 0 (may be read; ${count(sixth, 0)})`, sixth.folds[0]),
        row(`**articles, sixth writer, fold 1 (held out; ${count(sixth, 1)})**`, sixth.folds[1]),
        row(
          `short articles, seventh writer, fold 0 (may be read; ${count(seventh, 0)})`,
          seventh.folds[0],
        ),
        row(
          `**short articles, seventh writer, fold 1 (held out; ${count(seventh, 1)})**`,
          seventh.folds[1],
        ),
        row(`articles, eighth writer, fold 0 (may be read; ${count(eighth, 0)})`, eighth.folds[0]),
        row(`**articles, eighth writer, fold 1 (held out; ${count(eighth, 1)})**`, eighth.folds[1]),
        row(
          `**articles, ninth writer (all held out; ${ninth.passages.length})**`,
          merged(...ninth.folds),
        ),
        row(`articles, tenth writer, fold 0 (may be read; ${count(tenth, 0)})`, tenth.folds[0]),
        row(`**articles, tenth writer, fold 1 (held out; ${count(tenth, 1)})**`, tenth.folds[1]),
        row(
          `posts, eleventh writer, fold 0 (may be read; ${count(eleventh, 0)})`,
          eleventh.folds[0],
        ),
        row(
          `**posts, eleventh writer, fold 1 (held out; ${count(eleventh, 1)})**`,
          eleventh.folds[1],
        ),
        row(
          `excerpts, twelfth writer, fold 0 (may be read; ${count(twelfth, 0)})`,
          twelfth.folds[0],
        ),
        row(
          `**excerpts, twelfth writer, fold 1 (held out; ${count(twelfth, 1)})**`,
          twelfth.folds[1],
        ),
        row(
          `excerpts, thirteenth writer, fold 0 (may be read; ${count(thirteenth, 0)})`,
          thirteenth.folds[0],
        ),
        row(
          `**excerpts, thirteenth writer, fold 1 (held out; ${count(thirteenth, 1)})**`,
          thirteenth.folds[1],
        ),
        ...patterns('passages by pattern (both folds)', first),
        ...patterns('third writer by pattern (both folds)', third),
        ...patterns('fourth writer by pattern', fourth),
        ...patterns('fifth writer by outlet style (both folds)', fifth),
        ...patterns('sixth writer by outlet style (both folds)', sixth),
        ...patterns('seventh writer by outlet style (both folds)', seventh),
        ...patterns('eighth writer by outlet style (both folds)', eighth),
        ...patterns('tenth writer by outlet style (both folds)', tenth),
        ...patterns('eleventh writer by source style (both folds)', eleventh),
        ...patterns('twelfth writer by outlet style (both folds)', twelfth),
        ...patterns('thirteenth writer by outlet style (both folds)', thirteenth),
      ];
      if (process.env.VERBOSE)
        rows.push(
          '',
          ...[
            first.folds[0],
            third.folds[0],
            fourth.folds[0],
            fifth.folds[0],
            sixth.folds[0],
            seventh.folds[0],
            eighth.folds[0],
            tenth.folds[0],
            eleventh.folds[0],
            twelfth.folds[0],
            thirteenth.folds[0],
          ].flatMap((s) => ['', ...s.misses.map((m) => `- ${m}`)]),
        );
      return rows.join('\n');
    },
  };
}
