import { normaliseForMatch } from '../../text/index.js';
import type { TagDefinition } from '../taxonomy.js';
import { forEachBigram, isWordUnit } from './units.js';

/**
 * English words and phrases mapped to the Japanese words news text uses for them
 * (`data/tagging/glossary.json`): a curator who describes a tag in English ("drone attacks
 * by either side, and air defence against them") still finds Japanese text (ドローン, 無人機,
 * 防空). Keys are lower-case and singular.
 */
export type Glossary = Readonly<Record<string, readonly string[]>>;

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
}

// Phrases of the glossary are at most this many words long.
const MAX_PHRASE_WORDS = 3;

/**
 * The words each tag's definition says, in the normalised form entry text has: the tag name
 * and its character bigrams (ウクライナ軍事支援 → 軍事, 支援), the Japanese words of a Japanese
 * description (kanji and katakana runs, and the bigrams of long kanji compounds, so 凍結資産
 * meets 資産凍結), the glossary's Japanese words for an English description, and the
 * keywords. Each word weighs `ln(1 + tags / tags using it)`: a word every tag says (ウクライナ)
 * tells nothing, one only this tag says tells much.
 *
 * @example
 * describeTags([{ name: '露朝', description: 'Russia and North Korea together' }], glossary)[0]
 *   ?.terms.map((t) => t.term); // ['露朝', 'ロシア', '露', '北朝鮮', '朝鮮', '協力', '連携']
 */
export function describeTags(
  tags: readonly TagDefinition[],
  glossary: Glossary = {},
): DescriptionTerms[] {
  const perTag = tags.map((t) => ({ tag: t.name, words: wordsOf(t, glossary) }));
  const df = new Map<string, number>();
  for (const { words } of perTag) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(1, tags.length);
  return perTag.map(({ tag, words }) => ({
    tag,
    terms: [...words].map((term) => ({ term, weight: Math.log(1 + n / (df.get(term) ?? 1)) })),
  }));
}

function wordsOf(tag: TagDefinition, glossary: Glossary): Set<string> {
  const words = new Set<string>();
  const add = (w: string): void => {
    const n = normaliseForMatch(w);
    if ([...n].length >= 2 || /[\u4e00-\u9fff]/u.test(n)) words.add(n);
  };
  add(tag.name);
  forEachBigram(normaliseForMatch(tag.name), (a, b) => add(String.fromCodePoint(a, b)));
  const text = tag.description ?? '';
  japaneseWords(text).forEach(add);
  englishPhrases(text, glossary).forEach((ja) => ja.forEach(add));
  (tag.keywords ?? []).forEach(add);
  return words;
}

/** Kanji and katakana runs of two or more characters, and the bigrams of longer kanji runs. */
function japaneseWords(text: string): string[] {
  const out: string[] = [];
  for (const m of normaliseForMatch(text).matchAll(/[\u4e00-\u9fff々]{2,}|[\u30a1-\u30fa]{2,}/gu)) {
    const run = m[0];
    out.push(run);
    if (/^[\u4e00-\u9fff々]{3,}$/u.test(run))
      for (let i = 0; i + 2 <= run.length; i += 1) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** The glossary's entries for the English words of a text, longest phrase first. */
function englishPhrases(text: string, glossary: Glossary): (readonly string[])[] {
  const words = (text.toLowerCase().match(/[a-z][a-z'-]*/gu) ?? []).map((w) =>
    w.replace(/'s$/u, ''),
  );
  const found: (readonly string[])[] = [];
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (
      let len = Math.min(MAX_PHRASE_WORDS, words.length - i);
      len >= 1 && matched === 0;
      len -= 1
    ) {
      const entry = lookUp(words.slice(i, i + len), glossary);
      if (entry) {
        found.push(entry);
        matched = len;
      }
    }
    i += Math.max(1, matched);
  }
  return found;
}

function lookUp(words: readonly string[], glossary: Glossary): readonly string[] | undefined {
  const last = words[words.length - 1] ?? '';
  const head = words.slice(0, -1);
  for (const form of singulars(last)) {
    const hit = glossary[[...head, form].join(' ')];
    if (hit) return hit;
  }
  return undefined;
}

/** The word and the singulars it may be the plural of (attacks, cities, ministers'). */
function singulars(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out;
}

/**
 * How strongly an entry's text says each tag's words: for each tag, the sum over its words of
 * weight × ln(1 + hits), a headline hit counting as `headHits` body hits, divided by the square
 * root of the tag's total weight (so a long description does not win by length alone).
 * Matching is by substring on normalised text, so a stem (終わら) meets its inflections
 * (終わらせる, 終わらない) and ヴォ meets ボ.
 *
 * @example
 * descriptionScores(describeTags(tags, glossary), '北朝鮮外相が訪露', '…', 2); // Float64Array [0.1, 1.9, …]
 */
export function descriptionScores(
  descriptions: readonly DescriptionTerms[],
  head: string,
  body: string,
  headHits: number,
): Float64Array {
  const out = new Float64Array(descriptions.length);
  descriptions.forEach((d, t) => {
    let s = 0;
    let total = 0;
    for (const { term, weight } of d.terms) {
      total += weight;
      const hits = headHits * occurrences(head, term) + occurrences(body, term);
      if (hits > 0) s += weight * Math.log1p(hits);
    }
    out[t] = total > 0 ? s / Math.sqrt(total) : 0;
  });
  return out;
}

// Counting stops here: the tenth mention of a word adds little to the first few.
const MAX_HITS = 8;

function occurrences(text: string, term: string): number {
  let n = 0;
  for (let at = text.indexOf(term); at >= 0 && n < MAX_HITS; at = text.indexOf(term, at + 1)) {
    // A Latin term is a whole word: "eu" is not inside "museum".
    if (/^[a-z]/u.test(term) && isWordUnit(text.charCodeAt(at - 1) || 0x20)) continue;
    n += 1;
  }
  return n;
}
