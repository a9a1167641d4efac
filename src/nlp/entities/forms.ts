import { AGE_IN_BRACKETS, isWordOf } from '../../text/index.js';
import { isKanjiCode, isKatakanaCode, type Knowledge } from '../knowledge/index.js';
import { shortName } from './titles.js';
import { mention, type Coverage, type Mention } from './mention.js';

/** Bodies are named in at most this many characters before their ending. */
const MAX_BODY_RUN = 16;
/** A one-character ending (`省`, `局`, `党`) needs this much before it: `結局` is no body. */
const MIN_RUN_BEFORE_SHORT_SUFFIX = 2;
/** Window after a subject in which its speech verb must stand, within the sentence. */
const SPEECH_WINDOW = 40;
// An acronym standing as a subject or source names a body: `NISは`, `IAEAによると`.
const ACRONYM = /[A-Z]{2,6}(?=は|が|も|によると|によれば|の発表|側)/gu;
// What follows a name that speaks: `ハーラは言う`, `ハーラに言わせれば`.
const SUBJECT_AFTER = /^(?:は|が|も)/u;
const SAYS_AFTER = /^(?:に言わせれば|によれば|によると)/u;
// `…と言うのはリジェンコ`: the cleft puts the speaker after the verb.
const CLEFT_BEFORE =
  /と(?:言う|言った|いう|語る|語った|話す|話した|述べる|述べた|指摘する|指摘した|強調する|強調した)のは$/u;

/**
 * Bodies known by their form, not the gazetteer: a run of kanji or katakana ending in a body
 * word (`党中央軍事委員会`, `刑務所当局`, `欧州理事会広報室`, `フランスメディア`), and an
 * acronym standing as a subject (`NISは`). A body written right after a country, place or
 * another body is marked generic, so the two are joined (`ロシア` + `連邦保安局`).
 *
 * @example
 * scanOrganisationForms('党中央軍事委員会が声明を出した', k, cover, [])[0]?.surface; // '党中央軍事委員会'
 */
export function scanOrganisationForms(
  text: string,
  k: Knowledge,
  cover: Coverage,
  known: readonly Mention[],
): Mention[] {
  const byEnd = new Map(known.map((m) => [m.phraseEnd, m]));
  // A generic body inside a longer name (`軍` in `党中央軍事委員会`) does not end the name.
  const genericAt = new Set<number>();
  // So does a word for people (`捕虜` in `捕虜待遇調整本部`).
  for (const m of known)
    if (m.generic || m.kind === 'role') for (let i = m.start; i < m.end; i += 1) genericAt.add(i);
  const out: Mention[] = [];
  for (const s of k.organisationSuffixes.scan(text)) {
    if (isNameCode(text.charCodeAt(s.end)) || isKanjiCode(text.charCodeAt(s.end))) continue;
    let start = s.start;
    while (
      start > 0 &&
      s.start - start < MAX_BODY_RUN &&
      isNameCode(text.charCodeAt(start - 1)) &&
      (cover.isFree(start - 1, start) || genericAt.has(start - 1))
    )
      start -= 1;
    const run = s.start - start;
    const before = byEnd.get(start);
    // `英BBC放送は`: what an outlet is, after its name, belongs to the name's phrase.
    if (run === 0 && before?.outlet) {
      before.phraseEnd = s.end;
      continue;
    }
    const qualified = !!before && ['country', 'organisation', 'place'].includes(before.kind);
    // `ヘルソン市の軍政当局`: a body of a place or country written with の is that place's.
    const placeBefore =
      text.charAt(start - 1) !== 'の'
        ? undefined
        : (byEnd.get(start - 1) ??
          (ADMINISTRATIVE_SUFFIX.test(text.charAt(start - 2)) ? byEnd.get(start - 2) : undefined));
    const ofPlace = !!placeBefore && ['country', 'place'].includes(placeBefore.kind);
    // `フランスメディア`: the ending alone after a country is a body of that country.
    if (run === 0 && qualified && cover.isFree(s.start, s.end))
      out.push(body(text, s.start, s.end, true));
    if (run === 0 || (s.end - s.start === 1 && run < MIN_RUN_BEFORE_SHORT_SUFFIX)) continue;
    out.push(body(text, start, s.end, qualified || ofPlace));
  }
  for (const m of text.matchAll(ACRONYM)) {
    const end = m.index + m[0].length;
    if (isLatin(text.charCodeAt(m.index - 1)) || !cover.isFree(m.index, end)) continue;
    out.push(body(text, m.index, end, false));
  }
  for (const m of out) cover.take(m.start, m.end);
  return out;
}

