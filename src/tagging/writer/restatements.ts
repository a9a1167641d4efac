import type { Quote } from '../../model/index.js';
import { contentBigrams, coverage } from './bigrams.js';
import { sameSpeaker } from './same-speaker.js';

// A run of sentence ends (`。`, `！`, a line break, or several together) closes one sentence.
const SENTENCE_ENDS = /[。！？!?\n]+/gu;

// Half the content of the reported statement is in the quotation: it says the same thing.
const SAME_CONTENT = 0.5;

/**
 * The reported speech that restates a quotation: `同氏は今後も支援すると表明。「支援は今後もずっと
 * 受けられる」`. A statement reported without brackets in the same or the next sentence as a
 * longer quotation of the same speaker, most of its content words in it, is the outlet's gloss
 * on it; the curator quotes the speaker's own words instead. A reported statement that adds
 * something (`…主導権を握る必要があると強調した` after a quotation on another point) stays.
 *
 * @example
 * restatements(quotes, text); // Set { the indirect quote that glosses the next quotation }
 */
export function restatements(quotes: readonly Quote[], text: string): Set<Quote> {
  const out = new Set<Quote>();
  for (const q of quotes) {
    if (q.kind !== 'indirect') continue;
    const glossed = quotes.some(
      (s) =>
        s.kind === 'speech' &&
        sameSpeaker(q, s) &&
        s.text.length > q.text.length &&
        sentencesBetween(text, q, s) <= 1 &&
        coverage(contentBigrams(q.text), contentBigrams(s.text)) >= SAME_CONTENT,
    );
    if (glossed) out.add(q);
  }
  return out;
}

/** How many sentence ends stand between two quotes that do not overlap (0: one sentence). */
function sentencesBetween(text: string, a: Quote, b: Quote): number {
  if (a.start < b.end && b.start < a.end) return Number.POSITIVE_INFINITY;
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return (text.slice(first.end, second.start).match(SENTENCE_ENDS) ?? []).length;
}
