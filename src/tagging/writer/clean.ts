import type { Quote } from '../../model/index.js';
import { withoutEmoji } from './emoji.js';
import { opensWithReference } from './references.js';
import type { WritingRules } from './writing-rules.js';

/**
 * A quote as the curator writes it: lines joined, emoji and the final `。` dropped, the
 * openers of reported speech dropped (the lexicon's `reportOpeners`: reported speech often
 * opens with who reported it or where it was said, the curator's quote with what was said;
 * kept when `dropOpeners` is false), and brackets inside turned into 『』 — or dropped from
 * reported speech, where they were the outlet's marks rather than the speaker's.
 *
 * @example
 * cleanQuote({ ...q, kind: 'speech', text: '「最終案」は受け入れない。' }, rules); // '『最終案』は受け入れない'
 */
export function cleanQuote(
  q: Pick<Quote, 'kind' | 'text'>,
  rules: WritingRules,
  dropOpeners = true,
): string {
  let text = withoutEmoji(q.text)
    .replace(/\s*\n\s*/gu, '')
    .trim();
  if (q.kind === 'indirect') {
    if (dropOpeners)
      for (const opener of rules.reportOpeners) {
        const rest = text.replace(opener, '');
        // An opener that carries what the rest points back to stays.
        if (!opensWithReference(rest, rules)) text = rest;
      }
    text = text.replace(/[「」]/gu, '');
  } else text = text.replace(/「/gu, '『').replace(/」/gu, '』');
  return text.replace(/[。．.]+$/u, '');
}
