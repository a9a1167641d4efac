import { parseAttribution } from '../../format/index.js';
import type { Candidate, QuoteSite } from './candidates.js';
import type { Discourse, Named } from './discourse.js';
import type { Knowledge } from '../knowledge/index.js';

/** How many lines a post's text may run above its credit line. */
const POST_LINES = 4;
/** How many lines a post's full text may run below its credit line (bounded: asked per quote). */
const FULL_TEXT_LINES = 60;
/** A post's own words: weaker than a topic or a name the post gives, stronger than a carry. */
const POST_TEXT = 7.6;
/** The author naming itself (`当館は…コメントする。「…」`) in the post's full text below: as a topic. */
const SELF_NAMED = 7.9;

/**
 * Speakers a captured post gives a quote: its author, named on the post's credit line (`—
 * Name (@handle) date`) — not a news outlet, whose posts quote others — for a quote in the
 * post's text above that line, and for one in the full text below it when the author names
 * itself there (`これについて、当館は以下の通りコメントする。「…」`).
 *
 * @example
 * postAuthorCandidates(text, site, discourse, k)[0]?.reason; // 'author of the post'
 */
export function postAuthorCandidates(
  text: string,
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
): Candidate[] {
  const own = d.lines.indexOf(site.open);
  const below = creditLineAfter(text, own, d);
  if (below) return [{ speaker: below.speaker, score: POST_TEXT, reason: 'author of the post' }];
  const above = creditLineBefore(text, own, d);
  if (!above) return [];
  // Its own sentence before the quote, or the sentence before when the quote stands alone.
  const sentence = d.sentences.bounds(site.sentence);
  const alone = text.slice(sentence.start, site.open).trim() === '';
  const from = alone ? d.sentences.bounds(Math.max(0, site.sentence - 1)).start : sentence.start;
  return namesItself(text.slice(from, site.open), k)
    ? [{ speaker: above.speaker, score: SELF_NAMED, reason: 'author of the post, naming itself' }]
    : [];
}

/** Whether the author names itself as the subject of the words (`当館は`, `当館として`). */
function namesItself(span: string, k: Knowledge): boolean {
  return k.selfReferences.some((w) => {
    for (let at = span.indexOf(w); at >= 0; at = span.indexOf(w, at + 1))
      if (SELF_SUBJECT.test(span.slice(at + w.length))) return true;
    return false;
  });
}

/** What follows a self-reference that makes it the subject. */
const SELF_SUBJECT = /^(?:は|も|として|の)/u;

/** The author on a credit line right below the quote's line, the post's text unbroken between. */
function creditLineAfter(text: string, own: number, d: Discourse): Named | null {
  for (let line = own + 1; line <= own + POST_LINES && line < d.lines.starts.length; line += 1) {
    const b = d.lines.bounds(line);
    const content = text.slice(b.start, b.end);
    if (content.trim() === '') return null;
    if (isCreditLine(content)) return author(b, d);
  }
  return null;
}

/** The author of the nearest credit line above the quote, within a post's full text. */
function creditLineBefore(text: string, own: number, d: Discourse): Named | null {
  for (let line = own - 1; line >= 0 && own - line <= FULL_TEXT_LINES; line -= 1) {
    const b = d.lines.bounds(line);
    if (isCreditLine(text.slice(b.start, b.end))) return author(b, d);
  }
  return null;
}

/**
 * A captured post's credit line, as the clip format reads it: `— 在日ロシア連邦大使館
 * (@RusEmbassyJ) January 22, 2027`.
 */
function isCreditLine(line: string): boolean {
  return line.startsWith('— ') && parseAttribution(line) !== null;
}

function author(b: { start: number; end: number }, d: Discourse): Named | null {
  const named = d.namedIn(b.start + 2, b.end).filter((n) => n.speaker.speakerKind !== null);
  const first = named[0];
  return first && !first.mention.outlet ? first : null;
}
