import { KANJI_CLASS, KATAKANA_CLASS } from '../../text/index.js';
import type { Knowledge } from '../knowledge/index.js';
import type { QuoteClass } from './classify.js';
import { ACRONYM_AFTER, QUESTION_LINE, type Discourse, type Subject } from './discourse.js';
import { headlineCandidates, isTitleLine } from './headline.js';
import { roleModifiersStart } from './noun-phrase.js';
import { postAuthorCandidates } from './post-author.js';
import {
  afterSubject,
  CLEFT_REACH,
  isPersonPhrase,
  isSubjectAfterQuote,
  type Speaker,
} from './speaker.js';

/** One possible speaker of a quote, with how strongly the text points to them and why. */
export interface Candidate {
  speaker: Speaker;
  score: number;
  reason: string;
}

/** Where a quote (or a run of quotes said together, `「…」「…」と述べた`) stands. */
export interface QuoteSite {
  /** The opening bracket of the run's first quote. */
  open: number;
  /** The closing bracket of the run's last quote. */
  close: number;
  sentence: number;
  /** The class of the run's last quote: where its quotative と and verb stand. */
  cls: QuoteClass;
}

/** How far back from a quote its clause and sentence are read. */
export const MAX_LOOK_BACK = 400;

/** How much a person named as topic outweighs a body named as topic before it. */
const PERSON_OVER_BODY = 0.2;

/** The reason of a statement's issuer, which carries to the next quotes as a topic does. */
export const STATEMENT_ISSUER = 'issuer of the statement it quotes';

/**
 * Evidence weights. A speaker named in the quote's own construction (`「…」とXは`, a headline's
 * `X「…」`) outranks the topic of its clause, which outranks a subject merely near it, which
 * outranks the subject carried from earlier sentences.
 */
export const WEIGHT = {
  namedAfter: 10,
  inBracketsAfter: 10,
  nextSentence: 9,
  headline: 9,
  announcedBefore: 8.5,
  topic: 8,
  reportedNext: 7,
  statement: 7.5,
  subjectRightBefore: 7.5,
  source: 7,
  subjectOfClause: 6.5,
  bodyRightBefore: 5.8,
  topicOfSentence: 6,
  topicBeforeContrast: 5.5,
  carried: 5,
  embeddedSubject: 4.5,
  document: 4,
  lastNamed: 3.5,
} as const;

/**
 * Every speaker the text offers for a bracketed quote, each with its reason: the name after the
 * quote, the headline's name, the topic or subject of its clause, the issuer of a statement it
 * quotes, a sentence announcing it, and the subject carried from earlier sentences.
 *
 * @example
 * bracketCandidates(text, site, discourse, k).map((c) => c.reason);
 * // ['topic of its clause', 'carried from an earlier sentence']
 */
export function bracketCandidates(
  text: string,
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
  previous: PreviousQuote | null = null,
  inQuote = false,
): Candidate[] {
  const out: Candidate[] = [];
  const add = (speaker: Speaker | null | undefined, score: number, reason: string): void => {
    if (speaker) out.push({ speaker, score, reason });
  };
  // `上官から「…」と言われた`: a passive report's words are its agent's; the topic heard them.
  if (site.cls.agentEnd !== undefined) {
    add(
      passiveAgent(text, site.cls.agentEnd, d, k),
      WEIGHT.namedAfter,
      'agent of a passive report',
    );
    return out;
  }
  add(namedAfter(text, site, d, k), WEIGHT.namedAfter, 'named after the quote');
  add(inBracketsAfter(text, site, d), WEIGHT.inBracketsAfter, 'named in brackets after it');
  add(ownerAfter(text, site, d, k), WEIGHT.namedAfter, 'owner of the statement named after it');
  add(claimOwner(text, site, d), WEIGHT.namedAfter, 'whose claim the quote is');
  add(nameClosing(text, site, d), WEIGHT.namedAfter, 'named closing the sentence');
  add(interviewee(text, site, d), WEIGHT.announcedBefore, 'answer to a question put to them');
  add(openingTheLine(text, site, d), WEIGHT.headline, 'named opening its line');
  add(nextSentenceSpeaker(text, site, d, k), WEIGHT.nextSentence, 'named in the next sentence');
  add(
    reportedByNextSentence(text, site, d, k),
    WEIGHT.reportedNext,
    'topic of the next sentence, which reports it',
  );
  // Words quoted inside a quote are read on their own: no headline stands there.
  if (!inQuote) for (const c of headlineCandidates(text, site, d)) out.push(c);
  add(
    announcedBefore(text, site, d, k),
    WEIGHT.announcedBefore,
    'announced in the sentence before',
  );
  const nominalised = isNominalised(text, site);
  // `ロシアがプーチン氏の「賢明な指導」の下で…勝利を収めることを信じて`: a subject before a
  // quote that ends in a nominalised clause belongs to that clause.
  const insideNoun =
    text.charAt(site.close + 1) !== 'と' &&
    NOUN_CLAUSE_AFTER.test(text.slice(site.close + 1, site.close + 41));
  clauseCandidates(text, site.open, site.sentence, d, out, {
    nested: site.cls.nested === true,
    nominalised,
    insideNoun,
    reported: site.cls.kind === 'fragment' && reportedAfter(text, site, d, k),
    speech: site.cls.kind === 'speech' && reportedInTurn(text, site, d, k),
    countrySays: (s) => countrySays(text, s, site, k),
    inner: site.cls.kind === 'fragment' && site.cls.afterTo === null,
    verbless:
      (site.cls.kind === 'speech' || site.cls.kind === 'fragment') && site.cls.verb === null,
    reportsBetween: (from, to) => reportsBetween(text, from, to, k).length > 0,
  });
  add(statementIssuer(text, site, d, k), WEIGHT.statement, STATEMENT_ISSUER);
  if (!inQuote) for (const c of postAuthorCandidates(text, site, d, k)) out.push(c);
  const said = statementAsSubject(text, site, d, k, nominalised);
  if (said) out.push(said);
  // Inside a quote, words with no subject are the speaker's own: nothing is carried there.
  if (inQuote) return out;
  out.push(...carried(site, d, k, previous));
  if (out.length === 0)
    add(headlineDocumentSpeaker(text, site, d), WEIGHT.document, 'main speaker of the article');
  // `キーウに住むアンナさんに話を聞いた。「…」と話した`: with no subject anywhere before, the
  // person last named, as whatever part of the sentence, is who the words are heard from.
  if (out.length === 0)
    add(
      d.lastPersonBefore(site.open, NAMED_REACH)?.speaker,
      WEIGHT.lastNamed,
      'the last person named before it',
    );
  if (out.length === 0)
    add(topicAfterStandingQuote(text, site, d), WEIGHT.lastNamed, 'topic of the next sentence');
  return out;
}

/**
 * The agent of a passive report, ending where its particle starts: the person or body named
 * there, else the role as written with the nouns before it (`前線の上官`), of kind `unnamed`.
 */
function passiveAgent(text: string, end: number, d: Discourse, k: Knowledge): Speaker | null {
  const named = d
    .namedIn(Math.max(0, end - MAX_AGENT), end)
    .filter((n) => n.mention.phraseEnd === end);
  const last = named[named.length - 1];
  if (last) return last.speaker;
  const start = roleModifiersStart(text, end, {
    quantityWords: k.quantityWords,
    corefTitlePrefix: k.corefTitlePrefix,
  });
  if (start >= end) return null;
  return {
    speaker: text.slice(start, end),
    canonical: null,
    org: null,
    attribution: 'explicit',
    speakerSpan: { start, end },
    speakerKind: 'unnamed',
  };
}

/** How long a named agent of a passive report may be. */
const MAX_AGENT = 40;

