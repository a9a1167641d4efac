import {
  AGE_IN_BRACKETS,
  hasHiragana,
  isHiragana,
  isKanji,
  KANJI_CLASS,
  KATAKANA_CLASS,
} from '../../text/index.js';
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
  /** True when the bracket reads as a name or a term by its form or place (`システム「パトリオット」`). */
  named: boolean;
  /**
   * True when the speech verb reports a clause the quote is inside (`参加者は「法律違反」と
   * みなされると述べた`): a topic before the quote then belongs to that clause.
   */
  nested?: boolean;
  /**
   * Where the agent of a passive report ends, at its particle (`上官から「…」と言われた`): the
   * one named there said the words, not the clause's topic, who heard them.
   */
  agentEnd?: number;
}

const VERB_WINDOW = 45;
/** What follows a bracket that names what something is about: `を巡る`, `めぐり`. */
const ABOUT_AFTER = /^を?(?:めぐ|巡)[りるっ]/u;
/** How far after a quoted phrase its sentence is read for the verb that reports it. */
const FRAGMENT_WINDOW = 200;
const SENTENCE_LIKE_END = /[だたるいすかよねぞうなぬくぐつぶむ]$|[。、！？!?…]/u;
// A sentence that reports speech without brackets ends in one of these after its と.
const REPORT_CLOSING = /と(?:して|し|され|いう|いい|みられ)[^。]{0,8}[。]?\s*$/u;

/**
 * Tells speech from names and scare quotes by what follows the closing bracket: the quotative
 * と (or との/という) before a speech verb or noun is speech; と呼ばれる and its kin name a thing;
 * a quote standing as its own sentence is speech when it reads as one; a quote followed by a
 * particle is a fragment when its sentence reports speech, else a term. A bracket that reads
 * as a name by its form or place (all katakana, right after a noun, before `が`, `によると` or
 * another noun) is a term whatever follows. On a headline or caption line (`titleLine`), a
 * quote is speech unless it reads as a name.
 *
 * @example
 * classifyQuote('「勝つ」と述べた', { open: 0, close: 3 }, 8, k).kind; // 'speech'
 */
export function classifyQuote(
  text: string,
  q: Bracket,
  lineEnd: number,
  k: Knowledge,
  titleLine = false,
): QuoteClass {
  // A headline puts a space between its clauses: `「…」とプーチン氏 司令部視察、ウクライナは否定`.
  const sentenceEnd = titleLine ? clauseEndOnHeadline(text, q.close + 1, lineEnd) : lineEnd;
  const content = text.slice(q.open + 1, q.close);
  // `著書『…』`, `『…』を出版した`: the title of a work, whoever reads it out.
  if (isTitleOfWork(text, q, k)) return TERM_NAMED;
  // `「数十年かかる」（ウクライナ政府）とされ`, `「…」（外務省幹部）。`: words credited in brackets.
  const at = creditEnd(text, q.close);
  if (at >= 0 && isSentenceLike(content)) {
    const cls = text.startsWith('と', at)
      ? afterQuotative(text, q, content, at, sentenceEnd, k)
      : null;
    return cls && cls.kind !== 'term' ? cls : speech(null, null, null);
  }
  let i = q.close + 1;
  if (text.startsWith('など', i)) i += 2;
  if (text.startsWith('と', i) || text.startsWith('って', i)) {
    const cls = afterQuotative(text, q, content, i, sentenceEnd, k);
    // `「パトリオット」と「ナサムス」`: a name joined by と, unless a verb follows at once (`「ウラー」と叫んだ`).
    const named = NAME_ONLY.test(content) && cls.verbAt !== null && cls.verbAt - i > 2;
    if (named) return TERM_NAMED;
    // `「交渉の余地はない」とラブロフ外相。`: a sentence closing on the speaker's name, the verb left
    // out, as on a headline.
    if (cls.kind === 'term' && !cls.named && NAME_CLOSING.test(text.slice(i + 1, i + 48)))
      return speech(null, i + 1, null);
    // `「宇宙大国」としてのロシア…と語った`: words the sentence reports, though not its quotation.
    if (cls.kind === 'term' && !cls.named && !looksLikeName(text, q, content, k, titleLine))
      // `「…」とゼレンスキー氏` on a headline: the verb is left out, the words are still said.
      return (
        fragmentIfReported(text, q, sentenceEnd, k) ?? (titleLine ? speech(null, null, null) : cls)
      );
    return cls;
  }
  if (text.startsWith('旨', i)) {
    const readOut = readOutWords(text, q, i + 1, sentenceEnd, k);
    if (readOut) return readOut;
  }
  const named = looksLikeName(text, q, content, k, titleLine);
  if (named) return TERM_NAMED;
  // `「政治とカネ」めぐり`, `「保守の受け皿」を巡る攻防`: what something is about, not words said.
  if (ABOUT_AFTER.test(text.slice(q.close + 1, q.close + 5)) && !isSentenceLike(content))
    return TERM;
  if (titleLine) return speech(null, null, null);
  const next = text.charAt(q.close + 1);
  // `「…」――。`: a dash after a quote standing as a sentence lets it echo before the report.
  if (next === '' || next === '。' || next === '\n' || next === '」' || DASHES.includes(next)) {
    return isSentenceLike(content) &&
      !followsTermCue(text, q.open, k) &&
      !afterPlainTopic(text, q.open)
      ? speech(null, null, null)
      : TERM;
  }
  if (followsTermCue(text, q.open, k)) return TERM;
  return fragmentIfReported(text, q, sentenceEnd, k) ?? TERM;
}

