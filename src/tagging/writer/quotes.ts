import type { Entry, Quote } from '../../model/index.js';
import { bigramSet, coverage } from './bigrams.js';
import { withoutEmoji } from './emoji.js';
import { opensWithReference } from './references.js';
import { annotatedText, previousSentence, sentenceStart } from './source-text.js';
import { writeSpeaker, type SpeakerScene } from './speaker.js';

/** A quote that could go into the line: cleaned text, written speaker, newsworthiness. */
export interface Candidate {
  quote: Quote;
  text: string;
  speaker: string | null;
  score: number;
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
// Reported speech often opens with where it was said or who reported it; the curator's quote
// starts with what was said.
const OPENERS = [
  /^[^、。「」]{1,25}(?:によると|によれば)、/u,
  /^(?:記者会見|会見|インタビュー|声明|演説|投稿|ビデオ演説)で、?/u,
  /^(?:また|さらに|一方)、?/u,
];

/**
 * The quotes of an entry worth putting in a summary line, most newsworthy first: quotations
 * of their own before reported speech, named speakers before unknown ones, earlier before
 * later (news puts what matters first), those echoed by the headline, and those in the words
 * of the tag's past lines (so each of an entry's tags gets the quotes that speak to it).
 * Quoted terms inside a sentence (`fragment`) and quotes inside a longer one are left out.
 *
 * @example
 * quoteCandidates(annotations.quotes, scene, entry.post?.text ?? '', '露朝')[0]?.text;
 */
export function quoteCandidates(
  quotes: readonly Quote[],
  scene: SpeakerScene,
  headline: string,
  tag: string,
  rivals: readonly string[] = [],
): Candidate[] {
  const kept = outermost(quotes.filter((q) => QUOTABLE.has(q.kind)));
  const firstLine = (headline.split('\n')[0] ?? '').replace(/https?:\/\/\S+/gu, '');
  const head = bigramSet(firstLine);
  const echoes = headlineQuotes(firstLine).map(bigramSet);
  const words = new Set(scene.style.tagWords[tag] ?? []);
  const rivalWords = rivals
    .filter((r) => r !== tag)
    .map((r) => new Set(scene.style.tagWords[r] ?? []));
  const known = new Set(Object.keys(scene.style.speakers));
  const source = annotatedText(scene.entry);
  const out = kept.flatMap((quote, rank) => {
    const standing = standAlone(quote, source);
    if (standing === null) return [];
    const { text, attributed } = standing;
    if (text.length < 6) return [];
    const speaker = attributed ? null : writeSpeaker(quote, scene);
    const bigrams = bigramSet(text);
    const echo = Math.max(0, ...echoes.map((e) => coverage(e, bigrams)));
    const score =
      (quote.kind === 'indirect' ? scene.style.indirectWeight : 1) *
      ATTRIBUTION_WEIGHT[quote.attribution] *
      speakerWeight(quote, speaker, known) *
      lengthWeight(text.length) *
      (1 - (0.3 * rank) / Math.max(1, kept.length)) *
      (inHeadline(quote, scene.entry) ? 0.5 : 1 + 0.5 * coverage(head, bigrams)) *
      // The headline's quote is the one the outlet thought the news: the curator's pick.
      (1 + ECHO_WEIGHT * (echo >= ECHO_MIN ? echo : 0)) *
      (1 + 1.5 * coverage(bigrams, words)) *
      // A quote that speaks more to another of the entry's tags is left for that tag's line.
      (rivalWords.some((r) => coverage(bigrams, r) > coverage(bigrams, words) + RIVAL_MARGIN)
        ? RIVAL_FACTOR
        : 1);
    return [{ quote, text, speaker, score }];
  });
  return out.sort((a, b) => b.score - a.score || a.quote.start - b.quote.start);
}

const RIVAL_MARGIN = 0.05;
const RIVAL_FACTOR = 0.5;
// A headline quote echoed this much (share of its bigrams) marks the quote it condenses.
const ECHO_MIN = 0.5;
const ECHO_WEIGHT = 1.5;

/** The words a headline quotes: `「プーチンの国はいつか崩壊」、…` → `プーチンの国はいつか崩壊`. */
function headlineQuotes(head: string): string[] {
  return [...head.matchAll(/[「『“"]([^」』”"]{2,})[」』”"]/gu)].map((m) => m[1] ?? '');
}

/**
 * A quote's text as it can stand in a line, or null when it cannot: a quote that opens by
 * pointing back (`それは…`) takes the start of its sentence and the sentence before, which it
 * refers to, when that is reported speech and short enough; a quotation proper that points
 * back is left out. `attributed` says the text now names its own source.
 */
function standAlone(q: Quote, source: string): { text: string; attributed: boolean } | null {
  const text = cleanQuote(q);
  if (!opensWithReference(text)) return { text, attributed: false };
  if (q.kind !== 'indirect' || source.slice(q.start, q.end) !== q.text) return null;
  const from = sentenceStart(source, q.start);
  const before = previousSentence(source, from);
  if (before === null || before.length > MAX_ANTECEDENT || /[「『]/u.test(before)) return null;
  const sentence = cleanQuote({ kind: 'indirect', text: source.slice(from, q.end) }, false);
  const antecedent = cleanQuote({ kind: 'indirect', text: before }, false);
  if (opensWithReference(antecedent)) return null;
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
 * A quote as the curator writes it: lines joined, emoji and the final `。` dropped, openers of
 * reported speech dropped (unless `dropOpeners` is false), and brackets inside turned into 『』 — or dropped from reported speech, where they
 * were the outlet's marks rather than the speaker's.
 *
 * @example
 * cleanQuote({ ...q, kind: 'speech', text: '「最終案」は受け入れない。' }); // '『最終案』は受け入れない'
 */
export function cleanQuote(q: Pick<Quote, 'kind' | 'text'>, dropOpeners = true): string {
  let text = withoutEmoji(q.text)
    .replace(/\s*\n\s*/gu, '')
    .trim();
  if (q.kind === 'indirect') {
    if (dropOpeners)
      for (const opener of OPENERS) {
        const rest = text.replace(opener, '');
        // An opener that carries what the rest points back to stays.
        if (!opensWithReference(rest)) text = rest;
      }
    text = text.replace(/[「」]/gu, '');
  } else text = text.replace(/「/gu, '『').replace(/」/gu, '』');
  return text.replace(/[。．.]+$/u, '');
}

/**
 * A news headline condenses a quote the article gives in full (「一刻を争う」 for 「都市への
 * 攻撃は一刻を争う状況だ」); the curator quotes the article.
 */
function inHeadline(q: Quote, entry: Entry): boolean {
  const head = entry.post?.text ?? '';
  return entry.bodyKind === 'article' && entry.body.length > 0 && head.includes(q.text);
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