/**
 * `「…」。キーウのYさんはため息をついた。`: a quote standing as its own sentence with no one
 * named before it is the words of whom the next sentence is about.
 */
function topicAfterStandingQuote(text: string, site: QuoteSite, d: Discourse): Speaker | null {
  if (site.cls.verb !== null) return null;
  const own = d.sentences.bounds(site.sentence);
  if (text.slice(own.start, site.open).trim() !== '') return null;
  if (!/^[。\s―—─]*$/u.test(text.slice(site.close + 1, own.end))) return null;
  const next = d.sentences.bounds(site.sentence + 1);
  if (next.start <= site.close) return null;
  const topic = d.subjectsIn(next.start, next.end).find((x) => x.how === 'topic');
  return topic?.speaker.speakerKind === 'person' ? topic.speaker : null;
}

/**
 * The speaker the text is about before this quote: the subject carried from earlier sentences,
 * or the speaker of the last quote when that came later (`「…」と言うのはリジェンコ。「…」`).
 * Words carried on with no subject are a person's far more often than a body's: when what is
 * carried is a body, a country or an unnamed source, the person the text was last about is a
 * candidate too, a little stronger — unless the words are reported as a body reports
 * (`…と発表した`, `…と伝えた`).
 */
function carried(
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
  previous: PreviousQuote | null,
): Candidate[] {
  const center = d.centerBefore(site.sentence) ?? sourceAfter(previous, site, d);
  const recent =
    previous &&
    previous.at < site.open &&
    (!center || previous.at > center.at) &&
    site.sentence - d.sentences.indexOf(previous.at) <= PREVIOUS_REACH;
  const out: Candidate[] = [];
  const nearest = recent ? previous.speaker : center?.speaker;
  if (recent)
    out.push({
      speaker: previous.speaker,
      score: WEIGHT.carried,
      reason: 'speaker of the quote before',
    });
  else if (center)
    out.push({
      speaker: center.speaker,
      score: WEIGHT.carried,
      reason: 'carried from an earlier sentence',
    });
  if (
    !nearest ||
    nearest.speakerKind === 'person' ||
    isPersonPhrase(nearest, k.personWords) ||
    isBodyVerb(site.cls.verb, k)
  )
    return out;
  const person = d.personCenterBefore(site.sentence);
  if (person)
    out.push({
      speaker: person.speaker,
      score: WEIGHT.carried + CARRIED_PERSON,
      reason: 'person carried over a body',
    });
  return out;
}

/**
 * `「…」と言うのはリジェンコ。ハーラに言わせれば、…だ。「…」`: a source named in a sentence
 * between the quote before and this one is whom the text turned to, not the earlier speaker.
 */
function sourceAfter(
  previous: PreviousQuote | null,
  site: QuoteSite,
  d: Discourse,
): { speaker: Speaker; at: number } | null {
  if (!previous) return null;
  const from = d.sentences.bounds(d.sentences.indexOf(previous.at) + 1).start;
  const to = d.sentences.bounds(site.sentence).start;
  if (from >= to) return null;
  const sources = d.subjectsIn(from, to).filter((s) => s.how === 'source' && !s.outlet);
  return sources[sources.length - 1] ?? null;
}

/** Whether a quote's verb is one a body reports with (`bodyVerbs` in the knowledge). */
function isBodyVerb(verb: string | null, k: Knowledge): boolean {
  return verb !== null && k.bodyVerbs.some((v) => verb.startsWith(v));
}

/**
 * Whether a country speaks a quote as its government: the quote's verb and every report the
 * country governs before it (`ロシアは…と称賛し、「…」を表明した`: 称賛) are verbs a government
 * speaks with.
 */
function countrySays(text: string, s: Subject, site: QuoteSite, k: Knowledge): boolean {
  if (!isCountryVerb(site.cls.verb, k)) return false;
  return reportsBetween(text, s.end, site.open, k).every((v) => isCountryVerb(v, k));
}

/** The speech verbs after a quotative と in `[from, to)`: the reports made there. */
function reportsBetween(text: string, from: number, to: number, k: Knowledge): string[] {
  return k.speechVerbs
    .scan(text, from, to)
    .filter((v) => /と[、]?$/u.test(text.slice(Math.max(from, v.start - 2), v.start)))
    .map((v) => text.slice(v.start, v.end));
}

/** Whether a quote's verb is one a country speaks with (`countryVerbs` in the knowledge). */
function isCountryVerb(verb: string | null, k: Knowledge): boolean {
  return verb !== null && k.countryVerbs.some((v) => verb.startsWith(v));
}

/** How much a person carried from earlier outweighs a body carried from nearer. */
const CARRIED_PERSON = 0.3;

/** How many sentences back a quote with no other candidate looks for the last person named. */
const NAMED_REACH = 4;

/** How many sentences of the body a headline's quote looks through for who the article quotes. */
const DOCUMENT_REACH = 6;

/**
 * A headline's quote that names no one (`「…」 ロシア、攻撃を警告`): the person the article's
 * first sentences are about, else the first body that speaks there.
 */
function headlineDocumentSpeaker(text: string, site: QuoteSite, d: Discourse): Speaker | null {
  const line = d.lines.indexOf(site.open);
  const { start, end } = d.lines.bounds(line);
  if (line !== 0 || !isTitleLine(text, start, end)) return null;
  let body: Subject | null = null;
  const last = Math.min(d.sentences.starts.length - 1, site.sentence + DOCUMENT_REACH);
  for (let s = site.sentence + 1; s <= last; s += 1) {
    const main = d.mainSubjectOf(s);
    if (main?.speaker.speakerKind === 'person') return main.speaker;
    body ??= main;
  }
  return body?.speaker ?? null;
}

/** A quote attributed with strong evidence, whose speaker the next quotes may carry on. */
export interface PreviousQuote {
  speaker: Speaker;
  at: number;
}

/** How many sentences after a quote its speaker still carries to a quote with no subject. */
const PREVIOUS_REACH = 3;

/**
 * Speakers from the clause and sentence before `at`: its first topic, a subject right before,
 * a source (`Xによると`), another subject (weaker when a nominaliser shows it belongs to an
 * embedded clause: `Xが…したことは「…」`), a topic of an earlier clause of the sentence.
 */