/** What a place's name may end in before の without the gazetteer's phrase taking it (`ドネツク市の`). */
export const ADMINISTRATIVE_SUFFIX = /^[市州県区村町郡]$/u;

function body(text: string, start: number, end: number, generic: boolean): Mention {
  return mention(text, start, end, {
    kind: 'organisation',
    via: 'form',
    canonical: text.slice(start, end),
    generic,
  });
}

// `英誌エコノミスト`, `仏紙ルモンド`: a paper or magazine written before its name, with the
// country it is from; not after a kanji (`新聞紙`).
const OUTLET_FORM =
  /(?<![\p{Script=Han}])[米英独仏露中韓日伊豪加印]?[紙誌](?=[\p{Script=Katakana}A-Z])([\p{Script=Katakana}ー・＝=]{2,24}|[A-Z][A-Za-z.&'-]{1,30})/gu;

/**
 * A person's camp, team or government as a body (`personGroups`): `トランプ陣営`,
 * `ナワリヌイ氏のチーム`, `バイデン政権` speak as one, not as the person. A word written on after
 * the group (`政権幹部`) leaves it to the titles: the group is whose official it is.
 *
 * @example
 * scanPersonGroups('トランプ陣営は', k, people)[0]?.canonical; // 'トランプ陣営'
 */
export function scanPersonGroups(
  text: string,
  k: Knowledge,
  people: readonly Mention[],
): Mention[] {
  const out: Mention[] = [];
  for (const p of people) {
    if (p.kind !== 'person') continue;
    const at = p.phraseEnd + (text.charAt(p.phraseEnd) === 'の' ? 1 : 0);
    const group = k.personGroups.find((g) => text.startsWith(g, at));
    if (group === undefined) continue;
    const end = at + group.length;
    if (isNameCode(text.charCodeAt(end)) || isKanjiCode(text.charCodeAt(end))) continue;
    out.push(
      mention(text, p.start, end, {
        kind: 'organisation',
        via: 'form',
        canonical: `${p.canonical ?? p.surface}${group}`,
        org: p.org,
      }),
    );
  }
  return out;
}

/**
 * People who name themselves, or are known by a call sign, in the text: `コールサイン「ボルト」を
 * 名乗る兵士`, `男性はアンドリー（３１）とだけ名乗り` — the name is a person's wherever the text
 * writes it as a word, as a name the gazetteer knew would be.
 *
 * @example
 * scanSelfNamedPeople('「ボルト」を名乗る兵士。ボルトは言った', k, cover).length; // 2
 */
export function scanSelfNamedPeople(text: string, k: Knowledge, cover: Coverage): Mention[] {
  const names = new Set<string>();
  for (const m of text.matchAll(SELF_NAMED)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (name && !k.notNames.has(name)) names.add(name);
  }
  const out: Mention[] = [];
  for (const name of names)
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (isNameCode(text.charCodeAt(at - 1)) || isNameCode(text.charCodeAt(end))) continue;
      if (!cover.isFree(at, end)) continue;
      cover.take(at, end);
      out.push(mention(text, at, end, { kind: 'person', via: 'form', canonical: name }));
    }
  return out;
}

// `コールサイン「X」`, `「X」を名乗る`, `Xとだけ名乗り`, `X（３１）と名乗った`.
const SELF_NAMED = new RegExp(
  `(?:コールサイン|呼び名|愛称)「([^「」、。]{2,12})」|「([^「」、。]{2,12})」(?:と|を)(?:だけ)?名乗|(?<![\\p{Script=Katakana}ー・])([\\p{Script=Katakana}ー・]{2,12})(?:${AGE_IN_BRACKETS})?(?:と|を)(?:だけ)?名乗`,
  'gu',
);

/**
 * A country's soldiers written with 兵 after it (`ロシア兵`, `北朝鮮兵たち`): a role of that
 * country, as `ロシア軍の兵士` would be — not `派兵` nor `兵器`, where no country stands before.
 *
 * @example
 * scanCountrySoldiers('ロシア兵は', known)[0]?.surface; // 'ロシア兵'
 */
export function scanCountrySoldiers(text: string, known: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of known) {
    if (m.kind !== 'country' || text.charAt(m.phraseEnd) !== SOLDIER) continue;
    const end = m.phraseEnd + 1;
    if (isKanjiCode(text.charCodeAt(end))) continue;
    out.push(
      mention(text, m.start, end, { kind: 'role', via: 'form', title: SOLDIER, org: m.canonical }),
    );
  }
  return out;
}

const SOLDIER = '兵';

