import type { Knowledge } from '../knowledge/index.js';
import type { Sentences } from './sentences.js';
import { creditEnd, CREDIT_LENGTH } from './classify.js';

/** A sentence that ends by reporting speech without brackets: `…を実施したと発表した。` */
export interface IndirectReport {
  sentence: number;
  /** Where the quotative と (or という) stands: the reported words end here. */
  at: number;
  verb: string;
  /** The reported words start no earlier than this: after the report before it in the sentence. */
  from?: number;
}

/** The report must close its sentence: the verb starts this close to the sentence end. */
const TAIL = 14;

/**
 * Sentences whose main predicate is a reporting verb after the quotative と, not after a closing
 * bracket (that is a direct quote): `北朝鮮は…緊密に協力していく立場を再確認したとしています。`,
 * `発表によると、…60人以上が死亡したという。`.
 *
 * @example
 * findIndirectReports('国防省は攻撃を実施したと発表した。', k, sentences); // [{ sentence: 0, at: 11, verb: '発表した' }]
 */
export function findIndirectReports(
  text: string,
  k: Knowledge,
  sentences: Sentences,
  verbs: readonly { start: number; end: number }[] = k.speechVerbs.scan(text),
): IndirectReport[] {
  const out: IndirectReport[] = [];
  let v = 0;
  for (let i = 0; i < sentences.starts.length; i += 1) {
    const { start, end } = sentences.bounds(i);
    let from: number | undefined;
    // `…必要だと強調し、…に言及した`: a report that ends a clause, not the sentence.
    for (; v < verbs.length && (verbs[v]?.start ?? end) < end; v += 1) {
      const verb = verbs[v];
      if (!verb || verb.start < start) continue;
      const at = verb.start - 1;
      if (text.charAt(at) !== 'と' || closesQuote(text, at) || at - start < 6) continue;
      const comma = text.slice(verb.end, verb.end + MID_TAIL + 1).indexOf('、');
      if (comma < 0) continue;
      out.push({
        sentence: i,
        at,
        verb: text.slice(verb.start, verb.end),
        ...(from ? { from } : {}),
      });
      from = verb.end + comma + 1;
    }
    for (const m of text.slice(start, end).matchAll(k.clauseReportEnding)) {
      const at = start + m.index;
      if (closesQuote(text, at) || at - start < 6) continue;
      out.push({ sentence: i, at, verb: m[0].slice(1, -1), ...(from ? { from } : {}) });
      from = at + m[0].length;
    }
    const found = reportIn(text, k, start, end);
    if (found) out.push({ sentence: i, ...found, ...(from && from < found.at ? { from } : {}) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Okurigana between a reporting verb's stem and the comma that ends its clause. */
const MID_TAIL = 3;

function reportIn(
  text: string,
  k: Knowledge,
  start: number,
  end: number,
): { at: number; verb: string } | null {
  for (let p = Math.max(start + 6, end - TAIL); p < end; p += 1) {
    if (text.charAt(p) !== 'と' || closesQuote(text, p)) continue;
    const closing = k.reportEnding.exec(text.slice(p, end));
    if (closing) return { at: p, verb: closing[0].replace(/[。\s]+$/, '').slice(1) };
    // `…との見解を示した`: the words are put in a speech noun the sentence ends on.
    const noun = text.startsWith('との', p) ? k.speechNouns.longestAt(text, p + 2) : null;
    if (noun && noun.start === p + 2)
      return { at: p, verb: verbTail(text, noun.start, noun.end, end) };
    const v = p + 1 + (text.charAt(p + 1) === '、' ? 1 : 0);
    const verb = k.speechVerbs.longestAt(text, v);
    if (verb && verb.start === v) return { at: p, verb: verbTail(text, verb.start, verb.end, end) };
  }
  return null;
}

function verbTail(text: string, start: number, stemEnd: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/[。！？!?\s]+$/, '')
    .slice(0, stemEnd - start + 6);
}

/** Shorter reported words are rarely worth a quote (`…したと述べた` after a long subject). */
const MIN_INDIRECT = 6;
const LEAD =
  /^[\s、]*(?:(?:[^、「」。はが]{1,12}?(?:日|夜|朝|午前|午後|で|に対し|に対して|に))、)?/;

/**
 * Whether the quotative と at `at` follows a direct quote: right after its closing bracket, or
 * after a credit in brackets that follows it (`「…」（外務省幹部）との見方`, `creditEnd`).
 */
function closesQuote(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  if (before === '」') return true;
  if (before !== '）' && before !== ')') return false;
  // A bounded look back: a credit is short, and a long text of `)と` must stay linear.
  const from = Math.max(0, at - CREDIT_LENGTH - 1);
  const close = text.slice(from, at).lastIndexOf('」');
  return close >= 0 && creditEnd(text, from + close) === at;
}

/** Reported words after a direct quote in the same sentence start after its clause: `「…」と述べ、…と明らかにした`. */
function afterDirectQuote(text: string, from: number, to: number): number {
  const at = text.slice(from, to + 2).lastIndexOf('」と');
  if (at < 0) return from;
  const quoteEnd = from + at;
  const comma = text.indexOf('、', quoteEnd);
  return comma >= 0 && comma < to ? comma + 1 : to;
}

/** Skips a leading time or place phrase (`17日、`, `記者会見で、`) before the reported words. */
function skipLead(text: string, from: number, to: number): number {
  const m = LEAD.exec(text.slice(from, to));
  return from + (m ? m[0].length : 0);
}

/**
 * Where the reported words start, given where the speaker's phrase ends (or the sentence
 * starts): after a time or place phrase and after any direct quote of the same sentence; null
 * when too little is left to be worth a quote.
 */
export function reportedWordsStart(text: string, from: number, to: number): number | null {
  const start = afterDirectQuote(text, skipLead(text, from, to), to);
  return to - start < MIN_INDIRECT ? null : start;
}
