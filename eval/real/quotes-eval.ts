import { annotate, type Knowledge } from '../../src/nlp/index.js';
import { prf } from '../annotation/score.js';
import type { Evaluation } from '../types.js';
import { hasRealSets, readRealItems, REAL_DIR, REAL_SETS } from './load-real.js';
import { emptyRealScores, scoreRealItem, type RealQuoteScores } from './score-real-quotes.js';

const f3 = (x: number): string => x.toFixed(3);

/**
 * Quotes and speakers on the real excerpts of `../shared/real/`. Nothing is learned from them
 * (the rules and knowledge files are fixed), so the figures are over every item; `VERBOSE=1`
 * lists each miss.
 */
export function realQuotesEvaluation(knowledge: Knowledge): Evaluation {
  return {
    name: 'real news: quotes and speakers (../shared/real/)',
    async run() {
      if (!hasRealSets()) return `skipped: ${REAL_DIR} is not here (it sits beside the project).`;
      const items = readRealItems();
      const bySet = new Map<string, RealQuoteScores>();
      const all = emptyRealScores();
      for (const item of items) {
        const set = item.id.startsWith('dw') ? REAL_SETS[0] : REAL_SETS[1];
        const s = bySet.get(set) ?? emptyRealScores();
        bySet.set(set, s);
        const { quotes } = annotate(item.text, { knowledge, date: item.date ?? undefined });
        scoreRealItem(item, quotes, s);
        scoreRealItem(item, quotes, all);
      }
      const row = (name: string, s: RealQuoteScores): string => {
        const q = prf(s);
        return `| ${name} | ${s.tp + s.fn} | ${f3(q.p)} | ${f3(q.r)} | ${f3(q.f)} | ${f3(s.speakerRight / Math.max(1, s.speakerTotal))} (${s.speakerRight}/${s.speakerTotal}) |`;
      };
      const rows = [
        `Items: ${items.length}. Quotes match on their exact inner text; speech and fragments count, terms and indirect reports do not.`,
        '',
        '| set | gold quotes | precision | recall | quote F1 | speaker of found quotes |',
        '|---|---|---|---|---|---|',
        ...[...bySet].map(([name, s]) => row(name, s)),
        row('**both**', all),
        '',
        `Errors by class: ${[...all.classes].map(([c, n]) => `${c} ${n}`).join(', ')}`,
      ];
      if (process.env.VERBOSE) rows.push('', ...all.misses.map((m) => `- ${m}`));
      return rows.join('\n');
    },
  };
}
