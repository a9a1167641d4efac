import type { EntityType } from '../../model/index.js';
import { HIRAGANA_CLASS, KATAKANA_CLASS } from '../../text/chars.js';
import type { KnowledgeSource } from './merge.js';
import type { CaveatPhrase } from './schema.js';
import { Trie } from './trie.js';

// Titles in kana alone (さん) are looked up by themselves: the title scan walks kanji.
const KANA_WORD = new RegExp(`^[${HIRAGANA_CLASS}${KATAKANA_CLASS}]+$`, 'u');

/** What the gazetteer knows about one name; `role` words (`兵士`, `当局者`) name no one. */
export interface EntityInfo {
  canonical: string;
  type: EntityType | 'role';
  org: string | null;
  generic: boolean;
  outlet: boolean;
}

/**
 * Knowledge compiled once into matchers; pass it to every `annotate` call. Building it takes a
 * few milliseconds; it holds no file handles and is safe to share.
 */
export interface Knowledge {
  gazetteer: Trie<EntityInfo>;
  byCanonical: Map<string, EntityInfo>;
  /** Canonical name → every name it is written as, for search expansion. */
  names: Map<string, string[]>;
  titles: TitleSet;
  maxTitleLength: number;
  /**
   * 1 for each UTF-16 unit that ends some listed title, 2 for one that ends only a title
   * suffix (`行` of `代行`): a common character, looked at only when the suffix stands there.
   */
  titleFinalUnits: Uint8Array;
  /** The suffixes written onto titles (`代行`), for the units marked 2 above. */
  titleSuffixes: readonly string[];
  /** Titles written in kana (`さん`), found by a search of their own. */
  kanaTitles: string[];
  corefPerson: Trie<string>;
  corefOrganisation: Trie<string>;
  corefTitlePrefix: string;
  speechVerbs: Trie<string>;
  speechNouns: Trie<string>;
  namingMarkers: Trie<string>;
  termCues: string[];
  /** Words for a work right before its title (`著書`, `映画`), matched at the end of what precedes a bracket. */
  titleCues: Set<string>;
  longestTitleCue: number;
  /** The characters a title cue ends with: a bracket after any other needs no look-up. */
  titleCueEnds: Set<string>;
  /** What follows a work's title (`を出版`, `の著者`), matched right after the closing bracket. */
  titleMarkers: Trie<string>;
  /** The characters a title marker starts with: any other after a bracket needs no look-up. */
  titleMarkerStarts: Set<string>;
  /** Passive report verbs (`言われ`), matched right after a quote's と. */
  passiveSpeechVerbs: Trie<string>;
  /** Particles after the agent of a passive report (`から`). */
  agentParticles: string[];
  /** Verbs of voices rising (`上が`), matched after `という声が`. */
  voiceVerbs: string[];
  /** Words a speaker names themself with (`私`, `我々`). */
  firstPersonWords: string[];
  speechMarks: string[];
  commentMarks: string[];
  quotativeVerbs: Trie<string>;
  clauseBreaks: Trie<string>;
  statementNouns: Trie<string>;
  cataphora: string[];
  selfReferences: string[];
  surnames: Set<string>;
  /** Family names that often take a one-kanji given name (`王毅`). */
  shortGivenNameSurnames: Set<string>;
  maxSurnameLength: number;
  /** Kanji surnames and given names from the name dictionary. */
  dictionarySurnames: Set<string>;
  givenNames: Set<string>;
  kanaSurnames: Set<string>;
  /** Given names in katakana that open a full name (`ボフダン・…`). */
  kanaGivenNames: Set<string>;
  organisationSuffixes: Trie<string>;
  /** A person's camp, team or government (`陣営`), after the name or its `の`. */
  personGroups: string[];
  /** Words for a kind of body before its name in brackets (`人権団体「メモリアル」`). */
  bodyHeads: string[];
  /** Words an unnamed speaker's phrase ends in when it is a person or a few (`母親`). */
  personWords: string[];
  outletStatementNouns: Set<string>;
  /** Verbs a body reports with (`発表した`, `報じた`), matched at the start of a quote's verb. */
  bodyVerbs: string[];
  /** Words before の that count people rather than tell which (`複数の当局者`). */
  quantityWords: Set<string>;
  /** Verbs a country speaks with as its government (`表明した`, `非難した`), matched at the start of a quote's verb. */
  countryVerbs: string[];
  /** Nouns after a title that make it its holder's words (`首相答弁`): the title stands before them. */
  titleSpeechNouns: readonly string[];
  /** Particles that belong to the family name after them (`アル・ハマディ`). */
  surnameParticles: ReadonlySet<string>;
  /** Relations written right before a name (`妻`, `母親`), longest first. */
  relationWords: string[];
  notNames: Set<string>;
  termHeads: string[];
  /** What follows a subject, compiled from `subjectMarkers` (see `src/nlp/quotes/speaker.ts`). */
  subjects: SubjectGrammar;
  /** A sentence's report ending after と, anchored at the と and running to the sentence end. */
  reportEnding: RegExp;
  /** A clause's report ending: と, the ending, a comma (global, for matchAll). */
  clauseReportEnding: RegExp;
  caveats: Trie<CaveatPhrase>;
  flags: Map<string, string>;
  abbreviations: Map<string, string>;
  /** 1 for each UTF-16 unit that is an abbreviation, for a fast scan. */
  abbreviationUnits: Uint8Array;
  abbreviationAlone: Set<string>;
  abbreviationHeads: Trie<string>;
  abbreviationStops: Trie<string>;
  /** Lower-cased handle → outlet canonical name. */
  outletHandles: Map<string, string>;
}

