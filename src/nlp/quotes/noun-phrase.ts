import { KANJI_CLASS, KATAKANA_CLASS } from '../../text/index.js';

/** How many characters a modifier noun of a role may have; a longer run is not one. */
const MAX_MODIFIER = 16;

/** How many `Xの` modifiers in a row a role's phrase takes (`ウクライナ南部X州の軍事行政府の報道担当者`). */
const MAX_NO_MODIFIERS = 3;

// Digits too: `２２歳の女性技術者`.
const NOUN_CHAR = new RegExp(`[${KANJI_CLASS}${KATAKANA_CLASS}・0-9０-９A-Za-zＡ-Ｚａ-ｚ]`, 'u');

/** What a role's modifiers are read with: words that count rather than tell which, the 同 prefix. */
export interface ModifierWords {
  /** `複数`, `一部`: `複数の当局者` is named `当局者`. */
  quantityWords: ReadonlySet<string>;
  /** `同`: `同部隊の報道官` points back; the role is named without it. */
  corefTitlePrefix: string;
}

/**
 * Where the noun phrase naming an unnamed role starts, reading left from `at` (the start of
 * the role or of what it belongs to) over the nouns that tell which one it is: a noun written
 * onto it (`地元住民`, `東部ハルキウ州の当局者`) and up to three `Xの` (`前線の兵士`,
 * `キーウ近郊の村の住民`). A particle, a verb ending or punctuation ends the phrase; so does a
 * word that counts (`複数の`) or points back (`同部隊の`).
 *
 * @example
 * roleModifiersStart('前線の兵士は', 3, words); // 0
 * roleModifiersStart('会見で兵士は', 3, words); // 3
 * roleModifiersStart('複数の当局者は', 3, words); // 3
 * roleModifiersStart('北欧やバルト諸国の首脳は', 9, words); // 0
 */
export function roleModifiersStart(text: string, at: number, words: ModifierWords): number {
  let from = nounRunStart(text, at);
  // `同担当者` points back: the role is named without the prefix.
  if (text.slice(from, at) === words.corefTitlePrefix) return at;
  for (let i = 0; i < MAX_NO_MODIFIERS && text.charAt(from - 1) === 'の'; i += 1) {
    const start = nounRunStart(text, from - 1);
    const word = text.slice(start, from - 1);
    if (word === '' || words.quantityWords.has(word) || word.startsWith(words.corefTitlePrefix))
      break;
    from = start;
  }
  // `北欧やバルト諸国の首脳`: nouns joined by や tell which ones together.
  if (text.charAt(from - 1) === 'や') {
    const start = nounRunStart(text, from - 1);
    const word = text.slice(start, from - 1);
    if (word !== '' && !words.quantityWords.has(word) && !word.startsWith(words.corefTitlePrefix))
      return start;
  }
  return from;
}

/** The start of the run of kanji and katakana ending at `at`; `at` when there is none or it is too long. */
function nounRunStart(text: string, at: number): number {
  let i = at;
  // `国際刑事裁判所(ICC)の`: a short reading or acronym in brackets belongs to the noun.
  const bracket = READING_BEFORE.exec(text.slice(Math.max(0, at - 12), at));
  if (bracket) i -= bracket[0].length;
  // `与党「統一ロシア」の`, `シンクタンク「戦争研究所」の`: a name in brackets after the noun
  // it names belongs to it.
  const named = NAME_IN_BRACKETS_BEFORE.exec(text.slice(Math.max(0, i - 20), i));
  if (named) i -= named[0].length - 1;
  const end = i;
  while (i > 0 && end - i <= MAX_MODIFIER && NOUN_CHAR.test(text.charAt(i - 1))) i -= 1;
  if (end - i > MAX_MODIFIER) return at;
  return i === end ? at : i;
}

const NAME_IN_BRACKETS_BEFORE = new RegExp(
  `[${KANJI_CLASS}${KATAKANA_CLASS}]「[^「」]{1,16}」$`,
  'u',
);
const READING_BEFORE = /[(（][A-Za-zＡ-Ｚａ-ｚ0-9０-９・ー\p{Script=Katakana}]{1,10}[)）]$/u;

/** How long a given name written before a known family name may be. */
const MAX_GIVEN_NAME = 12;

const KATAKANA = new RegExp(`[${KATAKANA_CLASS}]`, 'u');

/**
 * Where a person's name as written starts when a given name stands before the family name the
 * gazetteer knows, joined by a middle dot (`オレナ・ゼレンスキー大統領夫人`): the text names
 * them by both.
 *
 * @example
 * givenNameStart('オレナ・ゼレンスキー夫人', 4); // 0
 */
export function givenNameStart(text: string, at: number): number {
  const dot = text.charAt(at - 1);
  if (dot !== '・' && dot !== '･') return at;
  let i = at - 1;
  while (i > 0 && at - 1 - i < MAX_GIVEN_NAME && KATAKANA.test(text.charAt(i - 1))) i -= 1;
  const length = at - 1 - i;
  if (length < 2 || length >= MAX_GIVEN_NAME || KATAKANA.test(text.charAt(i - 1))) return at;
  return i;
}

const MISSION = /在(?:\p{Script=Han}{1,2}|[A-Za-zＡ-Ｚａ-ｚ]{2,4}|[\p{Script=Katakana}ー]{2,8})$/u;
const NAME_LETTER = /[\p{Script=Han}\p{Script=Katakana}ー]/u;

/**
 * Where the name of a mission abroad starts when `在X` stands right before the body or role at
 * `at` (`在日ロシア大使館`, `在ＥＵ中国代表部の報道官`): where it is belongs to how the text names
 * it. Not `在` inside a word (`現在日本政府は`).
 *
 * @example
 * missionStart('在日ロシア大使館は', 2); // 0
 * missionStart('現在日本政府は', 2); // 2
 */
export function missionStart(text: string, at: number): number {
  const m = MISSION.exec(text.slice(Math.max(0, at - 12), at));
  if (!m) return at;
  const start = at - m[0].length;
  return NAME_LETTER.test(text.charAt(start - 1)) ? at : start;
}