export function clauseCandidates(
  text: string,
  at: number,
  sentence: number,
  d: Discourse,
  out: Candidate[],
  how: {
    nested?: boolean;
    nominalised?: boolean;
    insideNoun?: boolean;
    reported?: boolean;
    /** The quote's report is reported in turn (`Xが「…」と述べたと発表した`). */
    speech?: boolean;
    /** Whether a country subject speaks the quote, by the verbs it governs (`countryVerbs`). */
    countrySays?: (s: Subject) => boolean;
    /** Words quoted inside a clause, not reported with と (`Xが「…」発言をした`). */
    inner?: boolean;
    /** Speech with no verb reporting it (`Xによれば、Yは「…」。`). */
    verbless?: boolean;
    /** Whether words are reported in `[from, to)` (a quote, or と and a speech verb). */
    reportsBetween?: (from: number, to: number) => boolean;
  } = {},
): void {
  const first = out.length;
  const nested = how.nested === true;
  const verbNominalised = how.nominalised === true;
  // Sentences in news copy are far shorter than this; the bound keeps a pathological
  // one-sentence text linear.
  const start = Math.max(d.sentences.bounds(sentence).start, at - MAX_LOOK_BACK);
  const clause = d.clauses.startOf(at, start);
  const inSentence = d.subjectsIn(start, at);
  const inClause = inSentence.filter((s) => s.at >= clause);
  const topics = inClause.filter((s) => s.how === 'topic');
  const topic = topics[0];
  // In a reported clause (`参加者は「…」とみなされると述べた`) a lone topic is that clause's.
  const topicRightBefore = topic && /^(?:ら|側)?[はも][、\s]?$/u.test(text.slice(topic.end, at));
  if (topic && nested && topicRightBefore && topics.length === 1)
    out.push(candidate(topic, WEIGHT.embeddedSubject, 'topic of the clause it is reported in'));
  // `ロシアは「覇権勢力」に立ち向かっていると称賛した`: words quoted inside a clause that is
  // itself reported (`…と称賛した`) have a country as that clause's topic, not as its speaker.
  // A side that stands apart from the clause it reports (`ロシア側は、無人機攻撃はウクライナの
  // 「自作自演」だと主張している`) says the words, with a verb a government speaks by.
  else if (
    topic?.country === true &&
    how.reported === true &&
    topics.length === 1 &&
    !(standsApart(text, topic) && (how.countrySays?.(topic) ?? false))
  )
    out.push(candidate(topic, WEIGHT.embeddedSubject, 'country topic of a reported clause'));
  else if (topic) out.push(candidate(topic, WEIGHT.topic, 'topic of its clause'));
  // `ウクライナは…被害が出ていて、ゼレンスキー大統領は「…」`: of a country or body and a person
  // both topics of the clause, the person is the likelier speaker.
  const person = topics.find((s) => s.speaker.speakerKind === 'person');
  if (topic && person && topic.speaker.speakerKind === 'organisation')
    out.push(candidate(person, WEIGHT.topic + PERSON_OVER_BODY, 'person among its topics'));
  const source = inClause.find((s) => s.how === 'source');
  if (source) out.push(candidate(source, WEIGHT.source, 'source of its clause'));
  // `Xによれば、ロシア軍は「…」。`: with no verb of their own, the words are the source's
  // report of the topic.
  if (source && how.verbless === true && topic && topic.at > source.at)
    out.push(candidate(source, WEIGHT.topic + PERSON_OVER_BODY, 'source of words with no verb'));
  // `米紙ニューヨーク・タイムズは、政府当局者の話として「…」と報じた`: an outlet reports
  // what its source said, so the source it cites after it speaks.
  if (topic?.outlet && source && source.at > topic.at)
    out.push(candidate(source, WEIGHT.topic + PERSON_OVER_BODY, 'source an outlet cites'));
  // `独立系メディアは、関係者の話として「…」と報じた`: words given as someone's account are theirs,
  // whoever relays them.
  else if (source && topic && source.at > topic.at && AS_TOLD.test(text.slice(source.end)))
    out.push(candidate(source, WEIGHT.topic + PERSON_OVER_BODY, 'source whose account it is'));
  // `ロイター通信によると、国防省が…と発表した`: the outlet relays what the subject after it said.
  const relayed =
    source?.outlet === true ? inClause.find((s) => s.how === 'ga' && s.at > source.at) : undefined;
  if (relayed)
    out.push(candidate(relayed, WEIGHT.source + PERSON_OVER_BODY, 'subject an outlet relays'));
  const topicInSentence = topics.length > 0 || inSentence.some((s) => s.how === 'topic');
  const lastGa = inClause.filter((s) => s.how === 'ga').at(-1);
  const topicAfter = (s: Subject): boolean => topics.some((t) => t.at > s.at);
  for (const s of inClause) {
    if (s.how !== 'ga') continue;
    const gap = text.slice(s.end, at);
    if (how.insideNoun === true)
      out.push(candidate(s, WEIGHT.embeddedSubject, 'subject of an embedded clause'));
    // `ロシア政府が「無謀な」発言をした`: words quoted inside the clause of a subject right
    // before them, with no と, are what the writer's source says of the subject.
    else if (how.inner === true && /^(?:ら|側)?が[、\s]?$/u.test(gap))
      out.push(
        candidate(s, WEIGHT.embeddedSubject, 'subject of the clause its words are quoted in'),
      );
    else if (/^(?:ら|側)?が[、\s]?$/u.test(gap))
      out.push(
        gaRightBefore(
          s,
          topicInSentence || personSetApartBefore(text, s, inClause),
          verbNominalised,
          topic?.outlet === true,
          how.speech === true,
        ),
      );
    else if (EMBEDDING.test(gap))
      out.push(candidate(s, WEIGHT.embeddedSubject, 'subject of an embedded clause'));
    // `…は、日本政府が北方領土をめぐり「…」という表現を使っていることについて`: the subject of a
    // report that is a noun of the sentence said those words, whatever stands between.
    else if (verbNominalised && s === lastGa && !topicAfter(s))
      out.push(candidate(s, WEIGHT.topic + 0.5, 'subject of a nominalised report'));
    else if (modifiesLaterSubject(text, s, inClause))
      out.push(candidate(s, WEIGHT.embeddedSubject, 'subject of a clause naming a later subject'));
    else out.push(candidate(s, WEIGHT.subjectOfClause, 'subject of its clause'));
  }
  // A topic before a break that only continues the sentence (`…と投稿し、`) still speaks; one
  // before a contrast (`…が、`, `一方、`) belongs to the other side.
  const contrast = d.clauses.contrastStartOf(at, start);
  const earlier = inSentence.find((s) => s.at < clause && s.how !== 'ga');
  if (earlier && earlier.at >= contrast) {
    out.push(candidate(earlier, WEIGHT.topicOfSentence, 'topic of its sentence'));
    // `ゼレンスキー氏は会見し、ウクライナは「…」と述べた`: a country after a person who is the
    // sentence's topic is what the person's words are about; it speaks only as its government.
    // `バイデン氏は「…」と述べ、ロシアは「…」と反発した`: after the person's own report, the
    // body speaks for itself.
    const ownReport = (): boolean =>
      text.slice(earlier.end, clause).includes('「') ||
      (how.reportsBetween?.(earlier.end, clause) ?? false);
    if (isBodyTopic(topic) && earlier.speaker.speakerKind === 'person' && !ownReport())
      out.push(candidate(earlier, WEIGHT.topic + PERSON_OVER_BODY, 'person the sentence is about'));
  } else if (earlier)
    out.push(
      candidate(earlier, WEIGHT.topicBeforeContrast, 'topic before a contrast in its sentence'),
    );
  if (how.countrySays) muteCountries(out, first, inSentence, text, how.countrySays);
}

/**
 * `ロシアが任命した「知事」のバリツキー氏が…「…」と強調した`: a subject whose verb qualifies the
 * noun of a later subject (a relative clause, no comma or particle between) belongs to that
 * clause, not to the quote.
 */
function modifiesLaterSubject(text: string, s: Subject, inClause: readonly Subject[]): boolean {
  const later = inClause.find((o) => o.at > s.at && o.how === 'ga');
  return later !== undefined && RELATIVE_CLAUSE.test(text.slice(s.end, later.at));
}

/** `が任命した「知事」の`: a subject, its verb in the form that qualifies a noun, that noun's first words. */
const RELATIVE_CLAUSE =
  /^(?:ら|側)?が[^、。「」はがをと]{1,12}?(?:した|された|する|される|いる|った|んだ|いた)(?:「[^」]{1,8}」)?[^、。「」はがをと]{0,8}$/u;

/**
 * `シビハ外相が、ロシアが「…」と非難しており`: a person standing as a subject set apart by a comma
 * before another subject reports what that one is said to do, as a topic would.
 */
function personSetApartBefore(text: string, s: Subject, inClause: readonly Subject[]): boolean {
  return inClause.some(
    (o) =>
      o.how === 'ga' &&
      o.at < s.at &&
      o.speaker.speakerKind === 'person' &&
      /^(?:ら|側)?が、/u.test(text.slice(o.end, o.end + 3)),
  );
}

