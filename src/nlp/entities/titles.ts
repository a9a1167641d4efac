import { HIRAGANA_CLASS, isHiragana } from '../../text/index.js';
import { isKanjiCode, isKatakanaCode, type Knowledge } from '../knowledge/index.js';
import { mention, type Coverage, type Mention } from './mention.js';

/** Titles after which a run of kanji is itself a name (`鈴木一郎氏`), not a qualifier. */
const NAME_TITLES = new Set(['氏', 'さん', '君', 'ちゃん', '容疑者', '被告', '受刑者']);
const MAX_NAME = 30;
/** The longest kanji name before a title: a surname and a given name (`長谷川一郎`). */
const MAX_KANJI_NAME = 5;
/** An ordinal before a title, written in digits (`第1次長`). */
const ORDINAL_BEFORE = /第[0-9０-９]{1,2}$/u;

/**
 * People and roles found through a title that ends a run of kanji: `カミシン戦略産業相`,
 * `プリツカー米特別代表`, `キム・ジョンウン(金正恩)総書記`, `ゼレンスキー・ウクライナ大統領`
 * (Jiji style), or a title alone (`国防相は`, `同報道官`). A title followed by more kanji
 * (`国防相会合`, `首相官邸`) is not a title. Known names get their title attached; unknown
 * katakana names become people named as written.
 */
export function scanTitles(
  text: string,
  k: Knowledge,
  known: Mention[],
  cover: Coverage,
): Mention[] {
  const byEnd = new Map(known.map((m) => [m.end, m]));
  const byStart = new Map(known.map((m) => [m.start, m]));
  const out: Mention[] = [];
  // The first one or two kanji of the kanji names found so far: `崔議員` after `崔允浩議員`.
  const familyNames = new Set<string>();
  // A title ends a run of kanji, so only units that end some title and a run are looked at.
  for (let i = 0; i < text.length; i += 1) {
    const unit = k.titleFinalUnits[text.charCodeAt(i)];
    if (unit === 0 || unit === undefined) continue;
    // `首相官邸` is no title; `首相答弁` is the title's holder speaking, `大統領自身` the holder.
    if (isKanjiCode(text.charCodeAt(i + 1)) && !holdersWordAt(text, i + 1, k)) continue;
    if (unit === 2 && !k.titleSuffixes.some((s) => text.startsWith(s, i + 1 - s.length))) continue;
    const re = i + 1;
    let rs = i;
    // A name and its title fit in a bounded window; the walk stops there so a long run of
    // kanji costs no more than a short one.
    const floor = Math.max(0, i - k.maxTitleLength - MAX_KANJI_NAME);
    rs = kanjiRunStart(text, rs, floor, TITLE_JOINERS);
    // `崔東勲第1次長`: an ordinal written in digits belongs to the title and its run.
    const ordinal = ORDINAL_BEFORE.exec(text.slice(Math.max(0, rs - 4), rs));
    if (ordinal) {
      rs -= ordinal[0].length;
      const below = Math.max(0, rs - MAX_KANJI_NAME - 8);
      while (rs > below && isKanjiCode(text.charCodeAt(rs - 1))) rs -= 1;
    }
    const ts = longestTitleStart(text, rs, re, k);
    if (ts < 0) continue;
    const kana = rs === ts ? kanaGivenNameStart(text, rs, k) : -1;
    const found =
      kana >= 0 && cover.isFree(kana, rs)
        ? person(text, kana, rs, text.slice(ts, re), re, null, k)
        : titled(text, { rs, ts, re }, k, byEnd, cover, byStart, familyNames);
    if (found) out.push(found);
    if (found?.kind === 'person') addFamilyNames(found.surface, familyNames);
  }
  for (const title of k.kanaTitles) {
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + title.length)) {
      const found = titled(
        text,
        { rs: kanjiNameStart(text, at, k), ts: at, re: at + title.length },
        k,
        byEnd,
        cover,
        byStart,
      );
      if (found && found.kind === 'person') out.push(found);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A word after a title that is its holder's (`答弁`: `titleSpeechNouns`) or the holder (`自身`). */
function holdersWordAt(text: string, at: number, k: Knowledge): boolean {
  for (const noun of k.titleSpeechNouns) if (text.startsWith(noun, at)) return true;
  // `プーチン大統領自身も`: the holder themself.
  return text.startsWith('自身', at) || text.startsWith('本人', at);
}

/**
 * Where a kanji name before a kana title starts (`西村さん`, `西村瑞穂さん`): the run of kanji
 * before it when short, else the part of a longer run that opens with a known surname
 * (`会社員田中さん` → `田中`); `at` when there is none.
 */
function kanjiNameStart(text: string, at: number, k: Knowledge): number {
  const floor = Math.max(0, at - MAX_KANJI_NAME - 8);
  const rs = kanjiRunStart(text, at, floor);
  if (
    at - rs - kanaInside(text, rs, at) <= MAX_KANJI_NAME - 1 &&
    !isKanjiCode(text.charCodeAt(rs - 1))
  )
    return isCommonNoun(text, rs, at, k) ? at : rs;
  for (let s = Math.max(rs, at - MAX_KANJI_NAME); s <= at - 2; s += 1) {
    if (knownSurnameAt(text, s, at, k) > 0 || dictionaryName(text, s, at, k)) return s;
  }
  return at;
}

/** Adds the first one and two kanji of a kanji name of three to five (`崔允浩` → `崔`, `崔允`). */
function addFamilyNames(name: string, into: Set<string>): void {
  if (name.length < 3 || name.length > MAX_KANJI_NAME) return;
  for (let i = 0; i < name.length; i += 1) if (!isKanjiCode(name.charCodeAt(i))) return;
  into.add(name.slice(0, 1));
  into.add(name.slice(0, 2));
}

/** Kana written inside kanji family names: `三ツ木`, `一ノ瀬`, `八ヶ代`. */
const KANA_IN_NAMES = new Set(['ツ', 'ノ', 'ヶ', 'ケ']);

/**
 * Where the run of kanji ending at `at` starts, reading no further left than `floor`; a kana
 * that family names are written with (`KANA_IN_NAMES`) counts as part of it between two kanji.
 *
 * @example
 * kanjiRunStart('営む三ツ木沙織さん', 7, 0); // 2
 */
function kanjiRunStart(
  text: string,
  at: number,
  floor: number,
  joiners: ReadonlySet<string> = KANA_IN_NAMES,
): number {
  let rs = at;
  while (rs > floor) {
    if (isKanjiCode(text.charCodeAt(rs - 1))) rs -= 1;
    else if (
      rs < at &&
      rs - 1 > floor &&
      joiners.has(text.charAt(rs - 1)) &&
      isKanjiCode(text.charCodeAt(rs - 2))
    )
      rs -= 1;
    else break;
  }
  return rs;
}

/**
 * What a run before a title may hold between two kanji: the kana of family names, and the
 * middle dot of a compound title (`国家安全保障・国防会議書記`).
 */
const TITLE_JOINERS: ReadonlySet<string> = new Set([...KANA_IN_NAMES, '・']);

/** How many kana of `KANA_IN_NAMES` stand in `[from, to)`: they do not lengthen a name. */
function kanaInside(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) if (KANA_IN_NAMES.has(text.charAt(i))) n += 1;
  return n;
}

