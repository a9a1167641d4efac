import type { Quote } from '../../model/index.js';
import { cleanQuote } from './clean.js';
import { withoutEmoji } from './emoji.js';
import { opensWithReference } from './references.js';
import { previousSentence, sentenceStart } from './source-text.js';
import type { WritingRules } from './writing-rules.js';

// The sentence a dangling quote needs in front of it is taken only when it is short enough to
// stand in a line, and only for reported speech (a quotation's own words cannot be extended).
const MAX_ANTECEDENT = 80;

/** A quote's text as it can stand in a line. */
export interface Standing {
  text: string;
  /**
   * The source the text now credits (`ビルト紙が紹介した文書`), written as the speaker in place of
   * the annotated one; null when the quote stands with its own speaker.
   */
  credit: string | null;
}

/**
 * A quote's text as it can stand in a line, or null when it cannot. A quote that opens by
 * pointing back (`それは…`) means nothing alone; reported speech of that kind takes the start of
 * its sentence and the sentence before, which it refers to, when that sentence names its
 * source (`<source>によると…`): the source is who the line credits, and the rest is quoted —
 * `文書によるとA。シナリオによれば、それはB` becomes `文書「A。シナリオによれば、それはB」`. A
 * sentence before that names no source would leave the line with words and nobody who said
 * them, so such a quote is left out, as is a quotation proper that points back.
 *
 * @example
 * standAlone(quote, text, rules); // { text: 'Aに備えている。シナリオによれば、それは夏に起こる', credit: '独紙' }
 */
export function standAlone(q: Quote, source: string, rules: WritingRules): Standing | null {
  const text = cleanQuote(q, rules);
  if (!opensWithReference(text, rules)) return { text, credit: null };
  if (q.kind !== 'indirect' || source.slice(q.start, q.end) !== q.text) return null;
  const from = sentenceStart(source, q.start);
  const before = previousSentence(source, from);
  if (before === null || before.length > MAX_ANTECEDENT || /[「『]/u.test(before)) return null;
  const credited = rules.credited.exec(withoutEmoji(before).trim());
  const credit = credited?.[1]?.trim() ?? '';
  const said = credited?.[2] ?? '';
  if (credit.length < 2 || said === '') return null;
  const sentence = cleanQuote({ kind: 'indirect', text: source.slice(from, q.end) }, rules, false);
  const antecedent = cleanQuote({ kind: 'indirect', text: said }, rules, false);
  if (opensWithReference(antecedent, rules)) return null;
  return { text: `${antecedent}。${sentence}`, credit };
}
