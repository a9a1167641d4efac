import { goldEvaluation } from './annotation/gold-eval.js';
import { blindAttributionEvaluation } from './annotation/blind-eval.js';
import { curatorEvaluation } from './annotation/curator-eval.js';
import { robustnessEvaluation } from './annotation/robustness-eval.js';
import { loadKnowledge } from '../src/nlp/index.js';
import { quoteCheckEvaluation } from './real/quote-check-eval.js';
import { realQuotesEvaluation } from './real/quotes-eval.js';
import { realTaggingEvaluation } from './real/tagging-eval.js';
import { evalStories } from './stories.js';
import { evalTagging } from './tagging.js';
import type { Evaluation } from './types.js';

export type { Evaluation } from './types.js';

/** Every evaluation `npm run eval` runs, in order: one entry per module of this folder. */
export function evaluations(): Evaluation[] {
  const knowledge = loadKnowledge();
  return [
    // Real text first: the gold sets were written by the people who wrote the rules.
    realQuotesEvaluation(knowledge),
    realTaggingEvaluation(),
    quoteCheckEvaluation(knowledge),
    // Written by someone who had not read the rules: the next best thing to real text.
    blindAttributionEvaluation(knowledge),
    robustnessEvaluation(knowledge),
    goldEvaluation(knowledge, 'annotation', 'gold set'),
    goldEvaluation(
      knowledge,
      'annotation-heldout',
      'held-out gold set (written after tuning; first-run figures in docs/quality.md)',
    ),
    curatorEvaluation(knowledge),
    { name: 'stories: grouping', run: evalStories },
    { name: 'tagging: suggestion and summary lines', run: evalTagging },
  ];
}
