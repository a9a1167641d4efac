import { AGE_IN_BRACKETS } from '../../text/index.js';
import type { Mention } from '../entities/index.js';
import type { Knowledge } from '../knowledge/index.js';
import type { Bracket } from './brackets.js';

/** Okurigana between a speech verb's stem and the comma that ends its clause (`述べ`, `語り`). */
const VERB_TAIL = 3;

/**
 * Where clauses end inside sentences (`…否定していますが、EUの報道官は…`, `…ものの、`): a topic
 * before such a break belongs to the clause before it and speaks no quote after it. A `が、`
 * right after a name is the subject marker, not a break (`プーチン大統領が、「…」`), and breaks
 * inside brackets are the speaker's own.
 */
export class ClauseBreaks {
  /** Offsets just after each break, ascending. */
  private readonly after: number[] = [];
  /** Offsets just after each break that contrasts its clauses (`…が、`, `一方、`), ascending. */
  private readonly contrasts: number[] = [];

  constructor(
    text: string,
    brackets: readonly Bracket[],
    mentions: readonly Mention[],
    k: Knowledge,
    speechVerbs: readonly { start: number; end: number }[],
  ) {
    const nameEnds = new Set(mentions.map((m) => m.phraseEnd));
    let b = 0;
    for (const m of k.clauseBreaks.scan(text)) {
      while (b < brackets.length && (brackets[b]?.close ?? 0) < m.start) b += 1;
      const br = brackets[b];
      if (br && br.open < m.start && m.start < br.close) continue;
      if (text.startsWith('が', m.start) && isSubjectMarker(text, m.start, nameEnds)) continue;
      this.after.push(m.end);
      if (!m.value.startsWith('て')) this.contrasts.push(m.end);
    }
    // `「…」と述べ、プーチン大統領は「…」と応じた`: a quotation closed by its verb ends a clause;
    // so does a report without brackets whose verb is conjugated (`…と追及し、首相は「…」と
    // 答弁した`). A bare stem (`…と強調、各地の住民は「英雄的な」抵抗を…とたたえた`) goes on
    // with the same subject's report more often than it hands over to another.
    for (const v of speechVerbs) {
      // `「…」と記者団に対し述べ、`: where the words were said may stand between と and the verb.
      const setting = SETTING_BEFORE_VERB.exec(text.slice(Math.max(0, v.start - 12), v.start));
      const to = setting ? v.start - setting[0].length : v.start - 1;
      if (text.charAt(to) !== 'と') continue;
      const comma = text.slice(v.end, v.end + VERB_TAIL + 1).indexOf('、');
      const quoted = text.charAt(to - 1) === '」';
      if (comma > 0 || (comma === 0 && quoted)) this.after.push(v.end + comma + 1);
    }
    this.after.sort((a, b) => a - b);
  }

  /** Where the clause holding `at` starts: after the last break before it, not before `floor`. */
  startOf(at: number, floor: number): number {
    return lastBefore(this.after, at, floor);
  }

  /** Where the part of the sentence holding `at` starts, after its last contrasting break. */
  contrastStartOf(at: number, floor: number): number {
    return lastBefore(this.contrasts, at, floor);
  }
}

function lastBefore(sorted: readonly number[], at: number, floor: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  const last = sorted[lo - 1];
  return last !== undefined && last > floor ? last : floor;
}

/** `と記者団に対し`, `と会見で`: と, then where the words were said, before a speech verb. */
const SETTING_BEFORE_VERB = /と[^、。「」\s]{1,8}?(?:に対して|に対し|に|で|へ)$/u;

/** `Xが、`: が after a name (or its `ら`/`側`, or an age in brackets: `男性(24)が`) marks the subject. */
function isSubjectMarker(text: string, at: number, nameEnds: ReadonlySet<number>): boolean {
  if (nameEnds.has(at)) return true;
  const before = text.charAt(at - 1);
  if ((before === 'ら' || before === '側') && nameEnds.has(at - 1)) return true;
  const age = AGE_BEFORE.exec(text.slice(Math.max(0, at - 6), at));
  return age !== null && nameEnds.has(at - age[0].length);
}

/** An age in brackets right before a particle: `(24)`, `（５２）`. */
const AGE_BEFORE = new RegExp(`${AGE_IN_BRACKETS}$`, 'u');