/** `ロシア側は、`: a country's side, or a topic a comma sets apart from what follows. */
function standsApart(text: string, topic: Subject): boolean {
  return /^側|^[はも]、/u.test(text.slice(topic.end, topic.end + 2));
}

/**
 * `ロシアは「…」と語った`: a country speaks as its government, with the verbs a government uses
 * (`表明した`, `非難した`: `countryVerbs`); with another verb, or none, a country named in the
 * sentence is more often what the words are about, and the person the text is about the one
 * who said them. Such a country stays a candidate, below a speaker carried from before. The
 * side of a country (`ロシア側は`) names a party to talks and keeps its weight.
 */
function muteCountries(
  out: Candidate[],
  first: number,
  subjects: Subject[],
  text: string,
  says: (s: Subject) => boolean,
): void {
  const countries = new Set(
    subjects
      .filter((s) => s.country && text.charAt(s.end) !== '側' && !says(s))
      .map((s) => s.speaker),
  );
  if (countries.size === 0) return;
  for (let i = first; i < out.length; i += 1) {
    const c = out[i];
    if (!c || !countries.has(c.speaker) || c.score <= WEIGHT.embeddedSubject) continue;
    out[i] = {
      ...c,
      score: WEIGHT.embeddedSubject,
      reason: `${c.reason}, a country with a person's verb`,
    };
  }
}

/**
 * A country or a body (not an outlet) as the topic of a clause: after a person who is the
 * sentence's topic, it is what the person's words are about (`ルッテ氏は会見し、NATOは「…」`).
 */
function isBodyTopic(topic: Subject | undefined): boolean {
  if (!topic || topic.outlet) return false;
  return topic.country || topic.speaker.speakerKind === 'organisation';
}

/**
 * `兵士が「…」と訴えた` speaks; in a sentence with a topic, a body right before the quote is
 * more often what the quoted words are about (`ラブロフ外相は、米国が「…」と非難した`), unless
 * the verb is nominalised (`バイデンが「…」と断言するのを見守った`).
 */
function gaRightBefore(
  s: Subject,
  topicInSentence: boolean,
  nominalised: boolean,
  outletTopic: boolean,
  reported = false,
): Candidate {
  if (nominalised) return candidate(s, WEIGHT.topic + 0.5, 'subject of a nominalised report');
  // `ロイター通信は、…兵士が「…」と訴える声を伝えた`: an outlet relays who speaks.
  if (outletTopic && s.speaker.speakerKind !== null)
    return candidate(s, WEIGHT.topic + PERSON_OVER_BODY, 'speaker an outlet relays');
  // `国防省は、ショイグ国防相が「…」と述べたと発表した`, `…は、兵士の一人が「…」と話したと伝えた`:
  // a person — named or not — right before words whose report is reported in turn said them;
  // the topic reports that they did.
  if (reported && (s.speaker.speakerKind === 'person' || s.speaker.speakerKind === 'unnamed'))
    return candidate(s, WEIGHT.topic + PERSON_OVER_BODY, 'person whose report is reported');
  if (topicInSentence && s.speaker.speakerKind !== 'person')
    return candidate(s, WEIGHT.bodyRightBefore, 'body right before the quote');
  return candidate(s, WEIGHT.subjectRightBefore, 'subject right before the quote');
}

// A subject followed by one of these before the quote is inside a clause that is itself a
// noun or an adverbial (`…が死亡したことは「…」`, `…が加盟したことで`), not the speaker.
const EMBEDDING = new RegExp(
  `こと|(?:した|する|いる|った|れた)(?:の[はをがに]|ため|際|後|ので|場合)|[るた]と[、]|との|という|[るすたいうくぐむぶつ](?=[${KANJI_CLASS}${KATAKANA_CLASS}])`,
  'u',
);

function candidate(s: Subject, score: number, reason: string): Candidate {
  return { speaker: s.speaker, score, reason };
}

const AS_TOLD = /^(?:ら|側)?の(?:話|発表|声明)として/u;

const NOUN_CLAUSE_AFTER = /^[^。「」]{0,40}?(?:こと[をがはに]|のを)/u;

/** How far after a fragment its reporting `…と述べた` is looked for. */
const REPORTED_REACH = 60;

/** `「…」に立ち向かっていると称賛した`: a speech verb after a quotative と follows the fragment. */
function reportedAfter(text: string, site: QuoteSite, d: Discourse, k: Knowledge): boolean {
  const from = site.close + 1;
  const sentenceEnd = Math.min(d.sentences.bounds(site.sentence).end, from + REPORTED_REACH);
  const next = text.slice(from, sentenceEnd).search(/[「『]/u);
  const end = next < 0 ? sentenceEnd : from + next;
  return k.speechVerbs
    .scan(text, from, end)
    .some((v) => /と[、]?$/u.test(text.slice(Math.max(from, v.start - 2), v.start)));
}

/**
 * `ショイグ国防相が「…」と述べたと発表した`: the quote's own report is reported in turn (its
 * verb followed by と and another speech verb), so whoever the quote's verb belongs to is not
 * the sentence's topic.
 */
function reportedInTurn(text: string, site: QuoteSite, d: Discourse, k: Knowledge): boolean {
  const at = site.cls.verbAt;
  if (at === null) return false;
  const m = /^[^。、「」\n]{0,10}?[たるい]と[、]?/u.exec(text.slice(at, at + 14));
  if (!m) return false;
  const from = at + m[0].length;
  const end = Math.min(d.sentences.bounds(site.sentence).end, from + REPORTED_REACH);
  return k.speechVerbs.scan(text, from, end).length > 0;
}

/**
 * `「…」と断言するのを`, `「…」という表現を使っていることについて`: the report is a noun inside a
 * larger clause.
 */
function isNominalised(text: string, site: QuoteSite): boolean {
  const { verbAt } = site.cls;
  if (verbAt === null)
    return NOMINALISED_NOUN_REPORT.test(text.slice(site.close + 1, site.close + 24));
  return /^[^、。「」\n]{0,6}?(?:る|た)(?:の[をがはに]|こと)/u.test(
    text.slice(verbAt, verbAt + 12),
  );
}

/** `「…」という表現を使っていること`, `「…」との主張を繰り返したのを`: a report by a speech noun. */
const NOMINALISED_NOUN_REPORT = /^と(?:いう|の)[^、。「」\n]{1,12}?(?:る|た)(?:の[をがはに]|こと)/u;

