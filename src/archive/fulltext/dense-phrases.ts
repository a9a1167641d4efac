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
  // Level 1: the letters themselves; each level's pieces are ids into `level.text`.
  let level = keepCommon(
    rows,
    null,
    (e, i) => rows[e]?.[i] ?? -1,
    (key) => letterOf[key] as string,
    floor,
    null,
    null,
  );
  const phrases = new Map<string, number>();
  const span = letterOf.length;
  // The rows of the level before last, written over by the next level: a level's rows are a
  // sample's worth of letters (tens of MB), and sixteen levels of them gathered faster than V8
  // collected them.
  let spare: Int32Array[] | null = null;
  for (let length = 2; length <= MAX_PHRASE && level.text.length > 0; length += 1) {
    const before = level;
    // A piece of `length` letters is its head (the piece of one letter fewer at the same start)
    // and its last letter, keyed head · span + letter; both pieces it holds must be common.
    // (Keys reach pieces × letters: past 32 bits in a large sample, so they are not stored.)
    const keyAt = (e: number, i: number): number => {
      const row = rows[e] as Int32Array;
      const starts = before.rows[e] as Int32Array;
      if (i + length > row.length) return -1;
      const head = starts[i] as number;
      if (head < 0 || (starts[i + 1] as number) < 0) return -1;
      return head * span + (row[i + length - 1] as number);
    };
    level = keepCommon(
      rows,
      before.live,
      keyAt,
      (key) => (before.text[Math.floor(key / span)] as string) + letterOf[key % span],
      floor,
      before.rows,
      spare,
    );
    spare = before.rows;
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

/** The common pieces of one level: their texts, how many entries hold each, where they stand. */
interface Level {
  text: string[];
  held: number[];
  /** By entry, the id of the common piece starting at each letter, or -1. */
  rows: Int32Array[];
  /** By entry, the letters where a common piece starts: the next level looks only there. */
  live: Int32Array[];
  /** By id, the ids of the two pieces one letter shorter it holds (its head and its tail). */
  pieces: [number, number][];
}

/**
 * Counts the entries holding each piece (`keyAt` gives the key of the piece starting at a letter
 * of an entry's row, or -1; `starts` the letters to look at, else all), keeps those at least
 * `floor` hold and numbers them; `before` (the level's rows one letter shorter) gives each kept
 * piece's head and tail. The level's rows are written into `reuse` when given (as long as
 * `rows`), else new.
 */
function keepCommon(
  rows: readonly Int32Array[],
  starts: readonly Int32Array[] | null,
  keyAt: (entry: number, at: number) => number,
  textOf: (key: number) => string,
  floor: number,
  before: readonly Int32Array[] | null,
  reuse: readonly Int32Array[] | null,
): Level {
  // Where to look in each entry: past the first levels, a few letters of thousands.
  const at = (e: number): Int32Array | null => (starts === null ? null : (starts[e] ?? null));
  const each = (e: number, row: Int32Array, visit: (i: number) => void): void => {
    const list = at(e);
    if (list === null) for (let i = 0; i < row.length; i += 1) visit(i);
    else for (let k = 0; k < list.length; k += 1) visit(list[k] as number);
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
  const level: Level = { text: [], held: [], rows: [], live: [], pieces: [] };
  for (const [key, n] of held) {
    if (n < floor) continue;
    ids.set(key, level.text.length);
    level.text.push(textOf(key));
    level.held.push(n);
  }
  rows.forEach((row, e) => {
    const out = (reuse?.[e] ?? new Int32Array(row.length)).fill(-1);
    const live: number[] = [];
    each(e, row, (i) => {
      const key = keyAt(e, i);
      const id = key < 0 ? undefined : ids.get(key);
      if (id === undefined) return;
      out[i] = id;
      live.push(i);
      if (before !== null && level.pieces[id] === undefined) {
        const heads = before[e] as Int32Array;
        level.pieces[id] = [heads[i] as number, heads[i + 1] as number];
      }
    });
    level.rows.push(out);
    level.live.push(Int32Array.from(live));
  });
  return level;
}

function startsWord(gram: string): boolean {
  return isWordStart(Array.from(gram)[0] ?? '');
}
