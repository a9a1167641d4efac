import type { Quote, Span } from '../../model/index.js';
import type { Mention } from '../entities/index.js';

/** Who said it, as it goes into a {@link Quote}. */
export interface Speaker {
  speaker: string | null;
  canonical: string | null;
  org: string | null;
  attribution: Quote['attribution'];
  speakerSpan: Span | null;
}

export const UNKNOWN: Speaker = {
  speaker: null,
  canonical: null,
  org: null,
  attribution: 'unknown',
  speakerSpan: null,
};

const SUBJECT =
  /^」?(?:[(（][^)）]{0,12}[)）])?(?:ら)?(?:は|が|も|によると|によれば|によりますと|の[^、。「」]{1,6}?(?:によると|によれば|では))/;
const PARTICLE_AFTER_QUOTE = /^」?(?:[(（][^)）]{0,12}[)）])?(?:ら)?(?:は|が|も)/;

/** How a mention stands in its clause: topic (`Xは`), source (`Xによると`), or `Xが`. */
export type SubjectKind = 'topic' | 'source' | 'ga';

/** A subject seen so far: who, how, where it starts, and where its phrase ends. */
export interface Subject {
  speaker: Speaker;
  how: SubjectKind;
  at: number;
  end: number;
}

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

/**
 * Tracks the people and bodies named so far, so 同氏, 同相, 彼 and subject-less sentences
 * resolve to the last one named. Mentions must be fed in text order.
 */
export class Discourse {
  private lastPerson: Speaker | null = null;
  private lastOrg: Speaker | null = null;
  /** The last topic or source (`Xは`, `Xによると`) and the last `Xが`, with where they stand. */
  topic: Subject | null = null;
  ga: Subject | null = null;
  /** Every subject so far, in order, to find the main one of a sentence. */
  private readonly subjects: Subject[] = [];
  /** The last person or body named, subject or not: the speaker of a 🗣️ block. */
  lastNamed: Speaker | null = null;
  private readonly byTitle = new Map<string, Speaker>();

  constructor(
    private readonly text: string,
    private readonly mentions: readonly Mention[],
  ) {}

  /** Records a mention, returning it resolved to a speaker (null for places and countries). */
  see(m: Mention, how: SubjectKind | null): Speaker | null {
    const s = this.resolve(m);
    if (!s) return null;
    if (m.kind === 'person' || (m.kind === 'coref' && !m.generic)) this.rememberPerson(s, m);
    if (m.kind === 'organisation') this.lastOrg = s;
    if (m.kind === 'person' || m.kind === 'organisation' || m.kind === 'coref') this.lastNamed = s;
    if (!how) return s;
    const subject = { speaker: s, how, at: m.start, end: m.phraseEnd };
    if (how === 'ga') this.ga = subject;
    else this.topic = subject;
    this.subjects.push(subject);
    return s;
  }

  /**
   * The main subject in `[from, to)` of a sentence that reports speech: its first topic
   * (`英国防省は、A50は…だろうと分析している` is 英国防省's analysis), else its first `Xが`,
   * else its source (`関係筋によると、中銀は…と主張` is the bank's claim).
   */
  mainSubjectIn(from: number, to: number): Subject | null {
    let lo = 0;
    let hi = this.subjects.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.subjects[mid]?.at ?? 0) < from) lo = mid + 1;
      else hi = mid;
    }
    const inside = [];
    for (let i = lo; i < this.subjects.length && (this.subjects[i]?.at ?? to) < to; i += 1)
      inside.push(this.subjects[i]);
    const order: SubjectKind[] = ['topic', 'ga', 'source'];
    for (const how of order) {
      const found = inside.find((x) => x?.how === how);
      if (found) return found;
    }
    return null;
  }

  private rememberPerson(s: Speaker, m: Mention): void {
    if (s.canonical === null) return;
    this.lastPerson = s;
    if (!m.title) return;
    this.byTitle.delete(m.title);
    this.byTitle.set(m.title, s);
  }

  private resolve(m: Mention): Speaker | null {
    const span = { start: m.start, end: m.phraseEnd };
    if (m.kind === 'coref') {
      const target = m.generic ? this.lastOrg : this.antecedent(m.title);
      return target ? { ...target, attribution: 'coreference', speakerSpan: span } : null;
    }
    if (m.kind === 'place' || (m.kind === 'country' && m.via === 'flag')) return null;
    const speaker = this.text.slice(m.start, m.phraseEnd);
    const org = qualifierOf(this.text, m, this.mentions) ?? m.org;
    const canonical = m.kind === 'role' ? null : m.canonical;
    return { speaker, canonical, org, attribution: 'explicit', speakerSpan: span };
  }

  /** 同相 → the last person with a title ending in 相; 同氏 and 彼 → the last person. */
  private antecedent(title: string | null): Speaker | null {
    if (title && title !== '氏') {
      for (const [t, s] of [...this.byTitle].reverse()) if (t.endsWith(title)) return s;
    }
    return this.lastPerson;
  }
}

/**
 * The organisation or country written before a name: `ロシア外務省のザハロワ報道官`,
 * `北大西洋条約機構(NATO)のバウアー軍事委員長`, `🇷🇺常駐代表部`.
 */
function qualifierOf(text: string, m: Mention, mentions: readonly Mention[]): string | null {
  let at = m.start;
  if (text.charAt(at - 1) === 'の') at -= 1;
  const close = text.charAt(at - 1);
  if (close === ')' || close === '）') {
    const open = Math.max(text.lastIndexOf('(', at), text.lastIndexOf('（', at));
    if (open >= 0 && at - open < 20) at = open;
  }
  const q = findEndingAt(mentions, at);
  const kinds = ['organisation', 'country', 'place'];
  return q && q !== m && kinds.includes(q.kind) ? (q.canonical ?? q.surface) : null;
}

function findEndingAt(mentions: readonly Mention[], at: number): Mention | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (!m) break;
    if (m.start < at) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i -= 1) {
    const m = mentions[i];
    if (m && (m.phraseEnd === at || m.end === at)) return m;
  }
  return undefined;
}
