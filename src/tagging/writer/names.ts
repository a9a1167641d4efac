import { HIRAGANA_CLASS, KANJI_CLASS, KATAKANA_CLASS } from '../../text/index.js';
import type { WritingRules } from './writing-rules.js';

/**
 * How speakers are written: a name (katakana, Latin, or a kanji name the curator knows) and a
 * title after it (大統領, 軍事委員長, 米特別代表). Japanese writes no space between them; a
 * foreign name is katakana, so the title starts where the katakana ends.
 */

const KATAKANA_NAME = new RegExp(
  `^([${KATAKANA_CLASS}・=＝A-Za-z.]+)([${KANJI_CLASS}][${KANJI_CLASS}${HIRAGANA_CLASS}ー]*)$`,
  'u',
);
// A katakana name (its parts joined by ・ or =) before a kanji title or at the end.
const FAMILY_NAME = new RegExp(`([${KATAKANA_CLASS}・=＝]{2,})(?:[${KANJI_CLASS}]|$)`, 'u');

/** The honorific a curator drops: `ナワリヌイ氏` → `ナワリヌイ`. */
export const HONORIFIC = '氏';

/**
 * Splits a written speaker into name and title when the name is katakana (or Latin) and the
 * title kanji; null otherwise.
 *
 * @example
 * splitTitle('シルスキー総司令官'); // { name: 'シルスキー', title: '総司令官' }
 * splitTitle('ゼレンスキー'); // null
 */
export function splitTitle(speaker: string): { name: string; title: string } | null {
  const m = KATAKANA_NAME.exec(speaker);
  if (!m) return null;
  return { name: m[1] ?? '', title: m[2] ?? '' };
}

/**
 * The family name of a written speaker, for matching one person across lines: the last part of
 * the katakana name it starts with, after any prefix such as a country (`チェコ、フィアラ首相`
 * → `フィアラ`), so that the full name of a first mention (`ドミトリー・ペスコフ報道官`) meets the
 * short form a curator writes (`ペスコフ報道官`).
 *
 * @example
 * nameKey('ウラジーミル・プーチン大統領'); // 'プーチン'
 */
export function nameKey(speaker: string): string | null {
  const last = speaker.split(/[、,]/u).pop() ?? speaker;
  const m = FAMILY_NAME.exec(last);
  if (!m) return null;
  const family = (m[1] ?? '')
    .split(/[・=＝]/u)
    .filter((p) => p.length >= 2)
    .pop();
  return family ?? null;
}

/**
 * Whether a title is a spokesperson's (the lexicon's `spokespersonTitles`): spokespeople speak
 * for their organisation, so the organisation is their identity.
 *
 * @example
 * isSpokesperson('外務省報道官', rules); // true
 */
export function isSpokesperson(title: string | null, rules: WritingRules): boolean {
  return title !== null && rules.spokesperson.test(title);
}

/**
 * The first run of a display name that is not emoji or symbols: `🌍ユーラシア時評🗺️` →
 * `ユーラシア時評`. Commentary accounts decorate their names; the curator quotes the name.
 */
export function plainAuthorName(name: string): string {
  const runs = name.split(/[^\p{L}\p{N}ー・]+/u).filter((r) => r.length >= 2);
  return runs[0] ?? name.trim();
}
