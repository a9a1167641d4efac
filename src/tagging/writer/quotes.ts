import type { Entry, Quote } from '../../model/index.js';
import { bigramSet, coverage } from './bigrams.js';
import { withoutEmoji } from './emoji.js';
import { headlineOf, headlineQuotes, namedInHeadline } from './headline.js';
import { opensWithReference } from './references.js';
import { restatements } from './restatements.js';
import { annotatedText, previousSentence, sentenceStart } from './source-text.js';
import { writeSpeaker, type SpeakerScene } from './speaker.js';
import type { WritingRules } from './writing-rules.js';

/** A quote that could go into the line: cleaned text, written speaker, newsworthiness. */
export interface Candidate {
  quote: Quote;
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
// The sentence a dangling quote needs in front of it is taken only when it is short enough to
// stand in a line, and only for reported speech (a quotation's own words cannot be extended).
const MAX_ANTECEDENT = 80;

const ATTRIBUTION_WEIGHT: Record<Quote['attribution'], number> = {
  explicit: 1,
  mark: 1,
  coreference: 0.9,
  carried: 0.85,
  unknown: 0.6,
};

/**
 * The quotes of an entry worth putting in a summary line, most newsworthy first: quotations
 * of their own before reported speech, named speakers before unknown ones, earlier before
 * later (news puts what matters first), those echoed by the headline, those of the speakers an
 * outlet's headline names, and those in the words of the tag (its past lines, its description)
 * — a quote that speaks far more to another of the entry's tags is marked for that tag's line.
 * Quoted terms (`fragment`, `term`), quotes inside a longer one and reported speech that only
 * restates a quotation next to it are left out.
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
  const quotable = outermost(quotes.filter((q) => QUOTABLE.has(q.kind)));
  const glosses = restatements(quotable, source);
  const kept = quotable.filter((q) => !glosses.has(q));
  const firstLine = headlineOf(scene.entry);
  const outlet = scene.annotations.source?.kind !== 'individual' && !scene.entry.post?.truncated;
  const head = bigramSet(firstLine);
  const echoes = headlineQuotes(firstLine).map(bigramSet);
  const words = new Set(scene.style.tagWords[tag] ?? []);
  const rivalWords = rivals
    .filter((r) => r !== tag)
    .map((r) => new Set(scene.style.tagWords[r] ?? []));
  const known = new Set(Object.keys(scene.style.speakers));
  const out = kept.flatMap((quote, rank) => {
    // The headline condenses what the article gives in full: the curator quotes the article.
    if (inHeadline(quote, scene.entry)) return [];
    const standing = standAlone(quote, source, scene.rules);
    if (standing === null) return [];
    const { text, attributed } = standing;
    if (text.length < 6) return [];
    const speaker = attributed ? null : writeSpeaker(quote, scene);
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
      (1 - (0.3 * rank) / Math.max(1, kept.length)) *
      (1 + 0.5 * coverage(head, bigrams)) *
      // The headline's quote is the one the outlet thought the news: the curator's pick.
      (1 + ECHO_WEIGHT * (echo >= ECHO_MIN ? echo : 0)) *
      (headliner ? HEADLINE_SPEAKER : 1) *
      (1 + 1.5 * coverage(bigrams, words)) *
      (elsewhere ? RIVAL_FACTOR : 1);
    return [{ quote, text, speaker, score, headliner, elsewhere }];
  });
  return out.sort((a, b) => b.score - a.score || a.quote.start - b.quote.start);
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
 * A quote's text as it can stand in a line, or null when it cannot: a quote that opens by
 * pointing back (`それは…`) takes the start of its sentence and the sentence before, which it
 * refers to, when that is reported speech and short enough; a quotation proper that points
 * back is left out. `attributed` says the text now names its own source.
 */
function standAlone(
  q: Quote,
  source: string,
  rules: WritingRules,
): { text: string; attributed: boolean } | null {
  const text = cleanQuote(q, rules);
  if (!opensWithReference(text, rules)) return { text, attributed: false };
  if (q.kind !== 'indirect' || source.slice(q.start, q.end) !== q.text) return null;
  const from = sentenceStart(source, q.start);
  const before = previousSentence(source, from);
  if (before === null || before.length > MAX_ANTECEDENT || /[「『]/u.test(before)) return null;
  const sentence = cleanQuote({ kind: 'indirect', text: source.slice(from, q.end) }, rules, false);
  const antecedent = cleanQuote({ kind: 'indirect', text: before }, rules, false);
  if (opensWithReference(antecedent, rules)) return null;
  return { text: `${antecedent}。${sentence}`, attributed: true };
}

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
 * A quote as the curator writes it: lines joined, emoji and the final `。` dropped, the
 * openers of reported speech dropped (the lexicon's `reportOpeners`: reported speech often
 * opens with who reported it or where it was said, the curator's quote with what was said;
 * kept when `dropOpeners` is false), and brackets inside turned into 『』 — or dropped from
 * reported speech, where they were the outlet's marks rather than the speaker's.
 *
 * @example
 * cleanQuote({ ...q, kind: 'speech', text: '「最終案」は受け入れない。' }, rules); // '『最終案』は受け入れない'
 */
export function cleanQuote(
  q: Pick<Quote, 'kind' | 'text'>,
  rules: WritingRules,
  dropOpeners = true,
): string {
  let text = withoutEmoji(q.text)
    .replace(/\s*\n\s*/gu, '')
    .trim();
  if (q.kind === 'indirect') {
    if (dropOpeners)
      for (const opener of rules.reportOpeners) {
        const rest = text.replace(opener, '');
        // An opener that carries what the rest points back to stays.
        if (!opensWithReference(rest, rules)) text = rest;
      }
    text = text.replace(/[「」]/gu, '');
  } else text = text.replace(/「/gu, '『').replace(/」/gu, '』');
  return text.replace(/[。．.]+$/u, '');
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
