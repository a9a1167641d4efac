import { isKanji, KANJI_CLASS, KATAKANA_CLASS, normaliseForMatch } from '../../text/index.js';
import type { TagDefinition } from '../taxonomy.js';
import { glossaryMatches, glossaryVocabulary, type Glossary } from './glossary.js';
import { describedParties } from './parties.js';

export type { Glossary } from './glossary.js';

/** A word a tag's description (or name, or keywords) says, and how much it tells that tag apart. */
export interface DescriptionTerm {
  /** Normalised as entry text is (`normaliseForMatch`), so spelling variants meet. */
  term: string;
  weight: number;
}

/** The words of one tag's definition, weighted. */
export interface DescriptionTerms {
  tag: string;
  terms: DescriptionTerm[];
  /**
   * The parties the description names together as its subject (`Russia and Iran together`),
   * each as the words that name it: the tag scores nothing in an entry that does not name them
   * all. Absent when the description names no such pair (and in older model files).
   */
  parties?: string[][];
  /**
   * The words of the party that is this tag's own — of the parties, the one no other tag's
   * description names (North Korea for 露朝; Russia, named by half the taxonomy, is common
   * ground) — and the tag's keywords: the tag scores nothing in an entry that says none of them.
   * Absent when the tag names no such party.
   */
  requires?: string[];
}

/**
 * The words each tag's definition says, in the normalised form entry text has: the tag name
 * and the words it is made of (ウクライナ軍事支援 → ウクライナ, 軍事, 支援), the Japanese words of
 * a Japanese description (kanji and katakana runs, and the bigrams of long kanji compounds, so
 * 凍結資産 meets 資産凍結), the glossary's Japanese words for an English description, and the
 * keywords. Each word weighs `ln(1 + tags / tags saying it)`, where a tag says a word when one
 * of its own words contains it: a word every tag says (ウクライナ, in seven tag names) tells
 * little, one only this tag says tells much.
 *
 * @example
 * describeTags([{ name: '露朝', description: 'Russia and North Korea together' }], glossary)[0]
 *   ?.terms.map((t) => t.term); // ['露朝', 'ロシア', '露', '北朝鮮', '朝鮮', '協力', '連携']
 */
export function describeTags(
  tags: readonly TagDefinition[],
  glossary: Glossary = {},
): DescriptionTerms[] {
  const vocabulary = nameVocabulary(tags, glossary);
  const perTag = tags.map((t) => ({
    tag: t.name,
    words: [...wordsOf(t, glossary, vocabulary)],
    parties: describedParties(t.description ?? '', glossary),
  }));
  const n = Math.max(1, tags.length);
  const sayingOf = (term: string): number =>
    perTag.filter((o) => o.words.some((w) => w.includes(term))).length;
  return perTag.map(({ tag, words, parties }, i) => {
    // A party only this tag names is what sets it apart; a party many tags name is the archive's
    // common ground, often named by its capital or leader (モスクワ, プーチン) and so not required.
    const own = parties.filter((words) => words.every((w) => sayingOf(w) <= 1));
    const keywords = (tags[i]?.keywords ?? []).map((k) => normaliseForMatch(k));
    const requires = own.length === 1 ? [...new Set([...(own[0] ?? []), ...keywords])] : [];
    return {
      tag,
      terms: words.map((term) => ({ term, weight: Math.log(1 + n / Math.max(1, sayingOf(term))) })),
      ...(parties.length > 0 ? { parties } : {}),
      ...(requires.length > 0 ? { requires } : {}),
    };
  });
}

