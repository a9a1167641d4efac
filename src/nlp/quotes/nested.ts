import type { Quote } from '../../model/index.js';
import { mentionAt, type Mention } from '../entities/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { bracketQuotes, type Attributed, type BracketQuote } from './bracket-quotes.js';
import { findBrackets, type Bracket } from './brackets.js';
import { Discourse } from './discourse.js';
import { Sentences } from './sentences.js';
import { UNKNOWN } from './speaker.js';

/** How deep quotes inside quotes are read: a quote in a quote in a quote, no deeper. */
const MAX_DEPTH = 2;

/** Words nested in a quote count as said only when they read as a sentence of their own. */
const SENTENCE_END = /[だたるいすかよねぞうなぬくぐつぶむろれえせ]$|[。、！？!?…]$/u;
const MIN_SENTENCE = 8;

/**
 * Quotations nested in a quotation (`Aは「Bが『…』と述べた」と語った`), read as a text of
 * their own: the outer quote's words are one small discourse, so whoever they name as saying
 * the inner words (`Bが`, `『…』とB氏は`, the agent of `Bから『…』と言われた`) speaks them, and
 * a speaker naming themself (`私は『…』と伝えた`) is the outer quote's. Inner words count as
 * said only when a speech verb reports them and they read as a sentence. Everything else is a
 * `term`: a word or phrase quoted in a quote (`『和平の方式』`), a title (`著書『…』`), a name,
 * hearsay (`『…』と言われている`), and words whose speaker the quote does not name — the
 * outer speaker quoting someone unknown, which no one can be credited with (the outer quote,
 * which holds them, is the speaker's). The words of a term (`映画『「…」の研究』`) belong to
 * its name and hold no quotes.
 *
 * @example
 * nestedQuotes(text, outer, k, mentions)[0]?.quote.speaker; // 'B'
 */
export function nestedQuotes(
  text: string,
  outer: BracketQuote,
  k: Knowledge,
  mentions: readonly Mention[],
  context: Discourse,
  depth = 1,
): Attributed[] {
  const inner = outer.bracket.inner;
  if (!inner || inner.length === 0 || depth > MAX_DEPTH || outer.quote.kind === 'term') return [];
  // Only words reading as a sentence and reported with と (`『…』と述べた`) can be said: with no
  // such inner quote, each is a term, and the outer words need no reading of their own.
  if (!inner.some((b) => maySpeak(text, b))) return inner.map((b) => termAt(text, b));
  const from = outer.bracket.open + 1;
  const words = text.slice(from, outer.bracket.close);
  const brackets = findBrackets(words);
  const named = mentionsIn(mentions, from, outer.bracket.close);
  const d = new Discourse(words, named, brackets, new Sentences(words, brackets), k);
  // The same pairs as found in the whole text, whose own inner pairs are in its offsets.
  const whole = new Map(inner.map((b) => [b.open, b]));
  const out: Attributed[] = [];
  for (const found of bracketQuotes(words, brackets, d, k, true)) {
    const self = selfNamed(words, found.bracket.open, d, k);
    const placed = shifted(found, from);
    const nested = asNested(placed.quote, outer.quote, self, k);
    const quote = holderOutside(
      pronounOutside(
        nested,
        placed.quote,
        words,
        found.bracket.open,
        named,
        d,
        outer.quote,
        context,
        from,
      ) ?? nested,
      context,
      from,
    );
    out.push({ ...placed, quote });
    const bracket = whole.get(found.bracket.open + from);
    if (bracket)
      out.push(
        ...nestedQuotes(text, { ...placed, quote, bracket }, k, mentions, context, depth + 1),
      );
  }
  return out;
}

/** How many people named before a quote are looked through for the holder of a bare title. */
const HOLDER_REACH = 16;

/**
 * `ペスコフ報道官は「大統領は『…』と述べた」`: a bare title in the quoted words names whom the
 * text named with that title before the quote (`プーチン大統領`), as it would outside quotes.
 */
function holderOutside(q: Quote, context: Discourse, at: number): Quote {
  const title = q.speaker;
  if (q.kind === 'term' || title === null || q.canonical !== null) return q;
  const before = context.namedIn(Math.max(0, at - LOOK_BACK), at);
  for (let i = before.length - 1; i >= 0 && i >= before.length - HOLDER_REACH; i -= 1) {
    const n = before[i];
    if (!n || n.mention.kind !== 'person' || n.speaker.canonical === null) continue;
    if (n.mention.title !== title) continue;
    return {
      ...q,
      canonical: n.speaker.canonical,
      org: n.speaker.org,
      speakerKind: 'person',
      attribution: 'coreference',
      reasons: [...(q.reasons ?? []), 'a bare title, held by the person named so before the quote'],
    };
  }
  return q;
}

/**
 * `ラブロフ氏は「同氏は『…』と繰り返した」と述べた`: words said by someone the quote calls
 * 同氏, 彼 or 彼女 (or 同 with a title, `同大統領`) are the words of the person the text named
 * before the quote — never the one quoting, who names themself 私. Null when no pronoun is the
 * inner words' subject, or no one fits.
 */
