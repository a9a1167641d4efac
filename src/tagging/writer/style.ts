import type { SummaryLine } from '../../model/index.js';
import { HONORIFIC, nameKey, splitTitle } from './names.js';
import { DEFAULT_INDIRECT_WEIGHT, indirectWeight, type AnnotatedEntry } from './kind-preference.js';
import { describedTagWords, tagWords } from './tag-words.js';
import type { WritingRules } from './writing-rules.js';

/**
 * The curator's habits when writing summary lines, learned from their past lines by
 * {@link learnStyle}, or set by hand. Lengths are in UTF-16 units of the text between the
 * parentheses.
 */
export interface SummaryStyle {
  /** The line's content is kept within this length (the quotes are cut to fit). */
  lengthBudget: number;
  /**
   * The quotes of a line, with their speakers and brackets, are kept within this length; the
   * context keywords before them do not count against it. Absent from styles stored before it
   * was learned: `lengthBudget` stands in.
   */
  quoteBudget?: number;
  /** At most this many quotes in a line. */
  maxQuotes: number;
  /** How reported speech weighs against quotations when choosing what to quote. */
  indirectWeight: number;
  /** Quotes per quoted speaker: above 1, the curator strings one speaker's words together. */
  quotesPerSpeaker: number;
  /** A single quote longer than this is cut at a sentence end (the longest the curator kept). */
  maxQuoteLength: number;
  /**
   * The length of the curator's usual quote (the median): a long speech is quoted in passages
   * of about two of them. Absent from styles stored before it was learned: a default stands in.
   */
  usualQuoteLength?: number;
  /** Share of lines that start with context keywords. */
  contextShare: number;
  /** Context segments in a line that has any. */
  contextsPerLine: number;
  /** Whether titles stay with names (`プーチン大統領`) rather than names alone. */
  keepTitles: boolean;
  /** Whether `氏` is dropped (`ナワリヌイ氏` → `ナワリヌイ`). */
  dropHonorific: boolean;
  /** Whether a foreign official gets their country first: `チェコ、フィアラ首相`. */
  prefixCountries: boolean;
  /** How often the curator wrote each speaker form (`プーチン大統領`: 3). */
  speakers: Record<string, number>;
  /** Context segments the curator used, per tag, with counts. */
  contexts: Record<string, Record<string, number>>;
  /** Bigrams typical of each tag's lines: quotes that share them suit the tag. */
  tagWords: Record<string, string[]>;
}

/** A usual quote's length before any is known: a sentence or two of news. */
export const DEFAULT_USUAL_QUOTE_LENGTH = 45;

/** The style before any past line is known: medium lines, titles kept, country prefixes. */
export const DEFAULT_SUMMARY_STYLE: SummaryStyle = {
  lengthBudget: 160,
  quoteBudget: 140,
  maxQuotes: 2,
  quotesPerSpeaker: 1.2,
  indirectWeight: DEFAULT_INDIRECT_WEIGHT,
  maxQuoteLength: 110,
  usualQuoteLength: DEFAULT_USUAL_QUOTE_LENGTH,
  contextShare: 0.6,
  contextsPerLine: 1,
  keepTitles: true,
  dropHonorific: true,
  prefixCountries: true,
  speakers: {},
  contexts: {},
  tagWords: {},
};

/** Past entries with their annotations, and the rules their quotes are cleaned by. */
export interface StyleHistory {
  entries: readonly AnnotatedEntry[];
  rules: WritingRules;
}

/**
 * Learns the curator's style from their past summary lines: typical length, quote room and
 * number of quotes (the upper quartile, so a proposal is rarely longer than what they write;
 * the quotes' room to the ninth decile, since a quote left out costs the curator more than one
 * too many), how long a quote they keep, whether and how many context keywords open a line,
 * whether titles stay, whether a country is put before a name, and each speaker's written form
 * and each tag's usual context keywords and words. Given the past entries with their
 * annotations too (`history`, with the writing rules), it also learns how often the curator quotes reported speech
 * rather than quotations; given what the curator wrote about each tag (`tagTexts`: name,
 * description, keywords), each tag also gets the words of its description, so a tag with no
 * lines yet still draws the quotes that speak to it. Deterministic; the defaults fill in what
 * fewer than 5 lines cannot tell.
 *
 * @example
 * const style = learnStyle(entries.flatMap((e) => e.summaries), null, { 露斯: '露斯 ロシアとイラン' });
 * style.keepTitles; // true for a curator who writes プーチン大統領
 */
