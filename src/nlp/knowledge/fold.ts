/**
 * The gazetteer's folding and character classes live in src/text (chars.ts, fold.ts), where
 * the search normaliser uses the same definitions. These names are the ones nlp has always
 * used; they stay so that the annotator's modules need not change.
 */
// The text core's files, not its barrel: the annotator's start-up need not load the quote check.
export {
  isAlnum as isAlnumCode,
  isKanji as isKanjiCode,
  isKatakana as isKatakanaCode,
  isLongVowelMark as isLongVowelCode,
} from '../../text/chars.js';
export { foldAt, foldCode, foldWidth, foldWord, type FoldStep } from '../../text/fold.js';