/**
 * Compiles merged knowledge into matchers.
 *
 * @example
 * const k = compileKnowledge(mergeKnowledge([file]));
 * k.gazetteer.scan('ハリコフ')[0]?.value.canonical; // 'ハルキウ'
 */
export function compileKnowledge(src: KnowledgeSource): Knowledge {
  const { gazetteer, byCanonical, names } = compileGazetteer(src);
  const titles = new TitleSet(src.titles, src.titlePrefixes, src.titleSuffixes, src.titleTopics);
  const longest = (words: readonly string[]): number => Math.max(0, ...words.map((w) => w.length));
  return {
    gazetteer,
    byCanonical,
    names,
    titles,
    maxTitleLength: longest(src.titles) + longest(src.titlePrefixes) + longest(src.titleSuffixes),
    titleFinalUnits: titleFinalUnits(src),
    kanaTitles: src.titles.filter((t) => KANA_WORD.test(t)),
    titleSuffixes: src.titleSuffixes,
    corefPerson: wordTrie(src.corefPerson, false),
    corefOrganisation: wordTrie(src.corefOrganisation, false),
    corefTitlePrefix: src.corefTitlePrefix,
    speechVerbs: wordTrie(src.speechVerbs, false),
    speechNouns: wordTrie(src.speechNouns, false),
    namingMarkers: wordTrie(src.namingMarkers, false),
    termCues: src.termCues,
    titleCues: new Set(src.titleCues),
    longestTitleCue: longest(src.titleCues),
    titleCueEnds: new Set(src.titleCues.map((w) => w.charAt(w.length - 1))),
    titleMarkers: wordTrie(src.titleMarkers, false),
    titleMarkerStarts: new Set(src.titleMarkers.map((w) => w.charAt(0))),
    passiveSpeechVerbs: wordTrie(src.passiveSpeechVerbs, false),
    agentParticles: src.agentParticles,
    voiceVerbs: src.voiceVerbs,
    firstPersonWords: [...src.firstPersonWords].sort((a, b) => b.length - a.length),
    speechMarks: src.speechMarks,
    commentMarks: src.commentMarks,
    quotativeVerbs: wordTrie(src.quotativeVerbs, false),
    clauseBreaks: wordTrie(src.clauseBreaks, false),
    statementNouns: wordTrie(src.statementNouns, false),
    cataphora: src.cataphora,
    selfReferences: src.selfReferences,
    surnames: new Set(src.surnames),
    shortGivenNameSurnames: new Set(src.shortGivenNameSurnames),
    maxSurnameLength: Math.max(0, ...src.surnames.map((w) => w.length)),
    dictionarySurnames: new Set(src.dictionarySurnames),
    givenNames: new Set(src.givenNames),
    kanaSurnames: new Set(src.kanaSurnames),
    kanaGivenNames: new Set(src.kanaGivenNames),
    organisationSuffixes: wordTrie(src.organisationSuffixes, false),
    personGroups: [...src.personGroups].sort((a, b) => b.length - a.length),
    bodyHeads: src.bodyHeads,
    personWords: src.personWords,
    outletStatementNouns: new Set(src.outletStatementNouns),
    bodyVerbs: src.bodyVerbs,
    countryVerbs: src.countryVerbs,
    titleSpeechNouns: src.titleSpeechNouns,
    surnameParticles: new Set(src.surnameParticles),
    quantityWords: new Set(src.quantityWords),
    relationWords: [...src.relationWords].sort((a, b) => b.length - a.length),
    notNames: new Set(src.notNames),
    termHeads: src.termHeads,
    subjects: compileSubjects(src),
    reportEnding: new RegExp(`^(?:${alternatives(src.reportEndings)})[。\\s]*$`, 'u'),
    clauseReportEnding: new RegExp(
      `と(?:${alternatives(src.clauseReportEndings.map((e) => e.replace(/^と/u, '')))})、`,
      'gu',
    ),
    caveats: valueTrie(src.caveats.map((c) => [c.phrase, c])),
    flags: new Map(Object.entries(src.flags)),
    abbreviations: new Map(Object.entries(src.abbreviations)),
    abbreviationUnits: unitSet(Object.keys(src.abbreviations)),
    abbreviationAlone: new Set(src.abbreviationAlone),
    abbreviationHeads: wordTrie(src.abbreviationHeads, false),
    abbreviationStops: wordTrie(src.abbreviationStops, false),
    outletHandles: new Map(
      src.outlets.flatMap((o) => o.handles.map((h) => [h.toLowerCase(), o.canonical])),
    ),
  };
}

