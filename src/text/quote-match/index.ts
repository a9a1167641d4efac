/** Whether a curator's quote stands in its entry's text (`kirinuki check`, proposed lines). */
export { matchQuote, prepareQuoteText, type PreparedQuoteText } from './match-quote.js';
export { quotePieces } from './split-pieces.js';
export type {
  Abbreviations,
  NearestPassage,
  QuoteMatch,
  QuoteMatchOptions,
  QuotePiece,
} from './types.js';
