import { KirinukiError } from '../../model/index.js';
import { densePhraseCandidates, isPhraseTerm } from './dense-phrases.js';
import {
  BLOCK_BITS,
  blockBytes,
  blockFromBytes,
  chooseDenseTerms,
  denseCandidates,
  denseThreshold,
  DenseVocabulary,
  hasRow,
  phraseThreshold,
  sampleLetters,
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
  sample: Iterable<readonly string[]>,
  entries: number,
  options: DenseTermOptions,
): string[] {
  const threshold = denseThreshold(entries, options);
  if (entries < threshold) return [];
  const letters = sampleLetters(sample);
  if (letters.rows.length === 0) return [];
  const scale = entries / letters.rows.length;
  const scaled = (held: Map<string, number>): Map<string, number> =>
    new Map([...held].map(([t, n]) => [t, n * scale] as const));
  const words = chooseDenseTerms(
    scaled(denseCandidates(letters, (0.8 * threshold) / entries)),
    0.8 * threshold,
    options.maxTerms,
    options.maxChars,
  );
  const forPhrases = phraseThreshold(entries, options);
  if (entries < forPhrases) return words;
  const phrases = [...scaled(densePhraseCandidates(letters, (0.8 * forPhrases) / entries))]
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
  /** Its blocks by block number, ascending, as `blockBytes` gives them to store. */
  blocks: [block: number, bytes: Buffer][];
  /**
   * The term of a set given before with exactly these entries (two phrases cut from one longer
   * sentence): stored once, this term pointing to it.
   */
  sameAs?: string;
}

/**
 * Where the blocks of the words' and phrases' sets wait, as bytes to store, once the pass has
 * left them behind: a million entries' sets held as bits took 425 MB more than the pass needs.
 * `memoryBlockSpill` keeps them compact in memory; a backend gives one on a file
 * (`archive/block-spill.ts`).
 */
export interface BlockSpill {
  /** Keeps a block's bytes; returns a number to get them back with. */
  put(bytes: Uint8Array): number;
  get(at: number): Buffer;
  close(): void;
}

/**
 * A spill that keeps the blocks in memory, each as its stored bytes (offsets for a sparse
 * block, a tenth or less of its bits).
 *
 * @example
 * const spill = memoryBlockSpill();
 * spill.get(spill.put(bytes)); // a copy of bytes
 */
export function memoryBlockSpill(): BlockSpill {
  const kept: Buffer[] = [];
  return {
    put: (bytes) => kept.push(Buffer.from(bytes)) - 1,
    get: (at) => {
      const bytes = kept[at];
      if (bytes === undefined) throw new KirinukiError('archive', `no spilled block ${at}`);
      return bytes;
    },
    close: () => void kept.splice(0),
  };
}

/**
 * Collects the sets of a list of words and of filters, one entry at a time. Entries come in
 * rowid order in a pass over the archive: the words' blocks the pass has left are written to the
 * spill, so memory holds one block per word (an entry out of order reads its block back).
 *
 * @example
 * const b = new DenseSetBuilder(['ロシア']);
 * b.add(7, ['ロシア軍が…']);
 * b.addFilterRow('tag:露朝', 7);
 * [...b.kept({ words: 1, phrases: 1, filters: 1 })].map((s) => s.term); // ['ロシア', 'tag:露朝']
 * b.close();
 */
export class DenseSetBuilder {
  private readonly vocabulary: DenseVocabulary;
  private readonly terms: string[];
  /** Each set's blocks in memory: a word's open block, a filter's every block. */
  private readonly sets: RowBits[];
  /** Each word's blocks written to the spill: block number → where. */
  private readonly spilled: Map<number, number>[];
  private readonly held: number[];
  /** How many of `terms` are words and phrases (the rest are filters). */
  private readonly words: number;
  /** Which of the words are phrases (`dense-phrases.ts`), kept from a threshold of their own. */
  private readonly phrase: boolean[];
  /** For each word, the last entry found to hold it. */
  private readonly marked: Float64Array;
  private readonly filterIndex = new Map<string, number>();
  private rowid = 0;
  /** The block of the entry added last. */
  private block = -1;
  /** The highest rowid added. */
  through = 0;

