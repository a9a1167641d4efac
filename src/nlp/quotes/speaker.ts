import type { Quote, Span, SpeakerKind } from '../../model/index.js';
import { AGE_IN_BRACKETS } from '../../text/index.js';
import type { Mention } from '../entities/index.js';
import type { SubjectGrammar } from '../knowledge/index.js';

/** Who said it, as it goes into a {@link Quote}. */
export interface Speaker {
  speaker: string | null;
  canonical: string | null;
  org: string | null;
  attribution: Quote['attribution'];
  speakerSpan: Span | null;
  speakerKind: SpeakerKind | null;
}

export const UNKNOWN: Speaker = {
  speaker: null,
  canonical: null,
  org: null,
  attribution: 'unknown',
  speakerSpan: null,
  speakerKind: null,
};

/** How a mention stands in its clause: topic (`Xは`), source (`Xによると`), or `Xが`. */
export type SubjectKind = 'topic' | 'source' | 'ga';

/**
 * Whether the mention is a topic, a source or a `Xが` of its clause, or none, by what follows
 * it (`subjectMarkers` in `data/nlp/attribution.json`).
 *
 * @example
 * subjectKind('ペスコフ報道官は述べた', mention, k.subjects); // 'topic'
 */
export function subjectKind(text: string, m: Mention, g: SubjectGrammar): SubjectKind | null {
  if (m.kind === 'place') return null;
  const after = g.subject.exec(text.slice(m.phraseEnd, m.phraseEnd + 16));
  if (!after) return isCleftFocus(text, m) ? 'topic' : null;
  const marker = after[0];
  if (g.gaWords.some((w) => marker.endsWith(w))) return 'ga';
  return g.topicWords.some((w) => marker.endsWith(w)) ? 'topic' : 'source';
}

/**
 * `こう話すのは、…で店を営むYさん（５２）だ。`: the one a cleft sentence ends on is what it is
 * about, as a topic would be — the words before and after are carried on as theirs.
 */
function isCleftFocus(text: string, m: Mention): boolean {
  if (!CLEFT_END.test(text.slice(m.phraseEnd, m.phraseEnd + 10))) return false;
  const before = text.slice(Math.max(0, m.start - CLEFT_REACH), m.start);
  const cleft = before.lastIndexOf('のは');
  return cleft >= 0 && !/[。\n「」]/u.test(before.slice(cleft));
}

/** An age in brackets may stand between the name and the copula that ends the sentence. */
const CLEFT_END = new RegExp(`^(?:${AGE_IN_BRACKETS})?(?:だ|です)(?:った|した)?(?:[。\\n]|$)`, 'u');
/**
 * How long a cleft's noun phrase may be: how far before the name its `のは` may stand, and how
 * far after `のは` the name may close it (`…から避難し、福岡市で暮らすYさん（２９）だ`).
 */
export const CLEFT_REACH = 64;

/** Where the particle after a subject ends (`ザハロワ報道官は` → after は). */
export function afterSubject(text: string, phraseEnd: number, g: SubjectGrammar): number {
  const m = g.subject.exec(text.slice(phraseEnd, phraseEnd + 16));
  return phraseEnd + (m ? m[0].length : 0);
}

/** True when the mention stands right after 「…」と as its subject: `「…」とペスコフ氏は述べた`. */
export function isSubjectAfterQuote(text: string, m: Mention, g: SubjectGrammar): boolean {
  return m.kind !== 'place' && g.afterQuote.test(text.slice(m.phraseEnd, m.phraseEnd + 14));
}

/**
 * An unnamed speaker that is one person or a few (`Yさんの母親`, `住民の一人`): its phrase ends in
 * one of `personWords` — not a body's spokesman standing for the body.
 *
 * @example
 * isPersonPhrase({ ...UNKNOWN, speaker: '住民の一人', speakerKind: 'unnamed' }, ['住民']); // true
 */
export function isPersonPhrase(s: Speaker, personWords: readonly string[]): boolean {
  if (s.speakerKind !== 'unnamed' || s.speaker === null) return false;
  const phrase = s.speaker.replace(GROUP_ENDING, '');
  return personWords.some((w) => phrase.endsWith(w));
}

/** `たち`, `ら`, `の１人` after the word for people. */
const GROUP_ENDING = /(?:たち|ら|の[1１一]人|の一人|のひとり)$/u;
