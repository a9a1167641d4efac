import type { Entity } from '../../model/index.js';
import { isKanji, isWordOf } from '../../text/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { composeOrganisations } from './compose.js';
import { Coverage, type Mention } from './mention.js';
import {
  scanBracketedBodies,
  scanCountrySoldiers,
  scanOrganisationForms,
  scanOutletForms,
  scanPersonGroups,
  scanSelfNamedPeople,
  scanBareFamilyNames,
  scanGivenNamePeople,
  scanPersonNouns,
  scanRepeatedNames,
  scanSpeakingNames,
} from './forms.js';
import { scanPronouns } from './pronouns.js';
import { scanAbbreviations, scanFlags, scanGazetteer } from './scan-gazetteer.js';
import { scanTitles } from './titles.js';

export { firstMentionFrom, mentionAt, type Mention, type MentionKind } from './mention.js';
export { PERSON_NOUN_ENDING } from './forms.js';

/**
 * Every name, role and pronoun in the text, sorted by position: the gazetteer first, then flag
 * emoji and abbreviations, then names found through their titles, then pronouns.
 *
 * @example
 * findMentions('ロシア外務省のザハロワ報道官は', knowledge).map((m) => m.canonical);
 * // ['ロシア外務省', 'ザハロワ']
 */
export function findMentions(text: string, k: Knowledge): Mention[] {
  const cover = new Coverage(text.length);
  const known = [...scanGazetteer(text, k, cover), ...scanFlags(text, k)];
  known.push(...scanAbbreviations(text, k, cover));
  known.sort(byStart);
  const titled = scanTitles(text, k, known, cover);
  const pronouns = scanPronouns(text, k, cover);
  const outlets = scanOutletForms(text, cover, known);
  const bodies = [
    ...outlets,
    ...scanOrganisationForms(text, k, cover, known),
    ...scanPersonGroups(text, k, [...known, ...titled]),
    ...scanBracketedBodies(text, k, cover),
  ];
  const speaking = [
    ...scanSelfNamedPeople(text, k, cover),
    ...scanSpeakingNames(text, k, cover),
    ...scanGivenNamePeople(text, k, cover),
  ];
  speaking.push(...scanRepeatedNames(text, cover, [...titled, ...speaking]));
  speaking.push(...scanBareFamilyNames(text, k, cover, [...known, ...titled]));
  const people = [...scanPersonNouns(text, cover, titled), ...scanCountrySoldiers(text, known)];
  const all = withoutMentionsInside(
    [...known, ...titled, ...pronouns, ...bodies, ...speaking, ...people].sort(byStart),
    bodies,
  );
  const composed = composeOrganisations(text, withoutBodiesInTitles(all));
  resolveSurnames(composed);
  return composed;
}

/**
 * The named entities of a text (people, organisations, places, countries) with their canonical
 * names; roles and pronouns are left to speaker resolution.
 *
 * @example
 * extractEntities('ハリコフ当局によると', knowledge)[0]; // { type: 'place', canonical: 'ハルキウ', … }
 */
export function extractEntities(
  text: string,
  k: Knowledge,
  mentions = findMentions(text, k),
): Entity[] {
  const out: Entity[] = [];
  for (const m of mentions) {
    if (m.kind === 'role' || m.kind === 'coref') continue;
    const { start, end, kind, surface, title, via } = m;
    out.push({ type: kind, start, end, surface, canonical: m.canonical ?? surface, title, via });
  }
  return out;
}

/**
 * A generic body inside a title is part of the title, not a mention of its own:
 * `イエルマーク大統領府長官` names no 大統領府. Mentions are sorted by start.
 */
function withoutBodiesInTitles(mentions: Mention[]): Mention[] {
  let titleEnd = -1;
  let nameEnd = -1;
  return mentions.filter((m) => {
    const inTitle = m.generic && m.start >= nameEnd && m.end <= titleEnd;
    if (m.phraseEnd > m.end && m.phraseEnd > titleEnd) {
      nameEnd = m.end;
      titleEnd = m.phraseEnd;
    }
    return !inTitle;
  });
}

/** A body known by its form swallows the generic word it ends in (`刑務所当局` holds `当局`). */
function withoutMentionsInside(mentions: Mention[], bodies: readonly Mention[]): Mention[] {
  if (bodies.length === 0) return mentions;
  const sorted = [...bodies].sort(byStart);
  let b = 0;
  return mentions.filter((m) => {
    while (b < sorted.length && (sorted[b]?.end ?? 0) <= m.start) b += 1;
    const body = sorted[b];
    return !body || body === m || !(body.start <= m.start && m.end <= body.end);
  });
}

function byStart(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * A person named only by surname after the full name (`トーステン・ネストマン` … `ネストマン氏`,
 * `キム・ジョンウン` … `キム総書記`) is the same person; so is one named by surname in a headline
 * before the body writes the full name (`頼総統「…」` … `台湾の頼清徳総統は`), when no full name
 * before it has that part.
 */
function resolveSurnames(mentions: Mention[]): void {
  const byPart = new Map<string, string>();
  const unresolved: Mention[] = [];
  const later = new Map<string, string>();
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    const parts = m.surface.split('・');
    if (parts.length > 1) {
      for (const p of [parts[0], parts[parts.length - 1]])
        if (p) byPart.set(p, m.canonical ?? m.surface);
    } else if (m.via === 'title' && byPart.has(m.surface))
      m.canonical = byPart.get(m.surface) ?? m.canonical;
    // `金正恩総書記` … `金氏`, `崔允浩議員` … `崔議員`: a kanji family name stands for the full
    // name written before (a name of two kanji only when the gazetteer knows it).
    else if (isKanjiName(m.surface) && (m.via !== 'title' || m.surface.length > 2))
      for (let n = 1; n < m.surface.length && n <= 2; n += 1) {
        const part = m.surface.slice(0, n);
        byPart.set(part, m.canonical ?? m.surface);
        if (!later.has(part)) later.set(part, m.canonical ?? m.surface);
      }
    else if (m.via === 'title' && isKanjiFamilyName(m.surface)) unresolved.push(m);
  }
  // The first full name after a family name written alone, when none came before it.
  for (const m of unresolved) m.canonical = later.get(m.surface) ?? m.canonical;
}

/** One or two kanji: a family name that may stand for a full name written elsewhere. */
function isKanjiFamilyName(name: string): boolean {
  return name.length <= 2 && isWordOf(name, isKanji);
}

function isKanjiName(name: string): boolean {
  return name.length >= 2 && name.length <= 5 && isWordOf(name, isKanji);
}
