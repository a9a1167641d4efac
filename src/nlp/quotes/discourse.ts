import type { SpeakerKind } from '../../model/index.js';
import { hasHiragana, KANJI_CLASS, KATAKANA_CLASS } from '../../text/index.js';
import { PERSON_NOUN_ENDING, type Mention } from '../entities/index.js';
import type { Knowledge, SubjectGrammar, TrieMatch } from '../knowledge/index.js';
import type { Bracket } from './brackets.js';
import { ClauseBreaks } from './clauses.js';
import { Lines } from './lines.js';
import {
  givenNameStart,
  missionStart,
  roleModifiersStart,
  type ModifierWords,
} from './noun-phrase.js';
import type { Sentences } from './sentences.js';
import { isPersonPhrase, subjectKind, type Speaker, type SubjectKind } from './speaker.js';

/** A person or body standing as a subject: who, how, where, in which sentence. */
export interface Subject {
  speaker: Speaker;
  how: SubjectKind;
  /** True when the subject is a news outlet (`ロイター`, `ニューヨーク・タイムズ紙`). */
  outlet: boolean;
  /** True when the subject is a country (`ロシアは`), which speaks only as its government. */
  country: boolean;
  /** Where the mention starts and where its phrase (title included) ends. */
  at: number;
  end: number;
  sentence: number;
}

/** A resolved mention of a person or body, subject or not. */
export interface Named {
  mention: Mention;
  speaker: Speaker;
}

/**
 * One reading of a whole text, made before any quote is attributed: every person and body
 * named, resolved (同氏 and 同相 to the person named before, a bare title such as `大統領` to
 * the person holding it, before or after), every subject with its role in its clause, and for
 * each sentence the subject it is about. Every attribution rule reads this one state, so a
 * speaker named three paragraphs up is as visible as one in the same sentence.
 */
export class Discourse {
  /** People and bodies named outside quoted words, in text order. */
  readonly named: Named[] = [];
  /** Subjects (`Xは`, `Xが`, `Xによると`) outside quoted words, in text order. */
  readonly subjects: Subject[] = [];
  readonly clauses: ClauseBreaks;
  /** What follows a name that stands as a subject (from the knowledge). */
  readonly grammar: SubjectGrammar;
  /** Words an unnamed person's phrase ends in (`母親`, `住民`). */
  private readonly personWords: readonly string[];
  readonly lines: Lines;
  /** Per sentence: its main speaking subject, or null. */
  private readonly mainOf: (Subject | null)[];
  /** Per sentence: the main speaking subject of the nearest earlier sentence that has one. */
  private readonly centerOf: (Subject | null)[];
  /** Per sentence: the same, counting only subjects that are people. */
  private readonly personCenterOf: (Subject | null)[];
  /** Per sentence: whether it reports speech (a speech verb or a quotation in it). */
  private readonly speaks: Uint8Array;
  /** Every speech verb of the text (`speechVerbs`), in order. */
  readonly speechVerbs: readonly TrieMatch<string>[];

  constructor(
    readonly text: string,
    mentions: readonly Mention[],
    brackets: readonly Bracket[],
    readonly sentences: Sentences,
    k: Knowledge,
  ) {
    // One scan for speech verbs serves clause breaks, which sentences report speech and the
    // reports without brackets (`findIndirectReports`).
    const verbs = k.speechVerbs.scan(text);
    this.speechVerbs = verbs;
    this.clauses = new ClauseBreaks(text, brackets, mentions, k, verbs);
    this.lines = new Lines(text);
    this.grammar = k.subjects;
    this.personWords = k.personWords;
    resolveAll(text, mentions, brackets, sentences, this.named, k);
    this.speaks = speakingSentences(brackets, sentences, verbs);
    this.named.forEach((n, i) => {
      const sentence = sentences.indexOf(n.mention.start);
      // Whose thing a sentence is about carries on only from a sentence that quotes no one: in
      // one that does, `メルツ氏の発言は「…」` is what is said about, not who says it.
      const how =
        subjectKind(text, n.mention, k.subjects) ??
        (this.speaks[sentence] !== 1 && possessesTopic(text, n, k.personWords) ? 'topic' : null);
      if (!how || qualifiesNext(text, n, this.named[i + 1])) return;
      this.subjects.push({
        speaker: n.speaker,
        how,
        outlet: n.mention.outlet,
        country: n.mention.kind === 'country',
        at: n.mention.start,
        end: n.mention.phraseEnd,
        sentence,
      });
    });
    this.mainOf = this.mainSubjects();
    this.centerOf = [];
    this.personCenterOf = [];
    let center: Subject | null = null;
    let person: Subject | null = null;
    for (const main of this.mainOf) {
      this.centerOf.push(center);
      this.personCenterOf.push(person);
      center = main ?? center;
      if (main?.speaker.speakerKind === 'person') person = main;
    }
  }

  /** The last subject starting before `at` that is not a `Xが`, or null. */
  lastTopicBefore(at: number): Subject | null {
    const end = lowerBound(this.subjects, at, subjectStart);
    for (let i = end - 1; i >= 0 && i >= end - LOOK_BACK; i -= 1) {
      const s = this.subjects[i];
      if (s && s.how !== 'ga') return s;
    }
    return null;
  }

