import type { Quote } from '../../model/index.js';
import { cleanQuote } from './clean.js';
import { sameSpeaker } from './same-speaker.js';
import type { WritingRules } from './writing-rules.js';

/**
 * The reported speech that only says a meeting took place (`…と経済状況について協議した`, the
 * lexicon's `meetingReports`) by a speaker whose own words the entry also quotes: those words
 * are the statement the curator quotes, and the meeting is how the outlet led up to them. A
 * report of talks by someone not quoted otherwise is the news itself and stays.
 *
 * @example
 * meetingReports(quotes, rules); // Set { the indirect `…と協議した` before a quotation of theirs }
 */
export function meetingReports(quotes: readonly Quote[], rules: WritingRules): Set<Quote> {
  const out = new Set<Quote>();
  for (const q of quotes) {
    if (q.kind !== 'indirect' || !rules.meetingReport.test(cleanQuote(q, rules))) continue;
    if (quotes.some((s) => s.kind === 'speech' && sameSpeaker(s, q))) out.add(q);
  }
  return out;
}
