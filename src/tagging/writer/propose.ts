import type { Annotations, Entry, Segment } from '../../model/index.js';
import { renderSummaryLine } from '../../format/index.js';
import { bigramSet, contentBigrams, coverage } from './bigrams.js';
import { chooseQuotes, quoteBudget } from './choose.js';
import { contextKeywords } from './context.js';
import { fallbackContext } from './fallback.js';
import { nameKey } from './names.js';
import { quoteCandidates, type Candidate } from './quotes.js';
import { quoteCheck } from './quote-check.js';
import { homeCountries, type SpeakerScene } from './speaker.js';
import { DEFAULT_SUMMARY_STYLE, type SummaryStyle } from './style.js';
import type { WritingRules } from './writing-rules.js';

/** A proposed summary line: its text and its segments. */
export interface ProposedLine {
  raw: string;
  segments: Segment[];
}

const EMPTY: Annotations = { quotes: [], entities: [], dates: [], caveats: [], source: null };
// Without quotes a line is all context: a few keywords say what happened.
const CONTEXTS_WITHOUT_QUOTES = 3;

export { trimQuote } from './trim.js';

/**
 * Proposes a summary line for an entry under a tag, in the curator's shape:
 * `#Tag(context・speaker「quote」「quote」・speaker「quote」)`. Context keywords come first when
 * the curator usually opens with them; then the most newsworthy quotes (all the words of the
 * speakers an outlet's headline names, others within the style's quote budget) up to the
 * style's quote count, grouped by speaker in the order they were said. Every quote passes the
 * quote check of `kirinuki check` against the entry's text, and every word comes from the
 * entry. `rules` are the words of `data/tagging/writing.json` (`parseWritingRules`).
 * Deterministic.
 *
 * @example
 * proposeSummaryLine(entry, annotations, 'ウクライナ戦況', rules, learnStyle(pastLines)).raw;
 * // '#ウクライナ戦況(チャシウヤール・シルスキー総司令官「状況は厳しいが、制御できている」)'
 */
export function proposeSummaryLine(
  entry: Entry,
  annotations: Annotations | null,
  tag: string,
  rules: WritingRules,
  style: SummaryStyle = DEFAULT_SUMMARY_STYLE,
): ProposedLine {
  const siblings = { rivals: [], taken: [], said: [] };
  return proposeLine(entry, annotations, tag, { style, rules }, siblings);
}

/**
 * Proposes one line per tag of an entry (main tag first), each saying something of its own:
 * a quote goes to the line of the tag it speaks to most, and a later line never repeats a
 * quote or keyword of an earlier one, even one cut short there. Deterministic.
 *
 * @example
 * proposeSummaryLines(entry, annotations, ['ウクライナドローン攻撃', '露斯'], rules, style).map((l) => l.raw);
 * // ['#ウクライナドローン攻撃(ウクライナ空軍「…」)', '#露斯(ザハロワ報道官「…」)']
 */
export function proposeSummaryLines(
  entry: Entry,
  annotations: Annotations | null,
  tags: readonly string[],
  rules: WritingRules,
  style: SummaryStyle = DEFAULT_SUMMARY_STYLE,
): ProposedLine[] {
  const taken: string[] = [];
  const said: string[] = [];
  return tags.map((tag) => {
    const siblings = { rivals: tags, taken, said };
    const line = proposeLine(entry, annotations, tag, { style, rules }, siblings);
    for (const s of line.segments)
      if (s.kind === 'quote') {
        taken.push(...s.quotes);
        said.push(...s.quotes, ...(s.speaker === null ? [] : [s.speaker]));
      } else said.push(s.text);
    return line;
  });
}

/** What the other lines of the same entry claim: their tags, and what they already said. */
interface Siblings {
  rivals: readonly string[];
  /** The quotes of earlier lines. */
  taken: readonly string[];
  /** Everything earlier lines said: their context keywords, speakers and quotes. */
  said: readonly string[];
}

// A quote or keyword this much inside one already used says the same thing again.
const REPEAT = 0.6;

function proposeLine(
  entry: Entry,
  annotations: Annotations | null,
  tag: string,
  { style, rules }: { style: SummaryStyle; rules: WritingRules },
  siblings: Siblings,
): ProposedLine {
  const a = annotations ?? EMPTY;
  const scene: SpeakerScene = {
    entry,
    annotations: a,
    style,
    rules,
    homeCountries: homeCountries(a),
  };
  const repeats = saysAgain(siblings.said);
  const used = siblings.taken.map(bigramSet);
  const candidates = quoteCandidates(a.quotes, scene, tag, siblings.rivals).filter((c) => {
    // A quote an earlier line cut short is still the same quote: either inside the other.
    const b = bigramSet(c.text);
    return !used.some((u) => Math.max(coverage(b, u), coverage(u, b)) >= REPEAT);
  });
  // The curator's own habitual keywords always fit; headline pieces only for a curator who
  // usually opens with context.
  const headline = style.contextShare >= 0.5;
  let contexts = contextKeywords(scene, tag, style.contextsPerLine, headline).filter(
    (c) => !repeats(c),
  );
  const chosen = chooseQuotes(candidates, style, quoteBudget(style, contexts), quoteCheck(entry));
  if (chosen.length === 0) {
    // Nothing to quote: a few keywords say what happened.
    contexts = contextKeywords(scene, tag, CONTEXTS_WITHOUT_QUOTES, true).filter(
      (c) => !repeats(c),
    );
    if (contexts.length === 0) contexts = fallbackContext(scene, tag, siblings.said);
  }
  const segments: Segment[] = [
    ...contexts
      .filter((c) => !repeatsQuote(c, chosen, a))
      .map((text) => ({ kind: 'context' as const, text })),
    ...groupBySpeaker(chosen),
  ];
  return { raw: renderSummaryLine(tag, segments), segments };
}

/** Whether a phrase says again what one of `said` says. */
function saysAgain(said: readonly string[]): (phrase: string) => boolean {
  const before = said.map(bigramSet);
  return (phrase) => {
    const b = bigramSet(phrase);
    return before.some((s) => coverage(b, s) >= REPEAT);
  };
}

/**
 * Whether a context phrase says again what a chosen quote says or who says it: a line names
 * its speaker once (`ナワリヌイ氏が獄中投稿・ナワリヌイ「…」` and `米国防長官・オースティン国防長官
 * 「…」` are defects) and quotes once.
 */
function repeatsQuote(context: string, chosen: readonly Candidate[], a: Annotations): boolean {
  const b = bigramSet(context);
  return chosen.some((c) => {
    const names = [c.quote.canonical, c.speaker, c.speaker && nameKey(c.speaker)];
    const person = a.entities.find((e) => e.canonical === c.quote.canonical)?.surface;
    if ([...names, person].some((n) => n && n.length >= 2 && context.includes(n))) return true;
    const who = c.speaker === null ? null : contentBigrams(c.speaker);
    if (who !== null && coverage(contentBigrams(context), who) >= REPEAT) return true;
    return coverage(b, bigramSet(c.text)) >= REPEAT;
  });
}

/** One segment per speaker, at the place of their first quote, quotes in text order. */
function groupBySpeaker(chosen: readonly Candidate[]): Segment[] {
  const segments: Extract<Segment, { kind: 'quote' }>[] = [];
  for (const c of chosen) {
    const same = segments.find((s) => s.speaker === c.speaker);
    if (same) same.quotes.push(c.text);
    else segments.push({ kind: 'quote', speaker: c.speaker, quotes: [c.text], rest: '' });
  }
  return segments;
}