  /** The last person named before `at` within `sentences` sentences, or null. */
  lastPersonBefore(at: number, sentences: number): Named | null {
    const s = this.sentences.indexOf(at);
    const from = this.sentences.bounds(Math.max(0, s - sentences)).start;
    const named = this.namedIn(Math.max(from, at - LOOK_BACK_CHARS), at);
    for (let i = named.length - 1; i >= 0; i -= 1) {
      const n = named[i];
      if (n && n.speaker.speakerKind === 'person') return n;
    }
    return null;
  }

  /** The last person or body named before `at`, or null. */
  lastNamedBefore(at: number): Named | null {
    const lo = lowerBound(this.named, at, namedStart);
    for (let i = lo - 1; i >= 0 && i >= lo - LOOK_BACK; i -= 1) {
      const n = this.named[i];
      if (n && n.speaker.speakerKind !== 'unnamed') return n;
    }
    return null;
  }

  /** Whether sentence `s` reports speech. */
  reportsSpeech(s: number): boolean {
    return this.speaks[s] === 1;
  }

  /** Subjects whose mention starts in `[from, to)`, in order. */
  subjectsIn(from: number, to: number): Subject[] {
    const out: Subject[] = [];
    for (let i = lowerBound(this.subjects, from, subjectStart); i < this.subjects.length; i += 1) {
      const s = this.subjects[i];
      if (!s || s.at >= to) break;
      out.push(s);
    }
    return out;
  }

  /** Named people and bodies whose mention starts in `[from, to)`, in order. */
  namedIn(from: number, to: number): Named[] {
    const out: Named[] = [];
    for (let i = lowerBound(this.named, from, namedStart); i < this.named.length; i += 1) {
      const n = this.named[i];
      if (!n || n.mention.start >= to) break;
      out.push(n);
    }
    return out;
  }

  /** The main speaking subject of sentence `s` itself, or null. */
  mainSubjectOf(s: number): Subject | null {
    return this.mainOf[s] ?? null;
  }

  /**
   * The subject the text is about at sentence `s`: the main speaking subject of the nearest
   * earlier sentence that has one. News copy names a speaker once and goes on without a
   * subject for sentences and paragraphs, so this is not bounded by distance; a later speaking
   * subject replaces it.
   */
  centerBefore(s: number): Subject | null {
    return this.centerOf[s] ?? null;
  }

  /**
   * The person the text is about at sentence `s`: the main subject of the nearest earlier
   * sentence whose main subject is a person. A ministry or country that reports an event in
   * between (`国防省は…と発表した`) does not take over the words of the person quoted before.
   */
  personCenterBefore(s: number): Subject | null {
    return this.personCenterOf[s] ?? null;
  }

  /**
   * The main subject of each sentence that reports speech: in its last clause with a subject,
   * the first topic or source (`Xは`, `Xによると`), else its first `Xが`.
   */
  private mainSubjects(): (Subject | null)[] {
    const out: (Subject | null)[] = new Array<Subject | null>(this.sentences.starts.length).fill(
      null,
    );
    let i = 0;
    for (let s = 0; s < out.length; s += 1) {
      const inSentence: Subject[] = [];
      while (i < this.subjects.length && (this.subjects[i]?.sentence ?? Infinity) <= s) {
        const sub = this.subjects[i];
        if (sub && sub.sentence === s) inSentence.push(sub);
        i += 1;
      }
      if (inSentence.length === 0) continue;
      const { start, end } = this.sentences.bounds(s);
      // A sentence that reports no speech still sets what the text is about through its topic
      // (`大統領は前線を視察した。「…」と述べた。`), but not through a `Xが` or a source.
      if (!this.reportsSpeech(s)) {
        // …and only a person: `ロシア軍は東部で攻勢を強めている` reports an event, and the
        // person quoted before is still the one speaking.
        // A source other than an outlet reports too (`総司令官によると、戦況は厳しい。`).
        // A lead that introduces a person with が (`…にX氏が就任した`) is about them too.
        // A person unnamed (`Yさんの母親は`, `住民の一人は`) is a person too.
        out[s] =
          inSentence.find((x) => x.how === 'topic' && x.speaker.speakerKind === 'person') ??
          inSentence.find(
            (x) => x.how === 'topic' && isPersonPhrase(x.speaker, this.personWords),
          ) ??
          inSentence.find((x) => x.how === 'source' && !x.outlet) ??
          mainGaPersonOf(this.text, inSentence, end) ??
          null;
        continue;
      }
      const last = inSentence[inSentence.length - 1];
      const clause = last ? this.clauses.startOf(last.at, start) : 0;
      const inClause = inSentence.filter((x) => x.at >= clause);
      // A `Xが` is the sentence's subject only outside an embedded clause; of several, the
      // one nearest the main verb (`AがBを攻撃したとCが発表した` is C's report).
      // A sentence that says nothing was said (`…についての言及はありません`) has no speaker.
      const denies = DENIAL.test(this.text.slice(Math.max(start, end - 16), end));
      const ga = inSentence.filter(
        (x) =>
          x.how === 'ga' &&
          !denies &&
          !EMBEDDED_AFTER.test(this.text.slice(x.end, Math.min(end, x.end + LOOK_AHEAD))) &&
          !RELATIVE_AFTER.test(this.text.slice(x.end, Math.min(end, x.end + LOOK_AHEAD))),
      );
      // `ロイター通信によると、国防省が…と発表した`: an outlet cited as the source relays what
      // the subject after it said.
      const source = inClause.find((x) => x.how === 'source');
      const relayed = source?.outlet === true ? ga.find((x) => x.at > source.at) : undefined;
      out[s] =
        inClause.find((x) => x.how === 'topic') ??
        relayed ??
        source ??
        inSentence.find((x) => x.how === 'topic') ??
        ga[ga.length - 1] ??
        inSentence.find((x) => x.how === 'source') ??
        null;
    }
    return out;
  }
}