/** `息子さん`, `運転手さん`: a relation or a role before さん is no name. */
function isCommonNoun(text: string, from: number, to: number, k: Knowledge): boolean {
  const word = text.slice(from, to);
  if (k.relationWords.includes(word)) return true;
  const known = k.gazetteer.longestAt(text, from);
  return known !== null && known !== undefined && known.end === to && known.value.type === 'role';
}

interface Run {
  rs: number;
  ts: number;
  re: number;
}

function longestTitleStart(text: string, rs: number, re: number, k: Knowledge): number {
  for (let s = Math.max(rs, re - k.maxTitleLength); s < re; s += 1) {
    // `赤沢経済再生担当相`: the topic a title is written with belongs to it.
    if (k.titles.has(text.slice(s, re))) return k.titles.topicStart(text, rs, s);
  }
  return -1;
}

function titled(
  text: string,
  r: Run,
  k: Knowledge,
  byEnd: Map<number, Mention>,
  cover: Coverage,
  byStart: Map<number, Mention> = new Map(),
  familyNames: ReadonlySet<string> = new Set(),
): Mention | null {
  const title = text.slice(r.rs, r.re);
  // `バイデン政権高官`: a word for an unnamed official (a role of the gazetteer) is no one's
  // title; the name before it says whose official it is, and the role stands as found.
  const role = byEnd.get(r.re);
  if (
    role?.kind === 'role' &&
    role.start >= r.rs &&
    role.start <= r.ts &&
    !k.titles.has(text.slice(role.start, r.re))
  )
    return null;
  const inside = byEnd.get(r.ts);
  const insideRun = inside && inside.start >= r.rs ? inside : null;
  if (insideRun?.kind === 'person') return attach(insideRun, text.slice(r.ts, r.re), r.re);
  // `ロシア大統領府報道官`: a body the gazetteer knows, begun in katakana, ends where the title
  // starts; the title is its role.
  if (inside && !insideRun && inside.kind === 'organisation')
    return roleOnly(text, { rs: r.ts, ts: r.ts, re: r.re }, text.slice(r.ts, r.re), k, inside);
  const qualifier = insideRun;
  const kanjiName =
    kanjiNameBefore(text, r, k, qualifier, familyNames) ?? nameBeforeBody(text, r, k, qualifier);
  // `金正恩朝鮮労働党総書記`: the name read before the body and title is one the gazetteer found:
  // the title is that mention's.
  const known = kanjiName ? byStart.get(kanjiName.start) : undefined;
  if (kanjiName && known?.kind === 'person' && known.end === kanjiName.end)
    return attach(known, kanjiName.title ?? title, r.re);
  if (kanjiName) return kanjiName;
  const nameEnd = skipParenthesisBack(text, r.rs);
  const before = byEnd.get(nameEnd);
  if (before?.kind === 'person') return attach(before, title, r.re);
  // `崔慧琳（チェ・ヘリム）教授`: a kanji name, then its reading in brackets, then the title.
  const glossed = nameEnd < r.rs ? kanjiNameBeforeGloss(text, nameEnd, r, k, familyNames) : null;
  if (glossed) return glossed;
  const kata = withoutCommonWord(
    text,
    katakanaNameBefore(text, nameEnd, byEnd) ?? nameBeforeBodyWithAcronym(text, nameEnd, r, byEnd),
    k,
  );
  const knownName = kata ? byEnd.get(kata.end) : undefined;
  if (kata && knownName?.kind === 'person') {
    knownName.org = kata.org ?? knownName.org;
    return attach(knownName, title, r.re);
  }
  // `オルバン・ビクトル首相`: a known person's name goes on with another part before the title.
  const opening = kata ? byStart.get(kata.start) : undefined;
  if (
    kata &&
    opening?.kind === 'person' &&
    opening.end < kata.end &&
    text.charAt(opening.end) === '・'
  )
    return attach(opening, title, r.re);
  // `国営テレビ記者`: a katakana word listed as never a name is what the title's holder works
  // for or with, not who they are.
  if (
    kata &&
    cover.isFree(kata.start, kata.end) &&
    !k.notNames.has(text.slice(kata.start, kata.end))
  ) {
    cover.take(kata.start, kata.end);
    const org = kata.org ?? qualifier?.canonical ?? null;
    return person(text, kata.start, kata.end, title, r.re, org, k);
  }
  // `ベテラン下院議員`: a katakana word that is never a name tells which holder of the title.
  if (kata && kata.end === r.rs && cover.isFree(kata.start, kata.end))
    return mention(text, kata.start, r.re, { kind: 'role', via: 'title', title, org: null });
  return roleOnly(text, r, title, k, qualifier ?? before ?? null);
}