/** `「…」とペスコフ報道官は述べた`; `「…」と言うのはリジェンコ`. */
function namedAfter(text: string, site: QuoteSite, d: Discourse, k: Knowledge): Speaker | null {
  const { afterTo } = site.cls;
  const past = afterTo === null ? null : subjectPastRelativeClause(text, afterTo, site, d, k);
  if (past) return past;
  // `「…」との見方を示した英国防省は`: a speech noun and its verb stand for the verb.
  const verbAt = site.cls.verbAt ?? nounReportEnd(text, site.close, k);
  if (afterTo !== null && verbAt !== null) {
    const from = afterTo + (text.charAt(afterTo) === '、' ? 1 : 0);
    const end = d.sentences.bounds(site.sentence).end;
    for (const n of d.namedIn(from, Math.min(end, from + 24))) {
      if (!isSubjectAfterQuote(text, n.mention, d.grammar)) continue;
      // `「…」と、17日の会見でゼレンスキー氏は述べた`: a speech noun (`会見`) before the name
      // is not the verb; one after it is.
      if (n.mention.phraseEnd <= verbAt) return n.speaker;
      // `「…」と記者団に強調し、ロシア側は…と述べた`: a verb right after the noun is the
      // quote's, and the name after it starts a clause of its own.
      const noun = k.speechVerbs.longestAt(text, verbAt);
      const nounOnly =
        noun !== undefined &&
        noun !== null &&
        /^[でのに]/u.test(text.charAt(noun.end)) &&
        k.speechVerbs.scan(text, noun.end, n.mention.start).length === 0;
      if (nounOnly && k.speechVerbs.scan(text, n.mention.phraseEnd, end).length > 0)
        return n.speaker;
      break;
    }
  }
  if (verbAt === null) return null;
  // `「…」と強調したゼレンスキー大統領は`, `「…」と話すゼレンスキー氏(45)`, `「…」と述べたペスコフ
  // 報道官の発言`: the speaker heads the relative clause the verb ends.
  const rel = RELATIVE_VERB.exec(text.slice(verbAt, verbAt + 12));
  if (rel) {
    const head = d.namedIn(verbAt + rel[0].length, verbAt + rel[0].length + 1)[0];
    if (head) return head.speaker;
  }
  // The cleft: `「…」と言うのは X`, `「…」と話すのは、キーウに住むYさん(45)だ` names the speaker
  // after the verb: the first person or body named before the copula.
  const cleft = /^[^。、「」\n]{0,12}?の(?:は|が)[、\s]?/u.exec(text.slice(verbAt, verbAt + 18));
  if (!cleft) return null;
  const at = verbAt + cleft[0].length;
  const rest = CLEFT_REST.exec(text.slice(at, at + CLEFT_REACH + 8));
  return rest ? cleftHead(d.namedIn(at, at + rest[0].length)) : null;
}

/**
 * `「…」と、現地で取材に応じた50代の男性は話した`, `「…」とロシアが設立した会社の担当者は述べた`:
 * after と, a clause that only describes the speaker (its verbs qualify the noun after them, no
 * comma breaks it) leads to the subject whose verb reports the words. The topic is that subject
 * (`担当者は`), else the last subject marked by が; a speech verb must follow it in the sentence.
 */
function subjectPastRelativeClause(
  text: string,
  afterTo: number,
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
): Speaker | null {
  const from = afterTo + (text.charAt(afterTo) === '、' ? 1 : 0);
  const end = d.sentences.bounds(site.sentence).end;
  const subjects = d
    .namedIn(from, Math.min(end, from + RELATIVE_SUBJECT_REACH))
    .filter((n) => isSubjectAfterQuote(text, n.mention, d.grammar));
  const chosen =
    subjects.find((n) => /^(?:ら|側)?[はも]/u.test(text.slice(n.mention.phraseEnd))) ??
    subjects[subjects.length - 1];
  if (!chosen) return null;
  const start = chosen.speaker.speakerSpan?.start ?? chosen.mention.start;
  // The words between と and the subject are one clause describing it: no comma, no stop, no
  // space (a headline's next clause: `…を「制圧」と主張 ウクライナ軍は否定`).
  if (start < from || /[、。「」\s\u3000]/u.test(text.slice(from, start))) return null;
  // The subject's own verb reports the words.
  return k.speechVerbs.scan(text, chosen.mention.phraseEnd, end).length > 0 ? chosen.speaker : null;
}

/** How far after と a subject described by a clause may stand. */
const RELATIVE_SUBJECT_REACH = 60;

const CLEFT_REST = new RegExp(`^[^。「」\\n]{0,${CLEFT_REACH}}?(?:だ|です|。|$)`, 'u');

/**
 * The speaker a cleft names: the last one named before the copula, the head of its noun
 * phrase (`…のは、避難民支援団体の代表、クリメンコ氏だ` → クリメンコ氏, not 避難民).
 */
function cleftHead(named: readonly { speaker: Speaker }[]): Speaker | null {
  const speakers = named.filter((n) => n.speaker.speakerKind !== null);
  return speakers[speakers.length - 1]?.speaker ?? null;
}

// A verb ending a relative clause right before the noun it modifies: `述べた`, `話す`, `語っていた`.
const RELATIVE_VERB = /^[^。、「」\n]{0,8}?(?:[たす]|[うくぐむぶつる](?=[^\p{Script=Hiragana}]))/u;

/** Where `との見方を示した` ends its speech noun's verb, after a quote; null when not so. */
function nounReportEnd(text: string, close: number, k: Knowledge): number | null {
  const m = /^と(?:の|いう)/u.exec(text.slice(close + 1, close + 4));
  if (!m) return null;
  const at = close + 1 + m[0].length;
  const noun = k.speechNouns.longestAt(text, at);
  if (!noun || noun.start !== at) return null;
  const verb = /^(?:を|で)[^。、「」\n]{0,4}?(?=[たる]|し[たて])/u.exec(
    text.slice(noun.end, noun.end + 8),
  );
  return verb ? noun.end + verb[0].length : null;
}

/** `「限定的な数」としたイランの説明`: the words are the statement of the one named after them. */
function ownerAfter(text: string, site: QuoteSite, d: Discourse, k: Knowledge): Speaker | null {
  const m = /^と(?:した|する|いう|の)/u.exec(text.slice(site.close + 1, site.close + 5));
  if (!m) return null;
  const at = site.close + 1 + m[0].length;
  const n = d.namedIn(at, at + 1)[0];
  if (!n) return subjectOfNounAfter(text, at, site, d, k);
  if (text.charAt(n.mention.phraseEnd) !== 'の') return null;
  const noun = k.speechNouns.longestAt(text, n.mention.phraseEnd + 1);
  return noun && noun.start === n.mention.phraseEnd + 1 ? n.speaker : null;
}

/**
 * `「…」とする声明をクレムリンが出した`, `「…」との見方をX氏が示した`: a statement or speech
 * noun right after the quote, then its issuer as the subject of the rest of the sentence.
 */
function subjectOfNounAfter(
  text: string,
  at: number,
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
): Speaker | null {
  const noun = k.statementNouns.longestAt(text, at) ?? k.speechNouns.longestAt(text, at);
  // `…という声が上がり、大統領が…`: only a noun the issuer puts out (`を出した`) names them,
  // within its clause.
  if (!noun || noun.start !== at || text.charAt(noun.end) !== 'を') return null;
  const end = d.sentences.bounds(site.sentence).end;
  const clause = /[「、]/u.exec(text.slice(noun.end, end));
  const to = clause ? noun.end + clause.index : end;
  return d.subjectsIn(noun.end + 1, to).find((s) => s.how !== 'source')?.speaker ?? null;
}

/**
 * `ロシア側の「…」という主張`, `プーチン大統領が繰り返す「…」という要求`: words named by a speech
 * noun after them are those of whom they belong to — `Xの` right before the quote, or `Xが` and
 * a short verb before it — whoever reports them (`…を退け`, `…に触れ`).
 */
function claimOwner(text: string, site: QuoteSite, d: Discourse): Speaker | null {
  if (site.cls.kind === 'term' || site.cls.verbAt !== null) return null;
  if (!/^と(?:いう|の)/u.test(text.slice(site.close + 1, site.close + 4))) return null;
  const named = d.namedIn(Math.max(0, site.open - CLAIM_REACH), site.open);
  for (let i = named.length - 1; i >= 0; i -= 1) {
    const n = named[i];
    if (!n || n.speaker.speakerKind === null) continue;
    const gap = text.slice(n.mention.phraseEnd, site.open);
    if (/^(?:側)?の$/u.test(gap) || CLAIMING.test(gap)) return n.speaker;
    return null;
  }
  return null;
}

/**
 * `「交渉の余地はない」とラブロフ外相。`: a sentence that closes on a name after the quote's と, with
 * no verb, names its speaker there — the last one named before the full stop.
 */
