import {
  chooseDenseTerms,
  denseCandidates,
  denseThreshold,
  DenseVocabulary,
  hasRow,
  setRow,
  type DenseTermOptions,
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
 * The dense words of an archive of `entries` entries, chosen from a sample of them (each
 * entry's normalised sections): the sample's counts, scaled, choose as the exact counts will
 * after the pass. The threshold is lowered a fifth for the sample's error; the pass drops the
 * words that fall short.
 *
 * @example
 * chooseDenseWords(sampleSections, 1_000_000, DEFAULT_DENSE_TERM_OPTIONS); // ['ロシア', …]
 */
export function chooseDenseWords(
  sample: readonly (readonly string[])[],
  entries: number,
  options: DenseTermOptions,
): string[] {
  const threshold = denseThreshold(entries, options);
  if (entries < threshold || sample.length === 0) return [];
  const share = threshold / entries;
  const scale = entries / sample.length;
  const scaled = new Map(
    [...denseCandidates(sample, 0.8 * share)].map(([t, n]) => [t, n * scale] as const),
  );
  return chooseDenseTerms(scaled, 0.8 * threshold, options.maxTerms, options.maxChars);
}

/** One set as it is to be stored. */
export interface DenseSet {
  /** Its key: a normalised word, or `tag:…`, `from:…`, `speaker:…`. */
  term: string;
  /** How many entries it holds. */
  entries: number;
  bits: RowBits;
}

/**
 * Collects the sets of a list of words and of filters, one entry at a time in any order.
 *
 * @example
 * const b = new DenseSetBuilder(['ロシア']);
 * b.add(7, ['ロシア軍が…']);
 * b.addFilterRow('tag:露朝', 7);
 * [...b.kept(1, 1)].map((s) => s.term); // ['ロシア', 'tag:露朝']
 */
export class DenseSetBuilder {
  private readonly vocabulary: DenseVocabulary;
  private readonly terms: string[];
  private readonly sets: RowBits[];
  private readonly held: number[];
  /** How many of `terms` are words (the rest are filters). */
  private readonly words: number;
  /** For each word, the last entry found to hold it. */
  private readonly marked: Float64Array;
  private readonly filterIndex = new Map<string, number>();
  private rowid = 0;
  /** The highest rowid added. */
  through = 0;

  /** `words`: the dense words to look for in the entries' text (`chooseDenseWords`). */
  constructor(words: readonly string[]) {
    this.vocabulary = new DenseVocabulary(words);
    this.terms = [...words];
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

  /** The words held by at least `threshold` entries and the filters met by `filterThreshold`. */
  *kept(threshold: number, filterThreshold = threshold): Generator<DenseSet> {
    for (const [i, term] of this.terms.entries()) {
      const entries = this.held[i] as number;
      if (entries < (i < this.words ? threshold : filterThreshold)) continue;
      yield { term, entries, bits: this.sets[i] as RowBits };
    }
  }
}