/**
 * A kanji name before its title. Before 氏 and its kin a short run of kanji is a name
 * (`鈴木一郎氏`, and a known surname alone: `王氏`); `同氏` is a pronoun, also at the end of a
 * run (`その際同氏は`). Before any other title the run must open with a known surname and
 * leave a short given name (`松野博一官房長官`, `汪文斌副報道局長`) — a single-kanji surname
 * only with a two-kanji given name, so `金融相` or `東部司令官` stay titles.
 */
function kanjiNameBefore(
  text: string,
  r: Run,
  k: Knowledge,
  qualifier: Mention | null,
  familyNames: ReadonlySet<string> = new Set(),
): Mention | null {
  const length = r.ts - r.rs;
  const title = text.slice(r.ts, r.re);
  if (length < 1 || length > MAX_KANJI_NAME || qualifier) return null;
  const surname = knownSurnameAt(text, r.rs, r.ts, k);
  if (NAME_TITLES.has(title)) {
    if (text.charAt(r.ts - 1) === k.corefTitlePrefix && r.ts - 1 > r.rs)
      return coref(text, { ...r, rs: r.ts - 1 }, text.slice(r.ts - 1, r.re));
    if (text.slice(r.rs, r.rs + 1) === k.corefTitlePrefix)
      return coref(text, r, text.slice(r.rs, r.re));
    if (length === 1 && surname === 0) return null;
    return person(text, r.rs, r.ts, title, r.re, null, k);
  }
  // `崔允浩議員` … `崔議員`: the family name alone of a kanji name the text wrote in full before;
  // `林官房長官`, `文大統領`: a one-kanji family name of the list alone before a title of two or
  // more (a prefix such as `前` or a country such as `米` is read before this).
  const alone = length === 1 && surname === 1 && r.re - r.ts >= 2;
  // `赤沢経済再生担当相`, `赤沢亮正経済再生担当相`: a topic before the title has marked where the
  // name ends, so a family name of the dictionary is enough, whatever follows it.
  if (
    k.titles.withTopic(title) &&
    (surname > 0 || dictionarySurnameLength(text, r.rs, r.ts, k) > 0)
  )
    return person(text, r.rs, r.ts, title, r.re, null, k);
  if ((length <= 2 && r.re - r.ts >= 2 && familyNames.has(text.slice(r.rs, r.ts))) || alone)
    return person(text, r.rs, r.ts, title, r.re, null, k);
  // `梶浦官房長官`, `萩生田幹事長`: a family name of the name dictionary, two or three kanji and
  // nothing more, before a title of two or more — the few such names that are nouns before a
  // title (`院内代表`, `海上幕僚長`) are listed as `notNames`.
  if (
    length >= 2 &&
    length <= 3 &&
    r.re - r.ts >= 2 &&
    dictionarySurnameLength(text, r.rs, r.ts, k) === length &&
    !k.notNames.has(text.slice(r.rs, r.ts))
  )
    return person(text, r.rs, r.ts, title, r.re, null, k);
  const given = length - surname;
  const fits =
    surname >= 2
      ? given >= 0 && given <= 3
      : surname === 1 && (given === 2 || (given === 1 && shortGivenName(text, r, k)));
  if (fits || dictionaryName(text, r.rs, r.ts, k) || givenNameAfterTwo(text, r, k))
    return person(text, r.rs, r.ts, title, r.re, null, k);
  return null;
}

