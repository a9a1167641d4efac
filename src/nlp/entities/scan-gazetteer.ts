import type { EntityInfo, Knowledge, TrieMatch } from '../knowledge/index.js';
import { mention, type Coverage, type Mention } from './mention.js';

/**
 * Known names from the gazetteer (leftmost-longest), flag emoji, and country abbreviations
 * (米, 露, 英仏独) where the context shows they are one.
 */
export function scanGazetteer(text: string, k: Knowledge, cover: Coverage): Mention[] {
  const out: Mention[] = [];
  for (const m of splitCountryBeforeBody(text, k, k.gazetteer.scan(text))) {
    const info = m.value;
    if (info.type === 'person' && isGivenNameOfAnother(text, m, k)) continue;
    const role = info.type === 'role';
    out.push(
      mention(text, m.start, m.end, {
        kind: info.type,
        via:
          m.end - m.start === 1 && k.abbreviations.has(text.charAt(m.start))
            ? 'abbreviation'
            : 'gazetteer',
        canonical: role ? null : info.canonical,
        title: role ? info.canonical : null,
        org: info.org,
        generic: info.generic,
        outlet: info.outlet,
      }),
    );
    cover.take(m.start, m.end);
  }
  return out;
}

/**
 * `パーベル・ゴルジエンコ頭取`: a known person's one-part name (`パベル`, the Czech president) written
 * before a middle dot and another katakana name is someone else's given name — unless that
 * name is one of the person's own (`オルバン・ビクトル`, family name first), or a country or
 * place (`プーチン・ロシア大統領`, as Jiji writes a title's country).
 */
function isGivenNameOfAnother(text: string, m: TrieMatch<EntityInfo>, k: Knowledge): boolean {
  if (text.charAt(m.end) !== '・' || text.slice(m.start, m.end).includes('・')) return false;
  const part = KATAKANA_WORD.exec(text.slice(m.end + 1, m.end + 1 + MAX_PART))?.[0];
  if (part === undefined) return false;
  const next = k.gazetteer.longestAt(text, m.end + 1);
  if (next !== null && next.value.type !== 'person') return false;
  const own = k.names.get(m.value.canonical) ?? [];
  return !own.some((name) => name.split('・').includes(part));
}

const KATAKANA_WORD = /^[\p{Script=Katakana}ー]+/u;
const MAX_PART = 16;

/**
 * `英国防省` is 英 + 国防省, not 英国 + 防省: a two-character country ending in 国 gives its 国
 * back when a body or a title starting with 国 follows (米国務省, 英国防省, 米国務長官), and its
 * first character is read as the abbreviation.
 */
function splitCountryBeforeBody(
  text: string,
  k: Knowledge,
  matches: TrieMatch<EntityInfo>[],
): TrieMatch<EntityInfo>[] {
  const out: TrieMatch<EntityInfo>[] = [];
  for (let i = 0; i < matches.length; i += 1) {
    const m = matches[i];
    if (!m) continue;
    const split = splitAt(text, k, m);
    if (!split) {
      out.push(m);
      continue;
    }
    out.push(split.abbreviation);
    if (split.body) out.push(split.body);
    const end = split.body?.end ?? m.end;
    while ((matches[i + 1]?.start ?? Infinity) < end) i += 1;
  }
  return out;
}

function splitAt(
  text: string,
  k: Knowledge,
  m: TrieMatch<EntityInfo>,
): { abbreviation: TrieMatch<EntityInfo>; body: TrieMatch<EntityInfo> | null } | null {
  if (m.value.type !== 'country' || m.end - m.start !== 2 || text.charAt(m.end - 1) !== '国')
    return null;
  const abbreviation = k.abbreviations.get(text.charAt(m.start));
  const info = abbreviation === undefined ? undefined : k.byCanonical.get(abbreviation);
  if (!info) return null;
  const first = { start: m.start, end: m.start + 1, value: info };
  const body = k.gazetteer.longestAt(text, m.end - 1);
  if (body?.value.generic && body.end - body.start >= 3) return { abbreviation: first, body };
  return titleAt(text, m.end - 1, k).length >= 3 ? { abbreviation: first, body: null } : null;
}

const FLAG = /\uD83C[\uDDE6-\uDDFF]\uD83C[\uDDE6-\uDDFF]/g;

/** Flag emoji (two regional indicators) → the country, e.g. 🇷🇺 → ロシア. */
export function scanFlags(text: string, k: Knowledge): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(FLAG)) {
    const country = k.flags.get(m[0]);
    if (country === undefined) continue;
    const info = k.byCanonical.get(country);
    const kind = info?.type ?? 'country';
    out.push(
      mention(text, m.index, m.index + m[0].length, { kind, via: 'flag', canonical: country }),
    );
  }
  return out;
}

/**
 * Single-kanji country abbreviations. One character alone is ambiguous (米 is also rice, 中 is
 * "middle"), so it counts only in a run of two or more (米英, 日米韓, 英仏独) or, for the
 * unambiguous ones, before a head such as 軍, 政府 or a title (米特別代表, 露軍).
 */
export function scanAbbreviations(text: string, k: Knowledge, cover: Coverage): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (k.abbreviationUnits[text.charCodeAt(i)] !== 1 || !cover.isFree(i, i + 1)) continue;
    if (k.abbreviationStops.longestAt(text, i)) continue;
    let j = i + 1;
    while (
      j < text.length &&
      k.abbreviationUnits[text.charCodeAt(j)] === 1 &&
      cover.isFree(j, j + 1)
    ) {
      if (k.abbreviationStops.longestAt(text, j)) break;
      j += 1;
    }
    const alone = j === i + 1;
    const head =
      k.abbreviationHeads.longestAt(text, j) ?? (k.titles.has(titleAt(text, j, k)) ? true : null);
    if (alone && !(k.abbreviationAlone.has(text.charAt(i)) && (head || opensHeadline(text, i))))
      continue;
    for (let c = i; c < j; c += 1) out.push(abbreviation(text, c, k));
    cover.take(i, j);
    i = j - 1;
  }
  return out;
}

/**
 * A country's one-kanji abbreviation opening a line before a comma, a quote or a space is the
 * headline's subject: `米、「…」と非難`, `露「…」`, `独 …`.
 */
function opensHeadline(text: string, i: number): boolean {
  const after = text.charAt(i + 1);
  if (after !== '、' && after !== '「' && after !== ' ' && after !== '\u3000') return false;
  return LINE_HEAD.test(text.slice(Math.max(0, i - LINE_HEAD_REACH), i));
}

/** What may stand before a headline's first word on its line: spaces, a dateline in brackets. */
const LINE_HEAD = /(?:^|\n)[\s\u3000]*(?:【[^】\n]{0,12}】)?$/u;
const LINE_HEAD_REACH = 20;

function titleAt(text: string, i: number, k: Knowledge): string {
  for (let n = k.maxTitleLength; n > 0; n -= 1) {
    const t = text.slice(i, i + n);
    if (k.titles.has(t)) return t;
  }
  return '';
}

function abbreviation(text: string, i: number, k: Knowledge): Mention {
  const canonical = k.abbreviations.get(text.charAt(i)) ?? text.charAt(i);
  const kind = k.byCanonical.get(canonical)?.type ?? 'country';
  return mention(text, i, i + 1, { kind, via: 'abbreviation', canonical });
}