/**
 * `小泉大臣から、「…」旨述べました`, `「…」旨の発言がありました`: a government's read-out gives
 * each side's words with 旨 (to the effect that), its speaker marked by から. Speech when a speech
 * verb or noun follows; the one before から is then its only speaker, as a passive report's agent.
 */
function readOutWords(
  text: string,
  q: Bracket,
  from: number,
  sentenceEnd: number,
  k: Knowledge,
): QuoteClass | null {
  const verb = findVerb(text, from, sentenceEnd, k, VERB_WINDOW, true);
  const noun = verb ? null : k.speechNouns.scan(text, from, Math.min(sentenceEnd, from + 6))[0];
  if (!verb && !noun) return null;
  const cls = speech(verb ? verb.surface : (noun?.value ?? null), null, verb ? verb.at : null);
  const agentEnd = agentBefore(text, q.open, k);
  return agentEnd !== null && text.startsWith('から', agentEnd) ? { ...cls, agentEnd } : cls;
}

/** Where a headline's clause that starts at `from` ends: at a space, else at `end`. */
function clauseEndOnHeadline(text: string, from: number, end: number): number {
  const space = text.slice(from, end).search(/[\u3000 ]/u);
  return space < 0 ? end : from + space;
}

/** A fragment when its sentence reports speech after it: a speech verb or a report's ending. */
function fragmentIfReported(
  text: string,
  q: Bracket,
  sentenceEnd: number,
  k: Knowledge,
): QuoteClass | null {
  if (followsTermCue(text, q.open, k)) return null;
  const verb = findVerb(text, q.close + 1, sentenceEnd, k, FRAGMENT_WINDOW, false);
  if (verb)
    return { kind: 'fragment', verb: verb.surface, afterTo: null, verbAt: null, named: false };
  const near = sentenceEnd - q.close <= FRAGMENT_WINDOW;
  return near && REPORT_CLOSING.test(text.slice(q.close + 1, sentenceEnd))
    ? { kind: 'fragment', verb: null, afterTo: null, verbAt: null, named: false }
    : null;
}

const DASHES = ['―', '—', '─'];

/** How long a credit in brackets after quoted words may be (`（ウクライナ陸軍の…少佐）`). */
const MAX_CREDIT = 40;

/**
 * Where a credit in brackets right after the closing bracket at `close` ends — nouns, joined by
 * の at most, with no verb: `（外務省幹部）`, `（ウクライナ政府）`, `（OVDインフォ）` — or -1.
 *
 * @example
 * creditEnd('「遠い」（外務省幹部）との見方', 3); // 11
 */
export function creditEnd(text: string, close: number): number {
  const m = CREDIT.exec(text.slice(close + 1, close + 3 + MAX_CREDIT));
  return m ? close + 1 + m[0].length : -1;
}

/** The longest a credit in brackets takes, brackets included. */
export const CREDIT_LENGTH = MAX_CREDIT + 2;

const CREDIT = new RegExp(
  `^[(（](?:[${KANJI_CLASS}${KATAKANA_CLASS}A-Za-zＡ-Ｚａ-ｚ0-9０-９・ー]|の(?!$)){2,${MAX_CREDIT}}[)）]`,
  'u',
);

/**
 * What follows `「…」と` when a sentence closes on a name with no verb: letters with no kana but
 * `さん`, an age in brackets, then the full stop (`とラブロフ外相。`, `とキーウ市民のYさん（３４）。`).
 */