/**
 * Bodies named in brackets after a word for their kind (`bodyHeads`): `人権団体「メモリアル」`,
 * `米シンクタンク「戦争研究所」（ＩＳＷ）`. The mention is the name inside the brackets; a
 * bracket that reads as words said (`情報機関「北朝鮮、…」` on a headline) names no one.
 *
 * @example
 * scanBracketedBodies('人権団体「メモリアル」は', k, cover)[0]?.canonical; // 'メモリアル'
 */
export function scanBracketedBodies(text: string, k: Knowledge, cover: Coverage): Mention[] {
  const out: Mention[] = [];
  for (let open = text.indexOf('「'); open >= 0; open = text.indexOf('「', open + 1)) {
    const before = text.slice(Math.max(0, open - MAX_HEAD), open);
    if (!k.bodyHeads.some((h) => before.endsWith(h))) continue;
    // Read no further than a name's length: an unclosed bracket costs no more than a closed one.
    const inside = text.slice(open + 1, open + 2 + MAX_BRACKETED_NAME).indexOf('」');
    if (inside < 0) continue;
    const close = open + 1 + inside;
    const name = BRACKETED_NAME.exec(text.slice(open + 1, close));
    if (!name?.[1] || !cover.isFree(open + 1, open + 1 + name[1].length)) continue;
    const end = open + 1 + name[1].length;
    out.push(body(text, open + 1, end, false));
  }
  return out;
}

/** The longest word for a kind of body (`シンクタンク`). */
const MAX_HEAD = 8;
const MAX_BRACKETED_NAME = 20;
// A name: no clause break inside and no kana ending a sentence; a reading in brackets after it
// (`メモリアル(Memorial)`) is not part of the name.
const BRACKETED_NAME =
  /^([^、。，,「」『』\s()（）]*[^、。，,「」『』\s()（）ただるすいかよねぞう])(?:[(（][^()（）]*[)）])?$/u;

/**
 * Outlets known by their form (`英誌エコノミスト`, `仏紙ルモンド`): a paper or magazine written
 * before a name the gazetteer does not know. The mention spans the whole phrase; the name is
 * the canonical one.
 *
 * @example
 * scanOutletForms('仏紙ルモンドは', cover, [])[0]?.canonical; // 'ルモンド'
 */
export function scanOutletForms(
  text: string,
  cover: Coverage,
  known: readonly Mention[] = [],
): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(OUTLET_FORM)) {
    const name = m[1] ?? '';
    const end = m.index + m[0].length;
    const nameAt = end - name.length;
    // `英誌エコノミスト`: the name may be a word for people (an economist) the gazetteer found.
    const asRole = known.some((r) => r.kind === 'role' && r.start === nameAt && r.end === end);
    // The country before 紙 may already be read as an abbreviation (`英`); it is the outlet's.
    const prefixTaken = known.some(
      (r) => r.start < nameAt && r.end > m.index && r.via !== 'abbreviation',
    );
    if (prefixTaken || (!asRole && !cover.isFree(nameAt, end))) continue;
    cover.take(m.index, end);
    out.push({ ...body(text, m.index, end, false), canonical: name, outlet: true });
  }
  return out;
}

// `プーチン氏の盟友は`, `ナワリヌイ氏の支援者が`: a noun for a person after の, standing as a
// subject — someone of X's, not X.
/** What a noun for a person ends in (`支援者`, `盟友`, `経済顧問`). */
export const PERSON_NOUN_ENDING = '(?:者|員|官|人|家|友|士|師|役|顧問|側近|補佐)';

// After の, or after ある (`ある中堅議員は`: one of them, unnamed).
const PERSON_NOUN = new RegExp(
  `(?<=の|ある)[\\p{Script=Han}]{0,5}${PERSON_NOUN_ENDING}(?=(?:ら|たち)?(?:は|が|も|によると|によれば))`,
  'gu',
);
/** Nouns that end like a person's but name no one (`国家`, `個人` stands for no one said). */
const NOT_PERSON_NOUNS = new Set(['国家', '個人', '法人', '本人', '他人', '人', '家']);

/**
 * Unnamed people known by their form: a noun for a person after の, as the subject of its
 * clause (`プーチン氏の盟友は`, `ゼレンスキー氏の経済顧問は`) — the roles of the gazetteer list
 * the common ones; this finds the rest. The phrase before の says whose they are.
 *
 * @example
 * scanPersonNouns('プーチン氏の盟友は', cover, [])[0]?.title; // '盟友'
 */
