/**
 * Dense phrases: the phrases most entries hold (`支援を継続する`, `ゼレンスキ大統領は`), kept as
 * sets beside the dense words (`dense-terms.ts`).
 *
 * A phrase joined by kana costs the index more per match than a word: each of its pairs' position
 * lists is read and lined up, and pairs such as `する` or `には` are in nearly every entry. At a
 * million entries a phrase thirty thousand entries hold took 56–77 ms to count, against 225 ms
 * for a word nearly all million hold; so phrases get sets from a lower share than words.
 *
 * Which phrases are dense is learned from a sample, level by level: a phrase of n letters is
 * counted only where both of its (n − 1)-letter pieces are common, so the work follows what the
 * sample repeats rather than every substring of it. A phrase is kept only when no phrase one
 * letter longer is held by as many entries of the sample: `ウクライナ巡` always continues as
 * `ウクライナ巡り`, and its set would be the longer one's again.
 *
 * Pure: texts in, phrases out.
 */

import {
  isLetter,
  isWordLetter,
  isWordStart,
  MAX_WORD_LENGTH,
  type SampleLetters,
} from './dense-terms.js';

/** Shortest and longest dense phrase, in characters. */
const MIN_PHRASE = 3;
export const MAX_PHRASE = 16;

/**
 * Whether a term is a phrase rather than a word: it holds hiragana, or is longer than a word.
 *
 * @example
 * isPhraseTerm('支援を継続する'); // true
 * isPhraseTerm('ロシア国防省'); // false
 */
export function isPhraseTerm(term: string): boolean {
  const chars = Array.from(term);
  // Longer than a dense word, or holding a letter no dense word has (hiragana).
  return chars.length > MAX_WORD_LENGTH || chars.some((c) => isLetter(c) && !isWordLetter(c));
}

/**
 * The phrases that at least `share` of a sample's entries hold, with how many entries hold each
 * (the sample as `sampleLetters` gives it): runs of 3–16 letters that start with a letter a word
 * may start with (not hiragana, `ー` or `々`) and are phrases by `isPhraseTerm`, less those a
 * phrase one letter longer is held as widely as.
 *
 * @example
 * densePhraseCandidates(sampleLetters([['支援を継続する'], ['支援を継続すると'], ['停戦']]), 0.6);
 * // Map { '支援を継続する' => 2 }
 */
export function densePhraseCandidates(sample: SampleLetters, share: number): Map<string, number> {
  const { rows, letterOf } = sample;
  const floor = Math.max(1, share * rows.length);
  const state = pieceState(rows);
  // Level 1: the letters themselves; each level's pieces are ids into `level.text`.
  let level = keepCommon(
    rows,
    state,
    true,
    (e, i) => rows[e]?.[i] ?? -1,
    (key) => letterOf[key] as string,
    floor,
  );
  const phrases = new Map<string, number>();
  const span = letterOf.length;
  const { at, offsets } = state;
  for (let length = 2; length <= MAX_PHRASE && level.text.length > 0; length += 1) {
    const before = level;
    // A piece of `length` letters is its head (the piece of one letter fewer at the same start)
    // and its last letter, keyed head · span + letter; both pieces it holds must be common.
    // (Keys reach pieces × letters: past 32 bits in a large sample, so they are not stored.)
    const keyAt = (e: number, i: number): number => {
      const row = rows[e] as Int32Array;
      if (i + length > row.length) return -1;
      const start = (offsets[e] as number) + i;
      const head = at[start] as number;
      if (head < 0 || (at[start + 1] as number) < 0) return -1;
      return head * span + (row[i + length - 1] as number);
    };
    level = keepCommon(
      rows,
      state,
      false,
      keyAt,
      (key) => (before.text[Math.floor(key / span)] as string) + letterOf[key % span],
      floor,
    );
    for (let id = 0; id < level.text.length; id += 1) {
      const gram = level.text[id] as string;
      const n = level.held[id] as number;
      if (length < MIN_PHRASE || !startsWord(gram) || !isPhraseTerm(gram)) continue;
      phrases.set(gram, n);
      // A piece held exactly as widely as this longer phrase always comes with it.
      for (const piece of level.pieces[id] ?? [])
        if (before.held[piece] === n) phrases.delete(before.text[piece] as string);
    }
  }
  return phrases;
}