const NAME_CLOSING = new RegExp(
  `^[、\\s]?(?:[${KANJI_CLASS}${KATAKANA_CLASS}A-Za-zＡ-Ｚａ-ｚ・＝=]|さん|の){2,40}?(?:${AGE_IN_BRACKETS})?(?:。|\\n|$|[\\u3000 ])`,
  'u',
);

const TERM: QuoteClass = { kind: 'term', verb: null, afterTo: null, verbAt: null, named: false };
const TERM_NAMED: QuoteClass = { ...TERM, named: true };

function afterQuotative(
  text: string,
  q: Bracket,
  content: string,
  at: number,
  sentenceEnd: number,
  k: Knowledge,
): QuoteClass {
  let i = at + (text.startsWith('って', at) ? 2 : 1);
  if (text.startsWith('も', i) || text.startsWith('は', i)) i += 1;
  const passive = k.passiveSpeechVerbs.longestAt(text, i);
  if (passive && passive.start === i) {
    // `上官から「…」と言われた`: said by the agent; with none named, it is only hearsay.
    const agentEnd = agentBefore(text, q.open, k);
    if (agentEnd === null) return TERM;
    return { ...speech(verbSurface(text, i, passive.end), i, i), agentEnd };
  }
  const naming = k.namingMarkers.longestAt(text, i);
  const spoken = k.speechVerbs.longestAt(text, i);
  // `呼びかけた` is a speech verb that starts like the naming `呼び`: the longer word wins.
  if (naming && !(spoken && spoken.start === naming.start && spoken.end > naming.end)) {
    // `Xを「…」と呼んだ`: someone calling a thing so says those words; `と呼ばれる` names it.
    return isActiveNaming(text, naming.end)
      ? {
          kind: 'fragment',
          verb: verbSurface(text, naming.start, naming.end),
          afterTo: null,
          verbAt: null,
          named: false,
        }
      : TERM;
  }
  const quotative = k.quotativeVerbs.longestAt(text, i);
  if (quotative && quotative.start === i) return speech(verbSurface(text, i, quotative.end), i, i);
  // 「…」という。 closes a report (`Xによると「…」という`); 「…」という名の is a name.
  if (text.startsWith('いう', i) && /^(?:。|$|こと|\n)/u.test(text.slice(i + 2, i + 4))) {
    return isSentenceLike(content) ? speech('という', i, i) : TERM;
  }
  if (text.startsWith('の', i) || text.startsWith('いう', i)) {
    const noun = k.speechNouns.scan(text, i, Math.min(sentenceEnd, i + 12))[0];
    if (!noun) return TERM;
    // `会場からは「…」という声が上がった`: the words rise from the one named before with から.
    const agentEnd = voiceRisesAfter(text, noun.end, k) ? agentBefore(text, q.open, k) : null;
    return agentEnd !== null && text.startsWith('から', agentEnd)
      ? { ...speech(noun.value, null, null), agentEnd }
      : speech(noun.value, null, null);
  }
  if (text.startsWith('し', i) && !text.startsWith('して', i + 1)) {
    // `「…」としたイランの説明`: said words, named by the speech noun they are put in.
    const noun = k.speechNouns.scan(text, i, Math.min(sentenceEnd, i + 12))[0];
    return isSentenceLike(content) || noun ? speech(verbSurface(text, i, i), i, i) : TERM;
  }
  if (text.startsWith('、', i)) i += 1;
  const verb = findVerb(text, i, sentenceEnd, k, VERB_WINDOW, true);
  if (!verb) return TERM;
  // `「世界最強の戦車」と評価される`: a passive with no one saying it describes, unless whole words are quoted.
  if (
    /^[^、。]{0,6}?され/u.test(text.slice(verb.at, verb.at + 10)) &&
    !SENTENCE_LIKE_END.test(content)
  )
    return TERM;
  const nested = verb.at - 1 > i && /と[、]?$/u.test(text.slice(i, verb.at));
  return { ...speech(verb.surface, i, verb.at), nested };
}

/** `声が上がった`, `声も相次いだ`: a speech noun, then a voice rising (`voiceVerbs`). */
function voiceRisesAfter(text: string, nounEnd: number, k: Knowledge): boolean {
  const particle = text.charAt(nounEnd);
  if (particle !== 'が' && particle !== 'も') return false;
  return k.voiceVerbs.some((v) => text.startsWith(v, nounEnd + 1));
}

/** How many characters may stand between a passive report's agent and its quote (`から何度も`). */
const AGENT_GAP = 8;

/**
 * Where the agent of a passive report ends, before its quote: a noun, then an agent particle
 * (`上官から`, `司令官に`), then at most a few words with no clause break. Null when there is none.
 */