/**
 * `ボンダルチュクさんの畑は…`: a person whose thing is the topic is what the sentence is about —
 * unless the thing is another person (`X氏の妻は`, `X氏の側近は`).
 */
function possessesTopic(text: string, n: Named, personWords: readonly string[]): boolean {
  if (n.speaker.speakerKind !== 'person') return false;
  const m = POSSESSED_TOPIC.exec(text.slice(n.mention.phraseEnd, n.mention.phraseEnd + 10));
  const thing = m?.[1];
  return !!thing && !PERSON_ENDING.test(thing) && !personWords.some((w) => thing.endsWith(w));
}

const POSSESSED_TOPIC = new RegExp(`^の([${KANJI_CLASS}${KATAKANA_CLASS}ー]{1,6})は(?!か)`, 'u');
/** What words for people end in: a person noun's ending (`報道官`), or `長`, `親`, `子`, `陣営`. */
const PERSON_ENDING = new RegExp(`(?:${PERSON_NOUN_ENDING}|長|親|族|子|陣営|チーム)$`, 'u');

/** The last person standing as a sentence's `Xが` outside an embedded or relative clause. */
function mainGaPersonOf(text: string, inSentence: Subject[], end: number): Subject | null {
  const ga = inSentence.filter(
    (x) =>
      x.how === 'ga' &&
      x.speaker.speakerKind === 'person' &&
      !EMBEDDED_AFTER.test(text.slice(x.end, Math.min(end, x.end + LOOK_AHEAD))) &&
      !RELATIVE_AFTER.test(text.slice(x.end, Math.min(end, x.end + LOOK_AHEAD))),
  );
  return ga[ga.length - 1] ?? null;
}

const DENIAL =
  /(?:は|も)(?:ありません|ない|なかった)|(?:しておらず|していない|しなかった|しませんでした)[。\s]*$/u;

// A subject followed by a nominaliser belongs to a clause that is itself a noun or adverbial.
const EMBEDDED_AFTER = /^[^。]*?(?:こと|の[はをがに]|ため|ので)/u;

// `…とプーチン大統領がこの点で果たした役割を賞賛した`: a `Xが` whose verb goes on to a noun
// is the subject of a relative clause, not of the sentence.
const RELATIVE_AFTER = new RegExp(
  `^(?:ら|側)?が[^、。「」]{0,24}?[たる](?=[${KANJI_CLASS}0-9０-９])`,
  'u',
);

/** How far after a subject its sentence is read for a nominaliser. */
const LOOK_AHEAD = 200;

/** How far back, in characters, a search for a named person looks. */
const LOOK_BACK_CHARS = 600;

/** How many names back a search for the last one of a kind looks, so a search stays bounded. */
const LOOK_BACK = 64;

