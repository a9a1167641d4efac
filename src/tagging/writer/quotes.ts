import type { Entry, Quote } from '../../model/index.js';
import { bigramSet, coverage } from './bigrams.js';
import { headlineOf, headlineQuotes, namedInHeadline } from './headline.js';
import { meetingReports } from './meeting-reports.js';
import { passages } from './passages.js';
import { postersWords } from './posters-words.js';
import { restatements } from './restatements.js';
import { annotatedText } from './source-text.js';
import { writeSpeaker, type SpeakerScene } from './speaker.js';
import { standAlone } from './stand-alone.js';
import { DEFAULT_USUAL_QUOTE_LENGTH, type SummaryStyle } from './style.js';
import type { WritingRules } from './writing-rules.js';

/** A quote that could go into the line: cleaned text, written speaker, newsworthiness. */
export interface Candidate {
  /** The quote, or the part of it a passage covers (its offsets those of the passage). */
  quote: Quote;
  /** The annotated quote it comes from: a line takes one passage of a long quotation. */
  whole: Quote;
  text: string;
  speaker: string | null;
  score: number;
  /** Said by someone an outlet's headline names: part of the news the line carries. */
  headliner: boolean;
  /** Speaks so much more to another of the entry's tags that it belongs in that tag's line. */
  elsewhere: boolean;
}

/** The kinds of quote a line may carry: said words, and reported speech the curator quotes. */
const QUOTABLE: ReadonlySet<string> = new Set(['speech', 'indirect']);

const ATTRIBUTION_WEIGHT: Record<Quote['attribution'], number> = {
  explicit: 1,
  mark: 1,
  coreference: 0.9,
  carried: 0.85,
  unknown: 0.6,
};

// A speech long enough to be quoted in passages is what its entry is built around (a 🗣️ block,
// a transcript), and a speech that opens with a sentence of its own makes its point there: its
// opening passage counts twice a passing quote. One that opens by pointing back was an answer
// to something the line does not hold; the curator quotes it where the speaker speaks in their
// own voice (addresses the listeners, asks, urges), which doubles a passage's count, rather
// than where they recount; a passage later in it counts a little less.
const OPENING = 2;
const PASSAGE_VOICE = 1;
const PASSAGE_POSITION = 0.3;

/** A piece of text that could be quoted, before it is scored. */
interface Piece {
  quote: Quote;
  whole: Quote;
  text: string;
  /** The source the text credits instead of the annotated speaker (`standAlone`). */
  credit: string | null;
  /** How much the place of a passage in its speech adds or takes. */
  weight: number;
}

/**
 * The quotes of an entry worth putting in a summary line, most newsworthy first: quotations
 * of their own before reported speech, named speakers before unknown ones, earlier before
 * later (news puts what matters first), those echoed by the headline, those of the speakers an
 * outlet's headline names, and those in the words of the tag (its past lines, its description)
 * — a quote that speaks far more to another of the entry's tags is marked for that tag's line.
 * A long quotation is offered in passages (`passages`), the ones in the speaker's own voice
 * first. Quoted terms (`fragment`, `term`), quotes inside a longer one, reported speech that
 * only restates a quotation next to it or only reports the meeting where the quoted words were
 * said are left out; a commentary post's own conclusions are the poster's (`postersWords`).
 *
 * @example
 * quoteCandidates(annotations.quotes, scene, '露朝')[0]?.text;
 */
export function quoteCandidates(
  quotes: readonly Quote[],
  scene: SpeakerScene,
  tag: string,
  rivals: readonly string[] = [],
): Candidate[] {
  const source = annotatedText(scene.entry);
  const own = postersWords(quotes, scene.annotations.source);
  const quotable = outermost(own.filter((q) => QUOTABLE.has(q.kind)));
  const glosses = restatements(quotable, source);
  const meetings = meetingReports(quotable, scene.rules);
  const kept = quotable.filter((q) => !glosses.has(q) && !meetings.has(q));
  const firstLine = headlineOf(scene.entry);
  const outlet = scene.annotations.source?.kind !== 'individual' && !scene.entry.post?.truncated;
  const head = bigramSet(firstLine);
  const echoes = headlineQuotes(firstLine).map(bigramSet);
  const words = new Set(scene.style.tagWords[tag] ?? []);
  const rivalWords = rivals
    .filter((r) => r !== tag)
    .map((r) => new Set(scene.style.tagWords[r] ?? []));
  const known = new Set(Object.keys(scene.style.speakers));
  const cap = passageLength(scene.style);
  const out = kept.flatMap((whole, rank) => {
    // The headline condenses what the article gives in full: the curator quotes the article.
    if (inHeadline(whole, scene.entry)) return [];
    const rankWeight = 1 - (0.3 * rank) / Math.max(1, kept.length);
    return piecesOf(whole, source, cap, scene.rules).flatMap((piece) => {
      const { quote, text, credit } = piece;
      if (text.length < 6) return [];
      const speaker = credit ?? writeSpeaker(quote, scene);
      const headliner = outlet && namedInHeadline(quote, firstLine, scene.annotations.entities);
      const bigrams = bigramSet(text);
      const echo = Math.max(0, ...echoes.map((e) => coverage(e, bigrams)));
      // A quote that speaks more to another of the entry's tags is left for that tag's line.
      const elsewhere = rivalWords.some((r) =>
        speaksToRival(coverage(bigrams, words), coverage(bigrams, r)),
      );
      const score =
        (quote.kind === 'indirect' ? scene.style.indirectWeight : 1) *
        ATTRIBUTION_WEIGHT[quote.attribution] *
        speakerWeight(quote, speaker, known) *
        lengthWeight(text.length) *
        rankWeight *
        piece.weight *
        (1 + 0.5 * coverage(head, bigrams)) *
        // The headline's quote is the one the outlet thought the news: the curator's pick.
        (1 + ECHO_WEIGHT * (echo >= ECHO_MIN ? echo : 0)) *
        (headliner ? HEADLINE_SPEAKER : 1) *
        (1 + 1.5 * coverage(bigrams, words)) *
        (elsewhere ? RIVAL_FACTOR : 1);
      return [{ quote, whole, text, speaker, score, headliner, elsewhere }];
    });
  });
  return out.sort((a, b) => b.score - a.score || a.quote.start - b.quote.start);
}