function agentBefore(text: string, open: number, k: Knowledge): number | null {
  const from = Math.max(0, open - AGENT_GAP - 4);
  const before = text.slice(from, open);
  for (const particle of k.agentParticles) {
    const at = before.lastIndexOf(particle);
    if (at < 1 || !NOUN_CHAR.test(before.charAt(at - 1))) continue;
    const gap = before.slice(at + particle.length);
    // `吉岡公使からは、「…」との挨拶があった`: the agent may be a topic, then a comma.
    if (gap.length <= AGENT_GAP && !/[、。「」『』\n]/u.test(gap.replace(/^[はも]?[、\s]/u, '')))
      return from + at;
  }
  return null;
}

/**
 * A work's title: a word for a work right before the bracket (`著書『…』`, `映画「…」`), or
 * what is done with a work right after it (`『…』を出版`, `『…』の著者`).
 */
function isTitleOfWork(text: string, q: Bracket, k: Knowledge): boolean {
  // Every bracket is asked, so the characters cues end with and markers start with keep it
  // to a look-up or two for most.
  if (k.titleCueEnds.has(text.charAt(q.open - 1)))
    for (let n = 1; n <= k.longestTitleCue && n <= q.open; n += 1)
      if (k.titleCues.has(text.slice(q.open - n, q.open))) return true;
  if (!k.titleMarkerStarts.has(text.charAt(q.close + 1))) return false;
  const marker = k.titleMarkers.longestAt(text, q.close + 1);
  return marker !== null && marker.start === q.close + 1;
}

/** An active form of a naming verb (`呼んだ`, `呼び`), not the passive `呼ばれる`. */
function isActiveNaming(text: string, end: number): boolean {
  const stem = text.charAt(end - 1);
  return stem === 'ん' || stem === 'び' || stem === 'ぶ';
}

function speech(verb: string | null, afterTo: number | null, verbAt: number | null): QuoteClass {
  return { kind: 'speech', verb, afterTo, verbAt, named: false };
}

// Classes from the one text core (src/text/chars.ts), so they agree with the gazetteer's.
const NOUN_CHAR = new RegExp(`[${KANJI_CLASS}${KATAKANA_CLASS}A-Za-zＡ-Ｚａ-ｚ0-9０-９]`, 'u');
const NAME_ONLY = new RegExp(
  `^[${KATAKANA_CLASS}・=＝A-Za-zＡ-Ｚａ-ｚ0-9０-９\\s()（）.&'-]+$`,
  'u',
);
// After the bracket: a particle that makes it a subject or a source (`「NIS」が`, `「…」によると`).
const NAME_AFTER = /^(?:などが|などは|などに|によると|によれば|の報道|が|側)/u;

/**
 * A bracket that reads as a name: all katakana or Latin letters (`「ハイマース」`, `「Mehr」`),
 * right after a noun it names (`防空システム「パトリオット」`, `NGO「…」`), before another noun
 * (`「ハイマース」弾薬`), or the subject or source of its clause (`「国家情報院」が`, `「…」によると`).
 * On a headline the noun before is the speaker (`首相「…」`), so only the form and what
 * follows count there.
 */
function looksLikeName(
  text: string,
  q: Bracket,
  content: string,
  k: Knowledge,
  titleLine: boolean,
): boolean {
  if (content.length === 0) return true;
  if (NAME_ONLY.test(content) && content.length <= 40) return true;
  const known = k.gazetteer.longestAt(content, 0);
  if (known && known.end === content.length) return true;
  // `「影の船団」`, `「クモの巣作戦」`: a noun phrase ending in the head of a name.
  if (k.termHeads.some((h) => content.endsWith(h) && content.length > h.length)) return true;
  // `野党「国民の力」の報道官`: between a noun and the person it is the body of, a name.
  if (NOUN_CHAR.test(text.charAt(q.open - 1)) && personOfBodyAfter(text, q.close + 1, k))
    return true;
  // Where it stands tells a name only for words written like one: `「大規模な」攻撃` and
  // `「2つの極めて有能な軍隊」が` are someone's words, `「国家情報院(NIS)」が` a name.
  if (hasHiragana(content)) return false;
  const after = text.slice(q.close + 1, q.close + 5);
  if (NAME_AFTER.test(after)) return true;
  if (titleLine) return false;
  if (NOUN_CHAR.test(after.charAt(0))) return true;
  return NOUN_CHAR.test(text.charAt(q.open - 1));
}

