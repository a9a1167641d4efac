import { KANJI_CLASS, KATAKANA_CLASS, normaliseForMatch } from '../../text/index.js';

// Content words: runs of two or more kanji or katakana (one script at a time, so that a name
// and its title count apart: ペスコフ / 報道官), and numbers.
const CONTENT_WORD = new RegExp(
  `[${KANJI_CLASS}]{2,}|[${KATAKANA_CLASS}]{2,}|[0-9０-９]+(?:[.,．][0-9０-９]+)?`,
  'gu',
);

/**
 * The content words (kanji or katakana runs of 2+, numbers) of `written` that the entry's text
 * does not contain, after normalisation: what a line would say that its entry does not.
 *
 * @example
 * wordsOutside('無人機26機を撃墜', '無人機40機が飛来し、全て撃墜した'); // ['26']
 */
export function wordsOutside(written: string, entryText: string): string[] {
  const text = normaliseForMatch(entryText);
  return [...written.matchAll(CONTENT_WORD)]
    .map((m) => m[0])
    .filter((w) => !text.includes(normaliseForMatch(w)));
}
