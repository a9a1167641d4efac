import type { Quote } from '../../model/index.js';
import { firstMentionFrom, type Mention } from '../entities/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { findBrackets, type Bracket } from './brackets.js';
import { classifyQuote, type QuoteClass } from './classify.js';
import { Sentences } from './sentences.js';
import {
  afterSubject,
  Discourse,
  isSubjectAfterQuote,
  subjectKind,
  UNKNOWN,
  type Speaker,
} from './speaker.js';
import { findIndirectReports, reportedWordsStart, type IndirectReport } from './indirect.js';
import { findMarkBlocks, type MarkBlock } from './speech-marks.js';

/** The brackets and sentences of a text, computed once and shared by quotes and caveats. */
export interface TextLayout {
  brackets: Bracket[];
  sentences: Sentences;
}

/** Finds the outermost brackets and the sentence boundaries around them. */
export function layoutOf(text: string): TextLayout {
  const brackets = findBrackets(text);
  return { brackets, sentences: new Sentences(text, brackets) };
}

/** A subject named up to this many sentences back still speaks in a sentence without one. */
const CARRY_SENTENCES = 2;

/**
 * Direct quotations with their speakers: bracketed speech (`Xは「…」と述べた`, `「…」とXは`,
 * `Xによると「…」`), fragments quoted inside reported speech, and 🗣️ blocks in posts. Names and
 * scare quotes (「ダボス会議」) are left out; brackets inside a quotation belong to it.
 *
 * @example
 * extractQuotes('ロシアのプーチン大統領は16日、「主導権は我々にある」と主張した', k, mentions)[0];
 * // { text: '主導権は我々にある', speaker: 'プーチン大統領', canonical: 'プーチン', org: 'ロシア', verb: '主張した', … }
 */
export function extractQuotes(
  text: string,
  k: Knowledge,
  mentions: readonly Mention[],
  layout: TextLayout = layoutOf(text),
): Quote[] {
  const blocks = findMarkBlocks(text, k);
  const brackets = outsideBlocks(layout.brackets, blocks);
  const { sentences } = layout;
  const discourse = new Discourse(text, mentions);
  const reports = findIndirectReports(text, k, sentences).filter((r) => !insideBlock(r.at, blocks));
  const events: Event[] = [
    ...brackets.map((b) => ({ at: b.open, b })),
    ...blocks.map((m) => ({ at: m.mark, m })),
    ...reports.map((r) => ({ at: r.at, r })),
  ];
  events.sort((x, y) => x.at - y.at);
  const out: Quote[] = [];
  let mi = 0;
  let bi = 0;
  for (const e of events) {
    for (; mi < mentions.length && (mentions[mi]?.start ?? 0) < e.at; mi += 1) {
      const m = mentions[mi];
      while (m && bi < brackets.length && (brackets[bi]?.close ?? 0) < m.start) bi += 1;
      if (m && !isQuotedWords(m, brackets[bi])) discourse.see(m, subjectKind(text, m));
    }
    const ctx = { sentences, discourse, mentions };
    const q =
      'b' in e
        ? bracketQuote(text, e.b, k, ctx)
        : 'm' in e
          ? markQuote(text, e.m, ctx)
          : indirectQuote(text, e.r, ctx);
    if (q) out.push(q);
  }
  return out;
}

/**
 * A name inside quoted words (「プーチンの国は…」) is not a subject of the report, so it must not
 * become the antecedent of 同氏; a bracket that is only the name (「OVDインフォ」によると) is.
 */
function isQuotedWords(m: Mention, b: Bracket | undefined): boolean {
  return (
    !!b && b.open < m.start && m.end <= b.close && b.close - b.open - 1 > m.phraseEnd - m.start + 4
  );
}

type Event = { at: number } & ({ b: Bracket } | { m: MarkBlock } | { r: IndirectReport });