export function learnStyle(
  lines: readonly SummaryLine[],
  history: StyleHistory | null = null,
  tagTexts: Readonly<Record<string, string>> = {},
): SummaryStyle {
  const learned = {
    speakers: countSpeakers(lines),
    contexts: countContexts(lines),
    tagWords: mergeWords(tagWords(lines), describedTagWords(tagTexts)),
    indirectWeight: history
      ? indirectWeight(history.entries, history.rules)
      : DEFAULT_INDIRECT_WEIGHT,
  };
  if (lines.length < 5) return { ...DEFAULT_SUMMARY_STYLE, ...learned };
  const speakers = Object.keys(learned.speakers);
  const quoteCounts = lines.map((l) => quotesOf(l).length).filter((n) => n > 0);
  const quoteLengths = lines.flatMap((l) => quotesOf(l).map((q) => q.length));
  const withContext = lines.map(leadingContexts).filter((n) => n > 0);
  return {
    ...learned,
    lengthBudget: Math.round(
      percentile(
        lines.map((l) => l.content.length),
        0.75,
      ),
    ),
    quoteBudget: Math.round(
      percentile(
        lines.map(quoteLength).filter((n) => n > 0),
        QUOTE_BUDGET,
      ),
    ),
    maxQuotes: Math.max(1, Math.round(percentile(quoteCounts, 0.75))),
    quotesPerSpeaker: perSpeaker(lines),
    maxQuoteLength: Math.max(...quoteLengths, DEFAULT_SUMMARY_STYLE.maxQuoteLength / 2),
    usualQuoteLength:
      quoteLengths.length > 0 ? percentile(quoteLengths, 0.5) : DEFAULT_USUAL_QUOTE_LENGTH,
    contextShare: withContext.length / lines.length,
    contextsPerLine: Math.max(1, Math.round(percentile(withContext, 0.5))),
    keepTitles: titleShare(speakers) >= 0.5,
    dropHonorific: !speakers.some((s) => s.endsWith(HONORIFIC)),
    prefixCountries: speakers.some((s) => COUNTRY_PREFIX.test(s)),
  };
}

/** Each tag's words learned from lines, then those of its description not among them. */
function mergeWords(
  learned: Record<string, string[]>,
  described: Record<string, string[]>,
): Record<string, string[]> {
  const out: Record<string, string[]> = { ...learned };
  for (const [tag, words] of Object.entries(described)) {
    const have = new Set(out[tag] ?? []);
    out[tag] = [...(out[tag] ?? []), ...words.filter((w) => !have.has(w))];
  }
  return out;
}

// A missing quote costs the curator a search of the text, a long one a deletion: the quote
// budget is set where one line in ten of theirs goes further.
const QUOTE_BUDGET = 0.9;

/** The length of a line's quote segments: speakers, quotes and their brackets. */
function quoteLength(line: SummaryLine): number {
  return line.segments.reduce(
    (n, s) =>
      s.kind === 'quote'
        ? n + (s.speaker?.length ?? 0) + s.quotes.reduce((m, q) => m + q.length + 2, 0)
        : n,
    0,
  );
}

// `チェコ、フィアラ首相`: a short place name, the ideographic comma, then the person.
const COUNTRY_PREFIX = /^[^、]{2,12}、./u;

function quotesOf(line: SummaryLine): string[] {
  return line.segments.flatMap((s) => (s.kind === 'quote' ? s.quotes : []));
}

function perSpeaker(lines: readonly SummaryLine[]): number {
  const segments = lines.flatMap((l) =>
    l.segments.flatMap((s) => (s.kind === 'quote' ? [s.quotes.length] : [])),
  );
  return segments.length === 0
    ? DEFAULT_SUMMARY_STYLE.quotesPerSpeaker
    : segments.reduce((a, b) => a + b, 0) / segments.length;
}

function leadingContexts(line: SummaryLine): number {
  const first = line.segments.findIndex((s) => s.kind !== 'context');
  return first < 0 ? line.segments.length : first;
}

function countSpeakers(lines: readonly SummaryLine[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines)
    for (const s of l.segments)
      if (s.kind === 'quote' && s.speaker !== null) out[s.speaker] = (out[s.speaker] ?? 0) + 1;
  return out;
}

function countContexts(lines: readonly SummaryLine[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const l of lines) {
    const byTag = (out[l.tag] ??= {});
    for (const s of l.segments) if (s.kind === 'context') byTag[s.text] = (byTag[s.text] ?? 0) + 1;
  }
  return out;
}

/** Of the speakers written with a katakana name, the share that carry a title. */
function titleShare(speakers: readonly string[]): number {
  const named = speakers.filter((s) => nameKey(s) !== null);
  if (named.length === 0) return 1;
  return (
    named.filter((s) => splitTitle(s.split(/[、,]/u).pop() ?? s) !== null).length / named.length
  );
}

/** The `p` quantile (nearest rank) of a list; 0 for an empty one. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}
