import type { Knowledge } from '../knowledge/index.js';
import type { Bracket } from './brackets.js';

/** What a bracketed text is: words said (`speech`), words quoted inside a report, or a name. */
export interface QuoteClass {
  kind: 'speech' | 'fragment' | 'term';
  verb: string | null;
  /** Where the text after the quotative と starts (a speaker may stand there: 「…」とX氏は). */
  afterTo: number | null;
  /** Where the reporting verb starts; a speaker after the quote stands before it. */
  verbAt: number | null;
}

const TERM: QuoteClass = { kind: 'term', verb: null, afterTo: null, verbAt: null };
const VERB_WINDOW = 30;
const SENTENCE_LIKE_END = /[だたるいすかよねぞうなぬ]$|[。、！？!?…]/;

/**
 * Tells speech from names and scare quotes by what follows the closing bracket: the quotative
 * と (or との/という) before a speech verb or noun is speech; と呼ばれる and its kin name a thing;
 * a quote standing as its own sentence is speech when it reads as one; a quote followed by a
 * particle is a fragment when its sentence reports speech, else a term.
 *
 * @example
 * classifyQuote('「勝つ」と述べた', { open: 0, close: 3 }, 8, k).kind; // 'speech'
 */
export function classifyQuote(
  text: string,
  q: Bracket,
  sentenceEnd: number,
  k: Knowledge,
): QuoteClass {
  const content = text.slice(q.open + 1, q.close);
  let i = q.close + 1;
  if (text.startsWith('など', i)) i += 2;
  if (text.startsWith('と', i) || text.startsWith('って', i))
    return afterQuotative(text, content, i, sentenceEnd, k);
  const next = text.charAt(q.close + 1);
  if (next === '' || next === '。' || next === '\n' || next === '」') {
    return isSentenceLike(content) && !followsTermCue(text, q.open, k)
      ? speech(null, null, null)
      : TERM;
  }
  if (followsTermCue(text, q.open, k)) return TERM;
  const verb = findVerb(text, q.close + 1, sentenceEnd, k, sentenceEnd - q.close, false);
  return verb ? { kind: 'fragment', verb: verb.surface, afterTo: null, verbAt: null } : TERM;
}

function afterQuotative(
  text: string,
  content: string,
  at: number,
  sentenceEnd: number,
  k: Knowledge,
): QuoteClass {
  let i = at + (text.startsWith('って', at) ? 2 : 1);
  if (text.startsWith('も', i) || text.startsWith('は', i)) i += 1;
  if (k.namingMarkers.longestAt(text, i)) return TERM;
  // 「…」という。 closes a report (`Xによると「…」という`); 「…」という名の is a name.
  if (text.startsWith('いう', i) && /^(?:。|$|こと|\n)/.test(text.slice(i + 2, i + 4))) {
    return isSentenceLike(content) ? speech('という', i, i) : TERM;
  }
  if (text.startsWith('の', i) || text.startsWith('いう', i)) {
    const noun = k.speechNouns.scan(text, i, Math.min(sentenceEnd, i + 12))[0];
    return noun ? speech(noun.value, null, null) : TERM;
  }
  if (text.startsWith('し', i) && !text.startsWith('して', i + 1)) {
    return isSentenceLike(content) ? speech(verbSurface(text, i, i), i, i) : TERM;
  }
  if (text.startsWith('、', i)) i += 1;
  const verb = findVerb(text, i, sentenceEnd, k, VERB_WINDOW, true);
  return verb ? speech(verb.surface, i, verb.at) : TERM;
}

function speech(verb: string | null, afterTo: number | null, verbAt: number | null): QuoteClass {
  return { kind: 'speech', verb, afterTo, verbAt };
}

/** The first speech verb in a window (for speech, one that stops at the next quotation). */
function findVerb(
  text: string,
  from: number,
  sentenceEnd: number,
  k: Knowledge,
  window: number,
  stopAtQuote: boolean,
): { surface: string; at: number } | null {
  let end = Math.min(sentenceEnd, from + window);
  const nextQuote = stopAtQuote ? text.indexOf('「', from) : -1;
  if (nextQuote >= 0 && nextQuote < end) end = nextQuote;
  const m = k.speechVerbs.scan(text, from, end)[0];
  return m ? { surface: verbSurface(text, m.start, m.end), at: m.start } : null;
}

/** The verb as written, with its okurigana up to the first た or る: `述べました`, `投稿`. */
function verbSurface(text: string, start: number, stemEnd: number): string {
  let e = stemEnd;
  const limit = Math.min(text.length, stemEnd + 6);
  while (e < limit && isHiragana(text.charCodeAt(e))) {
    const ch = text.charAt(e);
    e += 1;
    if (ch === 'た' || ch === 'る') return text.slice(start, e);
  }
  const tail = text.slice(stemEnd, e);
  return text.slice(start, stemEnd) + (tail.startsWith('し') ? 'し' : '');
}

function isHiragana(c: number): boolean {
  return c >= 0x3041 && c <= 0x3096;
}

function isSentenceLike(content: string): boolean {
  return content.length >= 8 || SENTENCE_LIKE_END.test(content);
}

function followsTermCue(text: string, open: number, k: Knowledge): boolean {
  const before = text.slice(Math.max(0, open - 8), open).replace(/[、\s]+$/, '');
  return k.termCues.some((cue) => before.endsWith(cue));
}
