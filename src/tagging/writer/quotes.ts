import type { Entry, Quote } from '../../model/index.js';
import { bigramSet, coverage } from './bigrams.js';
import { writeSpeaker, type SpeakerScene } from './speaker.js';

/** A quote that could go into the line: cleaned text, written speaker, newsworthiness. */
export interface Candidate {
  quote: Quote;
  text: string;
  speaker: string | null;
  score: number;
}

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
): Candidate[] {
  const kept = outermost(quotes.filter((q) => q.kind !== 'fragment'));
  const head = bigramSet(headline);
  const words = new Set(scene.style.tagWords[tag] ?? []);
  const known = new Set(Object.keys(scene.style.speakers));
  const out = kept.flatMap((quote, rank) => {
    const text = cleanQuote(quote);
    if (text.length < 6) return [];
    const speaker = writeSpeaker(quote, scene);
    const bigrams = bigramSet(text);
    const score =
      (quote.kind === 'indirect' ? scene.style.indirectWeight : 1) *
      ATTRIBUTION_WEIGHT[quote.attribution] *
      speakerWeight(quote, speaker, known) *
      lengthWeight(text.length) *
      (1 - (0.3 * rank) / Math.max(1, kept.length)) *
      (inHeadline(quote, scene.entry) ? 0.5 : 1 + 0.5 * coverage(head, bigrams)) *
      (1 + 1.5 * coverage(bigrams, words));
    return [{ quote, text, speaker, score }];
  });
  return out.sort((a, b) => b.score - a.score || a.quote.start - b.quote.start);
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
 * A quote as the curator writes it: lines joined, no final `。`, openers of reported speech
 * dropped, and brackets inside turned into 『』 — or dropped from reported speech, where they
 * were the outlet's marks rather than the speaker's.
 *
 * @example
 * cleanQuote({ ...q, kind: 'speech', text: '「最終案」は受け入れない。' }); // '『最終案』は受け入れない'
 */
export function cleanQuote(q: Pick<Quote, 'kind' | 'text'>): string {
  let text = q.text.replace(/\s*\n\s*/gu, '').trim();
  if (q.kind === 'indirect') {
    for (const opener of OPENERS) text = text.replace(opener, '');
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
