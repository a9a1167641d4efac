import { densePhraseCandidates, isPhraseTerm } from './dense-phrases.js';
import {
  chooseDenseTerms,
  denseCandidates,
  denseThreshold,
  DenseVocabulary,
  hasRow,
  phraseThreshold,
  setRow,
  type DenseTermOptions,
  type DenseThresholds,
  type RowBits,
} from './dense-terms.js';

/**
 * Building the dense terms' sets (`dense-terms.ts` says what they are), apart from where they
 * are stored: each backend reads a sample to choose the words, feeds every entry's normalised
 * text and every filter's rows here in one pass, and writes what `kept` gives.
 */

/** Entries sampled, spread over the archive, to choose which words are dense. */
export const DENSE_SAMPLE_ENTRIES = 4000;

/**
 * The dense words and phrases of an archive of `entries` entries, chosen from a sample of them
 * (each entry's normalised sections): the sample's counts, scaled, choose as the exact counts
 * will after the pass. The thresholds are lowered a fifth for the sample's error; the pass drops
 * the terms that fall short.
 *
 * @example
 * chooseDenseWords(sampleSections, 1_000_000, DEFAULT_DENSE_TERM_OPTIONS); // ['ロシア', …, '支援を継続する', …]
 */
export function chooseDenseWords(
  sample: readonly (readonly string[])[],
  entries: number,
  options: DenseTermOptions,
): string[] {
  const threshold = denseThreshold(entries, options);
  if (entries < threshold || sample.length === 0) return [];
  const scale = entries / sample.length;
  const scaled = (held: Map<string, number>): Map<string, number> =>
    new Map([...held].map(([t, n]) => [t, n * scale] as const));
  const words = chooseDenseTerms(
    scaled(denseCandidates(sample, (0.8 * threshold) / entries)),
    0.8 * threshold,
    options.maxTerms,
    options.maxChars,
  );
  const forPhrases = phraseThreshold(entries, options);
  if (entries < forPhrases) return words;
  const phrases = [...scaled(densePhraseCandidates(sample, (0.8 * forPhrases) / entries))]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxPhrases)
    .map(([phrase]) => phrase);
  return [...words, ...phrases];
}

/** One set as it is to be stored. */
export interface DenseSet {
  /** Its key: a normalised word or phrase, or `tag:…`, `from:…`, `speaker:…`. */
  term: string;
  /** How many entries it holds. */
  entries: number;
  bits: RowBits;
  /**
   * The term of a set given before with exactly these entries (two phrases cut from one longer
   * sentence): stored once, this term pointing to it.
   */
  sameAs?: string;
}

/**
 * Collects the sets of a list of words and of filters, one entry at a time in any order.
 *
 * @example
 * const b = new DenseSetBuilder(['ロシア']);
 * b.add(7, ['ロシア軍が…']);
 * b.addFilterRow('tag:露朝', 7);
 * [...b.kept({ words: 1, phrases: 1, filters: 1 })].map((s) => s.term); // ['ロシア', 'tag:露朝']
 */
export class DenseSetBuilder {
  private readonly vocabulary: DenseVocabulary;
  private readonly terms: string[];
  private readonly sets: RowBits[];
  private readonly held: number[];
  /** How many of `terms` are words and phrases (the rest are filters). */
  private readonly words: number;
  /** Which of the words are phrases (`dense-phrases.ts`), kept from a threshold of their own. */
  private readonly phrase: boolean[];
  /** For each word, the last entry found to hold it. */
  private readonly marked: Float64Array;
  private readonly filterIndex = new Map<string, number>();
  private rowid = 0;
  /** The highest rowid added. */
  through = 0;

  /** `words`: the dense words and phrases to look for in the entries' text (`chooseDenseWords`). */
  constructor(words: readonly string[]) {
    this.vocabulary = new DenseVocabulary(words);
    this.terms = [...words];
    this.phrase = words.map(isPhraseTerm);
    this.sets = words.map(() => new Map());
    this.held = words.map(() => 0);
    this.words = words.length;
    this.marked = new Float64Array(words.length).fill(-1);
  }

  /** Adds an entry given its normalised text (sections, or all of it in one string). */
  add(rowid: number, sections: readonly string[]): void {
    this.through = Math.max(this.through, rowid);
    if (this.words === 0) return;
    this.rowid = rowid;
    for (const s of sections) this.vocabulary.termsIn(s, this.hit);
  }

  /**
   * Told each occurrence of a word in the entry being added: its first sets the entry's bit.
   * (A mark per word rather than a set of the entry's words: a million entries hold about a
   * hundred words each, and a Set cleared per entry cost a fifth of the pass.)
   */
  private readonly hit = {
    add: (index: number): void => {
      if (this.marked[index] === this.rowid) return;
      this.marked[index] = this.rowid;
      setRow(this.sets[index] as RowBits, this.rowid);
      this.held[index] = (this.held[index] as number) + 1;
    },
  };

  /** Adds one entry that meets a filter (`tag:<norm>`, `from:<handle>`, `speaker:<id>`). */
  addFilterRow(key: string, rowid: number): void {
    let i = this.filterIndex.get(key);
    if (i === undefined) {
      i = this.terms.push(key) - 1;
      this.sets.push(new Map());
      this.held.push(0);
      this.filterIndex.set(key, i);
    }
    const set = this.sets[i] as RowBits;
    if (hasRow(set, rowid)) return;
    setRow(set, rowid);
    this.held[i] = (this.held[i] as number) + 1;
  }

  /** The words, phrases and filters held by at least their threshold of entries. */
  *kept(thresholds: DenseThresholds): Generator<DenseSet> {
    // The sets given so far, by their size and a hash of their bits.
    const given = new Map<string, DenseSet[]>();
    for (const [i, term] of this.terms.entries()) {
      const entries = this.held[i] as number;
      const threshold =
        i >= this.words
          ? thresholds.filters
          : this.phrase[i] === true
            ? thresholds.phrases
            : thresholds.words;
      if (entries < threshold) continue;
      const bits = this.sets[i] as RowBits;
      const key = `${entries}:${bitsHash(bits)}`;
      const same = given.get(key)?.find((set) => sameBits(set.bits, bits));
      if (same !== undefined) {
        yield { term, entries, bits, sameAs: same.term };
        continue;
      }
      const set = { term, entries, bits };
      given.set(key, [...(given.get(key) ?? []), set]);
      yield set;
    }
  }
}

/** A hash of a set's blocks (FNV-1a over block numbers and words), to find equal sets. */
function bitsHash(bits: RowBits): number {
  let h = 0x811c9dc5;
  for (const block of [...bits.keys()].sort((a, b) => a - b)) {
    h = Math.imul(h ^ block, 0x01000193);
    const words = bits.get(block) as Uint32Array;
    for (let i = 0; i < words.length; i += 1) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  }
  return h >>> 0;
}

/** Whether two sets hold the same rowids (every block is `BLOCK_WORDS` long). */
function sameBits(a: RowBits, b: RowBits): boolean {
  if (a.size !== b.size) return false;
  for (const [block, x] of a) {
    const y = b.get(block);
    if (y === undefined) return false;
    for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return false;
  }
  return true;
}
