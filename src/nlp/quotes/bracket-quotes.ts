import type { Quote } from '../../model/index.js';
import type { Knowledge } from '../knowledge/index.js';
import type { Bracket } from './brackets.js';
import {
  bracketCandidates,
  chooseSpeaker,
  STATEMENT_ISSUER,
  WEIGHT,
  type Chosen,
  type PreviousQuote,
} from './candidates.js';
import { classifyQuote, type QuoteClass } from './classify.js';
import type { Discourse } from './discourse.js';
import { isTitleLine } from './headline.js';
import { UNKNOWN, type Speaker } from './speaker.js';

/** A quote found so far, with the score of its speaker (for the headline pass). */
export interface Attributed {
  quote: Quote;
  score: number;
  titleLine: boolean;
}

/** A bracketed quote with the brackets it stands in (and those nested in them). */
export interface BracketQuote extends Attributed {
  bracket: Bracket;
}

/**
 * A quote whose speaker is at least this certain hands that speaker on to the next quotes, and
 * so does the issuer of a statement it quotes (`声明では「…」。また「…」と強調した`).
 */
const STRONG = WEIGHT.topic;

/**
 * Bracketed quotations, a run at a time: quotes said together (`「…」「…」と述べた`) share the
 * class and the speaker of the run's last quote, which carries the verb. `inQuote` reads the
 * words of a quote as a text of their own (the quotes nested in it): no line of it is a
 * headline, and no speaker is carried into it from before.
 *
 * @example
 * bracketQuotes(text, layoutOf(text).brackets, discourse, k)[0]?.quote.speaker; // 'ペスコフ報道官'
 */
export function bracketQuotes(
  text: string,
  brackets: readonly Bracket[],
  d: Discourse,
  k: Knowledge,
  inQuote = false,
): BracketQuote[] {
  const out: BracketQuote[] = [];
  let previous: PreviousQuote | null = null;
  for (const run of quoteRuns(text, brackets)) {
    const first = run[0];
    const last = run[run.length - 1];
    if (!first || !last) continue;
    const classes = run.map((b) => classify(text, b, d, k, inQuote));
    const lastClass = classes[classes.length - 1] ?? classes[0];
    if (!lastClass) continue;
    const sentence = d.sentences.indexOf(first.open);
    const site = { open: first.open, close: last.close, sentence, cls: lastClass };
    let chosen: Chosen | null | undefined;
    run.forEach((b, i) => {
      const own = classes[i] ?? lastClass;
      const kind = runKind(own, lastClass);
      const inner = { start: b.open + 1, end: b.close, text: text.slice(b.open + 1, b.close) };
      const titleLine = !inQuote && onTitleLine(text, b, d);
      if (kind === 'term') {
        out.push({
          quote: { ...inner, kind, verb: null, ...UNKNOWN, reasons: [] },
          score: 0,
          titleLine,
          bracket: b,
        });
        return;
      }
      chosen ??= chooseSpeaker(bracketCandidates(text, site, d, k, previous, inQuote));
      const who = asAttributed(chosen);
      const verb = own.kind === 'term' ? lastClass.verb : own.verb;
      out.push({
        quote: { ...inner, kind, verb, ...who },
        score: chosen?.score ?? 0,
        titleLine,
        bracket: b,
      });
    });
    if (chosen && (chosen.score >= STRONG || chosen.reasons[0] === STATEMENT_ISSUER))
      previous = { speaker: chosen.speaker, at: first.open };
  }
  return out;
}

function classify(
  text: string,
  b: Bracket,
  d: Discourse,
  k: Knowledge,
  inQuote: boolean,
): QuoteClass {
  const end = d.sentences.bounds(d.sentences.indexOf(b.close)).end;
  return classifyQuote(text, b, end, k, !inQuote && onTitleLine(text, b, d));
}

/** A member of a run is what the run is, unless it is itself a name (`「ハイマース」「…」`). */
function runKind(own: QuoteClass, last: QuoteClass): Quote['kind'] {
  if (own.kind === 'speech' || own.named) return own.kind;
  return last.kind === 'term' ? own.kind : last.kind;
}

function onTitleLine(text: string, b: Bracket, d: Discourse): boolean {
  const { start } = d.lines.bounds(d.lines.indexOf(b.open));
  const { end } = d.lines.bounds(d.lines.indexOf(b.close));
  return isTitleLine(text, start, end);
}

/**
 * Groups brackets standing next to each other: nothing, `、` or whitespace between — blank lines
 * included, which pages that set every paragraph apart put where others break the line.
 */
function quoteRuns(text: string, brackets: readonly Bracket[]): Bracket[][] {
  const runs: Bracket[][] = [];
  let run: Bracket[] = [];
  for (const b of brackets) {
    const prev = run[run.length - 1];
    if (prev && /^(?:、|\s*)$/u.test(text.slice(prev.close + 1, b.open))) run.push(b);
    else {
      if (run.length > 0) runs.push(run);
      run = [b];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

const CARRIED_REASONS: ReadonlySet<string> = new Set([
  'carried from an earlier sentence',
  'speaker of the quote before',
]);

/**
 * The chosen speaker as a quote carries it: attribution from the strongest reason.
 *
 * @example
 * asAttributed(null); // { speaker: null, …, attribution: 'unknown', reasons: [] }
 */
export function asAttributed(chosen: Chosen | null): Speaker & { reasons: string[] } {
  if (!chosen) return { ...UNKNOWN, reasons: [] };
  const carried = CARRIED_REASONS.has(chosen.reasons[0] ?? '');
  const attribution =
    chosen.speaker.attribution === 'coreference' ? 'coreference' : carried ? 'carried' : 'explicit';
  return { ...chosen.speaker, attribution, reasons: chosen.reasons };
}