/**
 * `の` then a title or a word for a person ending a short noun phrase before a subject or
 * source marker: `の報道官は`, `の張東赫(チャン・ドンヒョク)代表は`, `の議員団は`.
 */
function personOfBodyAfter(text: string, at: number, k: Knowledge): boolean {
  if (text.charAt(at) !== 'の') return false;
  const phrase = PERSON_PHRASE.exec(text.slice(at + 1, at + 1 + 40));
  if (!phrase) return false;
  const words = (phrase[1] ?? '').replace(/[(（][^)）]*[)）]/gu, '');
  for (let n = 1; n <= Math.min(words.length, 8); n += 1) {
    const tail = words.slice(words.length - n);
    if (k.titles.has(tail)) return true;
    const m = k.gazetteer.longestAt(words, words.length - n);
    if (m && m.end === words.length && m.value.type === 'role') return true;
  }
  return false;
}

/** A noun phrase (readings in brackets allowed) closed by a subject, topic or source marker. */
const PERSON_PHRASE = new RegExp(
  `^((?:[${KANJI_CLASS}${KATAKANA_CLASS}A-Za-z・ー]|[(（][^)）]{1,20}[)）]){1,30})(?:は|が|も|によると|、)`,
  'u',
);

/** `キャッチフレーズは「…」。`: a quote ending a sentence about a thing names it. */
function afterPlainTopic(text: string, open: number): boolean {
  if (text.charAt(open - 1) !== 'は' || !NOUN_CHAR.test(text.charAt(open - 2))) return false;
  // `Xによれば、ロシア軍は「…」。`: a source before it makes the words someone's report.
  const from = Math.max(text.lastIndexOf('。', open), text.lastIndexOf('\n', open), open - 80);
  return !SOURCED.test(text.slice(from + 1, open));
}

const SOURCED = /によると|によれば|によりますと/u;

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
  // A quotation's verb comes before the next quotation; a name in brackets after a noun
  // (`対話アプリ「テレグラム」に投稿`) is not one.
  let nextQuote = stopAtQuote ? text.indexOf('「', from) : -1;
  while (nextQuote >= 0 && nextQuote < end && NOUN_CHAR.test(text.charAt(nextQuote - 1))) {
    const close = text.indexOf('」', nextQuote);
    nextQuote = close < 0 || close >= end ? -1 : text.indexOf('「', close);
  }
  if (nextQuote >= 0 && nextQuote < end) end = nextQuote;
  const found = k.speechVerbs.scan(text, from, end);
  // `弁護人`, `説明会`: a verb's kanji stem written onto more kanji is a noun, no report — but
  // the document it is written in is one (`とする報告書`, `声明文`).
  const isVerb = (v: { start: number; end: number }): boolean =>
    !(isKanjiAt(text, v.end - 1) && isKanjiAt(text, v.end)) ||
    DOCUMENT_ENDING.test(text.charAt(v.end));
  let i = 0;
  while (i < found.length && !isVerb(found[i] as { start: number; end: number })) i += 1;
  const m = found[i];
  if (!m) return null;
  // `「…」と記者団に指摘した`: where the words were said (`記者団に`, `会見で`) stands before the
  // verb that says how; the report starts at the noun, and its verb is the one after it.
  let verb: { start: number; end: number } = m;
  const particle = text.charAt(m.end);
  if (particle === 'に' || particle === 'で')
    for (let j = i + 1; j < found.length; j += 1) {
      const v = found[j] as { start: number; end: number };
      if (v.start < m.end || !isVerb(v) || !SETTING_TO_VERB.test(text.slice(m.end, v.start)))
        continue;
      if (!SETTING_TO_VERB.test(text.slice(v.end, v.end + 1))) verb = v;
      break;
    }
  return { surface: verbSurface(text, verb.start, verb.end), at: m.start };
}

/** Between a speech noun used as a setting and the verb after it: `に`, `で対し、`, `での`. */
const SETTING_TO_VERB = /^(?:に|で|での|に対し|に対して)[^、。「」\n]{0,6}$/u;

/** What makes a noun of speech a document written in it: `報告書`, `声明文`. */
const DOCUMENT_ENDING = /[書文]/u;

function isKanjiAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && isKanji(text.charCodeAt(at));
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

function isSentenceLike(content: string): boolean {
  return content.length >= 8 || SENTENCE_LIKE_END.test(content);
}

function followsTermCue(text: string, open: number, k: Knowledge): boolean {
  const before = text.slice(Math.max(0, open - 8), open).replace(/[、\s]+$/u, '');
  return k.termCues.some((cue) => before.endsWith(cue));
}