/** The hiragana a given name may be written in before a title: `片山さつき財務相`, `森まさこ氏`. */
const KANA_GIVEN_NAME = new RegExp(`^[${HIRAGANA_CLASS}]{2,4}$`, 'u');

/**
 * Where a name with a hiragana given name starts, before a title at `at` (`片山さつき財務相`): a
 * family name (listed, or of two or three kanji from the dictionary) after no other kanji,
 * then two to four hiragana; -1 when there is none. The hiragana must not end in a particle
 * (`片山は`, `会見したのは`).
 */
function kanaGivenNameStart(text: string, at: number, k: Knowledge): number {
  let s = at;
  while (s > at - 4 && s > 0 && isHiragana(text.charCodeAt(s - 1))) s -= 1;
  const kana = text.slice(s, at);
  if (!KANA_GIVEN_NAME.test(kana) || /[はがのをにでともへや]$/u.test(kana)) return -1;
  if (isHiragana(text.charCodeAt(s - 1))) return -1;
  for (const n of [3, 2, 1]) {
    const from = s - n;
    if (from < 0 || isKanjiCode(text.charCodeAt(from - 1))) continue;
    const family = text.slice(from, s);
    if (![...family].every((c) => isKanjiCode(c.charCodeAt(0)))) continue;
    // One kanji only when listed (`森まさこ氏`).
    if (k.surnames.has(family) || (n > 1 && k.dictionarySurnames.has(family))) return from;
  }
  return -1;
}

/** The length of the longest family name of the name dictionary (three or two kanji) opening `[from, to)`, or 0. */
function dictionarySurnameLength(text: string, from: number, to: number, k: Knowledge): number {
  for (let n = Math.min(3, to - from); n >= 2; n -= 1)
    if (k.dictionarySurnames.has(text.slice(from, from + n))) return n;
  return 0;
}

/**
 * `堀北康弘官房長官`: four kanji before a title, the last two a given name of the dictionary, read
 * as a family name no list has and that given name. Two kanji alone before a title are too
 * often a noun to be read so (`外務政務官`).
 */