/** `担当`: what stands between a title's topic and the title (`経済再生担当相`). */
const IN_CHARGE = '担当';

/**
 * The titles as listed, and each title of two or more kanji with one listed prefix and one
 * listed suffix written onto it (`前` + `外相`, `外務次官` + `補`, `首席` + `報道官` + `代行`):
 * news writes these freely, so listing every combination by hand would always miss some.
 * Composed on lookup: a set of every combination costs start-up time for words never met. A
 * listed topic written before a title belongs to it (`withTopic`, `topicStart`).
 */
export class TitleSet {
  private readonly listed: ReadonlySet<string>;
  private readonly prefixes: ReadonlySet<string>;
  private readonly suffixes: ReadonlySet<string>;
  /** The lengths of the prefixes and of the suffixes, each with 0 (none) first. */
  private readonly prefixLengths: readonly number[];
  private readonly suffixLengths: readonly number[];
  /** The first characters of the prefixes and the last of the suffixes. */
  private readonly openers: ReadonlySet<string>;
  private readonly closers: ReadonlySet<string>;

  private readonly topics: ReadonlySet<string>;
  private readonly topicLengths: readonly number[];
  private readonly topicOpeners: ReadonlySet<string>;

  constructor(
    titles: readonly string[],
    prefixes: readonly string[],
    suffixes: readonly string[],
    topics: readonly string[] = [],
  ) {
    this.topics = new Set(topics);
    this.topicLengths = [...new Set(topics.map((w) => w.length))].sort((a, b) => b - a);
    this.topicOpeners = new Set(topics.map((w) => w.charAt(0)));
    this.listed = new Set(titles);
    this.prefixes = new Set(prefixes);
    this.suffixes = new Set(suffixes);
    this.prefixLengths = [0, ...new Set(prefixes.map((w) => w.length))];
    this.openers = new Set(prefixes.map((w) => w.charAt(0)));
    this.closers = new Set(suffixes.map((w) => w.charAt(w.length - 1)));
    this.suffixLengths = [0, ...new Set(suffixes.map((w) => w.length))];
  }

  /**
   * A handful of set lookups, whatever the lists' sizes: it runs for every kanji run that
   * ends like a title.
   *
   * @example
   * new TitleSet(['外相'], ['前'], ['代行']).has('前外相代行'); // true
   */
  has(word: string): boolean {
    if (this.listed.has(word)) return true;
    // Most words asked about neither open with a prefix nor end with a suffix.
    if (!this.openers.has(word.charAt(0)) && !this.closers.has(word.charAt(word.length - 1)))
      return false;
    for (const s of this.suffixLengths) {
      if (s > 0 && !this.suffixes.has(word.slice(word.length - s))) continue;
      for (const p of this.prefixLengths) {
        if (p + s === 0 || (p > 0 && !this.prefixes.has(word.slice(0, p)))) continue;
        if (this.isComposable(word.slice(p, word.length - s))) return true;
      }
    }
    return false;
  }

  /**
   * A listed topic, 担当 or not, then a title: `経済再生担当相`, `経済再生相`, `政治担当編集長`.
   * Only listed topics: which kanji before a title are a name and which a topic is otherwise
   * a guess (`赤沢経済再生担当相` is 赤沢, minister for 経済再生).
   *
   * @example
   * new TitleSet(['相'], [], [], ['経済再生']).withTopic('経済再生担当相'); // true
   */
  withTopic(word: string): boolean {
    if (!this.topicOpeners.has(word.charAt(0))) return false;
    for (const n of this.topicLengths) {
      if (n >= word.length || !this.topics.has(word.slice(0, n))) continue;
      let rest = word.slice(n);
      if (rest.startsWith(IN_CHARGE)) rest = rest.slice(IN_CHARGE.length);
      if (rest !== '' && this.has(rest)) return true;
    }
    return false;
  }

