/**
 * The gazetteer's folding and character classes live in src/text (chars.ts, fold.ts), where
 * the search normaliser uses the same definitions. These names are the ones nlp has always
 * used; they stay so that the annotator's modules need not change.
 */
export {
  foldAt,
  foldCode,
  foldWidth,
  foldWord,
  isAlnum as isAlnumCode,
  isKanji as isKanjiCode,
  isKatakana as isKatakanaCode,
  isLongVowelMark as isLongVowelCode,
  type FoldStep,
} from '../../text/index.js';