function givenNameAfterTwo(text: string, r: Run, k: Knowledge): boolean {
  return r.ts - r.rs === 4 && r.re - r.ts >= 2 && k.givenNames.has(text.slice(r.ts - 2, r.ts));
}

/**
 * A Chinese or Korean name of two kanji (`王毅外相`, `朴振前外相`): a family name that often
 * takes a one-kanji given name, before a title of two or more characters — so `金融相` or
 * `文化相` stay titles.
 */
function shortGivenName(text: string, r: Run, k: Knowledge): boolean {
  return r.re - r.ts >= 2 && k.shortGivenNameSurnames.has(text.charAt(r.rs));
}

/**
 * A kanji name before the body or department its title belongs to: `鄧立衡外務省報道官`,
 * `杉浦修一防衛政策局長`. The name must read as one (a known surname and a short given name, or
 * the dictionary's split), and what stands between it and the title is two or more kanji.
 */
function nameBeforeBody(
  text: string,
  r: Run,
  k: Knowledge,
  qualifier: Mention | null,
): Mention | null {
  if (qualifier?.kind === 'person') return null;
  const end = qualifier ? qualifier.start : r.ts - 2;
  for (const n of nameLengths(text, r.rs, end, k)) {
    const nameEnd = r.rs + n;
    if (!readsAsName(text, r.rs, nameEnd, k)) continue;
    const org = qualifier && qualifier.kind !== 'role' ? qualifier.canonical : null;
    return person(text, r.rs, nameEnd, text.slice(nameEnd, r.re), r.re, org, k);
  }
  return null;
}

/**
 * The lengths a name opening `[from, to)` may have, likeliest first: after a family name of two
 * or more kanji, a given name of two (`兵頭慎治`), then one, then three; else longest first.
 */
function nameLengths(text: string, from: number, to: number, k: Knowledge): number[] {
  const most = Math.min(MAX_KANJI_NAME, to - from);
  let family = knownSurnameAt(text, from, to, k);
  if (family < 2) family = dictionarySurnameLength(text, from, to, k) || family;
  const all = Array.from({ length: Math.max(0, most - 1) }, (_, i) => most - i);
  if (family < 2) return all;
  const preferred = [family + 2, family + 1, family + 3].filter((n) => n <= most);
  return [...preferred, ...all.filter((n) => !preferred.includes(n))];
}

/** A known surname and a given name of the right length, or the name dictionary's split. */
function readsAsName(text: string, from: number, to: number, k: Knowledge): boolean {
  const surname = knownSurnameAt(text, from, to, k);
  const given = to - from - surname;
  if (surname >= 2 && given >= 1 && given <= 3) return true;
  // A family name of the dictionary and a given name of two kanji (`兵頭慎治`).
  if (to - from >= 4 && to - from <= 5 && familyOfDictionary(text, from, to, k)) return true;
  if (surname === 1 && given === 2) return true;
  if (surname === 1 && given === 1 && k.shortGivenNameSurnames.has(text.charAt(from))) return true;
  return dictionaryName(text, from, to, k);
}

/** Whether the run opens with a dictionary family name of two or three kanji and leaves two. */
function familyOfDictionary(text: string, from: number, to: number, k: Knowledge): boolean {
  const family = to - from - 2;
  return family >= 2 && k.dictionarySurnames.has(text.slice(from, from + family));
}

/**
 * A run that the name dictionary splits into a surname of two or more kanji and a given name
 * (`山村健太`), or of three kanji into a one-kanji surname and a two-kanji given name
 * (`笠浩史`): both halves must be names, so a body (`防衛政策局長`) is not taken for one.
 */
function dictionaryName(text: string, from: number, to: number, k: Knowledge): boolean {
  for (let n = to - from === 3 ? 1 : 2; n <= to - from - 1 && n <= 3; n += 1)
    if (
      k.dictionarySurnames.has(text.slice(from, from + n)) &&
      isGivenName(text.slice(from + n, to), k)
    )
      return true;
  return false;
}

/**
 * A given name of the dictionary, or one of three kanji ending in one (`宗一郎`, `慎太郎`): the
 * dictionary lists the common endings, not every kanji written before them.
 */
function isGivenName(name: string, k: Knowledge): boolean {
  return k.givenNames.has(name) || (name.length === 3 && k.givenNames.has(name.slice(1)));
}

