import type { Candidate, QuoteSite } from './candidates.js';
import type { Discourse, Named } from './discourse.js';
import type { Speaker } from './speaker.js';

/** Headline-like lines are short and end no sentence: `プーチン大統領「主導権は我々にある」`. */
const MAX_TITLE_LINE = 100;
const MAX_NAME_LINE = 30;
/** A country opening a headline is as often what the quote is about as who says it. */
const COUNTRY_IN_HEADLINE = 7;
const HEADLINE = 9;
/** A headline's end credit names who it quotes, over a name opening it. */
const CREDIT = 9.5;
/** A name right before a headline's quote, nearer than the one opening the line. */
const ADJACENT = 9.3;
/** The subject of a headline's clause after its quote, and how far after the quote it may start. */
const SUBJECT_AFTER = 8.8;
const SUBJECT_GAP = 10;
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
    if (opening) {
      const c = weighted(opening, 'named opening the headline');
      out.push(far ? { ...c, score: FAR } : c);
    }
    const following = d.namedIn(site.close + 1, Math.min(lineEnd, site.close + 24));
    const first = following[0];
    const after = headOf(following, text);
    if (first && after && /^[=＝\s、]*$/u.test(text.slice(site.close + 1, first.mention.start)))
      out.push(weighted(after, 'named after it in the headline'));
    if (
      !first ||
      first !== after ||
      !/^[=＝\s、]*$/u.test(text.slice(site.close + 1, first.mention.start))
    ) {
      const subject = subjectAfter(text, site.close, lineEnd, d);
      if (subject)
        out.push({
          ...weighted(subject, 'subject after it in the headline'),
          score: SUBJECT_AFTER,
        });
    }
    const before = nameRightBefore(text, site.open, lineStart, d);
    if (before && before !== opening)
      out.push({ ...weighted(before, 'named right before it in the headline'), score: ADJACENT });
    const side = before ? null : sideRightBefore(text, site.open, lineStart);
    if (side)
      out.push({
        speaker: side,
        score: ADJACENT,
        reason: 'a side right before it in the headline',
      });
    const credit = creditAtLineEnd(text, site.close, lineEnd, d);
    if (credit)
      out.push({
        speaker: credit.speaker,
        score: CREDIT,
        reason: 'credited at the end of the headline',
      });
  }
  const above = nameLineAbove(text, lineStart, site.open, d);
  if (above)
    out.push({ speaker: above.speaker, score: HEADLINE, reason: 'named on the line above' });
  return out;
}

/** `「…」、反体制派ナワリヌイ氏が獄中投稿`: the subject of the headline's clause after the quote. */
function subjectAfter(text: string, close: number, lineEnd: number, d: Discourse): Named | null {
  const n = d.namedIn(close + 1, Math.min(lineEnd, close + 1 + SUBJECT_GAP))[0];
  // `…を「制圧」と主張 ウクライナ軍は否定`: past a space, a headline's next clause begins.
  if (!n || /[「『\s\u3000]/u.test(text.slice(close + 1, n.mention.start))) return null;
  return /^(?:ら|側)?[がは]/u.test(text.slice(n.mention.phraseEnd, n.mention.phraseEnd + 2))
    ? n
    : null;
}

/** `併合4州から撤収なら交渉用意 ロシア大統領「…」`, `…会談、崔氏「…」`: a name just before the quote. */
function nameRightBefore(
  text: string,
  open: number,
  lineStart: number,
  d: Discourse,
): Named | null {
  const names = d.namedIn(Math.max(lineStart, open - 40), open);
  const last = names[names.length - 1];
  // `学生ら「…」`: a group of them.
  if (!last || !/^(?:ら|側)?[、\s]?$/u.test(text.slice(last.mention.phraseEnd, open))) return null;
  return last.speaker.speakerKind === null ? null : last;
}

/**
 * `…厳格化 大学側「優秀な人材が他国へ」`: a side no list names (`大学側`, `遺族側`), standing
 * alone right before a headline's quote, says it — an unnamed speaker, named so.
 */
function sideRightBefore(text: string, open: number, lineStart: number): Speaker | null {
  const m = SIDE_BEFORE.exec(text.slice(Math.max(lineStart, open - 12), open));
  if (!m?.[1]) return null;
  const start = open - m[0].length + m[0].indexOf(m[1]);
  return {
    speaker: m[1],
    canonical: null,
    org: null,
    attribution: 'explicit',
    speakerSpan: { start, end: start + m[1].length },
    speakerKind: 'unnamed',
  };
}

