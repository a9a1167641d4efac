import type { Entry } from '../../model/index.js';
import { matchQuote, prepareQuoteText } from '../../text/index.js';
import { annotatedText } from './source-text.js';

/**
 * The quote check of `kirinuki check`, for the writer's own quotes: whether a quote stands in
 * the entry's text, piece by piece (split at 。、 and ellipses), ignoring width, brackets, emoji,
 * white space and line breaks. A proposed line whose quote failed it would be published with
 * words nobody wrote. No abbreviations: the writer never shortens a word, so a quote of its
 * own must stand as written. The text is prepared once per entry.
 *
 * @example
 * const stands = quoteCheck(entry);
 * stands('運用益の活用は最後の手段だ'); // true when the entry's text says so
 */
export function quoteCheck(entry: Entry): (quote: string) => boolean {
  const prepared = prepareQuoteText(annotatedText(entry));
  return (quote) => matchQuote(quote, prepared).passes;
}
