import type { Quote } from '../../src/model/index.js';
import { annotate, type Knowledge } from '../../src/nlp/index.js';
import { foldOf, hasRealSets, readRealItems } from '../real/load-real.js';
import { isAttributedQuote, speakerMatches } from '../real/score-real-quotes.js';
import type { Evaluation } from '../types.js';
import { readPassages } from './blind-eval.js';
import { TEXT_VARIANTS, type Labelled, type VariantQuote } from './text-variants.js';

/** The folds that may be read: real folds 0–2, fold 0 of the blind sets, the fourth set whole. */
function developmentTexts(): Labelled[] {
  const out: Labelled[] = [];
  if (hasRealSets())
    readRealItems().forEach((item, i) => {
      if (foldOf(i, 4) !== 3) out.push(item);
    });
  const readFold0 = [1, 3, 5, 6, 7, 8, 10, 11, 12, 13].map((n) =>
    n === 1 ? 'attribution-blind' : `attribution-blind-${n}`,
  );
  for (const set of readFold0)
    for (const p of readPassages(set)) if (p.fold === 0) out.push(withoutTerms(p));
  for (const p of readPassages('attribution-blind-4')) out.push(withoutTerms(p));
  return out;
}

function withoutTerms(p: {
  text: string;
  quotes: readonly (VariantQuote & { kind: string })[];
}): Labelled {
  return { text: p.text, quotes: p.quotes.filter((q) => q.kind !== 'term') };
}

/** For each gold quote found with its exact words, whether its speaker is right; null when not found. */
function speakersRight(item: Labelled, k: Knowledge): (boolean | null)[] {
  const found = annotate(item.text, { knowledge: k }).quotes.filter(isAttributedQuote);
  const used = new Set<Quote>();
  return item.quotes.map((g) => {
    const hit = found.find((q) => !used.has(q) && q.text === g.text);
    if (!hit) return null;
    used.add(hit);
    return speakerMatches(hit, { ...g, org: '' });
  });
}

/**
 * Who said it, on the development texts changed in ways that must not change a speaker
 * (`text-variants.ts`): for each change, the quotes found in both texts whose speaker was right
 * before and is wrong after (lost), and the other way (gained). Only folds that may be read are
 * changed, so a loss can be looked at.
 */
export function robustnessEvaluation(knowledge: Knowledge): Evaluation {
  return {
    name: 'annotation: speakers under changes that must not move them (development folds)',
    async run() {
      const texts = developmentTexts();
      const known = new Set(
        [...knowledge.byCanonical].filter(([, e]) => e.type === 'person').map(([c]) => c),
      );
      const before = texts.map((t) => speakersRight(t, knowledge));
      const rows = [
        `${texts.length} texts: real folds 0–2, fold 0 of the blind sets, the fourth blind set.`,
        '',
        '| change | texts changed | quotes compared | right before | lost | gained |',
        '|---|---|---|---|---|---|',
      ];
      for (const variant of TEXT_VARIANTS) {
        let changed = 0;
        let compared = 0;
        let right = 0;
        let lost = 0;
        let gained = 0;
        texts.forEach((t, i) => {
          const v = variant.apply(t, known);
          if (!v) return;
          changed += 1;
          const after = speakersRight(v, knowledge);
          before[i]?.forEach((was, j) => {
            const now = after[j];
            if (was === null || was === undefined || now === null || now === undefined) return;
            compared += 1;
            if (was) right += 1;
            if (was && !now) lost += 1;
            if (!was && now) gained += 1;
          });
        });
        rows.push(
          `| ${variant.name} | ${changed} | ${compared} | ${right} | ${lost} | ${gained} |`,
        );
      }
      return rows.join('\n');
    },
  };
}
