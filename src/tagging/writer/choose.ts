import { bigramSet, coverage } from './bigrams.js';
import type { Candidate } from './quotes.js';
import type { SummaryStyle } from './style.js';
import { trimQuote } from './trim.js';

// A further quote must be worth this share of the best one, unless it is news in itself.
const WORTH = 0.4;
// A headline's condensed quote and the full one in the body share this much: keep one.
const SAME_QUOTE = 0.6;
// However long a statement runs on, a line holds at most this many times the style's count.
const MOST = 2;

/**
 * The quotes of a line, in text order: the best one always; then, best first, the words of
 * the speakers an outlet's headline names (the news itself) up to the style's quote count
 * whatever the budget, and other quotes worth a share of the best where they fit the budget.
 * Other speakers are preferred to more of the same one as the curator's habit says. For a
 * curator who strings one speaker's words together and writes more than one quote a line, a
 * statement the text goes on reporting sentence after sentence (the speaker carried over, or
 * `同氏`) is one statement: its further quotes do not count against the quote count, up to
 * twice it, as such a curator quotes `「…」「…」「…」` of one announcement. One passage of a
 * long quotation per line. A quote that speaks to another of the entry's tags may lead a line
 * that has nothing better, never pad one; a quote that fails the quote check (`stands`) never
 * goes in. Each quote is cut to the style's longest at a sentence end.
 *
 * @example
 * chooseQuotes(candidates, style, 140, quoteCheck(entry)).map((c) => c.text);
 */
export function chooseQuotes(
  candidates: readonly Candidate[],
  style: SummaryStyle,
  budget: number,
  stands: (quote: string) => boolean,
): Candidate[] {
  const chosen: Candidate[] = [];
  const left = new Set(candidates);
  let room = budget;
  const best = candidates[0]?.score ?? 0;
  let statements = 0;
  const strings = sameSpeakerFactor(style) === 1 && style.maxQuotes > 1;
  while (chosen.length < MOST * style.maxQuotes && left.size > 0) {
    const next = bestOf(left, chosen, sameSpeakerFactor(style));
    if (!next) break;
    left.delete(next.candidate);
    const c = next.candidate;
    const goesOn = strings && continues(c, chosen);
    if (!goesOn && statements >= style.maxQuotes) continue;
    if (chosen.length > 0 && c.elsewhere) continue;
    // One passage of a long quotation per line: a second would be the same speech again.
    if (chosen.some((o) => o.whole === c.whole)) continue;
    const news = chosen.length === 0 || c.headliner;
    if (!news && next.score < WORTH * best) continue;
    const b = bigramSet(c.text);
    if (chosen.some((o) => coverage(b, bigramSet(o.text)) >= SAME_QUOTE)) continue;
    const text = trimQuote(c.text, style.maxQuoteLength);
    if (!stands(text)) continue;
    const speakerCost = chosen.some((o) => o.speaker === c.speaker)
      ? 0
      : (c.speaker?.length ?? 0) + 1;
    const cost = speakerCost + text.length + 2;
    if (!news && cost > room) continue;
    chosen.push({ ...c, text });
    room -= cost;
    if (!goesOn) statements += 1;
  }
  return chosen.sort((a, b) => a.quote.start - b.quote.start);
}

/**
 * The room for a line's quotes: the learned quote budget, or, for a style stored before it was
 * learned, what the context keywords leave of the line's length budget.
 *
 * @example
 * quoteBudget({ ...style, quoteBudget: undefined, lengthBudget: 100 }, ['国防相会合']); // 94
 */
export function quoteBudget(style: SummaryStyle, contexts: readonly string[]): number {
  if (style.quoteBudget !== undefined) return style.quoteBudget;
  return style.lengthBudget - contexts.reduce((n, c) => n + c.length + 1, 0);
}

/** Whether a quote goes on with a statement already in the line: its speaker carried on. */
function continues(c: Candidate, chosen: readonly Candidate[]): boolean {
  const carried = c.quote.attribution === 'carried' || c.quote.attribution === 'coreference';
  return carried && c.speaker !== null && chosen.some((o) => o.speaker === c.speaker);
}

/**
 * How much a further quote of an already quoted speaker counts: a curator who mostly gives one
 * quote per speaker sets one side against the other (half); one who strings a speaker's words
 * together does not mind (full).
 */
function sameSpeakerFactor(style: SummaryStyle): number {
  return Math.min(1, Math.max(0.5, style.quotesPerSpeaker - 0.5));
}

function bestOf(
  left: ReadonlySet<Candidate>,
  chosen: readonly Candidate[],
  same: number,
): { candidate: Candidate; score: number } | null {
  let top: { candidate: Candidate; score: number } | null = null;
  for (const c of left) {
    const score = c.score * (chosen.some((o) => o.speaker === c.speaker) ? same : 1);
    if (
      !top ||
      score > top.score ||
      (score === top.score && c.quote.start < top.candidate.quote.start)
    )
      top = { candidate: c, score };
  }
  return top;
}