/**
 * What of a quote can be quoted: the passages of a long quotation, else the quote as it can
 * stand alone (nothing when it cannot).
 */
function piecesOf(whole: Quote, source: string, cap: number, rules: WritingRules): Piece[] {
  const parts = passages(whole, source, cap, rules);
  // A speech of one passage (one long sentence) is quoted as any other quote.
  if (parts !== null && (parts.length !== 1 || parts[0]?.at !== 0))
    return parts.map((p) => ({
      quote: { ...whole, start: p.start, end: p.end, text: source.slice(p.start, p.end) },
      whole,
      text: p.text,
      credit: null,
      weight: p.at === 0 ? OPENING : (1 - PASSAGE_POSITION * p.at) * (1 + PASSAGE_VOICE * p.voice),
    }));
  const standing = standAlone(whole, source, rules);
  if (standing === null) return [];
  return [{ quote: whole, whole, text: standing.text, credit: standing.credit, weight: 1 }];
}

/**
 * How long a passage of a long quotation may be: about two of the curator's usual quotes, and
 * never longer than the longest they kept.
 */
function passageLength(style: SummaryStyle): number {
  const usual = style.usualQuoteLength ?? DEFAULT_USUAL_QUOTE_LENGTH;
  return Math.min(style.maxQuoteLength, 2 * usual);
}

const RIVAL_MARGIN = 0.05;
const RIVAL_FACTOR = 0.5;
const RIVAL_RATIO = 3;

/**
 * Whether a quote speaks to another of the entry's tags so much more than to this one that it
 * belongs in that tag's line: clearly more of the rival's words (by a margin), and several
 * times as many — a quote on Iran's drones that names drones too stays with the drone tag.
 */
function speaksToRival(own: number, rival: number): boolean {
  return rival > own + RIVAL_MARGIN && rival >= RIVAL_RATIO * own;
}
// A headline quote echoed this much (share of its bigrams) marks the quote it condenses.
const ECHO_MIN = 0.5;
const ECHO_WEIGHT = 1.5;
// The speakers an outlet's headline names are whose words make the news.
const HEADLINE_SPEAKER = 1.5;

/**
 * Drops a quote that lies inside another: reported speech wrapping a quotation yields to it
 * when the quotation is most of it; otherwise the inner quote is a piece and goes.
 */
function outermost(quotes: readonly Quote[]): Quote[] {
  const unique = quotes.filter(
    (q, i) => quotes.findIndex((o) => o.start === q.start && o.end === q.end) === i,
  );
  const contains = (o: Quote, q: Quote): boolean => o !== q && o.start <= q.start && q.end <= o.end;
  const dominates = (inner: Quote, outer: Quote): boolean =>
    inner.kind === 'speech' &&
    outer.kind !== 'speech' &&
    inner.text.length >= 0.6 * outer.text.length;
  return unique
    .filter((q) => unique.every((o) => !contains(o, q) || dominates(q, o)))
    .filter((q) => !unique.some((inner) => contains(q, inner) && dominates(inner, q)))
    .sort((a, b) => a.start - b.start);
}

/**
 * Whether a quote stands in the headline of an article (the post before the body, where the
 * offsets of the annotated text start): a news headline condenses a quote the article gives in
 * full (「一刻を争う」 for 「都市への攻撃は一刻を争う状況だ」), and the curator quotes the article.
 */
function inHeadline(q: Quote, entry: Entry): boolean {
  const head = entry.post?.text ?? '';
  return entry.bodyKind === 'article' && entry.body.length > 0 && q.end <= head.length;
}

/** Named people and organisations first; a generic 兵士 or 女性 is less of a story. */
function speakerWeight(q: Quote, speaker: string | null, known: ReadonlySet<string>): number {
  if (speaker === null) return 0.6;
  if (known.has(speaker)) return 1.15;
  // A commentary account's own words (no speaker in the text) are the point of its post.
  return q.speaker !== null && q.canonical === null && q.org === null ? 0.75 : 1;
}

function lengthWeight(n: number): number {
  if (n < 8) return 0.3;
  if (n < 15) return 0.6;
  return n > 150 ? 0.85 : 1;
}
