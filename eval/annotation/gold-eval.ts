import { fileURLToPath } from 'node:url';
import { annotate, type Knowledge } from '../../src/nlp/index.js';
import type { Evaluation } from '../types.js';
import { readGold } from './gold.js';
import { emptyScores, prf, scoreItem } from './score.js';

const goldDir = (name: string): string =>
  fileURLToPath(new URL(`../../test/gold/${name}/`, import.meta.url));
const pct = (x: number): string => x.toFixed(3);

/**
 * Quote, speaker and entity scores on a hand-written gold set (`test/gold/<name>/*.jsonl`).
 * `VERBOSE=1` lists every miss.
 */
export function goldEvaluation(knowledge: Knowledge, name: string, title: string): Evaluation {
  return {
    name: `annotation: ${title}`,
    async run() {
      const items = readGold(goldDir(name));
      const s = emptyScores();
      for (const item of items)
        scoreItem(item, annotate(item.text, { knowledge, date: item.date }), s);
      const q = prf(s.quotes);
      const rows = [
        `Gold items: ${items.length} (test/gold/${name}/*.jsonl)`,
        '',
        '| measure | precision | recall | F1 |',
        '|---|---|---|---|',
        `| quote spans (${s.quotes.tp + s.quotes.fn} gold) | ${pct(q.p)} | ${pct(q.r)} | ${pct(q.f)} |`,
        ...[...s.entities].sort().map(([type, c]) => {
          const e = prf(c);
          return `| entities: ${type} (${c.tp + c.fn} gold) | ${pct(e.p)} | ${pct(e.r)} | ${pct(e.f)} |`;
        }),
        '',
        `Speaker accuracy (canonical, over matched quotes): ${pct(s.speakerRight / Math.max(1, s.speakerTotal))} (${s.speakerRight}/${s.speakerTotal})`,
        `Alias accuracy (canonical, over matched entities): ${pct(s.aliasRight / Math.max(1, s.aliasTotal))} (${s.aliasRight}/${s.aliasTotal})`,
        `Hard negatives quoted as speech: ${s.termsWronglyQuoted}/${s.termsTotal}`,
      ];
      if (process.env.VERBOSE) rows.push('', ...s.misses.map((m) => `- ${m}`));
      return rows.join('\n');
    },
  };
}
