import type { Caveat } from '../../model/index.js';
import { firstMentionFrom, type Mention } from '../entities/index.js';
import type { CaveatPhrase, Knowledge, TrieMatch } from '../knowledge/index.js';
import type { Sentences } from '../quotes/sentences.js';

const SUBJECT_AFTER = /^」?(?:は|も|が|としては)/;
const SOURCE_AFTER = /^」?(?:によると|によれば|によりますと|は|が)/;

/**
 * Caveats the outlet attaches to a claim: `CNNはこの数字を独自に検証することはできない`,
 * `国防省は証拠を示していない`. Each is tied to the claim's sentence — the clause before `が、`
 * in the same sentence, else the previous sentence that is not itself a caveat — and to who
 * made the claim (`Xによると`, the subject of the claim, or the subject of a no-evidence caveat)
 * and who could not verify it (an outlet as subject).
 *
 * @example
 * findCaveats(text, k, sentences, mentions)[0]?.verifier; // 'CNN'
 */
export function findCaveats(
  text: string,
  k: Knowledge,
  sentences: Sentences,
  mentions: readonly Mention[],
): Caveat[] {
  const hits = k.caveats.scan(text);
  const ctx: Ctx = {
    text,
    sentences,
    mentions,
    caveatSentences: new Set(hits.map((h) => sentences.indexOf(h.start))),
    sourceOfClaim: new Map(),
  };
  return hits.map((h) => caveatAt(ctx, h));
}

interface Ctx {
  text: string;
  sentences: Sentences;
  mentions: readonly Mention[];
  caveatSentences: Set<number>;
  /** The source found for each claim, so two caveats on one claim agree. */
  sourceOfClaim: Map<number, string | null>;
}

function caveatAt(ctx: Ctx, h: TrieMatch<CaveatPhrase>): Caveat {
  const { text, sentences, mentions } = ctx;
  const s = sentences.indexOf(h.start);
  const own = sentences.bounds(s);
  const subject = subjectIn(text, mentions, own.start, h.start, SUBJECT_AFTER, 'last');
  const claim = claimOf(
    text,
    sentences,
    s,
    own.start,
    subject?.start ?? h.start,
    ctx.caveatSentences,
  );
  const fromClaim = subjectIn(text, mentions, claim.start, claim.end, SOURCE_AFTER, 'first');
  const claimant =
    h.value.kind !== 'unverified' && subject && !subject.outlet ? name(subject) : null;
  const claimSource =
    claimant ??
    (fromClaim ? name(fromClaim) : null) ??
    ctx.sourceOfClaim.get(claim.start) ??
    lastSubjectBefore(text, mentions, claim.start);
  ctx.sourceOfClaim.set(claim.start, claimSource);
  const verifier = subject?.outlet ? name(subject) : null;
  const surface = text.slice(h.start, h.end);
  return { start: h.start, end: h.end, kind: h.value.kind, surface, claim, claimSource, verifier };
}

function name(m: Mention): string {
  return m.canonical ?? m.surface;
}

/** The first or last mention in `[from, to)` followed by a subject or source particle. */
function subjectIn(
  text: string,
  mentions: readonly Mention[],
  from: number,
  to: number,
  after: RegExp,
  which: 'first' | 'last',
): Mention | null {
  let found: Mention | null = null;
  for (let i = firstMentionFrom(mentions, from); i < mentions.length; i += 1) {
    const m = mentions[i];
    if (!m || m.start >= to) break;
    if (m.kind === 'place' || !after.test(text.slice(m.phraseEnd, m.phraseEnd + 8))) continue;
    if (which === 'first') return m;
    found = m;
  }
  return found;
}

function lastSubjectBefore(text: string, mentions: readonly Mention[], at: number): string | null {
  let found: string | null = null;
  for (let i = firstMentionFrom(mentions, at - 300); i < mentions.length; i += 1) {
    const m = mentions[i];
    if (!m || m.start >= at) break;
    if (m.kind !== 'place' && SOURCE_AFTER.test(text.slice(m.phraseEnd, m.phraseEnd + 8)))
      found = name(m);
  }
  return found;
}

function claimOf(
  text: string,
  sentences: Sentences,
  s: number,
  sentenceStart: number,
  subjectStart: number,
  caveatSentences: Set<number>,
): { start: number; end: number } {
  const clause = text.lastIndexOf('が、', subjectStart);
  if (clause > sentenceStart + 4) return { start: sentenceStart, end: clause + 1 };
  for (let i = s - 1; i >= 0; i -= 1) {
    if (!caveatSentences.has(i)) return trimmed(text, sentences.bounds(i));
  }
  return trimmed(text, sentences.bounds(s));
}

function trimmed(text: string, b: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = b;
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
  return { start, end };
}