function nameClosing(text: string, site: QuoteSite, d: Discourse): Speaker | null {
  if (site.cls.verb !== null || site.cls.afterTo !== site.close + 2) return null;
  if (text.charAt(site.close + 1) !== 'と') return null;
  const bound = Math.min(d.sentences.bounds(site.sentence).end, site.close + 2 + CLOSING_NAME);
  // A space ends a headline's clause (`「…」とプーチン氏 司令部視察、ウクライナは否定`).
  const space = text.slice(site.close + 2, bound).search(/[\u3000 ]/u);
  const end = space < 0 ? bound : site.close + 2 + space;
  const named = d.namedIn(site.close + 2, end).filter((n) => n.speaker.speakerKind !== null);
  const last = named[named.length - 1];
  if (!last) return null;
  return /^(?:氏|さん)?(?:[(（][0-9０-９]{1,3}[)）])?(?:。|\n|$|[\u3000 ])/u.test(
    text.slice(last.mention.phraseEnd, end + 1),
  )
    ? last.speaker
    : null;
}

/**
 * `…の山田研究員に聞いた。⏎――戦況をどう見るか。⏎「ロシアが優勢だ」`: in questions and answers,
 * an answer on the line after a question (`――…`, `Ｑ`) is the words of whom the questions are put
 * to — the one named last before the first question.
 */
function interviewee(text: string, site: QuoteSite, d: Discourse): Speaker | null {
  const own = d.lines.indexOf(site.open);
  let at = d.lines.bounds(own).start;
  if (text.slice(at, site.open).trim() !== '') return null;
  let asked = false;
  for (let line = own - 1; line >= 0 && own - line <= INTERVIEW_LINES; line -= 1) {
    const b = d.lines.bounds(line);
    const words = text.slice(b.start, Math.min(b.end, b.start + LINE_HEAD));
    if (QUESTION_LINE.test(words)) asked = true;
    else if (!(asked && /^\s*「/u.test(words)) && words.trim() !== '') break;
    at = b.start;
  }
  if (!asked) return null;
  const named = d.namedIn(Math.max(0, at - INTRO_REACH), at);
  for (let i = named.length - 1; i >= 0; i -= 1) {
    const kind = named[i]?.speaker.speakerKind;
    if (kind === 'person' || kind === 'unnamed') return named[i]?.speaker ?? null;
  }
  return null;
}

/**
 * `市内の介護施設で働く女性（４１）「…」`, `◆年金生活者のYさん「…」`: voices listed one a line,
 * each opened by who speaks and their words right after, as on a headline.
 */
function openingTheLine(text: string, site: QuoteSite, d: Discourse): Speaker | null {
  const lineStart = d.lines.bounds(d.lines.indexOf(site.open)).start;
  if (site.open - lineStart > LINE_HEAD) return null;
  const named = d.namedIn(lineStart, site.open).filter((n) => n.speaker.speakerKind !== null);
  const last = named[named.length - 1];
  if (!last?.speaker.speakerSpan) return null;
  if (!/^(?:[(（][0-9０-９]{1,3}[)）])?$/u.test(text.slice(last.mention.phraseEnd, site.open)))
    return null;
  const lead = text.slice(lineStart, last.speaker.speakerSpan.start);
  return /^[\s\u3000◆◇■□●○・*＊-]*$/u.test(lead) ? last.speaker : null;
}

/** How much of a line opening it is read: who speaks, or a question's mark. */
const LINE_HEAD = 80;
/** How many lines of questions and answers are read back to their start. */
const INTERVIEW_LINES = 40;
/** How far before the first question the one asked is looked for. */
const INTRO_REACH = 300;

/** How long the name closing a sentence after `「…」と` may be. */
const CLOSING_NAME = 48;

/** How far before a claim its owner is looked for. */
const CLAIM_REACH = 40;
/** `Xが繰り返す「`, `Xが掲げる「`: a subject and a short verb in its plain form before the quote. */
const CLAIMING = /^(?:側)?が[^、。「」\n]{0,8}?[うくぐすつぬぶむる]$/u;

/** Mentions a wire headline's topic tag is made of (`―ロシア・ウクライナ`). */
const COUNTRY_OR_PLACE: ReadonlySet<string> = new Set(['country', 'place']);

/**
 * `「…」「…」(OVDインフォ)`: the source in brackets right after the quotes; `「…」──キーウの
 * Yさん`: the one credited after a dash, closing the line.
 */
function inBracketsAfter(text: string, site: QuoteSite, d: Discourse): Speaker | null {
  const open = site.close + 1;
  const c = text.charAt(open);
  const dash = /^[―—─]+\s?/u.exec(text.slice(open, open + 4));
  if (dash) {
    const lineEnd = d.lines.bounds(d.lines.indexOf(open)).end;
    const credit = d.namedIn(open + dash[0].length, lineEnd);
    const last = credit[credit.length - 1];
    const rest = text.slice(last?.mention.phraseEnd ?? lineEnd, lineEnd);
    const closes = last && /^(?:[(（][0-9０-９]{1,3}[)）])?[\s。]*$/u.test(rest);
    // `―ロシア・ウクライナ`: a wire headline's tail naming two countries is its topic, not a
    // credit.
    const topicTag =
      credit.length >= 2 && credit.every((n) => COUNTRY_OR_PLACE.has(n.mention.kind));
    if (closes && !topicTag && last.speaker.speakerKind !== null) return last.speaker;
    // `「…」――。…兵士の母親、Yさん（５８）は、病院の前で涙を拭った。`: a lead quote closed by a
    // dash and a full stop is the words of the person the next sentence is about.
    const from = open + dash[0].length;
    if (text.charAt(from) === '。') {
      const next = d.sentences.bounds(d.sentences.indexOf(from) + 1);
      const topic = d.subjectsIn(next.start, next.end).find((x) => x.how === 'topic');
      return topic?.speaker.speakerKind === 'person' ? topic.speaker : null;
    }
    // `「…」――ペトレンコさんはそう振り返る`: the subject after the dash points back to the words.
    const end = d.sentences.bounds(d.sentences.indexOf(from)).end;
    const subject = d.subjectsIn(from, end)[0];
    if (!subject) return null;
    const after = afterSubject(text, subject.end, d.grammar);
    // `「…」――プーチン大統領は20日、記者会見でこう強調した`: a date or place may stand between.
    return /^[^。「」]{0,24}?(?:こう|そう|このように)/u.test(text.slice(after, after + 28))
      ? subject.speaker
      : null;
  }
  if (c !== '(' && c !== '（') return null;
  // `(OVDインフォ)`, `(ウクライナ陸軍のボフダン・レシチェンコ少佐)`: the name that closes the
  // bracket, with what it belongs to before it.
  const close = /^[^()（）「」。\n]{1,40}[)）]/u.exec(text.slice(open + 1, open + 44));
  if (!close) return null;
  const end = open + close[0].length;
  const named = d.namedIn(open + 1, end).filter((n) => n.mention.phraseEnd === end);
  return named[named.length - 1]?.speaker ?? null;
}

/**
 * A quote opening its sentence after one that announces it: `ハメネイ師は次のように述べた。⏎「…」`,
 * `ハーラは言う。「…」`. The sentence before must end in a speech verb and quote nothing itself.
 */
