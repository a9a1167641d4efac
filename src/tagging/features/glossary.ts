/**
 * English words and phrases mapped to the Japanese words news text uses for them
 * (`data/tagging/glossary.json`): a curator who describes a tag in English ("drone attacks
 * by either side, and air defence against them") still finds Japanese text (ドローン, 無人機,
 * 防空). Keys are lower-case and singular.
 */
export type Glossary = Readonly<Record<string, readonly string[]>>;

// Phrases of the glossary are at most this many words long.
const MAX_PHRASE_WORDS = 3;

/**
 * The glossary's Japanese words for the English words of a text, a phrase matched before its
 * words ("air defence" before "defence"), plurals and possessives read as their singular.
 *
 * @example
 * glossaryTerms('drone attacks and air defence', glossary);
 * // [['ドローン攻撃', '無人機攻撃'], ['防空', '迎撃', '撃墜']]
 */
export function glossaryTerms(text: string, glossary: Glossary): (readonly string[])[] {
  return glossaryMatches(text, glossary).map((m) => m.terms);
}

/** A glossary entry a text says: how many English words it took, and its Japanese words. */
export interface GlossaryMatch {
  words: number;
  terms: readonly string[];
}

/**
 * {@link glossaryTerms} with the length of each match in English words, so that a phrase's
 * Japanese words ("drone attack": ドローン攻撃) can be told from a single word's.
 *
 * @example
 * glossaryMatches('drone attacks', glossary); // [{ words: 2, terms: ['ドローン攻撃', '無人機攻撃'] }]
 */
export function glossaryMatches(text: string, glossary: Glossary): GlossaryMatch[] {
  const words = (text.toLowerCase().match(/[a-z][a-z'-]*/gu) ?? []).map((w) =>
    w.replace(/'s?$/u, ''),
  );
  const found: GlossaryMatch[] = [];
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (
      let len = Math.min(MAX_PHRASE_WORDS, words.length - i);
      len >= 1 && matched === 0;
      len -= 1
    ) {
      const entry = lookUp(words.slice(i, i + len), glossary);
      if (entry) {
        found.push({ words: len, terms: entry });
        matched = len;
      }
    }
    i += Math.max(1, matched);
  }
  return found;
}

/** Every Japanese word of the glossary: the vocabulary tag names are split into. */
export function glossaryVocabulary(glossary: Glossary): string[] {
  return [...new Set(Object.values(glossary).flat())];
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