/** The length of the longest surname of the short list opening `[from, to)`, or 0. */
function knownSurnameAt(text: string, from: number, to: number, k: Knowledge): number {
  for (let n = Math.min(k.maxSurnameLength, to - from); n > 0; n -= 1)
    if (k.surnames.has(text.slice(from, from + n))) return n;
  return 0;
}

/** Whether `[from, to)` reads as a body by its ending (`organisationSuffixes`): `防衛装備庁`. */
function bodyEndsAt(text: string, from: number, to: number, k: Knowledge): boolean {
  // Two characters at least before the ending: `同庁` points back, `総局` is an ending itself.
  for (let at = from + 2; at < to; at += 1) {
    const m = k.organisationSuffixes.longestAt(text, at, to);
    if (m && m.start === at && m.end === to) return true;
  }
  return false;
}

function roleOnly(
  text: string,
  r: Run,
  title: string,
  k: Knowledge,
  qualifier: Mention | null,
): Mention | null {
  if (text.slice(r.rs, r.ts) === k.corefTitlePrefix) return coref(text, r, title);
  const bareTitle = r.ts === r.rs || k.titles.has(title);
  // `防衛装備庁長官`: a body no list has, known by its ending, and the title of its head.
  if (!bareTitle && !qualifier && bodyEndsAt(text, r.rs, r.ts, k)) {
    const org = text.slice(r.rs, r.ts);
    return mention(text, r.rs, r.re, { kind: 'role', via: 'title', title, org });
  }
  if (!bareTitle && !qualifier) return null;
  if (isKatakanaCode(text.charCodeAt(r.rs - 1)) && !qualifier) return null;
  const org = qualifier && qualifier.kind !== 'person' ? qualifier.canonical : null;
  return mention(text, r.rs, r.re, { kind: 'role', via: 'title', title, org });
}

function coref(text: string, r: Run, title: string): Mention {
  return mention(text, r.rs, r.re, { kind: 'coref', via: 'title', title: title.slice(1) });
}

function attach(m: Mention, title: string, phraseEnd: number): null {
  m.title = title;
  m.phraseEnd = phraseEnd;
  return null;
}

function person(
  text: string,
  start: number,
  end: number,
  title: string,
  phraseEnd: number,
  org: string | null,
  k: Knowledge,
): Mention {
  const surface = text.slice(start, end);
  return mention(text, start, end, {
    kind: 'person',
    via: 'title',
    canonical: shortName(surface, k),
    title,
    phraseEnd,
    org,
  });
}

/**
 * The name a person goes by: the family name of a Western full name (`マリア・エイスモント` →
 * `エイスモント`, as the press writes on second mention) with the particles that belong to it
 * (`サイード・アル・ハマディ` → `アル・ハマディ`), a full name whose first part is an East Asian
 * surname (`チェ・ソニ`) or a name of one part as it is.
 *
 * @example
 * shortName('トーステン・ネストマン', k); // 'ネストマン'
 */
export function shortName(name: string, k: Knowledge): string {
  // `=` joins the parts of one name (`ジャン=ピエール`); `・` separates given and family names.
  const parts = name.split('・').filter((p) => p !== '');
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (parts.length < 2 || !first || !last || k.kanaSurnames.has(first)) return name;
  // `サイード・アル・ハマディ` goes by `アル・ハマディ`: a particle belongs to the family name.
  let from = parts.length - 1;
  while (from > 0 && k.surnameParticles.has(parts[from - 1] ?? '')) from -= 1;
  if (from < parts.length - 1) return from === 0 ? name : parts.slice(from).join('・');
  return last;
}

/** `キム・ジョンウン(金正恩)総書記`: the name stands before the reading in brackets. */
/**
 * A kanji name ending at `nameEnd`, before a reading or gloss in brackets and the title of `r`:
 * one that opens with a listed family name, splits into the dictionary's family and given
 * names, or opens with the family name of a name written before.
 */
function kanjiNameBeforeGloss(
  text: string,
  nameEnd: number,
  r: Run,
  k: Knowledge,
  familyNames: ReadonlySet<string>,
): Mention | null {
  const start = kanjiRunStart(text, nameEnd, Math.max(0, nameEnd - MAX_KANJI_NAME - 1));
  const length = nameEnd - start;
  if (length < 2 || length > MAX_KANJI_NAME || isKanjiCode(text.charCodeAt(start - 1))) return null;
  const reads =
    knownSurnameAt(text, start, nameEnd, k) > 0 ||
    dictionaryName(text, start, nameEnd, k) ||
    familyNames.has(text.slice(start, start + 1)) ||
    familyNames.has(text.slice(start, start + 2)) ||
    READING.test(text.slice(nameEnd, r.rs));
  return reads ? person(text, start, nameEnd, text.slice(r.ts, r.re), r.re, null, k) : null;
}

