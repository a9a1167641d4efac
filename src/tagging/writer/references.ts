import type { WritingRules } from './writing-rules.js';

/**
 * Whether a quote opens with a reference to something outside it (`それは…`, `この措置は…`,
 * `同氏は…`, the lexicon's `pointingBack`): without the sentence before it, such a quote means
 * nothing, and in a summary line it dangles.
 *
 * @example
 * opensWithReference('それは2025年夏に起こる', rules); // true
 * opensWithReference('それぞれの国が決める', rules); // false
 */
export function opensWithReference(quote: string, rules: WritingRules): boolean {
  return rules.pointingBack.test(quote.trimStart());
}

/**
 * A sentence without the connective that ties it to the one before (the lexicon's
 * `connectives`), for a line where it stands alone and the connective would lead nowhere:
 * `しかし計画は実情とかけ離れている` → `計画は実情とかけ離れている`.
 *
 * @example
 * withoutConnective('しかし、計画は遅れている', rules); // '計画は遅れている'
 */
export function withoutConnective(sentence: string, rules: WritingRules): string {
  return sentence.trimStart().replace(rules.connective, '');
}
