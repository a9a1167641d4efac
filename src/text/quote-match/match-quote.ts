import { compileContraction, contract, type Contraction } from './abbreviations.js';
import { matchView, type MatchView } from './match-view.js';
import { nearestPassage } from './nearest-passage.js';
import { quotePieces } from './split-pieces.js';
import type { Span } from '../../model/index.js';
import type { QuoteMatch, QuoteMatchOptions, QuotePiece } from './types.js';

/**
 * A text prepared once for many quotes (see {@link prepareQuoteText}): its views with and
 * without asides, abbreviations contracted.
 */
export interface PreparedQuoteText {
  readonly source: string;
  readonly views: readonly MatchView[];
  readonly contraction: Contraction;
}

const NOTHING: Contraction = { pattern: null, keyOf: new Map() };
const compiled = new WeakMap<object, Contraction>();
const toView = (s: string): string => matchView(s, false).text;

function contractionOf(options: QuoteMatchOptions | undefined): Contraction {
  const a = options?.abbreviations ?? {};
  const e = options?.equivalents ?? [];
  if (e.length > 0) return compileContraction(a, e, toView);
  if (options?.abbreviations === undefined) return NOTHING;
  // The abbreviations are usually one object for a whole run: compile them once.
  let c = compiled.get(a);
  if (c === undefined) {
    c = compileContraction(a, [], toView);
    compiled.set(a, c);
  }
  return c;
}

/**
 * Prepares `text` for {@link matchQuote}: do it once per entry when checking several quotes.
 *
 * @example
 * const prepared = prepareQuoteText(entryText, { abbreviations });
 * matchQuote('ウクは勝つ', prepared, { abbreviations }).passes;
 */
export function prepareQuoteText(text: string, options?: QuoteMatchOptions): PreparedQuoteText {
  const contraction = contractionOf(options);
  const whole = contract(matchView(text, false), contraction);
  if (!/[(（]/.test(text)) return { source: text, views: [whole], contraction };
  const withoutAsides = contract(matchView(text, true), contraction);
  const views = withoutAsides.text === whole.text ? [whole] : [whole, withoutAsides];
  return { source: text, views, contraction };
}

/**
 * Whether a curator's quote stands in a text. The quote passes when each of its pieces (split at
 * 。、, ellipses and nested brackets) stands in the text after normalisation — width, case,
 * kana variants, white space, line breaks, brackets, punctuation and emoji do not count — and
 * up to `options.abbreviations` (`ウク` = `ウクライナ`) and asides in round brackets on either
 * side. Each piece comes with its `[start, end)` range in the text or, when missing, the
 * nearest passage; a failing quote also gets the passage nearest to it as a whole. Given a
 * {@link PreparedQuoteText}, the abbreviations and equivalents it was prepared with apply.
 *
 * @example
 * matchQuote('ウクは勝つ。支援は続く', '「ウクライナは勝つ」\n支援は続く🇺🇦', {
 *   abbreviations: { ウク: ['ウクライナ'] },
 * }).passes; // true
 */
export function matchQuote(
  quote: string,
  text: string | PreparedQuoteText,
  options?: QuoteMatchOptions,
): QuoteMatch {
  const prepared = typeof text === 'string' ? prepareQuoteText(text, options) : text;
  const pieces: QuotePiece[] = [];
  for (const p of quotePieces(quote)) {
    const views = pieceViews(p.text, prepared.contraction);
    // A piece of nothing but punctuation or emoji has nothing to look for.
    if ((views[0] as MatchView).text === '') continue;
    const found = findPiece(views, prepared);
    const primary = views[0] as MatchView;
    const nearest = found
      ? null
      : nearestPassage(primary, prepared.views[0] as MatchView, prepared.source);
    pieces.push({ ...p, found, nearest });
  }
  const passes = pieces.every((p) => p.found !== null);
  if (passes) return { passes, pieces, nearest: null };
  const whole = contract(matchView(quote, false), prepared.contraction);
  const nearest = nearestPassage(whole, prepared.views[0] as MatchView, prepared.source);
  return { passes, pieces, nearest };
}

/** The piece as written, and without its own asides when it has any. */
function pieceViews(piece: string, c: Contraction): MatchView[] {
  const whole = contract(matchView(piece, false), c);
  const withoutAsides = contract(matchView(piece, true), c);
  return withoutAsides.text === whole.text || withoutAsides.text === ''
    ? [whole]
    : [whole, withoutAsides];
}

function findPiece(pieces: readonly MatchView[], prepared: PreparedQuoteText): Span | null {
  for (const view of prepared.views) {
    for (const piece of pieces) {
      const i = view.text.indexOf(piece.text);
      if (i !== -1)
        return {
          start: view.starts[i] as number,
          end: view.ends[i + piece.text.length - 1] as number,
        };
    }
  }
  return null;
}
