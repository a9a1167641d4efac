import type { Quote } from '../../model/index.js';
import { cleanQuote } from './clean.js';
import { withoutEmoji } from './emoji.js';
import { HONORIFIC, nameKey } from './names.js';
import { opensWithReference, withoutConnective } from './references.js';
import type { WritingRules } from './writing-rules.js';

/** A run of whole sentences of a long quotation, quoted on its own. */
export interface Passage {
  /** Its words as the curator writes them, a connective at its start dropped. */
  text: string;
  /** Where it stands in the annotated text. */
  start: number;
  end: number;
  /** Where it starts among the quotation's sentences: 0 for the first, towards 1 for the last. */
  at: number;
  /** The share of its sentences in which the speaker addresses the listeners, asks or urges. */
  voice: number;
}

// A sentence runs to its stop (。！？ and their ASCII forms, several together) or line break.
const SENTENCE = /[^。！？!?\n]+(?:[。！？!?]+|(?=\n)|$)/gu;

interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Names its own speaker (`…ウォレスは述べた`): the poster's narration, not the speech. */
  narration: boolean;
  /** Opens by pointing back: cannot begin a passage. */
  dangling: boolean;
  voice: boolean;
}

/**
 * The passages a long quotation is quoted in, or null for a quotation short enough to quote
 * whole (at most `cap` characters as the curator writes it). A speech of many sentences (a
 * 🗣️ block, a transcript) is quoted a passage at a time, as a curator does: each passage is a
 * run of whole sentences of at most `cap` characters (a first sentence longer than that stands
 * alone), and never starts with a sentence that points back (`これは…`) nor holds one that names
 * the speaker (`…ウォレスは悲痛に述べた` is the poster telling who spoke). Each says how far into
 * the speech it starts and how much of it is in the speaker's own voice (the lexicon's
 * `voice`: addressing the listeners, asking, urging), which is where a speech is quoted from.
 *
 * @example
 * passages(quote, text, 80, rules)?.map((p) => p.text); // ['あなた方は…のだろう。この大虐殺に…のか?', …]
 */
export function passages(
  q: Quote,
  source: string,
  cap: number,
  rules: WritingRules,
): Passage[] | null {
  if (q.kind !== 'speech' || source.slice(q.start, q.end) !== q.text) return null;
  if (cleanQuote(q, rules).length <= cap) return null;
  const sentences = sentencesOf(q, rules);
  const out: Passage[] = [];
  sentences.forEach((first, i) => {
    if (first.narration || first.dangling) return;
    let j = i;
    while (j + 1 < sentences.length && !(sentences[j + 1] as Sentence).narration) {
      const longer = textOf(q, first.start, (sentences[j + 1] as Sentence).end, rules);
      if (longer.length > cap) break;
      j += 1;
    }
    const run = sentences.slice(i, j + 1);
    out.push({
      text: textOf(q, first.start, run[run.length - 1]?.end ?? first.end, rules),
      start: first.start,
      end: run[run.length - 1]?.end ?? first.end,
      at: i / sentences.length,
      voice: run.filter((s) => s.voice).length / run.length,
    });
  });
  return out;
}

function sentencesOf(q: Quote, rules: WritingRules): Sentence[] {
  const names = speakerNames(q);
  const out: Sentence[] = [];
  for (const m of q.text.matchAll(SENTENCE)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const start = q.start + (m.index ?? 0) + lead;
    const end = q.start + (m.index ?? 0) + raw.trimEnd().length;
    const text = cleanQuote({ kind: 'speech', text: raw }, rules);
    // Emoji, an ellipsis or a list mark alone say nothing.
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const said = withoutEmoji(raw).trim();
    out.push({
      start,
      end,
      text,
      narration: names.some((n) => text.includes(n)),
      dangling: opensWithReference(withoutConnective(text, rules), rules),
      voice: rules.address.test(text) || rules.appeal.test(said),
    });
  }
  return out;
}

/** The passage from `start` to `end` of the text as the curator writes it. */
function textOf(q: Quote, start: number, end: number, rules: WritingRules): string {
  const raw = q.text.slice(start - q.start, end - q.start);
  return withoutConnective(cleanQuote({ kind: 'speech', text: raw }, rules), rules);
}

/**
 * The names a person speaking goes by in the text: as written (without 氏), canonical, family
 * name. None for a body: an organisation or country often names itself (`ロシアは…`).
 */
function speakerNames(q: Quote): string[] {
  if (q.speakerKind !== 'person') return [];
  const written =
    q.speaker !== null && q.speaker.endsWith(HONORIFIC) ? q.speaker.slice(0, -1) : q.speaker;
  const names = [written, q.canonical, q.speaker === null ? null : nameKey(q.speaker)];
  return names.filter((n): n is string => n !== null && n.length >= 2);
}
