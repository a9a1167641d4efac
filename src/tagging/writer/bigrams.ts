import { hasHiragana, normaliseForMatch } from '../../text/index.js';
import { forEachBigram } from '../features/units.js';

/** The set of character bigrams of a text after normalisation, for overlap measures. */
export function bigramSet(text: string): Set<string> {
  const out = new Set<string>();
  forEachBigram(normaliseForMatch(text), (a, b) => out.add(String.fromCodePoint(a, b)));
  return out;
}

/**
 * The share of `part`'s bigrams found in `whole`: 1 when `part` is a (normalised) piece of
 * `whole`, even with its inner brackets changed or a few characters dropped.
 *
 * @example
 * coverage(bigramSet('凍結資産運用益'), bigramSet('凍結した資産の運用益')); // 0.667
 */
export function coverage(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let n = 0;
  for (const b of part) if (whole.has(b)) n += 1;
  return n / part.size;
}

// Particles and endings are kana: a bigram without hiragana belongs to a content word.

/**
 * The bigrams of a text's content words (kanji, katakana, Latin, digits): what it is about,
 * whatever its grammar.
 *
 * @example
 * contentBigrams('支援を続ける'); // Set { '支援' }
 */
export function contentBigrams(text: string): Set<string> {
  return new Set([...bigramSet(text)].filter((b) => !hasHiragana(b)));
}