function wordsOf(tag: TagDefinition, glossary: Glossary, vocabulary: Set<string>): Set<string> {
  const words = new Set<string>();
  const add = (w: string): void => {
    const n = normaliseForMatch(w);
    if ([...n].length >= 2 || [...n].some((c) => isKanji(c.charCodeAt(0)))) words.add(n);
  };
  add(tag.name);
  splitName(normaliseForMatch(tag.name), vocabulary).forEach(add);
  const text = tag.description ?? '';
  japaneseWords(text).forEach(add);
  for (const match of glossaryMatches(text, glossary)) {
    match.terms.forEach(add);
    if (match.words > 1) match.terms.forEach((ja) => partsOf(ja, vocabulary).forEach(add));
  }
  (tag.keywords ?? []).forEach(add);
  return words;
}

/**
 * The known words inside a Japanese phrase a glossary phrase gave (ドローン攻撃 → ドローン, 攻撃):
 * "drone attacks" is about drones and attacks too, not only where the text writes them as one
 * word. Parts of one character (相 of 国防相) say too little to keep.
 */
function partsOf(phrase: string, vocabulary: ReadonlySet<string>): string[] {
  return splitName(normaliseForMatch(phrase), vocabulary).filter(
    (w) => w.length >= 2 && vocabulary.has(w),
  );
}

/**
 * The words tag names are split into: the glossary's Japanese words, the words of every
 * description and keyword list, and the beginnings tag names share (ウクライナ of
 * ウクライナ戦況 and ウクライナ和平交渉), all normalised.
 */
function nameVocabulary(tags: readonly TagDefinition[], glossary: Glossary): Set<string> {
  const words = [
    ...glossaryVocabulary(glossary),
    ...tags.flatMap((t) => [...japaneseWords(t.description ?? ''), ...(t.keywords ?? [])]),
  ].map((w) => normaliseForMatch(w));
  const names = tags.map((t) => normaliseForMatch(t.name));
  for (const a of names)
    for (const b of names) {
      let k = 0;
      while (k < a.length && a[k] === b[k]) k += 1;
      if (a !== b && k >= 2) words.push(a.slice(0, k));
    }
  return new Set(words.filter((w) => w.length >= 1));
}

/**
 * A tag name split into the vocabulary's words, longest first from the left; what lies between
 * two known words is a word too when it has two characters or more (戦況 of ウクライナ戦況). A
 * name that is all one known word or none gives nothing more than itself.
 *
 * @example
 * splitName('ウクライナ軍事支援', new Set(['ウクライナ', '軍事', '支援'])); // ['ウクライナ', '軍事', '支援']
 */
export function splitName(name: string, vocabulary: ReadonlySet<string>): string[] {
  const longest = Math.max(0, ...[...vocabulary].map((w) => w.length));
  const out: string[] = [];
  let rest = '';
  const flush = (): void => {
    if (rest.length >= 2) out.push(rest);
    rest = '';
  };
  for (let i = 0; i < name.length;) {
    let len = Math.min(longest, name.length - i);
    while (len > 0 && !vocabulary.has(name.slice(i, i + len))) len -= 1;
    if (len === 0 || (i === 0 && len === name.length)) {
      rest += name[i];
      i += 1;
      continue;
    }
    flush();
    out.push(name.slice(i, i + len));
    i += len;
  }
  if (out.length > 0) flush();
  return out;
}

const WORD_RUN = new RegExp(`[${KANJI_CLASS}]{2,}|[${KATAKANA_CLASS}]{2,}`, 'gu');
const LONG_KANJI_RUN = new RegExp(`^[${KANJI_CLASS}]{4,}$`, 'u');

/**
 * Kanji and katakana runs of two or more characters, and the bigrams of kanji runs of four or
 * more (two words run together: 凍結資産 gives 凍結 and 資産, so it meets 資産凍結).
 */
function japaneseWords(text: string): string[] {
  const out: string[] = [];
  for (const m of normaliseForMatch(text).matchAll(WORD_RUN)) {
    const run = m[0];
    out.push(run);
    if (LONG_KANJI_RUN.test(run))
      for (let i = 0; i + 2 <= run.length; i += 1) out.push(run.slice(i, i + 2));
  }
  return out;
}