/** Whether `at` lies in a 🗣️ block; blocks are sorted and disjoint, so a binary search does. */
function insideBlock(at: number, blocks: readonly MarkBlock[]): boolean {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid];
    if (!b) return false;
    if (at < b.start) hi = mid - 1;
    else if (at >= b.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Reported speech without brackets: the words run from after the speaker (`Xは17日、`) or the
 * start of a sentence with no subject, to the quotative と.
 */
function indirectQuote(text: string, r: IndirectReport, ctx: Context): Quote | null {
  const bounds = ctx.sentences.bounds(r.sentence);
  const subject = ctx.discourse.mainSubjectIn(bounds.start, r.at);
  const who = subject?.speaker ?? speakerBefore(ctx, r.sentence, bounds.start, r.at);
  const from = reportedWordsStart(
    text,
    subject ? afterSubject(text, subject.end) : bounds.start,
    r.at,
  );
  if (from === null) return null;
  const speaker = who ?? UNKNOWN;
  return {
    start: from,
    end: r.at,
    kind: 'indirect',
    text: text.slice(from, r.at),
    verb: r.verb,
    ...speaker,
  };
}

interface Context {
  sentences: Sentences;
  discourse: Discourse;
  mentions: readonly Mention[];
}

function bracketQuote(text: string, b: Bracket, k: Knowledge, ctx: Context): Quote | null {
  const s = ctx.sentences.indexOf(b.open);
  const bounds = ctx.sentences.bounds(s);
  const cls = classifyQuote(text, b, ctx.sentences.bounds(ctx.sentences.indexOf(b.close)).end, k);
  const headline = cls.kind === 'speech' ? null : headlineSpeaker(text, b, ctx);
  if (cls.kind === 'term' && !headline) return null;
  const before = speakerBefore(ctx, s, bounds.start, b.open);
  const inSentence = before && before.attribution !== 'carried' ? before : null;
  const ahead = cls.verb === null && !inSentence ? speakerInNextSentence(text, s, k, ctx) : null;
  const who = headline ?? speakerAfter(text, cls, ctx) ?? inSentence ?? ahead ?? before ?? UNKNOWN;
  const kind = headline || cls.kind === 'term' ? 'speech' : cls.kind;
  const inner = { start: b.open + 1, end: b.close, text: text.slice(b.open + 1, b.close) };
  return { ...inner, kind, verb: cls.verb, ...who };
}

const CATAPHOR = /(?:こう|このように|そう)[^。、]{0,4}?$/;

/**
 * A quote standing as its own sentence, then the speaker: `「勝利は近い」。大統領はこう訴えた。`
 * The next sentence must point back with こう or このように before a speech verb.
 */
function speakerInNextSentence(
  text: string,
  s: number,
  k: Knowledge,
  ctx: Context,
): Speaker | null {
  const next = ctx.sentences.bounds(s + 1);
  const verb = k.speechVerbs
    .scan(text, next.start, next.end)
    .find((v) => CATAPHOR.test(text.slice(next.start, v.start)));
  if (!verb) return null;
  for (let i = firstMentionFrom(ctx.mentions, next.start); i < ctx.mentions.length; i += 1) {
    const m = ctx.mentions[i];
    if (!m || m.start >= verb.start) break;
    if (subjectKind(text, m) === 'topic' || subjectKind(text, m) === 'ga') {
      return new Discourse(text, ctx.mentions).see(m, 'topic');
    }
  }
  return null;
}

/**
 * Headlines put the speaker before the quote with no particle: `プーチン大統領「ロシアに主導権」`
 * (NHK), `ゼレンスキー氏、「春までに反撃」` (Reuters). The name must open the line.
 */
function headlineSpeaker(text: string, b: Bracket, ctx: Context): Speaker | null {
  const lineStart = text.lastIndexOf('\n', b.open - 1) + 1;
  const end = text.charAt(b.open - 1) === '、' ? b.open - 1 : b.open;
  const i = firstMentionFrom(ctx.mentions, lineStart);
  for (let j = i; j < ctx.mentions.length; j += 1) {
    const m = ctx.mentions[j];
    if (!m || m.start >= end) break;
    const speaks = m.kind === 'person' || m.kind === 'organisation' || m.kind === 'role';
    if (speaks && m.phraseEnd === end && m.start === lineStart)
      return new Discourse(text, ctx.mentions).see(m, 'topic');
  }
  return null;
}

/** `「…」とペスコフ報道官は述べた`: the subject right after the quotative と. */
function speakerAfter(text: string, cls: QuoteClass, ctx: Context): Speaker | null {
  if (cls.afterTo === null || cls.verbAt === null) return null;
  const from = cls.afterTo + (text.charAt(cls.afterTo) === '、' ? 1 : 0);
  const before = cls.verbAt;
  for (let i = firstMentionFrom(ctx.mentions, from); i < ctx.mentions.length; i += 1) {
    const m = ctx.mentions[i];
    if (!m || m.start > from + 20 || m.phraseEnd > before) break;
    if (isSubjectAfterQuote(text, m)) return new Discourse(text, ctx.mentions).see(m, 'topic');
  }
  return null;
}

/**
 * The subject before the quote in its sentence: the topic (`Xは`, `Xによると`) unless a `Xが`
 * stands right before the quote (`兵士が「…」と訴えた`) — a が earlier in the sentence is more
 * often inside a relative clause (`支持者らが運営するSNSに「…」と投稿`). With no subject in the
 * sentence, the topic of the last sentences carries over.
 */
function speakerBefore(
  ctx: Context,
  s: number,
  sentenceStart: number,
  open: number,
): Speaker | null {
  const { topic, ga } = ctx.discourse;
  if (ga && ga.at >= sentenceStart && open - ga.end <= 2) return ga.speaker;
  if (topic && topic.at >= sentenceStart) return topic.speaker;
  if (ga && ga.at >= sentenceStart) return ga.speaker;
  if (!topic) return null;
  const back = s - ctx.sentences.indexOf(topic.at);
  return back <= CARRY_SENTENCES ? { ...topic.speaker, attribution: 'carried' } : null;
}

/** A 🗣️ block speaks for the subject named just before it, else the last person or body named. */
function markQuote(text: string, m: MarkBlock, ctx: Context): Quote {
  const d = ctx.discourse;
  const topic = d.topic;
  const recent = topic && ctx.sentences.indexOf(m.mark) - ctx.sentences.indexOf(topic.at) <= 3;
  const who = (recent ? topic.speaker : null) ?? d.lastNamed;
  const speaker = who ? { ...who, attribution: 'mark' as const } : UNKNOWN;
  return {
    start: m.start,
    end: m.end,
    kind: 'speech',
    text: text.slice(m.start, m.end),
    verb: null,
    ...speaker,
  };
}

/** Brackets inside a 🗣️ block are part of its words. Both lists are sorted. */
function outsideBlocks(brackets: Bracket[], blocks: readonly MarkBlock[]): Bracket[] {
  if (blocks.length === 0) return brackets;
  let k = 0;
  return brackets.filter((b) => {
    while (k < blocks.length && (blocks[k]?.end ?? 0) <= b.open) k += 1;
    const m = blocks[k];
    return !(m && m.start <= b.open && b.open < m.end);
  });
}