function pronounOutside(
  nested: Quote,
  found: Quote,
  words: string,
  open: number,
  named: readonly Mention[],
  d: Discourse,
  outer: Quote,
  context: Discourse,
  at: number,
): Quote | null {
  // Only words read as said (a report verb, a sentence) that no one inside the quote says.
  if (nested.kind !== 'term' || found.kind !== 'speech' || found.speaker !== null) return null;
  if (!readsAsSentence(found.text)) return null;
  const { start } = d.sentences.bounds(d.sentences.indexOf(open));
  const pronoun = named.find(
    (m) =>
      m.kind === 'coref' &&
      m.start >= start &&
      m.phraseEnd < open &&
      SUBJECT_PARTICLE.test(words.charAt(Math.max(m.end, m.phraseEnd))),
  );
  if (!pronoun) return null;
  const title = pronoun.title === null || pronoun.title === '氏' ? null : pronoun.title;
  const before = context.namedIn(Math.max(0, at - LOOK_BACK), at);
  for (let i = before.length - 1; i >= 0 && i >= before.length - HOLDER_REACH; i -= 1) {
    const n = before[i];
    if (!n || n.mention.kind !== 'person' || n.speaker.canonical === null) continue;
    if (n.speaker.canonical === outer.canonical) continue;
    if (title !== null && n.mention.title !== title) continue;
    return {
      ...found,
      ...n.speaker,
      speakerKind: 'person',
      attribution: 'coreference',
      // As for 同氏 outside quotes: the span is the pronoun's, the name its antecedent's.
      speakerSpan: { start: at + pronoun.start, end: at + pronoun.phraseEnd },
      reasons: [`${pronoun.surface} in the quoted words: the person named before the quote`],
    };
  }
  return null;
}

const SUBJECT_PARTICLE = /^[はがも]$/u;

/** How far before a quote a bare title's holder may be named. */
const LOOK_BACK = 2000;

const REPORTED_AFTER = /^(?:など)?(?:と|って)/u;

function maySpeak(text: string, b: Bracket): boolean {
  return (
    REPORTED_AFTER.test(text.slice(b.close + 1, b.close + 4)) &&
    readsAsSentence(text.slice(b.open + 1, b.close))
  );
}

/** The words in `b` as a term. */
function termAt(text: string, b: Bracket): Attributed {
  const quote: Quote = {
    start: b.open + 1,
    end: b.close,
    text: text.slice(b.open + 1, b.close),
    kind: 'term',
    verb: null,
    ...UNKNOWN,
    reasons: [],
  };
  return { quote, score: 0, titleLine: false };
}

/** An inner quote as it stands in the outer one (see {@link nestedQuotes}). */
function asNested(q: Quote, outer: Quote, self: boolean, k: Knowledge): Quote {
  if (q.kind === 'term') return q;
  const said = q.kind === 'speech' && readsAsSentence(q.text) && isReportVerb(q.verb, k);
  if (said && q.speaker !== null) return q;
  if (!said || !self || outer.speaker === null)
    return { ...q, kind: 'term', verb: null, ...UNKNOWN, reasons: [] };
  return {
    ...q,
    speaker: outer.speaker,
    canonical: outer.canonical,
    org: outer.org,
    speakerKind: outer.speakerKind ?? null,
    speakerSpan: outer.speakerSpan,
    attribution: 'coreference',
    reasons: [SELF],
  };
}

const SELF = 'the speaker of the quote it stands in, naming themself';

/** A speech verb (`述べた`) or a passive report (`言われた`), not a speech noun or `という`. */
function isReportVerb(verb: string | null, k: Knowledge): boolean {
  if (verb === null) return false;
  const v = k.speechVerbs.longestAt(verb, 0) ?? k.passiveSpeechVerbs.longestAt(verb, 0);
  return v !== null && v.start === 0;
}

/** Whether the quote's sentence, before it, has a first-person subject (`私は`, `我々が`). */
function selfNamed(words: string, open: number, d: Discourse, k: Knowledge): boolean {
  const { start } = d.sentences.bounds(d.sentences.indexOf(open));
  const before = words.slice(start, open);
  return k.firstPersonWords.some((w) => {
    for (let at = before.indexOf(w); at >= 0; at = before.indexOf(w, at + 1)) {
      const end = at + w.length + (before.charAt(at + w.length) === 'ら' ? 1 : 0);
      if ('はがも'.includes(before.charAt(end)) && end < before.length) return true;
    }
    return false;
  });
}

function readsAsSentence(words: string): boolean {
  return words.length >= MIN_SENTENCE || SENTENCE_END.test(words);
}

/**
 * The mentions inside `[from, to)`, moved to offsets in those words. Mentions are in text
 * order, so a binary search finds the first.
 */
function mentionsIn(mentions: readonly Mention[], from: number, to: number): Mention[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid]?.start ?? Infinity) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < mentions.length; i += 1) {
    const m = mentions[i];
    if (!m || m.start >= to) break;
    if (m.phraseEnd <= to) out.push(mentionAt(m, m.start - from, m.end - from, m.phraseEnd - from));
  }
  return out;
}

/** A quote found in the words of another, moved to the offsets of the whole text. */
function shifted(a: Attributed, by: number): Attributed {
  const q = a.quote;
  const span = q.speakerSpan;
  return {
    ...a,
    quote: {
      ...q,
      start: q.start + by,
      end: q.end + by,
      speakerSpan: span ? { start: span.start + by, end: span.end + by } : null,
    },
  };
}