/**
 * Where the common pieces of the current level stand, for every entry of the sample at once: one
 * buffer of piece ids as long as the sample's letters, and one of the letters where a piece
 * starts, each entry at its own offset. Each level is written over the one before, in place
 * (a piece at a letter is read, with the piece at the next letter, just before that letter is
 * written), where a buffer per entry and level held three levels at once.
 */
interface PieceState {
  /** Where each entry's letters start in `at` and `live`. */
  offsets: Int32Array;
  /** The id of the common piece starting at each letter, or -1. */
  at: Int32Array;
  /** Each entry's letters where a common piece starts, ascending, from its offset on. */
  live: Int32Array;
  /** How many of `live` each entry has. */
  liveCount: Int32Array;
}

function pieceState(rows: readonly Int32Array[]): PieceState {
  const offsets = new Int32Array(rows.length);
  let total = 0;
  rows.forEach((row, e) => {
    offsets[e] = total;
    total += row.length;
  });
  return {
    offsets,
    at: new Int32Array(total),
    live: new Int32Array(total),
    liveCount: new Int32Array(rows.length),
  };
}

/** The common pieces of one level: their texts, how many entries hold each, what they hold. */
interface Level {
  text: string[];
  held: number[];
  /** By id, the ids of the two pieces one letter shorter it holds (its head and its tail). */
  pieces: [number, number][];
}

/**
 * Counts the entries holding each piece (`keyAt` gives the key of the piece starting at a letter
 * of an entry's row, or -1), keeps those at least `floor` hold, numbers them and writes them
 * into `state` over the level before: at every letter for the first level, else only where the
 * level before had a piece (the rest is -1 already). The level before's pieces at each letter
 * give each kept piece's head and tail.
 */
function keepCommon(
  rows: readonly Int32Array[],
  state: PieceState,
  first: boolean,
  keyAt: (entry: number, at: number) => number,
  textOf: (key: number) => string,
  floor: number,
): Level {
  const { offsets, at, live, liveCount } = state;
  // Where to look in each entry: past the first levels, a few letters of thousands.
  const each = (e: number, row: Int32Array, visit: (i: number) => void): void => {
    if (first) for (let i = 0; i < row.length; i += 1) visit(i);
    else {
      const from = offsets[e] as number;
      const to = from + (liveCount[e] as number);
      for (let k = from; k < to; k += 1) visit(live[k] as number);
    }
  };
  const held = new Map<number, number>();
  const lastEntry = new Map<number, number>();
  rows.forEach((row, e) => {
    each(e, row, (i) => {
      const key = keyAt(e, i);
      if (key < 0 || lastEntry.get(key) === e) return;
      lastEntry.set(key, e);
      held.set(key, (held.get(key) ?? 0) + 1);
    });
  });
  const ids = new Map<number, number>();
  const level: Level = { text: [], held: [], pieces: [] };
  for (const [key, n] of held) {
    if (n < floor) continue;
    ids.set(key, level.text.length);
    level.text.push(textOf(key));
    level.held.push(n);
  }
  rows.forEach((row, e) => {
    const offset = offsets[e] as number;
    // The live letters kept are written over the list being read, never ahead of it.
    let kept = offset;
    each(e, row, (i) => {
      const key = keyAt(e, i);
      const id = key < 0 ? undefined : ids.get(key);
      if (id !== undefined && !first && level.pieces[id] === undefined)
        level.pieces[id] = [at[offset + i] as number, at[offset + i + 1] as number];
      at[offset + i] = id ?? -1;
      if (id !== undefined) live[kept++] = i;
    });
    liveCount[e] = kept - offset;
  });
  return level;
}

function startsWord(gram: string): boolean {
  return isWordStart(Array.from(gram)[0] ?? '');
}
