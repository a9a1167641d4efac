import { isKanjiCode, isKatakanaCode, type Knowledge } from '../knowledge/index.js';
import { mention, type Coverage, type Mention } from './mention.js';

/** Titles after which a run of kanji is itself a name (`鈴木一郎氏`), not a qualifier. */
const NAME_TITLES = new Set(['氏', 'さん', '容疑者', '被告', '受刑者']);
const MAX_NAME = 30;

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
  const out: Mention[] = [];
  // A title ends a run of kanji, so only units that end some title and a run are looked at.
  for (let i = 0; i < text.length; i += 1) {
    if (k.titleFinalUnits[text.charCodeAt(i)] !== 1 || isKanjiCode(text.charCodeAt(i + 1)))
      continue;
    const re = i + 1;
    let rs = i;
    while (rs > 0 && isKanjiCode(text.charCodeAt(rs - 1))) rs -= 1;
    const ts = longestTitleStart(text, rs, re, k);
    if (ts < 0) continue;
    const found = titled(text, { rs, ts, re }, k, byEnd, cover);
    if (found) out.push(found);
  }
  for (const title of k.kanaTitles) {
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + title.length)) {
      const found = titled(text, { rs: at, ts: at, re: at + title.length }, k, byEnd, cover);
      if (found && found.kind === 'person') out.push(found);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Run {
  rs: number;
  ts: number;
  re: number;
}

function longestTitleStart(text: string, rs: number, re: number, k: Knowledge): number {
  for (let s = Math.max(rs, re - k.maxTitleLength); s < re; s += 1) {
    if (k.titles.has(text.slice(s, re))) return s;
  }
  return -1;
}

function titled(
  text: string,
  r: Run,
  k: Knowledge,
  byEnd: Map<number, Mention>,
  cover: Coverage,
): Mention | null {
  const title = text.slice(r.rs, r.re);
  const inside = byEnd.get(r.ts);
  const insideRun = inside && inside.start >= r.rs ? inside : null;
  if (insideRun?.kind === 'person') return attach(insideRun, text.slice(r.ts, r.re), r.re);
  const qualifier = insideRun;
  const kanjiName = kanjiNameBefore(text, r, k, qualifier);
  if (kanjiName) return kanjiName;
  const nameEnd = skipParenthesisBack(text, r.rs);
  const before = byEnd.get(nameEnd);
  if (before?.kind === 'person') return attach(before, title, r.re);
  const kata = katakanaNameBefore(text, nameEnd, byEnd);
  const knownName = kata ? byEnd.get(kata.end) : undefined;
  if (kata && knownName?.kind === 'person') {
    knownName.org = kata.org ?? knownName.org;
    return attach(knownName, title, r.re);
  }
  if (kata && cover.isFree(kata.start, kata.end)) {
    cover.take(kata.start, kata.end);
    const org = kata.org ?? qualifier?.canonical ?? null;
    return person(text, kata.start, kata.end, title, r.re, org);
  }
  return roleOnly(text, r, title, k, qualifier ?? before ?? null);
}

/** `鈴木一郎氏`: before 氏 and its kin, a short run of kanji is a name (`同氏` is a pronoun). */
function kanjiNameBefore(
  text: string,
  r: Run,
  k: Knowledge,
  qualifier: Mention | null,
): Mention | null {
  const length = r.ts - r.rs;
  if (!NAME_TITLES.has(text.slice(r.ts, r.re)) || length < 2 || length > 5 || qualifier)
    return null;
  if (text.slice(r.rs, r.rs + 1) === k.corefTitlePrefix)
    return coref(text, r, text.slice(r.rs, r.re));
  return person(text, r.rs, r.ts, text.slice(r.ts, r.re), r.re, null);
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
): Mention {
  const surface = text.slice(start, end);
  return mention(text, start, end, {
    kind: 'person',
    via: 'title',
    canonical: surface,
    title,
    phraseEnd,
    org,
  });
}

/** `キム・ジョンウン(金正恩)総書記`: the name stands before the reading in brackets. */
function skipParenthesisBack(text: string, at: number): number {
  const close = text.charAt(at - 1);
  if (close !== ')' && close !== '）') return at;
  for (let i = at - 2; i >= Math.max(0, at - 20); i -= 1) {
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
  return { start: s, end: nameEnd, org };
}

function isNameChar(c: number): boolean {
  return isKatakanaCode(c) || c === 0x30fb || c === 0x3d || c === 0xff1d;
}