export function scanPersonNouns(
  text: string,
  cover: Coverage,
  titled: readonly Mention[] = [],
): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(PERSON_NOUN)) {
    const end = m.index + m[0].length;
    if (NOT_PERSON_NOUNS.has(m[0]) || !cover.isFree(m.index, end)) continue;
    // `韓国国防省の金恩姫報道官は`: a name with its title, found through the title, is no noun.
    if (titled.some((t) => t.start < end && t.phraseEnd > m.index)) continue;
    cover.take(m.index, end);
    out.push(mention(text, m.index, end, { kind: 'role', via: 'form', title: m[0], org: null }));
  }
  return out;
}

/**
 * People named in katakana without a title, known by how they stand: the subject of a speech
 * verb (`ハーラは言う`), the speaker of a cleft (`…と言うのはリジェンコ`), or a source
 * (`ハーラに言わせれば`). A name without a title must recur in the text or be a full name
 * (`…・…`), and words listed as `notNames` (`ミサイル`, `チーム`) never are.
 *
 * @example
 * scanSpeakingNames('ハーラは言う。「…」ともハーラは言う。', k, cover)[0]?.canonical; // 'ハーラ'
 */
export function scanSpeakingNames(text: string, k: Knowledge, cover: Coverage): Mention[] {
  const runs = katakanaRuns(text);
  const counts = new Map<string, number>();
  for (const r of runs) {
    const w = text.slice(r.start, r.end);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const out: Mention[] = [];
  for (const r of runs) {
    const name = text.slice(r.start, r.end);
    if (name.length < 2 || k.notNames.has(name) || !cover.isFree(r.start, r.end)) continue;
    const recurs = (counts.get(name) ?? 0) >= 2 || name.includes('・');
    const after = text.slice(r.end, r.end + 8);
    const speaks =
      CLEFT_BEFORE.test(text.slice(Math.max(0, r.start - 10), r.start)) ||
      (recurs && SAYS_AFTER.test(after)) ||
      (recurs && SUBJECT_AFTER.test(after) && speechVerbAhead(text, r.end, k));
    if (!speaks) continue;
    cover.take(r.start, r.end);
    out.push(
      mention(text, r.start, r.end, {
        kind: 'person',
        via: 'form',
        canonical: shortName(name, k),
      }),
    );
  }
  return out;
}

/**
 * A full name opening with a given name of the list (`kanaGivenNames`: `アナスタシア・…`,
 * `ボフダン・…`) is a person wherever it stands, with no title — as magazines and translated
 * articles write names on first mention (`エネルギー専門家オレクシー・ブリズニュクは`).
 *
 * @example
 * scanGivenNamePeople('専門家オレクシー・ストロジュクに聞いた', k, cover)[0]?.canonical; // 'ストロジュク'
 */
export function scanGivenNamePeople(text: string, k: Knowledge, cover: Coverage): Mention[] {
  const out: Mention[] = [];
  for (let dot = text.indexOf('・'); dot >= 0; dot = text.indexOf('・', dot + 1)) {
    let start = dot;
    while (start > 0 && isKatakanaCode(text.charCodeAt(start - 1))) start -= 1;
    if (start === dot || text.charAt(start - 1) === '・') continue;
    if (!k.kanaGivenNames.has(text.slice(start, dot))) continue;
    let end = dot + 1;
    while (
      end < text.length &&
      (isKatakanaCode(text.charCodeAt(end)) ||
        (text.charAt(end) === '・' && isKatakanaCode(text.charCodeAt(end + 1))))
    )
      end += 1;
    const name = text.slice(start, end);
    const last = name.slice(name.lastIndexOf('・') + 1);
    if (last.length < 2 || k.notNames.has(last) || !cover.isFree(start, end)) continue;
    cover.take(start, end);
    out.push(
      mention(text, start, end, { kind: 'person', via: 'form', canonical: shortName(name, k) }),
    );
    dot = end;
  }
  return out;
}

/**
 * `河智勲(ハ・ジフン)研究委員は…。河によれば、…。だが河は、…`: a kanji full name written once,
 * then its family name alone — as magazines write people on second mention — standing as a
 * topic set off by a comma or as a source. The family name is the first kanji of a name of three,
 * the first two of a name of four or five.
 *
 * @example
 * scanBareFamilyNames('河智勲氏は…。河によれば、', k, cover, people)[0]?.canonical; // '河智勲'
 */
export function scanBareFamilyNames(
  text: string,
  k: Knowledge,
  cover: Coverage,
  people: readonly Mention[],
): Mention[] {
  const out: Mention[] = [];
  const seen = new Set<string>();
  for (const m of people) {
    if (m.kind !== 'person' || !isFullKanjiName(m.surface)) continue;
    const family = m.surface.slice(0, m.surface.length === 3 ? 1 : 2);
    // `金は、` is as often money as Kim: family names that are words alone are listed.
    if (seen.has(family) || k.notNames.has(family)) continue;
    seen.add(family);
    for (let at = text.indexOf(family, m.end); at >= 0; at = text.indexOf(family, at + 1)) {
      const end = at + family.length;
      if (
        isKanjiCode(text.charCodeAt(at - 1)) ||
        !FAMILY_ALONE_AFTER.test(text.slice(end, end + 4))
      )
        continue;
      if (!cover.isFree(at, end)) continue;
      cover.take(at, end);
      const fields = { kind: 'person', via: 'form', canonical: m.canonical, org: m.org } as const;
      out.push(mention(text, at, end, fields));
    }
  }
  return out;
}

/** A kanji name of three to five characters: a family name and a given name. */
function isFullKanjiName(name: string): boolean {
  return name.length >= 3 && name.length <= 5 && isWordOf(name, isKanjiCode);
}

/** What a family name written alone stands before: a topic set off by a comma, a source. */
const FAMILY_ALONE_AFTER = /^(?:は、|も、|によれば|によると)/u;

/** A katakana name written bare again is long enough to be no common word by chance. */
const MIN_REPEATED_NAME = 3;

/**
 * A person named once by form (`ミロスラフスキー氏`, `ドミトリー・ペスコフ報道官`) and later
 * written bare (`ミロスラフスキーは`, `とペスコフは述べた`) — as articles translated from other
 * languages and magazines do — is named there too: every later katakana run that is the name, or
 * the family name of a full name, is a mention of that person.
 *
 * @example
 * scanRepeatedNames('ミロスラフスキー氏は…。ミロスラフスキーは「…」と語った', cover, titled)[0]?.canonical;
 * // 'ミロスラフスキー'
 */
export function scanRepeatedNames(
  text: string,
  cover: Coverage,
  people: readonly Mention[],
): Mention[] {
  const named = new Map<string, { at: number; person: Mention }>();
  for (const m of people) {
    if (m.kind !== 'person' || m.canonical === null) continue;
    const parts = m.surface.split('・');
    const name = parts[parts.length - 1] ?? '';
    if (name.length < MIN_REPEATED_NAME || !isWordOf(name, isKatakanaCode)) continue;
    if (!named.has(name)) named.set(name, { at: m.end, person: m });
  }
  if (named.size === 0) return [];
  const out: Mention[] = [];
  for (const r of katakanaRuns(text)) {
    const found = named.get(text.slice(r.start, r.end));
    if (!found || r.start < found.at || !cover.isFree(r.start, r.end)) continue;
    cover.take(r.start, r.end);
    const { person } = found;
    out.push(
      mention(text, r.start, r.end, {
        kind: 'person',
        via: 'form',
        canonical: person.canonical,
        org: person.org,
      }),
    );
  }
  return out;
}

/**
 * Whether a speech verb follows within the sentence: the words of a quote in between
 * (`ブリズニュクは「…」と語った`) count for nothing, however long, and may hold a 。.
 */
function speechVerbAhead(text: string, from: number, k: Knowledge): boolean {
  let end = from;
  let outside = 0;
  let depth = 0;
  const limit = Math.min(text.length, from + MAX_QUOTED_AHEAD);
  while (end < limit && outside < SPEECH_WINDOW) {
    const c = text.charAt(end);
    if (c === '\n' || (c === '。' && depth === 0)) break;
    if (c === '「' || c === '『') depth += 1;
    else if ((c === '」' || c === '』') && depth > 0) depth -= 1;
    else if (depth === 0) outside += 1;
    end += 1;
  }
  return k.speechVerbs.scan(text, from, end).length > 0;
}

/** How far past a name a quote and its verb are read. */
const MAX_QUOTED_AHEAD = 400;

/** Maximal runs of katakana (with ・ and ー inside) that start and end on a katakana letter. */
function katakanaRuns(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isKatakanaCode(text.charCodeAt(i)) || text.charAt(i) === 'ー' || text.charAt(i) === '・') {
      i += 1;
      continue;
    }
    const start = i;
    while (i < text.length && (isKatakanaCode(text.charCodeAt(i)) || text.charAt(i) === '・'))
      i += 1;
    let end = i;
    while (end > start && text.charAt(end - 1) === '・') end -= 1;
    if (!isKanjiCode(text.charCodeAt(start - 1)) && !isKanjiCode(text.charCodeAt(end)))
      out.push({ start, end });
  }
  return out;
}

function isNameCode(c: number): boolean {
  return isKanjiCode(c) || isKatakanaCode(c) || isLatin(c);
}

function isLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