const SIDE_BEFORE = /(?:^|[\s\u3000、])([\p{Script=Han}\p{Script=Katakana}ー]{1,8}側)[、\s]?$/u;

/** A line that names what follows is about, not who says it. */
const ABOUT_LINE = /(?:について|に関して|をめぐって|を巡って|を受けて)\s*$/u;

// After a headline's credit: nothing, or the date and time a page prints after it, in either
// width of digits.
const AFTER_CREDIT =
  /^[\s\u3000]*(?:[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:\s*[0-9０-９]{1,2}時[0-9０-９]{1,2}分)?)?[\s\u3000]*$/u;

/**
 * `…「破竹の勢い」で進撃 数十の集落奪還 ゼレンスキー氏`, `「…」=ウクライナ確約と独首相`,
 * `…―ロシア国連大使 2025年10月02日 07時33分`: the person a headline ends on, after a space,
 * `=`, `と` or a dash, says its quotes.
 */
function creditAtLineEnd(text: string, close: number, lineEnd: number, d: Discourse): Named | null {
  const names = d.namedIn(close + 1, lineEnd);
  const last = names[names.length - 1];
  if (!last || last.speaker.speakerKind === 'organisation') return null;
  if (!AFTER_CREDIT.test(text.slice(last.mention.phraseEnd, lineEnd))) return null;
  const mark = text.charAt(speakerStart(last) - 1);
  return /[\s\u3000=＝と―－-]/u.test(mark) ? last : null;
}

function speakerStart(n: Named): number {
  return n.speaker.speakerSpan?.start ?? n.mention.start;
}

/** The first name, or what it qualifies when another follows at once (`NATO` + `高官`). */
function headOf(names: readonly Named[], text: string): Named | undefined {
  let head = names[0];
  for (const next of names.slice(1)) {
    if (!head || next.mention.start < head.mention.phraseEnd) continue;
    if (!/^[・の]?$/u.test(text.slice(head.mention.phraseEnd, next.mention.start))) break;
    head = next;
  }
  return head;
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
  // Blank lines between the caption and its quote (pages that set every line apart) are no line.
  let prevEnd = lineStart - 1;
  let prevStart = d.lines.bounds(d.lines.indexOf(prevEnd)).start;
  while (prevStart > 0 && text.slice(prevStart, prevEnd).trim() === '') {
    prevEnd = prevStart - 1;
    prevStart = d.lines.bounds(d.lines.indexOf(prevEnd)).start;
  }
  if (prevEnd - prevStart > MAX_NAME_LINE || prevEnd <= prevStart) return null;
  const line = text.slice(prevStart, prevEnd);
  // A caption: a name, maybe with what it is (`市民のコール`, `プリゴジン氏(23日公開音声)`),
  // on a short line of its own that neither ends a sentence nor quotes — nor says what it is
  // about (`【コメント】日本外務省の報道官談話について`).
  if (/[。「」『』]/u.test(line) || ABOUT_LINE.test(line)) return null;
  const names = d.namedIn(prevStart, prevEnd).filter((n) => n.speaker.speakerKind !== null);
  const last = names[names.length - 1];
  if (!last) return null;
  // `韓国外交部 報道官`: a television caption names an unnamed official by the whole line, the
  // body and the title set apart by a space.
  const caption = line.trim();
  const body = names.find((n) => n !== last && n.mention.phraseEnd < last.mention.start);
  const isCaption =
    (last.mention.kind === 'role' || last.speaker.speakerKind !== 'person') &&
    body !== undefined &&
    /\s/u.test(text.slice(body.mention.phraseEnd, last.mention.start)) &&
    text.slice(last.mention.phraseEnd, prevEnd).trim() === '';
  if (!isCaption) return last;
  // The body on the line says whose official it is: not the holder of that title named before
  // (`ウクライナ軍 東部方面部隊 報道官` is no `ペスコフ報道官`).
  const official =
    last.mention.kind === 'role'
      ? {
          canonical: null,
          org: body.speaker.canonical ?? body.speaker.org,
          speakerKind: 'unnamed' as const,
          attribution: 'explicit' as const,
        }
      : {};
  return { ...last, speaker: { ...last.speaker, ...official, speaker: caption } };
}
