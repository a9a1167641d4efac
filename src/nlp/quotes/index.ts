import type { Quote } from '../../model/index.js';
import type { Mention } from '../entities/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { findBrackets, type Bracket } from './brackets.js';
import { asAttributed, bracketQuotes, type Attributed } from './bracket-quotes.js';
import { chooseSpeaker, clauseCandidates, WEIGHT, type Candidate } from './candidates.js';
import { Discourse } from './discourse.js';
import { findIndirectReports, reportedWordsStart, type IndirectReport } from './indirect.js';
import { nestedQuotes } from './nested.js';
import { repeatedInBody } from './repeated.js';
import { Sentences } from './sentences.js';
import { afterSubject, UNKNOWN, type Speaker } from './speaker.js';
import { findMarkBlocks, type MarkBlock } from './speech-marks.js';

/** The brackets and sentences of a text, computed once and shared by quotes and caveats. */
export interface TextLayout {
  brackets: Bracket[];
  sentences: Sentences;
}

/** Finds the outermost brackets and the sentence boundaries around them. */
export function layoutOf(text: string): TextLayout {
  const brackets = findBrackets(text);
  return { brackets, sentences: new Sentences(text, brackets) };
}

export type { Attributed } from './bracket-quotes.js';

/**
 * Direct quotations with their speakers: bracketed speech (`Xは「…」と述べた`, `「…」とXは`,
 * `Xによると「…」`, headlines), fragments quoted inside reported speech, 🗣️ blocks in posts,
 * reported speech without brackets, and names and scare quotes as `term`s. Every speaker is
 * chosen among candidates read off one {@link Discourse} of the whole text, and each quote
 * keeps the reasons for its speaker.
 *
 * @example
 * extractQuotes('ロシアのプーチン大統領は16日、「主導権は我々にある」と主張した', k, mentions)[0];
 * // { text: '主導権は我々にある', speaker: 'プーチン大統領', canonical: 'プーチン', org: 'ロシア', verb: '主張した', … }
 */
export function extractQuotes(
  text: string,
  k: Knowledge,
  mentions: readonly Mention[],
  layout: TextLayout = layoutOf(text),
): Quote[] {
  const blocks = findMarkBlocks(text, k);
  const brackets = outsideBlocks(layout.brackets, blocks);
  const d = new Discourse(text, mentions, layout.brackets, layout.sentences, k);
  const bracketed = bracketQuotes(text, brackets, d, k);
  const quoted = brackets.map((b) => ({ start: b.open + 1, end: b.close }));
  const found: Attributed[] = [
    ...bracketed,
    ...blocks.map((m) => markQuote(text, m, d)),
    ...findIndirectReports(text, k, layout.sentences, d.speechVerbs)
      // A report inside quoted words (`「Bが『…』と述べた」`) is part of those words.
      .filter((r) => !insideBlock(r.at, blocks) && !insideBlock(r.at, quoted))
      .flatMap((r) => indirectQuote(text, r, d) ?? []),
  ];
  repeatedInBody(found, text);
  // Read after the headline pass, so words repeated inside a quote fall back on its final speaker.
  for (const outer of bracketed)
    if (outer.bracket.inner) found.push(...nestedQuotes(text, outer, k, mentions, d));
  return found.sort((a, b) => a.quote.start - b.quote.start).map((a) => a.quote);
}

/**
 * Reported speech without brackets: the words run from after the speaker (`Xは17日、`) or the
 * start of a sentence with no subject, to the quotative と.
 */
function indirectQuote(text: string, r: IndirectReport, d: Discourse): Attributed | null {
  const bounds = d.sentences.bounds(r.sentence);
  const candidates: Candidate[] = [];
  clauseCandidates(text, r.at, r.sentence, d, candidates);
  const center = d.centerBefore(r.sentence);
  if (center)
    candidates.push({
      speaker: center.speaker,
      score: WEIGHT.carried,
      reason: 'carried from an earlier sentence',
    });
  const chosen = chooseSpeaker(candidates);
  // The speaker may have been chosen by another reason than the name in this sentence (carried
  // and named here too): the words still start after the name as this sentence writes it.
  const key = chosen ? speakerKey(chosen.speaker) : null;
  const inSentence =
    candidates
      .filter((c) => speakerKey(c.speaker) === key)
      .map((c) => c.speaker.speakerSpan)
      .find((s) => s && s.start >= bounds.start && s.end <= r.at) ?? null;
  const subjectEnd = inSentence ? afterSubject(text, inSentence.end, d.grammar) : bounds.start;
  // A second report in a sentence starts after the first one's clause.
  const from = reportedWordsStart(text, Math.max(subjectEnd, r.from ?? bounds.start), r.at);
  if (from === null) return null;
  const quote: Quote = {
    start: from,
    end: r.at,
    kind: 'indirect',
    text: text.slice(from, r.at),
    verb: r.verb,
    ...asAttributed(chosen),
  };
  return { quote, score: chosen?.score ?? 0, titleLine: false };
}

function speakerKey(s: Speaker): string {
  return s.canonical ?? s.speaker ?? '';
}

/** How many sentences before a 🗣️ mark a person named still speaks it. */
const MARK_REACH = 2;

/** A 🗣️ block speaks for the subject named just before it, else the last person or body named. */
function markQuote(text: string, m: MarkBlock, d: Discourse): Attributed {
  const topic = d.lastTopicBefore(m.mark);
  const recent = topic && d.sentences.indexOf(m.mark) - topic.sentence <= 3;
  // A post names who speaks just before the mark; a country named there is more often what
  // the words are about, so a person named in the last sentences comes first.
  const person = d.lastPersonBefore(m.mark, MARK_REACH);
  const topicSpeaker = recent && topic.speaker.speakerKind === 'person' ? topic.speaker : null;
  // A country named before a block in a commentary post is what the poster talks about; with
  // no person or body named, the block is the poster's own words and has no quoted speaker.
  const last = d.lastNamedBefore(m.mark);
  const body =
    recent && topic.how !== 'ga' && !topic.country
      ? topic.speaker
      : last && last.mention.kind !== 'country'
        ? last.speaker
        : null;
  const who = topicSpeaker ?? person?.speaker ?? body;
  const speaker = who
    ? { ...who, attribution: 'mark' as const, reasons: ['named before the 🗣️ mark'] }
    : { ...UNKNOWN, reasons: [] };
  const quote: Quote = {
    start: m.start,
    end: m.end,
    kind: 'speech',
    text: text.slice(m.start, m.end),
    verb: null,
    ...speaker,
  };
  return { quote, score: who ? WEIGHT.namedAfter : 0, titleLine: false };
}

/**
 * Whether `at` lies in a 🗣️ block or quoted words; these are sorted and disjoint, so a binary
 * search does.
 */
function insideBlock(at: number, blocks: readonly { start: number; end: number }[]): boolean {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (!b) return false;
    if (at < b.start) hi = mid - 1;
    else if (at >= b.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Brackets inside a 🗣️ block are part of its words. Both lists are sorted. */
function outsideBlocks(brackets: Bracket[], blocks: readonly MarkBlock[]): Bracket[] {
  if (blocks.length === 0) return brackets;
  let k = 0;
  return brackets.filter((b) => {
    while (k < blocks.length && (blocks[k]?.end ?? 0) <= b.open) k += 1;
    const m = blocks[k];
    // Inside the block, or the brackets the block's words stand in (`🗣️「…」`).
    return !(m && ((m.start <= b.open && b.open < m.end) || b.open === m.start - 1));
  });
}
