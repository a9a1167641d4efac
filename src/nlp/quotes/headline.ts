import type { Candidate, QuoteSite } from './candidates.js';
import type { Discourse, Named } from './discourse.js';

/** Headline-like lines are short and end no sentence: `プーチン大統領「主導権は我々にある」`. */
const MAX_TITLE_LINE = 100;
const MAX_NAME_LINE = 40;
/** A country opening a headline is as often what the quote is about as who says it. */
const COUNTRY_IN_HEADLINE = 7;
const HEADLINE = 9;
/** Characters between the opening name and the quote beyond which the name is weaker. */
const NEAR = 12;
const FAR = 8;
// What may stand before the name that opens a headline: a dateline, an outlet's credit.
const LINE_PREFIX = /^(?:\s|【[^】\n]{0,12}】|[(（][^)）\n]{0,12}[)）]|\[[^\]\n]{0,20}\]\s*-?)*/u;

/**
 * Speakers a headline or caption gives a quote: the name opening the line (`プーチン大統領「…」`,
 * `ゼレンスキー氏、「…」`, `バイデン大統領 一般教書演説で…「…」`), the name right after the quote
 * (`「…」=イエレン財務長官`, `「…」 ゼレンスキー氏が声明`), or a line holding nothing but a
 * name just above the quote (`NATO ルッテ事務総長⏎「…」`).
 *
 * @example
 * headlineCandidates('プーチン大統領「主導権は我々にある」', site, discourse)[0]?.reason;
 * // 'named opening the headline'
 */
export function headlineCandidates(text: string, site: QuoteSite, d: Discourse): Candidate[] {
  const lineStart = d.lines.bounds(d.lines.indexOf(site.open)).start;
  const lineEnd = d.lines.bounds(d.lines.indexOf(site.close)).end;
  const out: Candidate[] = [];
  if (isTitleLine(text, lineStart, lineEnd)) {
    const opening = openingName(text, lineStart, site.open, d);
    // A name far from the quote, with a clause between, is as often what the quote is about.
    const far = opening ? site.open - opening.mention.phraseEnd > NEAR : false;
    if (opening)
      out.push({
        ...weighted(opening, 'named opening the headline'),
        score: far ? FAR : weighted(opening, '').score,
      });
    const after = d.namedIn(site.close + 1, Math.min(lineEnd, site.close + 4))[0];
    if (after && /^[=＝\s、]*$/u.test(text.slice(site.close + 1, after.mention.start)))
      out.push(weighted(after, 'named after it in the headline'));
  }
  const above = nameLineAbove(text, lineStart, site.open, d);
  if (above)
    out.push({ speaker: above.speaker, score: HEADLINE, reason: 'named on the line above' });
  return out;
}

function weighted(n: Named, reason: string): Candidate {
  const country = n.mention.kind === 'country';
  return { speaker: n.speaker, score: country ? COUNTRY_IN_HEADLINE : HEADLINE, reason };
}

/** Whether a line reads as a headline or caption: short, and no `。` outside its quotes. */
export function isTitleLine(text: string, start: number, end: number): boolean {
  if (end - start > MAX_TITLE_LINE) return false;
  let depth = 0;
  for (let i = start; i < end; i += 1) {
    const c = text.charAt(i);
    if (c === '「' || c === '『') depth += 1;
    else if ((c === '」' || c === '』') && depth > 0) depth -= 1;
    else if (c === '。' && depth === 0 && i < end - 1) return false;
  }
  return !text.slice(start, end).trimEnd().endsWith('。');
}

/** The person or body opening the line, when it is not an object or a possessor. */
function openingName(text: string, lineStart: number, open: number, d: Discourse): Named | null {
  const prefix = LINE_PREFIX.exec(text.slice(lineStart, open));
  const at = lineStart + (prefix ? prefix[0].length : 0);
  const names = d.namedIn(at, open);
  let first = names[0];
  if (!first || first.mention.start !== at) return null;
  // `ドイツ・ショルツ首相「…」`, `ロシア外務省のザハロワ報道官「…」`: the body qualifies the person.
  const next = names[1];
  const gap = next ? next.mention.start - first.mention.phraseEnd : -1;
  if (
    next &&
    gap >= 0 &&
    /^[・の]?$/u.test(text.slice(first.mention.phraseEnd, next.mention.start))
  )
    first = next;
  const after = text.slice(first.mention.phraseEnd, first.mention.phraseEnd + 1);
  return after === '' || /[、\s「『“はがも]/u.test(after) || first.mention.phraseEnd === open
    ? first
    : null;
}

/** `NATO ルッテ事務総長` on a line of its own, then the quote opening the next line. */
function nameLineAbove(text: string, lineStart: number, open: number, d: Discourse): Named | null {
  if (lineStart === 0 || text.slice(lineStart, open).trim() !== '') return null;
  const prevStart = d.lines.bounds(d.lines.indexOf(lineStart - 1)).start;
  if (lineStart - 1 - prevStart > MAX_NAME_LINE || lineStart - 1 <= prevStart) return null;
  const names = d.namedIn(prevStart, lineStart - 1);
  let rest = text.slice(prevStart, lineStart - 1);
  for (const n of [...names].reverse())
    rest = rest.slice(0, n.mention.start - prevStart) + rest.slice(n.mention.phraseEnd - prevStart);
  if (names.length === 0 || rest.replace(/[\s・、]/gu, '') !== '') return null;
  return names[names.length - 1] ?? null;
}