/**
 * A reading in katakana, family and given name split by a middle dot (`(ハ・ジェフン)`): said of
 * the kanji before it, it shows them to be a person's name, listed family name or not.
 */
const READING = /^[(（][\p{Script=Katakana}ー]{1,8}[・･][\p{Script=Katakana}ー]{1,12}[)）]$/u;

/** How long a reading or gloss in brackets between a name and its title may be. */
const MAX_GLOSS = 40;

function skipParenthesisBack(text: string, at: number): number {
  const close = text.charAt(at - 1);
  if (close !== ')' && close !== '）') return at;
  for (let i = at - 2; i >= Math.max(0, at - MAX_GLOSS); i -= 1) {
    const c = text.charAt(i);
    if (c === '(' || c === '（') return i;
  }
  return at;
}

/**
 * The katakana name ending at `end`, if any. A trailing `・ウクライナ` that the gazetteer knows
 * is the country of the title (Jiji and Nikkei write `ゼレンスキー・ウクライナ大統領`).
 */
function katakanaNameBefore(
  text: string,
  end: number,
  byEnd: Map<number, Mention>,
): { start: number; end: number; org: string | null } | null {
  let nameEnd = end;
  let org: string | null = null;
  const last = byEnd.get(end);
  if (last && (last.kind === 'country' || last.kind === 'organisation')) {
    if (text.charAt(last.start - 1) !== '・') return null;
    org = last.canonical;
    nameEnd = last.start - 1;
  }
  let s = nameEnd;
  while (s > 0 && nameEnd - s < MAX_NAME && isNameChar(text.charCodeAt(s - 1))) s -= 1;
  while (s < nameEnd && !isKatakanaCode(text.charCodeAt(s))) s += 1;
  if (s >= nameEnd) return null;
  // `ドイツ・カラヴァエフ首相` (Jiji style): a country or body opening the run, then `・`, is whose
  // the name after it is.
  for (
    let dot = text.indexOf('・', s);
    dot >= 0 && dot < nameEnd;
    dot = text.indexOf('・', dot + 1)
  ) {
    const head = byEnd.get(dot);
    if (head?.start === s && (head.kind === 'country' || head.kind === 'organisation'))
      return { start: dot + 1, end: nameEnd, org: org ?? head.canonical };
  }
  return { start: s, end: nameEnd, org };
}

/**
 * `グリンスパン国連貿易開発会議(UNCTAD)事務局長`: a katakana name, the body its title is of in
 * kanji, the body's acronym in brackets, then the title — as without the brackets.
 */
function nameBeforeBodyWithAcronym(
  text: string,
  bracketStart: number,
  r: Run,
  byEnd: Map<number, Mention>,
): { start: number; end: number; org: string | null } | null {
  if (bracketStart >= r.rs) return null;
  let s = bracketStart;
  while (s > 0 && bracketStart - s < MAX_BODY_RUN && isKanjiCode(text.charCodeAt(s - 1))) s -= 1;
  return bracketStart - s >= 2 ? katakanaNameBefore(text, s, byEnd) : null;
}

/** The longest body in kanji between a name and its acronym in brackets. */
const MAX_BODY_RUN = 16;

/**
 * `セルゲイ・ボロトニコフ・エネルギー次官` (Jiji style): a last part after a middle dot that is a
 * common katakana word (`notNames`) is what the title is of, not a part of the name.
 */
function withoutCommonWord(
  text: string,
  kata: { start: number; end: number; org: string | null } | null,
  k: Knowledge,
): { start: number; end: number; org: string | null } | null {
  if (!kata) return null;
  const dot = text.lastIndexOf('・', kata.end - 1);
  if (dot <= kata.start || !k.notNames.has(text.slice(dot + 1, kata.end))) return kata;
  return { ...kata, end: dot };
}

function isNameChar(c: number): boolean {
  return isKatakanaCode(c) || c === 0x30fb || c === 0x3d || c === 0xff1d;
}