/** The index of the first item of `items` (ascending by `start`) that starts at or after `at`. */
function lowerBound<T>(items: readonly T[], at: number, start: (x: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (item !== undefined && start(item) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const subjectStart = (s: Subject): number => s.at;
const namedStart = (n: Named): number => n.mention.start;

/** Marks the sentences that hold a speech verb or a bracketed quotation. */
function speakingSentences(
  brackets: readonly Bracket[],
  sentences: Sentences,
  verbs: readonly { start: number }[],
): Uint8Array {
  const out = new Uint8Array(sentences.starts.length);
  for (const b of brackets) out[sentences.indexOf(b.open)] = 1;
  for (const v of verbs) out[sentences.indexOf(v.start)] = 1;
  return out;
}

/**
 * Resolves every mention outside quoted words to a speaker, in one pass in text order (so 同氏
 * is the last person before it), then resolves bare titles with no holder named before them to
 * the first holder named after (a headline's `ウクライナ大統領` is the body's ゼレンスキー大統領).
 */
function resolveAll(
  text: string,
  mentions: readonly Mention[],
  brackets: readonly Bracket[],
  sentences: Sentences,
  out: Named[],
  k: Knowledge,
): void {
  const grammar = k.subjects;
  const state = new Antecedents(k.relationWords, k);
  const pending: { index: number; m: Mention }[] = [];
  const unresolved: { index: number; m: Mention; sentence: number }[] = [];
  let b = 0;
  let phraseEnd = 0;
  for (const m of mentions) {
    while (b < brackets.length && (brackets[b]?.close ?? 0) < m.start) b += 1;
    if (isQuotedWords(text, m, brackets[b])) continue;
    // `ラヴロフ露外相`: the 露 inside a person's title is part of the title, not a name.
    if (m.start < phraseEnd) continue;
    phraseEnd = m.phraseEnd;
    state.sentence = sentences.indexOf(m.start);
    const titled = withTitleBefore(text, m, mentions);
    const speaker = resolveOne(text, titled, mentions, state);
    if (!speaker) {
      if (isPersonPronoun(m) && state.lastPerson === null)
        unresolved.push({ index: out.length, m, sentence: state.sentence });
      continue;
    }
    // `――ゼレンスキー大統領の側は。⏎彼も…`: whom an interviewer's question names is what the
    // answer is about.
    if (
      speaker.speakerKind === 'person' &&
      speaker.canonical !== null &&
      (subjectKind(text, m, grammar) === 'topic' || onQuestionLine(text, m.start))
    )
      state.topicPerson({ speaker, sentence: state.sentence, title: titled.title });
    if (m.kind === 'role' && m.title !== null && speaker.attribution !== 'coreference')
      pending.push({ index: out.length, m });
    out.push({ mention: m, speaker });
  }
  const holders = new Map<string, number[]>();
  out.forEach((n, j) => {
    if (n.mention.kind !== 'person' || n.mention.title === null) return;
    const list = holders.get(n.mention.title) ?? [];
    list.push(j);
    holders.set(n.mention.title, list);
  });
  for (const { index, m } of pending) {
    const named = out[index];
    const later = (holdersOf(holders, m.title ?? '') ?? []).filter((j) => j > index).slice(0, 8);
    const holder = later.map((j) => out[j]).find((n) => n && sameOrg(m.org, n.speaker.org));
    if (named && holder && isBareTitle(text, m)) named.speaker = heldBy(named.speaker, holder);
  }
  // Last: it puts mentions into `out`, which the indices above point into.
  pointAhead(unresolved, out, sentences);
}

/** A question's line: a dash, `Ｑ`, `Q.` or `問` opening it. */
export const QUESTION_LINE = /^\s*(?:[―—─]{1,2}|Ｑ|Q[.．:：]|問[\s\u3000:：])/u;

function onQuestionLine(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return QUESTION_LINE.test(text.slice(start, at + 1));
}

/** `彼`, `彼女`, `同氏`: a pronoun for a person, no title of its own. */
function isPersonPronoun(m: Mention): boolean {
  return m.kind === 'coref' && !m.generic && (m.title === null || m.title === '氏');
}

/** How many sentences after a pronoun that opens an excerpt its person may be named. */
const AHEAD_REACH = 2;

/**
 * `彼女は「…」と述べた。…欧州議会議員、クレール・ルフェーブル氏らは…`: an excerpt cut from a longer
 * page may open on a pronoun whose person the page named above it; with no person before it, the
 * first person named in the next sentences is who it is. Each pronoun is put back in text order.
 */
function pointAhead(
  unresolved: readonly { index: number; m: Mention; sentence: number }[],
  out: Named[],
  sentences: Sentences,
): void {
  for (let u = unresolved.length - 1; u >= 0; u -= 1) {
    const p = unresolved[u];
    if (!p) continue;
    const next = out
      .slice(p.index)
      .find((n) => n.mention.start > p.m.end && n.speaker.speakerKind === 'person');
    if (!next || sentences.indexOf(next.mention.start) - p.sentence > AHEAD_REACH) continue;
    const span = { start: p.m.start, end: p.m.phraseEnd };
    out.splice(p.index, 0, {
      mention: p.m,
      speaker: { ...next.speaker, attribution: 'coreference', speakerSpan: span },
    });
  }
}

/** Holders of a title, or of the longest title it ends in (`中国報道官` → `報道官`). */
function holdersOf(holders: Map<string, number[]>, title: string): number[] | undefined {
  for (let i = 0; i < title.length; i += 1) {
    const found = holders.get(title.slice(i));
    if (found) return found;
  }
  return undefined;
}

/**
 * `ロシア外務省の報道官によると`: a body right before `の` and a role or person names whose
 * they are; the role is the subject (or source), not the body through `Xの…によると`.
 */
function qualifiesNext(text: string, n: Named, next: Named | undefined): boolean {
  if (!next || text.charAt(n.mention.phraseEnd) !== 'の') return false;
  if (next.mention.start !== n.mention.phraseEnd + 1) return false;
  return next.mention.kind === 'role' || next.mention.kind === 'person';
}

/**
 * Whether a title's organisation fits its holder's: the same, or the holder's within it — a
 * headline's `中国報道官` is the body's `中国外務省の毛寧報道官`.
 */
function sameOrg(title: string | null, holder: string | null): boolean {
  return title === null || holder === title || (holder?.startsWith(title) ?? false);
}

/**
 * A name inside quoted words (「プーチンの国は…」) is not a subject of the report; a bracket
 * that is only the name (「OVDインフォ」によると) is.
 */
function isQuotedWords(text: string, m: Mention, b: Bracket | undefined): boolean {
  if (!b || b.open >= m.start || m.end > b.close) return false;
  if (b.close - b.open - 1 > m.phraseEnd - m.start + 4) return true;
  // A short quote is words too when kana join the name to more (`「ロシアが優勢だ」`).
  return hasHiragana(text.slice(b.open + 1, m.start) + text.slice(m.phraseEnd, b.close));
}

/** A title standing for a person: `大統領は`, `ウクライナ大統領、`, not `関係者`. */
function isBareTitle(text: string, m: Mention): boolean {
  return m.via === 'title' && text.slice(m.start, m.phraseEnd).endsWith(m.title ?? '\u0000');
}

function heldBy(role: Speaker, holder: Named): Speaker {
  return { ...role, ...holdersName(holder.speaker), attribution: 'coreference' };
}

/** What a title takes from the person holding it: their name and organisation. */
/** A short body no earlier name says whose it is (`警察は`): the body as written. */
function bareBody(m: Mention, span: { start: number; end: number }): Speaker {
  return {
    speaker: m.surface,
    canonical: m.surface,
    org: null,
    attribution: 'explicit',
    speakerSpan: span,
    speakerKind: 'organisation',
  };
}

function holdersName(holder: Speaker): Pick<Speaker, 'canonical' | 'org' | 'speakerKind'> {
  return { canonical: holder.canonical, org: holder.org, speakerKind: 'person' };
}

/** How many bodies back 同通信 or 同省 looks for one whose name ends in its word. */
const BODY_MEMORY = 16;

/** How many sentences back a subject still takes 同氏 before a person named since. */
const SUBJECT_REACH = 3;

/**
 * How many sentences back the person the text was about still takes `同相` or `大統領は`: a long
 * article keeps its minister across paragraphs that name no one of that title as a subject.
 */
const TITLE_SUBJECT_REACH = 16;

/** How many sentences back a role named in full still names the same role written bare. */
const ROLE_REACH = 12;

/** A person standing as a subject (`Xは`), in which sentence, with their title. */
interface TopicPerson {
  speaker: Speaker;
  sentence: number;
  title: string | null;
}

/** What 同氏, 同相 and 同省 can point back to, updated as the text is read. */
class Antecedents {
  lastPerson: Speaker | null = null;
  lastOrg: Speaker | null = null;
  readonly byTitle = new Map<string, Speaker>();
  /** The last person standing as a subject, and in which sentence: what 同氏 usually means. */
  subjectPerson: TopicPerson | null = null;
  /** The last few people standing as subjects, the last one last. */
  private readonly topicPersons: TopicPerson[] = [];

  /** A person stands as the subject of a clause: what 同氏 and a bare title may mean next. */
  topicPerson(p: TopicPerson): void {
    this.subjectPerson = p;
    this.topicPersons.push(p);
    if (this.topicPersons.length > BODY_MEMORY) this.topicPersons.shift();
  }
  /** The sentence being read. */
  sentence = 0;

  /**
   * Relations written before a name (`妻`), which belong to how the text names the person;
   * the words a role's modifiers stop at (`複数の`, `同部隊の`).
   */
  constructor(
    readonly relationWords: readonly string[],
    readonly modifierWords: ModifierWords,
  ) {}

  /** Bodies named so far, the last one last, to find 同通信 or 同省 by the word it ends in. */
  private readonly bodies: Speaker[] = [];

  remember(s: Speaker, m: Mention): void {
    if (s.speakerKind === 'unnamed' && m.title !== null && s.speaker !== m.title)
      this.roles.set(m.title, { speaker: s, sentence: this.sentence });
    if (s.speakerKind === 'organisation') {
      this.lastOrg = s;
      this.bodies.push(s);
      if (this.bodies.length > BODY_MEMORY) this.bodies.shift();
    }
    if (s.speakerKind !== 'person' || s.canonical === null) return;
    this.lastPerson = s;
    if (!m.title) return;
    this.byTitle.delete(m.title);
    this.byTitle.set(m.title, s);
  }

  /**
   * 同相 → the last person with a title ending in 相; 同氏 and 彼 → the person the last
   * sentences were about (their subject), else the last person named — a person named in
   * passing (`バイデン大統領が署名して以来`) does not take 同氏 from the subject.
   */
  person(title: string | null): Speaker | null {
    if (title && title !== '氏') {
      const subject = this.subjectWithTitle(title);
      if (subject) return subject;
      for (const [t, s] of [...this.byTitle].reverse()) if (t.endsWith(title)) return s;
    }
    const subject = this.subjectPerson;
    if (subject && this.sentence - subject.sentence <= SUBJECT_REACH) return subject.speaker;
    return this.lastPerson;
  }

  /**
   * 同通信 → the last body whose name ends in 通信 (a news agency, not the country named since);
   * else the last body named.
   */
  body(word: string | null, orLast = true): Speaker | null {
    if (word) {
      for (let i = this.bodies.length - 1; i >= 0; i -= 1) {
        const b = this.bodies[i];
        if (b && (b.canonical ?? b.speaker ?? '').endsWith(word)) return b;
      }
    }
    return orLast ? this.lastOrg : null;
  }

  /** Unnamed roles named in full (`米国防総省の報道官`) by their title, and in which sentence. */
  private readonly roles = new Map<string, { speaker: Speaker; sentence: number }>();

  /** `報道官は`: the role of this title last named in full, within a few sentences. */
  role(title: string): Speaker | null {
    let best: { speaker: Speaker; sentence: number } | undefined;
    for (const [t, r] of this.roles)
      if (t.endsWith(title) && (!best || r.sentence >= best.sentence)) best = r;
    return best && this.sentence - best.sentence <= ROLE_REACH ? best.speaker : null;
  }

  /** Whether a person holding a title ending in `title` has been named. */
  hasHolder(title: string): boolean {
    for (const t of this.byTitle.keys()) if (t.endsWith(title)) return true;
    return false;
  }

  /**
   * `大統領は`: the person the last sentences were about when they hold the title, else the
   * last person named with this very title, else with a title ending in it (`知事` of `州知事`).
   */
  holder(title: string): Speaker | null {
    const subject = this.subjectWithTitle(title);
    if (subject) return subject;
    const exact = this.byTitle.get(title);
    if (exact) return exact;
    for (const [t, s] of [...this.byTitle].reverse()) if (t.endsWith(title)) return s;
    return null;
  }

  /**
   * The last person the text was about (a subject) whose title ends in `title`, within a few
   * sentences: `同相` and a bare `大統領は` name them before someone of the same title named in
   * passing since (`前日にはウクライナのシビハ外相が…と非難しており`).
   */
  private subjectWithTitle(title: string): Speaker | null {
    for (let i = this.topicPersons.length - 1; i >= 0; i -= 1) {
      const p = this.topicPersons[i];
      if (!p || this.sentence - p.sentence > TITLE_SUBJECT_REACH) return null;
      if (p.title?.endsWith(title)) return p.speaker;
    }
    return null;
  }
}

function resolveOne(
  text: string,
  m: Mention,
  mentions: readonly Mention[],
  state: Antecedents,
): Speaker | null {
  const span = { start: m.start, end: m.phraseEnd };
  if (m.kind === 'coref') {
    // `同報道官` after `国防総省の報道官` and no person with that title: the role named in full.
    const role =
      !m.generic && m.title !== null && m.title !== '氏' && !state.hasHolder(m.title)
        ? state.role(m.title)
        : null;
    // A short body standing alone (`空軍は`) is the last body it shortens, else itself;
    // `同省` is the last body of its kind, else the last body named.
    const alone = m.generic && m.via !== 'title';
    const target = role ?? (m.generic ? state.body(m.title, !alone) : state.person(m.title));
    if (!target && alone) return bareBody(m, span);
    return target ? { ...target, attribution: 'coreference', speakerSpan: span } : null;
  }
  if (m.kind === 'place' || (m.kind === 'country' && m.via === 'flag')) return null;
  const qualifier = qualifierOf(text, m, mentions);
  // `プリゴジン氏の広報担当者`: a person names whose role it is, but is not its organisation.
  const org =
    qualifier && qualifier.kind !== 'person' && !isMissionIn(m, qualifier)
      ? (qualifier.canonical ?? qualifier.surface)
      : m.org;
  const kind: SpeakerKind =
    m.kind === 'person' ? 'person' : m.kind === 'role' ? 'unnamed' : 'organisation';
  // A role is named with what it belongs to (`EUの報道官`) or the clause that tells which
  // (`献花に訪れた女性`): the phrase the text uses for it.
  const body = m.kind === 'person' || m.kind === 'role' ? null : bodyStart(text, m, qualifier);
  const from =
    m.kind === 'role'
      ? roleStart(text, m.start, qualifier, state.modifierWords)
      : m.kind === 'person'
        ? relationStart(text, givenNameStart(text, m.start), state.relationWords)
        : missionStart(text, body ?? m.start);
  // `在日ロシア大使館` is another body than `ロシア大使館`: where it is, is in its name.
  const mission = body !== null && from < body ? text.slice(from, body) : '';
  const end = phraseEndOf(text, m);
  // `コールサイン「ボルト」を名乗る兵士`: a role whose clause gives the name they go by is that person.
  const goesBy = m.kind === 'role' ? GOES_BY.exec(text.slice(from, m.start)) : null;
  const speaker: Speaker = {
    speaker: text.slice(from, end),
    canonical: goesBy
      ? (goesBy[1] ?? null)
      : m.kind === 'role'
        ? null
        : m.canonical && mission + m.canonical,
    org,
    attribution: 'explicit',
    speakerSpan: { start: from, end },
    speakerKind: goesBy ? 'person' : kind,
  };
  const held =
    m.kind === 'role' && m.title !== null && m.via === 'title' ? state.holder(m.title) : null;
  const resolved =
    held && (org === null || held.org === org)
      ? { ...speaker, ...holdersName(held), attribution: 'coreference' as const }
      : (namedRoleBefore(text, m, from, state) ?? namedBodyBefore(m, qualifier, speaker, state));
  state.remember(resolved, m);
  return resolved;
}

/**
 * `報道官のパーネル氏`, `外相のラブロフ氏`: a person written after a role and `の` holds its title,
 * so `同報道官` and `同相` later are them.
 */
function withTitleBefore(text: string, m: Mention, mentions: readonly Mention[]): Mention {
  if (m.kind !== 'person' || text.charAt(m.start - 1) !== 'の') return m;
  const role = findEndingAt(mentions, m.start - 1);
  return role?.kind === 'role' && role.title !== null ? { ...m, title: role.title } : m;
}

/**
 * `ロシア国防省は…。国防省によると…`: a body that names one only after a country (`generic`), or
 * one known by its ending alone, written bare, is the one of that name the text named in full
 * before.
 */
function namedBodyBefore(
  m: Mention,
  qualifier: Mention | null,
  speaker: Speaker,
  state: Antecedents,
): Speaker {
  if (m.kind !== 'organisation' || qualifier || m.canonical === null) return speaker;
  if (!m.generic && m.via !== 'form') return speaker;
  const before = state.body(m.canonical, false);
  if (!before?.canonical || before.canonical === m.canonical) return speaker;
  if (!before.canonical.endsWith(m.canonical)) return speaker;
  return { ...speaker, canonical: before.canonical, org: before.org ?? speaker.org };
}

/**
 * `米国防総省の報道官は…。報道官は「…」`: a role written bare, with nothing before it telling
 * which one, is the one of the same title the text named in full in the sentences before, as
 * `同報道官` would be.
 */
function namedRoleBefore(
  text: string,
  m: Mention,
  from: number,
  state: Antecedents,
): Speaker | null {
  if (m.kind !== 'role' || m.title === null || from !== m.start) return null;
  if (text.slice(m.start, m.phraseEnd) !== m.title) return null;
  // `関係者の1人は`: one of those named before, named as the text names them.
  if (ONE_OF.test(text.slice(m.phraseEnd, m.phraseEnd + 5))) return null;
  const before = state.role(m.title);
  return before
    ? { ...before, attribution: 'coreference', speakerSpan: { start: m.start, end: m.phraseEnd } }
    : null;
}

/**
 * `ナワリヌイ氏の妻ユリアさん`: a relation written right before a person's name, after `の` or
 * at a phrase's start, is part of how the text names them.
 */
function relationStart(text: string, at: number, words: readonly string[]): number {
  const w = words.find((r) => text.startsWith(r, at - r.length));
  if (!w) return at;
  const from = at - w.length;
  return from === 0 || /[の、\s「」()（）]/u.test(text.charAt(from - 1)) ? from : at;
}

/**
 * `ウクライナ国防省の情報総局`: a body that belongs to another body named before it with の is
 * named with it; a country before it (`ロシアの国防省`) is its organisation, not its name.
 */
function bodyStart(text: string, m: Mention, qualifier: Mention | null): number {
  if (!qualifier || text.charAt(m.start - 1) !== 'の') return m.start;
  return qualifier.kind === 'organisation' || isMissionIn(m, qualifier) ? qualifier.start : m.start;
}

/** `東京のロシア大使館`: a country's mission, and the place it is in, which is how the text names it. */
function isMissionIn(m: Mention, qualifier: Mention | null): boolean {
  return qualifier?.kind === 'place' && m.kind === 'organisation' && MISSION_BODY.test(m.surface);
}

const MISSION_BODY = /(?:大使館|領事館|代表部)$/u;

/**
 * Where the phrase naming a role starts: at what it belongs to (`EUの報道官`), the nouns before
 * it (`前線の兵士`, `地元住民`), and the clause before those that tells which one it is
 * (`献花に訪れた女性`, `東部で戦う旅団の報道担当者`).
 */
function roleStart(
  text: string,
  at: number,
  qualifier: Mention | null,
  words: ModifierWords,
): number {
  // `…働いていたというこの兵士`: a clause before この tells which one, as before the role.
  if (!qualifier && DEMONSTRATIVE.test(text.slice(at - 2, at))) {
    const clause = relativeClauseStart(text, at - 2);
    if (clause < at - 2) return clause;
  }
  let nouns = roleModifiersStart(text, qualifier ? qualifier.start : at, words);
  // `NATOのある当局者`: an indefinite ある between the role and what it belongs to.
  if (nouns === at && text.slice(at - 2, at) === INDEFINITE) {
    const before = at - INDEFINITE.length;
    nouns = text.charAt(before - 1) === 'の' ? roleModifiersStart(text, before, words) : before;
  }
  const start = relativeClauseStart(text, missionStart(text, nouns));
  // `・ガザ住民「…」`: a list's bullet opens the line, not the phrase.
  return text.charAt(start) === '・' && start < at ? start + 1 : start;
}

/** The name a person goes by, given in the clause before their role (`「ボルト」を名乗る`). */
const GOES_BY = /「([^「」、。]{2,12})」(?:と|を)(?:だけ)?名乗/u;

const DEMONSTRATIVE = /^(?:この|その)$/u;

/** `ある当局者`: a certain one, part of how the text names the role. */
const INDEFINITE = 'ある';

/** A clause ending in a verb right before an unnamed role tells which one it is. */
const MAX_RELATIVE = 30;
/** What ends a clause read leftwards: punctuation, brackets, marks (`◆`), spaces. */
const CLAUSE_BOUNDARY = /[^\p{L}\p{N}ー々]/u;

function relativeClauseStart(text: string, at: number): number {
  if (!/[うくぐすつぬぶむるただい]/u.test(text.charAt(at - 1))) return at;
  let i = at - 1;
  const walk = (): void => {
    while (i > 0 && at - i < MAX_RELATIVE && !CLAUSE_BOUNDARY.test(text.charAt(i - 1))) i -= 1;
  };
  walk();
  // `コールサイン「ボルト」を名乗る兵士`: a name in brackets inside the clause belongs to it.
  if (text.charAt(i - 1) === '」' && /^(?:[をの]|と名乗)/u.test(text.slice(i, i + 3))) {
    const from = Math.max(0, at - MAX_RELATIVE);
    const open = text.slice(from, i - 1).lastIndexOf('「');
    if (open >= 0 && !/[「」。]/u.test(text.slice(from + open + 1, i - 1))) {
      i = from + open;
      walk();
    }
  }
  // `「…」と話す男性`: the clause is the quote's own report, not what tells which man; one with
  // a particle of its own after the quote's と (`「…」と東部で戦う旅団の広報担当は`,
  // `「…」とムンバイのある業者の幹部は`) tells which.
  if (text.charAt(i - 1) === '」' && text.charAt(i) === 'と') {
    i += text.charAt(i + 1) === '、' ? 2 : 1;
    if (!CASE_PARTICLE.test(text.slice(i, at)) && !text.slice(i, at).includes('の')) return at;
  }
  // A clause read no further than a particle is no phrase (`を名乗る兵士`): the role alone.
  if (/^[をとがのにはで]/u.test(text.charAt(i))) return at;
  // `そう語る母親`: so is the words' own report too.
  if (/^(?:そう|こう|このように)/u.test(text.slice(i, at))) return at;
  return at - i >= MAX_RELATIVE ? at : innerClauseStart(text, i, at);
}

/**
 * `近くにいたアフリカから来た女性`: of two clauses stacked before a role, the one right before it
 * tells which one it is; the first says where they were, and the text names them by the second.
 * A verb ending in た or る right before a noun, with a clause of its own after it (a particle
 * before the last verb), ends the outer clause — not a postposition (`ロシアによる攻撃を受けた`)
 * nor `のある`.
 */
function innerClauseStart(text: string, from: number, at: number): number {
  for (let j = at - 2; j > from + 1; j -= 1) {
    if (!/[たる]/u.test(text.charAt(j - 1)) || !/[\p{sc=Han}\p{sc=Katakana}]/u.test(text.charAt(j)))
      continue;
    const before = text.slice(Math.max(from, j - 4), j);
    if (POSTPOSITION_VERB.test(before)) continue;
    return CASE_PARTICLE.test(text.slice(j, at - 1)) ? j : from;
  }
  return from;
}

/** Verbs that work as postpositions (`による`, `に対する`, `をめぐる`), and `のある`. */
const POSTPOSITION_VERB = /(?:よる|おける|対する|関する|めぐる|巡る|わたる|とする|[のがも]ある)$/u;
const CASE_PARTICLE = /[をにがで]|から|まで|と[^し]/u;

/**
 * Where the phrase naming a speaker ends: `ロシア側は` (the side of a country speaks as the
 * country, and the text names it so), `軍事ブロガーの１人は` (one of a group), `兵士たちは`,
 * `ロシア連邦保安局（ＦＳＢ）は`.
 */
function phraseEndOf(text: string, m: Mention): number {
  if (m.kind === 'country' && text.charAt(m.phraseEnd) === '側') return m.phraseEnd + 1;
  if (m.kind === 'organisation') {
    const acronym = ACRONYM_AFTER.exec(text.slice(m.phraseEnd, m.phraseEnd + 14));
    if (acronym) return m.phraseEnd + acronym[0].length;
  }
  if (m.kind === 'role') {
    const one = ONE_OF.exec(text.slice(m.phraseEnd, m.phraseEnd + 5));
    if (one) return m.phraseEnd + one[0].length;
  }
  return m.phraseEnd;
}

/** `ロシア連邦保安局（ＦＳＢ）は`: the acronym in brackets after a body is part of its name. */
export const ACRONYM_AFTER = /^[(（][A-Za-zＡ-Ｚａ-ｚ・]{2,10}[)）]/u;
const ONE_OF = /^(?:の(?:[1１一]人|ひとり)|たち|ら(?!し))/u;

/**
 * The organisation or country written before a name: `ロシア外務省のザハロワ報道官`,
 * `北大西洋条約機構(NATO)のバウアー軍事委員長`, `EUの報道官`, `🇷🇺常駐代表部`.
 */
function qualifierOf(text: string, m: Mention, mentions: readonly Mention[]): Mention | null {
  let at = m.start;
  if (text.charAt(at - 1) === 'の') at -= 1;
  const close = text.charAt(at - 1);
  if (close === ')' || close === '）') {
    const window = text.slice(Math.max(0, at - 20), at);
    const open = Math.max(window.lastIndexOf('('), window.lastIndexOf('（'));
    if (open >= 0) at = at - window.length + open;
  }
  const q = findEndingAt(mentions, at);
  const kinds = m.kind === 'role' ? ROLE_QUALIFIERS : BODY_QUALIFIERS;
  return q && q !== m && kinds.includes(q.kind) && (q.kind !== 'person' || at < m.start) ? q : null;
}

const BODY_QUALIFIERS = ['organisation', 'country', 'place'];
const ROLE_QUALIFIERS = [...BODY_QUALIFIERS, 'person', 'role'];

function findEndingAt(mentions: readonly Mention[], at: number): Mention | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (!m) break;
    if (m.start < at) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i -= 1) {
    const m = mentions[i];
    if (m && (m.phraseEnd === at || m.end === at)) return m;
  }
  return undefined;
}