  /**
   * `words`: the dense words and phrases to look for in the entries' text (`chooseDenseWords`);
   * `spill`: where their finished blocks wait (in memory unless given), closed by `close()`.
   */
  constructor(
    words: readonly string[],
    private readonly spill: BlockSpill = memoryBlockSpill(),
  ) {
    this.vocabulary = new DenseVocabulary(words);
    this.terms = [...words];
    this.phrase = words.map(isPhraseTerm);
    this.sets = words.map(() => new Map());
    this.spilled = words.map(() => new Map());
    this.held = words.map(() => 0);
    this.words = words.length;
    this.marked = new Float64Array(words.length).fill(-1);
  }

  /** Adds an entry given its normalised text (sections, or all of it in one string). */
  add(rowid: number, sections: readonly string[]): void {
    this.through = Math.max(this.through, rowid);
    if (this.words === 0) return;
    const block = Math.floor(rowid / BLOCK_BITS);
    if (block !== this.block) this.moveTo(block);
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

  /**
   * The pass reaches another block: the words' blocks before it go to the spill; a block met
   * again (rowids out of order) comes back from it.
   */
  private moveTo(block: number): void {
    for (let i = 0; i < this.words; i += 1) {
      const set = this.sets[i] as RowBits;
      const spilled = this.spilled[i] as Map<number, number>;
      if (block > this.block)
        for (const [b, words] of set)
          if (b < block) {
            spilled.set(b, this.spill.put(blockBytes(words)));
            set.delete(b);
          }
      const back = spilled.get(block);
      if (back !== undefined) {
        set.set(block, blockFromBytes(this.spill.get(back)));
        spilled.delete(block);
      }
    }
    this.block = block;
  }

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

  /**
   * The words, phrases and filters held by at least their thresholds of entries, one at a time
   * (a set's blocks are read back from the spill as it is given).
   */
  *kept(thresholds: DenseThresholds): Generator<DenseSet> {
    // The sets given so far, by their size and a hash of their blocks.
    const given = new Map<string, number[]>();
    for (const [i, term] of this.terms.entries()) {
      const entries = this.held[i] as number;
      const threshold =
        i >= this.words
          ? thresholds.filters
          : this.phrase[i] === true
            ? thresholds.phrases
            : thresholds.words;
      if (entries < threshold) continue;
      const blocks = this.blocksOf(i);
      const key = `${entries}:${blocksHash(blocks)}`;
      const same = given.get(key)?.find((j) => sameBlocks(this.blocksOf(j), blocks));
      if (same !== undefined) {
        yield { term, entries, blocks, sameAs: this.terms[same] as string };
        continue;
      }
      given.set(key, [...(given.get(key) ?? []), i]);
      yield { term, entries, blocks };
    }
  }

  /** Frees what the builder holds: its spill (a file is removed). */
  close(): void {
    this.spill.close();
  }

  /** A set's blocks as bytes to store, ascending, from the spill and from memory. */
  private blocksOf(i: number): [number, Buffer][] {
    const out: [number, Buffer][] = [];
    for (const [block, at] of this.spilled[i] ?? []) out.push([block, this.spill.get(at)]);
    for (const [block, words] of this.sets[i] as RowBits) out.push([block, blockBytes(words)]);
    return out.sort((a, b) => a[0] - b[0]);
  }
}

/** A hash of a set's blocks (FNV-1a over block numbers and bytes), to find equal sets. */
function blocksHash(blocks: readonly [number, Buffer][]): number {
  let h = 0x811c9dc5;
  for (const [block, bytes] of blocks) {
    h = Math.imul(h ^ block, 0x01000193);
    for (let i = 0; i < bytes.length; i += 1) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  }
  return h >>> 0;
}

/** Whether two sets hold the same rowids (`blockBytes` writes equal blocks alike). */
function sameBlocks(a: readonly [number, Buffer][], b: readonly [number, Buffer][]): boolean {
  return (
    a.length === b.length &&
    a.every(([block, bytes], i) => {
      const other = b[i];
      return other !== undefined && other[0] === block && bytes.equals(other[1]);
    })
  );
}
