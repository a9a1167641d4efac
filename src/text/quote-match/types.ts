import type { Span } from '../../model/index.js';

/**
 * Short forms a curator writes for a longer word, short → long forms: `{ "ウク": ["ウクライナ"] }`.
 * Loaded from `data/text/abbreviations.json` at the edge (pipeline) and passed in.
 */
export type Abbreviations = Readonly<Record<string, readonly string[]>>;

/** How {@link matchQuote} compares a quote with a text. */
export interface QuoteMatchOptions {
  /** Short forms that stand for longer ones on either side (`ウク` = `ウクライナ`). */
  abbreviations?: Abbreviations;
  /**
   * Groups of forms that count as the same word, such as the names one person goes by in the
   * text (`キム`, `キム・ジョンウン`, `金正恩`): a curator writes any of them.
   */
  equivalents?: readonly (readonly string[])[];
}

/** The passage of the text most like a quote or piece, by character-bigram overlap. */
export interface NearestPassage extends Span {
  /** The passage as it stands in the original text. */
  text: string;
  /** Dice overlap of character bigrams after normalisation, 0–1. */
  similarity: number;
}

/** One piece of a quote: the quote split at 。、, ellipses and nested brackets. */
export interface QuotePiece extends Span {
  /** The piece as it stands in the quote; `start`/`end` are its range in the quote. */
  text: string;
  /** Where the piece stands in the original text, or null when it does not. */
  found: Span | null;
  /** For a missing piece, the passage of the text nearest to it; null otherwise. */
  nearest: NearestPassage | null;
}

/** What {@link matchQuote} found. */
export interface QuoteMatch {
  /** Whether every piece stands in the text. */
  passes: boolean;
  pieces: QuotePiece[];
  /** For a failing quote, the passage of the text nearest to the whole quote; null when it passes. */
  nearest: NearestPassage | null;
}