function announcedBefore(
  text: string,
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
): Speaker | null {
  const { start } = d.sentences.bounds(site.sentence);
  if (site.sentence === 0 || text.slice(start, site.open).trim() !== '') return null;
  const whole = d.sentences.bounds(site.sentence - 1);
  const prev = { start: Math.max(whole.start, whole.end - MAX_LOOK_BACK), end: whole.end };
  const body = text.slice(prev.start, prev.end).replace(/[。\s]+$/u, '');
  const tail = Math.max(prev.start, prev.start + body.length - 10);
  const endsInVerb = k.speechVerbs.scan(text, tail, prev.start + body.length).length > 0;
  // `ハーラは言う。「…」` announces; `…と述べた。「…」` quoted its own words already.
  const pointsAhead = k.cataphora.some((w) => body.includes(w));
  if (!pointsAhead && (!endsInVerb || /[「」]/u.test(body))) return null;
  const subjects = d.subjectsIn(prev.start, prev.end);
  const source = subjects.find((s) => s.how === 'source');
  // `ロイター通信によると、国防省が…と発表した。「…」`: the outlet relays the subject after it.
  const relayed =
    source?.outlet === true ? subjects.find((s) => s.how === 'ga' && s.at > source.at) : undefined;
  // `ロシア政府の声明によると、トランプ氏は…を提案。「…」`: a sentence reporting a statement
  // announces more of the statement, whoever it is about.
  const statement =
    source &&
    k.statementNouns.longestAt(text, source.end + (text.charAt(source.end) === 'の' ? 1 : 0));
  const who =
    (statement ? source : undefined) ??
    subjects.find((s) => s.how === 'topic') ??
    relayed ??
    source ??
    subjects[0];
  return who?.speaker ?? null;
}

/**
 * A quote standing as its own sentence, then the speaker: `「勝利は近い」。大統領はこう訴えた。`
 * The next sentence must point back with こう or このように before a speech verb.
 */
function nextSentenceSpeaker(
  text: string,
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
): Speaker | null {
  if (site.cls.verb !== null) return null;
  // `「…」。「…」。大統領はこう訴えた。`: quotes standing as sentences in a row share the
  // sentence that names their speaker after them.
  const next = d.sentences.bounds(sentenceAfterQuotes(text, site.sentence, d));
  if (next.start <= site.close) return null;
  if (announcesNextQuote(text, next)) return null;
  const verb =
    k.speechVerbs
      .scan(text, next.start, next.end)
      .find((v) => CATAPHOR.test(text.slice(next.start, v.start))) ?? verbAfterCataphor(text, next);
  if (!verb) return null;
  const before = d.subjectsIn(next.start, verb.start).find((s) => s.how !== 'source');
  if (before) return before.speaker;
  // `「…」。そう語る母親の目には涙が浮かんでいた。`: the speaker heads the clause the verb ends.
  const rel = RELATIVE_VERB.exec(text.slice(verb.start, verb.start + 12));
  if (rel) {
    const head = d.namedIn(verb.start + rel[0].length, verb.start + rel[0].length + 1)[0];
    if (head) return head.speaker;
  }
  // `「…」。そう話すのは、キーウに住むYさんだ。`: the cleft names the speaker after the verb.
  const cleft = /^[^。、「」\n]{0,6}?の(?:は|が)[、\s]?/u.exec(text.slice(verb.end, verb.end + 12));
  if (!cleft) return null;
  const at = verb.end + cleft[0].length;
  const copula = /^[^。「」\n]{0,40}?(?:だ|です|。|$)/u.exec(text.slice(at, next.end));
  return cleftHead(d.namedIn(at, copula ? at + copula[0].length : next.end));
}

const CATAPHOR = /(?:こう|このように|そう)[^。、]{0,4}?$/u;

/**
 * `「…」。世界銀行の担当者はこう見積もる。`: `こう` before any verb points back to the words, so
 * the verb need not be one of the speech verbs (`そう` does not: `そうした`, `そうだ`; nor does
 * `こうした推計`, such estimates).
 */
function verbAfterCataphor(
  text: string,
  b: { start: number; end: number },
): { start: number; end: number } | null {
  const m =
    /(?:こう(?!した|いう|いった|して|なる|なっ)|このように)(?=[\p{Script=Han}\p{Script=Hiragana}])/u.exec(
      text.slice(b.start, b.end),
    );
  if (!m || /[「」]/u.test(text.slice(b.start, b.start + m.index))) return null;
  const at = b.start + m.index + m[0].length;
  return { start: at, end: at };
}

/**
 * `…匿名を条件にこう明かした。⏎「…」`: a sentence pointing ahead (`こう`, `次のように`) that a
 * quote follows at once announces that one, not the quote before it; `そう` points back.
 */
function announcesNextQuote(text: string, b: { start: number; end: number }): boolean {
  return (
    QUOTE_FOLLOWS.test(text.slice(b.end, b.end + 4)) &&
    POINTS_AHEAD.test(text.slice(b.start, b.end))
  );
}

const QUOTE_FOLLOWS = /^[。\s]*「/u;
const POINTS_AHEAD = /こう(?!した|いう|いった|して|なる|なっ)|次のように|以下のように/u;

/** How many quotes standing as sentences may stand between a quote and the sentence naming its speaker. */
const QUOTE_RUN = 3;

/** The first sentence after `sentence` that is not only a quotation, a few quotes on at most. */
function sentenceAfterQuotes(text: string, sentence: number, d: Discourse): number {
  let s = sentence + 1;
  while (s - sentence <= QUOTE_RUN && isQuoteSentence(text, d.sentences.bounds(s))) s += 1;
  return s;
}

/** Whether a sentence is only a quotation (`「…」。`). */
function isQuoteSentence(text: string, b: { start: number; end: number }): boolean {
  return /^\s*「[^「」]*」[。\s]*$/u.test(text.slice(b.start, b.end));
}

/** `一方、`, `これに対し`: a sentence opening on the other side. */
const CONTRAST_OPENING = /^(?:一方|他方|これに対し|これに対して|それに対し|反対に)[、,]?/u;

/**
 * A quote that is a sentence of its own, then a sentence that quotes nothing and ends in a
 * speech verb: `「…」。ゼレンスキー氏は17日の演説で述べた。` — its topic said the words, even
 * without `こう`.
 */
function reportedByNextSentence(
  text: string,
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
): Speaker | null {
  if (site.cls.verb !== null) return null;
  const own = d.sentences.bounds(site.sentence);
  if (text.slice(own.start, site.open).trim() !== '') return null;
  if (!/^[。\s―—─]*$/u.test(text.slice(site.close + 1, own.end))) return null;
  const next = d.sentences.bounds(sentenceAfterQuotes(text, site.sentence, d));
  if (next.start <= site.close || next.end - next.start > MAX_LOOK_BACK) return null;
  const body = text.slice(next.start, next.end).replace(/[。\s]+$/u, '');
  if (/[「」『』]/u.test(body) || announcesNextQuote(text, next)) return null;
  // `「…」⏎一方、在米ロシア大使館は…と反発した`: a sentence that opens on a contrast turns to
  // the other side; it reports its own words, not the quote before it.
  if (CONTRAST_OPENING.test(body.trimStart())) return null;
  const tail = next.start + Math.max(0, body.length - 10);
  const verbs = k.speechVerbs.scan(text, tail, next.start + body.length);
  if (verbs.length === 0) return null;
  const subjects = d.subjectsIn(next.start, next.end);
  const topic = subjects.find((x) => x.how === 'topic');
  if (topic) return topic.speaker;
  // `「…」。英BBCの取材に応じた…のブダノフ局長が明らかにした。`: with no topic, the subject
  // marked by が nearest the verb — when the verb closes the sentence (`…と述べた頃から始まる`
  // is about something else).
  const last = verbs[verbs.length - 1] as { end: number };
  if (!/^[ぁ-ゖ]{0,4}$/u.test(text.slice(last.end, next.start + body.length))) return null;
  return subjects.filter((x) => x.how === 'ga').pop()?.speaker ?? null;
}

/**
 * `声明では「…」`, `発表には「…」とある`, `NATO首脳会議の共同声明は「…」`, `同研究所の分析も「…」`: the quote is from a
 * statement, so its speaker is whoever issued it — the body it belongs to (`Xの…声明`), else
 * the subject of the last sentence that mentions such a statement (an outlet's `記事` is the
 * outlet's that reported).
 */
