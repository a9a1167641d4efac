import type { Quote, Span, SpeakerKind } from '../../model/index.js';
import type { Mention } from '../entities/index.js';

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

const SUBJECT =
  /^」?(?:[(（][^)）]{0,12}[)）])?(?:ら|側|紙|誌|電子版)?(?:は|が|も|によると|によれば|によりますと|の話として|の[^、。「」]{1,6}?(?:によると|によれば|では))/;
const PARTICLE_AFTER_QUOTE = /^」?(?:[(（][^)）]{0,12}[)）])?(?:ら|側)?(?:は|が|も)/;

/** How a mention stands in its clause: topic (`Xは`), source (`Xによると`), or `Xが`. */
export type SubjectKind = 'topic' | 'source' | 'ga';

/** Whether the mention is a topic, a source or a `Xが` of its clause, or none. */
export function subjectKind(text: string, m: Mention): SubjectKind | null {
  if (m.kind === 'place') return null;
  const after = SUBJECT.exec(text.slice(m.phraseEnd, m.phraseEnd + 16));
  if (!after) return null;
  if (after[0].endsWith('が')) return 'ga';
  return /[はも]$/.test(after[0]) ? 'topic' : 'source';
}

/** Where the particle after a subject ends (`ザハロワ報道官は` → after は). */
export function afterSubject(text: string, phraseEnd: number): number {
  const m = SUBJECT.exec(text.slice(phraseEnd, phraseEnd + 16));
  return phraseEnd + (m ? m[0].length : 0);
}

/** True when the mention stands right after 「…」と as its subject: `「…」とペスコフ氏は述べた`. */
export function isSubjectAfterQuote(text: string, m: Mention): boolean {
  return m.kind !== 'place' && PARTICLE_AFTER_QUOTE.test(text.slice(m.phraseEnd, m.phraseEnd + 14));
}