  /**
   * Where the title ending at `titleStart` starts once the topic written before it is read
   * (`経済再生` + `担当` + `相`): `titleStart` itself when no listed topic stands there.
   *
   * @example
   * new TitleSet(['相'], [], [], ['経済再生']).topicStart('赤沢経済再生担当相', 0, 8); // 2
   */
  topicStart(text: string, from: number, titleStart: number): number {
    let end = titleStart;
    if (text.startsWith(IN_CHARGE, end - IN_CHARGE.length)) end -= IN_CHARGE.length;
    for (const n of this.topicLengths)
      if (end - n >= from && this.topics.has(text.slice(end - n, end))) return end - n;
    return titleStart;
  }

  private isComposable(title: string): boolean {
    return title.length >= 2 && this.listed.has(title) && !KANA_WORD.test(title);
  }
}

function compileGazetteer(src: KnowledgeSource): {
  gazetteer: Trie<EntityInfo>;
  byCanonical: Map<string, EntityInfo>;
  names: Map<string, string[]>;
} {
  const gazetteer = new Trie<EntityInfo>();
  const byCanonical = new Map<string, EntityInfo>();
  const names = new Map<string, string[]>();
  const add = (written: string[], info: EntityInfo, scanned = written): void => {
    byCanonical.set(info.canonical, info);
    names.set(info.canonical, [...new Set([...(names.get(info.canonical) ?? []), ...written])]);
    for (const name of scanned) gazetteer.add(name, info);
  };
  for (const o of src.outlets) {
    const info = {
      canonical: o.canonical,
      type: 'organisation' as const,
      org: null,
      generic: false,
      outlet: true,
    };
    add([o.canonical, ...o.aliases], info);
  }
  // Roles share the trie so the longest word wins: 当局者 (a person) over 当局 (a body).
  for (const r of src.roles) {
    gazetteer.add(r, { canonical: r, type: 'role', org: null, generic: false, outlet: false });
  }
  for (const e of src.entities) {
    const info = {
      canonical: e.canonical,
      type: e.type,
      org: e.org ?? null,
      generic: e.generic ?? false,
      outlet: false,
    };
    // A short name that is also a common word (`マスク`) is found only in its other forms.
    add([e.canonical, ...e.aliases], info, e.alone === false ? e.aliases : undefined);
  }
  return { gazetteer, byCanonical, names };
}

/** Patterns read right after a name: whether and how it stands as a subject. */
export interface SubjectGrammar {
  /** Any subject marker, anchored at the name's end; its last word tells the kind. */
  subject: RegExp;
  /** A topic or `が` right after a name that follows a quote (`「…」とペスコフ氏は`). */
  afterQuote: RegExp;
  topicWords: readonly string[];
  gaWords: readonly string[];
}

function compileSubjects(src: KnowledgeSource): SubjectGrammar {
  const m = src.subjectMarkers;
  // A reading in brackets may stand between a name and its particle: `王毅(ワン・イー)氏は`;
  // so may an apposition between equals signs: `X氏＝元記者＝は`.
  const lead = `^」?(?:[(（][^)）]{0,12}[)）])?(?:＝[^＝、。「」]{1,20}＝)?(?:${alternatives(m.nameEndings)})?`;
  const direct = alternatives([...m.topic, ...m.ga, ...m.source]);
  const owned = `の[^、。「」]{1,6}?(?:${alternatives(m.ownerSource)})`;
  return {
    subject: new RegExp(`${lead}(?:${direct}|${owned})`, 'u'),
    afterQuote: new RegExp(`${lead}(?:${alternatives([...m.topic, ...m.ga])})`, 'u'),
    topicWords: m.topic,
    gaWords: m.ga,
  };
}

/** Words as regex alternatives, longest first, escaped; `(?!)` (never) when there are none. */
function alternatives(words: readonly string[]): string {
  if (words.length === 0) return '(?!)';
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|');
}

function titleFinalUnits(src: KnowledgeSource): Uint8Array {
  const units = unitSet(src.titles.map((t) => t.slice(-1)));
  for (const suffix of src.titleSuffixes) {
    const c = suffix.charCodeAt(suffix.length - 1);
    if (units[c] !== 1) units[c] = 2;
  }
  return units;
}

function unitSet(chars: readonly string[]): Uint8Array {
  const set = new Uint8Array(0x10000);
  for (const c of chars) if (c.length === 1) set[c.charCodeAt(0)] = 1;
  return set;
}

function wordTrie(words: readonly string[], bounded = true): Trie<string> {
  return valueTrie(
    words.map((w) => [w, w]),
    bounded,
  );
}

function valueTrie<T>(pairs: readonly [string, T][], bounded = false): Trie<T> {
  const trie = new Trie<T>(bounded);
  for (const [word, value] of pairs) trie.add(word, value);
  return trie;
}