function statementIssuer(
  text: string,
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
): Speaker | null {
  const before = text.slice(Math.max(0, site.open - 12), site.open);
  const m = /(?:では|で|には|に|は|も|の中で|によると|によれば)[、\s]*$/u.exec(before);
  if (!m) return null;
  const nounEnd = site.open - (before.length - m.index);
  const noun = k.statementNouns
    .scan(text, Math.max(0, nounEnd - 6), nounEnd)
    .find((x) => x.end === nounEnd);
  if (!noun) return null;
  const owner = ownerOfNoun(text, noun.start, d);
  if (owner) return owner;
  const byOutlet = k.outletStatementNouns.has(text.slice(noun.start, noun.end));
  // An outlet's `記事` is the outlet's that reported it, named sentences before if need be;
  // whoever the text was about in between is the article's subject, not its writer.
  // A sentence that only reports speech (`…は「…」と主張した`) is the fallback: the statement
  // `声明では` points back to is the one a sentence names with whoever issued it.
  let fallback: Speaker | null = null;
  for (let s = site.sentence; s >= 0 && s >= site.sentence - NAMED_STATEMENT_REACH; s -= 1) {
    const near = s >= site.sentence - STATEMENT_REACH;
    const bounds = d.sentences.bounds(s);
    const end = Math.min(bounds.end, site.open);
    const start = Math.max(bounds.start, end - MAX_LOOK_BACK);
    const to = s === site.sentence ? noun.start : end;
    const nouns = k.statementNouns.scan(text, start, to);
    const last = nouns[nouns.length - 1]?.start ?? to;
    const issuers = d.subjectsIn(d.clauses.startOf(last, start), last);
    const outlet = byOutlet ? d.subjectsIn(start, to).find((x) => x.outlet) : undefined;
    if (outlet) return outlet.speaker;
    // An earlier sentence counts when it names a statement or reports one (`…が公表した`).
    if (s !== site.sentence && nouns.length === 0 && !d.reportsSpeech(s)) continue;
    // `国防省は…攻撃をロシア軍が防いだと声明で` is the ministry's statement: its topic, else
    // the subject nearest the noun (`委員会が…送った書面声明`), else its source.
    const named =
      issuers.find((x) => x.how === 'topic') ??
      issuers.filter((x) => x.how === 'ga').pop() ??
      issuers[0];
    const issuer = named ?? d.mainSubjectOf(s);
    // The quote's own sentence names its issuer wherever it stands (`外務省は…と指摘し、声明で`).
    const namesStatement =
      s === site.sentence ||
      (named !== undefined && nouns.some((n) => /^[でをにはがのも]/u.test(text.charAt(n.end))));
    if (issuer && !byOutlet && namesStatement) return issuer.speaker;
    if (near) fallback ??= issuer?.speaker ?? null;
  }
  return fallback;
}

/**
 * `NATOの首脳宣言は中国を「…」と表現した`, `…宣言が中国を「…」と表現したことについて`: a
 * statement that is the topic or subject of the quote's clause, with no one else's between,
 * says the words as the body it belongs to — as strongly as a topic, and as a subject whose
 * report is a noun of the sentence (`…したことについて`) more strongly than the sentence's topic.
 */
function statementAsSubject(
  text: string,
  site: QuoteSite,
  d: Discourse,
  k: Knowledge,
  nominalised: boolean,
): Candidate | null {
  const start = Math.max(d.sentences.bounds(site.sentence).start, site.open - MAX_LOOK_BACK);
  const nouns = k.statementNouns.scan(text, start, site.open);
  const noun = nouns[nouns.length - 1];
  if (!noun) return null;
  const particle = /^[はがも](?![^、\s「]*[はが])/u.exec(text.slice(noun.end, noun.end + 12));
  if (!particle || /[「」。]/u.test(text.slice(noun.end, site.open))) return null;
  if (d.subjectsIn(noun.end, site.open).some((x) => x.how === 'topic' || x.how === 'ga'))
    return null;
  const owner =
    ownerOfNoun(text, noun.start, d) ??
    ownerNamedBefore(text, text.slice(noun.start, noun.end), site, d);
  if (!owner) return null;
  const score =
    particle[0] !== 'が' ? WEIGHT.topic : nominalised ? WEIGHT.topic + 0.5 : WEIGHT.statement;
  return { speaker: owner, score, reason: 'body whose statement is the subject of its clause' };
}

/**
 * `…外相会合の共同声明が…を非難した。共同声明は「…」と明記していた`: a statement written bare
 * is the one of the same name the sentences before gave with its body.
 */
function ownerNamedBefore(
  text: string,
  noun: string,
  site: QuoteSite,
  d: Discourse,
): Speaker | null {
  const from = d.sentences.bounds(Math.max(0, site.sentence - NAMED_STATEMENT_REACH)).start;
  const own = d.sentences.bounds(site.sentence).start;
  for (let at = text.lastIndexOf(noun, own - 1); at >= from; at = text.lastIndexOf(noun, at - 1)) {
    const owner = ownerOfNoun(text, at, d);
    if (owner) return owner;
    if (at === 0) break;
  }
  return null;
}

/** How many sentences back a statement's issuer is looked for. */
const STATEMENT_REACH = 6;
/** …and a sentence naming a statement with its issuer (`委員会が…送った書面声明で`). */
const NAMED_STATEMENT_REACH = 10;

/**
 * `NATO首脳会議の共同声明`: the body named, with a few words, before `の` and the noun; or the
 * body that issued it (`外務省が発表した声明`, `NATOの首脳会議で採択された宣言`).
 */
function ownerOfNoun(text: string, nounStart: number, d: Discourse): Speaker | null {
  const names = d.namedIn(Math.max(0, nounStart - 32), nounStart);
  for (let i = names.length - 1; i >= 0; i -= 1) {
    const n = names[i];
    if (!n) continue;
    const between = text.slice(n.mention.phraseEnd, nounStart).replace(ACRONYM_AFTER, '');
    if (/^[^、。「」\n]{0,8}の$/u.test(between) || ISSUED.test(between)) return n.speaker;
  }
  return null;
}

/** Between a body and its statement: `が発表した`, `の首脳会議で採択された`. */
const ISSUED =
  /^(?:の?[^、。「」\n]{1,8}で|が)[^、。「」\n]{0,4}(?:発表|公表|採択|まとめ|出)(?:し|さ)?(?:た|れた)$/u;

/** The candidates merged per speaker: the best score, a little more for each other reason. */
export function chooseSpeaker(candidates: readonly Candidate[]): Chosen | null {
  const byKey = new Map<string, { best: Candidate; reasons: string[] }>();
  for (const c of candidates) {
    const key = c.speaker.canonical ?? c.speaker.speaker ?? '';
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { best: c, reasons: [c.reason] });
    else {
      if (c.score > seen.best.score) seen.best = c;
      if (!seen.reasons.includes(c.reason)) seen.reasons.push(c.reason);
    }
  }
  let chosen: Chosen | null = null;
  for (const { best, reasons } of byKey.values()) {
    const score = best.score + AGREEMENT * Math.min(2, reasons.length - 1);
    if (chosen && score <= chosen.score) continue;
    const ordered = [best.reason, ...reasons.filter((r) => r !== best.reason)];
    chosen = { speaker: best.speaker, score, reasons: ordered };
  }
  return chosen;
}

/** Each other reason pointing to the same speaker adds this much. */
const AGREEMENT = 0.25;

/** The speaker chosen for a quote, its score and every reason for it, strongest first. */
export interface Chosen {
  speaker: Speaker;
  score: number;
  reasons: string[];
}
