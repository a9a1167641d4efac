/**
 * Dense terms: the words most entries hold, kept as sets of rowids (bitmaps) beside the
 * positional index, so that counting them does not walk a position list per entry.
 *
 * A count of `ウクライナ` in a million entries that nearly all hold it reads four position
 * lists of a million entries each and lines them up (≈250 ms); the same count from a bitmap is
 * one pass over 125 KB. Which words are dense is learned from the archive itself: word-like
 * n-grams of 2–6 characters (kanji, katakana and other letters, no hiragana: `停戦`,
 * `ロシア軍`, `nato`, not `している` nor `停戦には`) held by a large share of a sample of entries,
 * and single such characters (`露`, `朝`: an index of characters lists each entry holding one,
 * a quarter of a million rows for `朝` in a million entries). An n-gram found (almost) only
 * inside a longer dense one (`ウクライ` in `ウクライナ`, `鮮` in `北朝鮮`) is left out: its set
 * would be the longer one's again. Phrases joined by kana (`支援を継続する`) get sets too, by
 * their own rule (`dense-phrases.ts`).
 *
 * Everything here is pure: texts in, terms and bits out. `../sqlite/dense-terms.ts` stores the
 * sets and `../sqlite/dense-count.ts` counts with them.
 */

import { KirinukiError } from '../../model/index.js';
import { pairSlot } from './pair-slot.js';
import { widened } from './typed-arrays.js';

/** Rowids per stored block of a set: 65,536 bits, 8 KiB. */
export const BLOCK_BITS = 1 << 16;
/** 32-bit words per block. */
export const BLOCK_WORDS = BLOCK_BITS / 32;

export interface DenseTermOptions {
  /** A term is dense when at least this many entries hold it… */
  minEntries: number;
  /** …and at least this share of all entries. */
  minShare: number;
  /** At most this many dense words of two or more characters (the most widely held kept). */
  maxTerms: number;
  /**
   * A phrase (`dense-phrases.ts`: `支援を継続する`) is dense from this share of all entries: its
   * count costs the index several times a word's per match…
   */
  phraseShare: number;
  /**
   * …and from this many entries: the index counts fewer matches of a phrase in tens of
   * milliseconds (about 1–2 µs each), and a set costs `optimize()` more than it saves there.
   */
  minPhraseEntries: number;
  /** At most this many dense phrases, the most widely held kept. */
  maxPhrases: number;
  /**
   * At most this many dense single characters, apart from the words: a few hundred kanji are in
   * most news texts, and they would crowd the words out of one budget.
   */
  maxChars: number;
  /**
   * A tag, author or speaker gets a set when at least `minEntries` and this share of all
   * entries have it: a few dozen such sets cost little, and are read from the tables at once.
   */
  minFilterShare: number;
}

export const DEFAULT_DENSE_TERM_OPTIONS: DenseTermOptions = {
  minEntries: 5000,
  minShare: 0.05,
  maxTerms: 512,
  phraseShare: 0.02,
  minPhraseEntries: 20_000,
  maxPhrases: 1536,
  maxChars: 128,
  minFilterShare: 0.01,
};

/** How many entries a word, a phrase and a filter must each have for a set. */
export interface DenseThresholds {
  words: number;
  phrases: number;
  filters: number;
}

/**
 * The thresholds of an archive of `entries` entries.
 *
 * @example
 * denseThresholds(1_000_000, DEFAULT_DENSE_TERM_OPTIONS); // { words: 50000, phrases: 20000, filters: 10000 }
 */
export function denseThresholds(entries: number, options: DenseTermOptions): DenseThresholds {
  return {
    words: denseThreshold(entries, options),
    phrases: phraseThreshold(entries, options),
    filters: denseThreshold(entries, options, options.minFilterShare),
  };
}

/**
 * The entries a phrase must be held by to be dense, in an archive of `entries`.
 *
 * @example
 * phraseThreshold(1_000_000, DEFAULT_DENSE_TERM_OPTIONS); // 20000
 */
export function phraseThreshold(entries: number, options: DenseTermOptions): number {
  return Math.max(options.minPhraseEntries, Math.ceil(options.phraseShare * entries));
}

/** Shortest and longest dense word, in characters (single characters are counted apart). */
const MIN_LENGTH = 2;
export const MAX_WORD_LENGTH = 6;
/** A term a longer dense term holds in at least this share of its entries is left out. */
const CONTAINED_SHARE = 0.95;

/**
 * The entries a term must be held by to be dense, in an archive of `entries`.
 *
 * @example
 * denseThreshold(1_000_000, DEFAULT_DENSE_TERM_OPTIONS); // 50000
 */
export function denseThreshold(
  entries: number,
  options: DenseTermOptions,
  share = options.minShare,
): number {
  return Math.max(options.minEntries, Math.ceil(share * entries));
}

/**
 * A sample's entries as rows of letter ids, -1 for anything that is not a letter and between
 * sections: what the miners of dense words and phrases read. (With each entry's letters as
 * strings, choosing from a sample of 4,000 news entries peaked at 320 MB RSS; 242 MB with ids in
 * a buffer per entry; 160 MB with one buffer and the texts decoded as they are read.)
 */
export interface SampleLetters {
  /** By entry: views of one buffer, one entry after another. */
  rows: Int32Array[];
  /** Each id's letter. */
  letterOf: string[];
}

/**
 * The sample's entries (each its normalised sections) as rows of letter ids. The sample is read
 * once, entry by entry: a caller that decodes each entry as it is asked for never holds the
 * sample's texts all at once.
 *
 * @example
 * sampleLetters([['露朝の会談'], ['停戦']]).rows[1]; // Int32Array [5, 6, -1]
 */
export function sampleLetters(sample: Iterable<readonly string[]>): SampleLetters {
  const ids = new Map<string, number>();
  const letterOf: string[] = [];
  let all = new Int32Array(1 << 16);
  let n = 0;
  const ends: number[] = [];
  for (const sections of sample) {
    for (const section of sections) {
      if (n + section.length + 1 > all.length)
        all = widened(all, Math.max(2 * all.length, n + section.length + 1));
      for (const c of section) {
        let id = -1;
        if (isLetter(c)) {
          id = ids.get(c) ?? -1;
          if (id < 0) {
            id = letterOf.push(c) - 1;
            ids.set(c, id);
          }
        }
        all[n] = id;
        n += 1;
      }
      all[n] = -1;
      n += 1;
    }
    ends.push(n);
  }
  const letters = all.slice(0, n);
  let start = 0;
  const rows = ends.map((end) => {
    const row = letters.subarray(start, end);
    start = end;
    return row;
  });
  return { rows, letterOf };
}

/**
 * How many entries of a sample hold each word-like n-gram, and each letter that may start one,
 * that at least `share` of them hold (asked a little below the threshold's share, so that
 * sampling does not miss a term near it), in a sample as `sampleLetters` gives it. Only n-grams
 * whose every pair of characters is that common are counted: an entry holding the n-gram holds
 * each of its pairs.
 *
 * @example
 * denseCandidates(sampleLetters([['露朝会談'], ['露朝の会談']]), 1);
 * // Map { '露朝' => 2, '会談' => 2, '露' => 2, '朝' => 2, '会' => 2, '談' => 2 }
 */
export function denseCandidates(sample: SampleLetters, share: number): Map<string, number> {
  const { rows, letterOf } = sample;
  const floor = Math.max(1, share * rows.length);
  const span = letterOf.length;
  const starts = Uint8Array.from(letterOf, (c) => (isWordStart(c) ? 1 : 0));
  const inWord = Uint8Array.from(letterOf, (c) => (isWordLetter(c) ? 1 : 0));
  // Entries holding each pair of letters (key first · span + second) and each word start.
  const pairs = new Map<number, number>();
  const singles = new Int32Array(span);
  const lastPair = new Map<number, number>();
  const lastSingle = new Int32Array(span).fill(-1);
  rows.forEach((row, e) => {
    for (let i = 0; i < row.length; i += 1) {
      const a = row[i] as number;
      if (a < 0) continue;
      if (starts[a] === 1 && lastSingle[a] !== e) {
        lastSingle[a] = e;
        singles[a] = (singles[a] as number) + 1;
      }
      const b = row[i + 1] ?? -1;
      if (b < 0) continue;
      const key = a * span + b;
      if (lastPair.get(key) === e) continue;
      lastPair.set(key, e);
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  });
  const common = new Set<number>();
  for (const [key, n] of pairs) if (n >= floor) common.add(key);
  const held = new Map<string, number>();
  for (const row of rows) {
    const seen = new Set<string>();
    // The word-like n-grams whose pairs are all common. Hiragana ends them: it spells particles
    // and endings (`ロシアの`, `停戦には`), which join words into phrases.
    for (let i = 0; i < row.length; i += 1) {
      const first = row[i] as number;
      if (first < 0 || starts[first] === 0) continue;
      let gram = letterOf[first] as string;
      for (let j = i + 1; j < row.length && j - i < MAX_WORD_LENGTH; j += 1) {
        const c = row[j] as number;
        if (c < 0 || inWord[c] === 0 || !common.has((row[j - 1] as number) * span + c)) break;
        gram += letterOf[c] as string;
        if (j - i + 1 >= MIN_LENGTH) seen.add(gram);
      }
    }
    for (const gram of seen) held.set(gram, (held.get(gram) ?? 0) + 1);
  }
  for (const [gram, n] of held) if (n < floor) held.delete(gram);
  singles.forEach((n, id) => {
    if (n >= floor) held.set(letterOf[id] as string, n);
  });
  return held;
}

const letters = new Map<string, boolean>();

/** A letter of a word (kanji, kana, Latin…), not a digit, mark or punctuation. */
export function isLetter(c: string): boolean {
  let is = letters.get(c);
  if (is === undefined) {
    is = /^\p{L}$/u.test(c);
    letters.set(c, is);
  }
  return is;
}

/** A letter of a dense word: not hiragana. */
export function isWordLetter(c: string): boolean {
  const cp = c.codePointAt(0) as number;
  return !(cp >= 0x3041 && cp <= 0x309f) && isLetter(c);
}

/** A letter a dense word or phrase may start with: not ー or 々, which continue a word. */
export function isWordStart(c: string): boolean {
  return c !== 'ー' && c !== '々' && isWordLetter(c);
}

/**
 * Which of the candidates are dense, given how many entries hold each: those held by at least
 * `threshold` entries, less those a longer dense term holds in nearly all their entries as a
 * piece cut out of a run of one script (`ウクライ` of `ウクライナ`, but not `ゼレンスキ` of
 * `ゼレンスキ大統領`), at most `maxTerms` words and `maxChars` single characters, the most
 * widely held first.
 *
 * @example
 * chooseDenseTerms(new Map([['ウクライナ', 990], ['ウクライ', 990], ['停戦', 400]]), 300, 10);
 * // ['ウクライナ', '停戦']
 */
export function chooseDenseTerms(
  held: ReadonlyMap<string, number>,
  threshold: number,
  maxTerms: number,
  maxChars = 0,
): string[] {
  const dense = [...held].filter(([, n]) => n >= threshold);
  // Longest first, so that a term is compared with the longer ones already kept.
  dense.sort((a, b) => b[0].length - a[0].length || b[1] - a[1]);
  const kept: [string, number][] = [];
  for (const [term, n] of dense) {
    const within = kept.some(
      ([longer, m]) => m >= CONTAINED_SHARE * n && cutsWithinRun(longer, term),
    );
    if (!within) kept.push([term, n]);
  }
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const single = ([term]: [string, number]): boolean => Array.from(term).length === 1;
  const chosen = [
    ...kept.filter((t) => !single(t)).slice(0, maxTerms),
    ...kept.filter(single).slice(0, maxChars),
  ];
  return chosen.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([term]) => term);
}

/**
 * Whether `term` stands in `longer` only as a piece cut out of a run of one script (`ウクライ`
 * of `ウクライナ`, `大統` of `大統領`) — not as a word that a change of script bounds, which
 * people search for by itself (`ゼレンスキ` of `ゼレンスキ大統領`).
 */
function cutsWithinRun(longer: string, term: string): boolean {
  if (!longer.includes(term)) return false;
  const chars = Array.from(longer);
  const piece = Array.from(term);
  for (let at = 0; at + piece.length <= chars.length; at += 1) {
    if (piece.some((c, i) => chars[at + i] !== c)) continue;
    const before = chars[at - 1];
    const after = chars[at + piece.length];
    const cutBefore = before !== undefined && script(before) === script(piece[0] as string);
    const cutAfter = after !== undefined && script(after) === script(piece.at(-1) as string);
    if (!cutBefore && !cutAfter) return false;
  }
  return true;
}

/** The script a letter belongs to, as far as word boundaries go. */
function script(c: string): 'kanji' | 'katakana' | 'hiragana' | 'other' {
  const cp = c.codePointAt(0) as number;
  if (cp >= 0x3041 && cp <= 0x309f) return 'hiragana';
  if ((cp >= 0x30a0 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff)) return 'katakana';
  if (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    cp >= 0x20000 ||
    cp === 0x3005
  )
    return 'kanji';
  return 'other';
}

/**
 * Finds which of a list of terms a text holds, in one pass: an Aho–Corasick automaton over the
 * terms' UTF-16 units, read one unit at a time (the trie walked from every position, its edges
 * in a Map, took 1.4 times as long over 20,000 of the benchmark's entries and its 721 terms);
 * terms of one unit are looked up in a table of their own.
 */
export class DenseVocabulary {
  /**
   * Child of a trie node by unit, in an open-addressing table (with a Map, the walk of the trie
   * took about a fifth longer): slot `h` holds the edge from `edgeNode[h]` (-1: empty) by `edgeUnit[h]` to
   * `edgeChild[h]`. The root is node 0.
   */
  private readonly edgeNode: Int32Array;
  private readonly edgeUnit: Uint16Array;
  private readonly edgeChild: Int32Array;
  /** 32 − log2 of the table's size: a slot is the top bits of the edge's hash. */
  private readonly shift: number;
  /** The root's children by unit (0: none), in a table: every walk starts there. */
  private readonly rootChildren = new Int32Array(0x10000);
  /** For each node, the index + 1 of the term ending there (0: none). */
  private readonly ends: Int32Array;
  /**
   * For each node, the node of its longest proper suffix in the trie (Aho–Corasick's failure
   * link), and the nearest node on that chain where a term ends (0: none): the text is read
   * once, one unit at a time, instead of a walk from every position.
   */
  private readonly fail: Int32Array;
  private readonly output: Int32Array;
  /** For a term of one UTF-16 unit, its index + 1, by that unit (0: none). */
  private readonly single = new Uint32Array(0x10000);
  private readonly hasSingles: boolean;
  private readonly hasLonger: boolean;

  /** `terms[i]` is reported as `i`. */
  constructor(readonly terms: readonly string[]) {
    let singles = false;
    let longer = false;
    const ends: number[] = [0];
    // Built as a Map keyed `node · 2^16 + unit`, then laid out in the table.
    const children = new Map<number, number>();
    terms.forEach((term, index) => {
      if (term.length === 1) {
        this.single[term.charCodeAt(0)] = index + 1;
        singles = true;
        return;
      }
      longer = true;
      let node = 0;
      for (let i = 0; i < term.length; i += 1) {
        const key = node * 0x10000 + term.charCodeAt(i);
        let child = children.get(key);
        if (child === undefined) {
          child = ends.length;
          ends.push(0);
          children.set(key, child);
          if (node === 0) this.rootChildren[term.charCodeAt(i)] = child;
        }
        node = child;
      }
      ends[node] = index + 1;
    });
    this.ends = Int32Array.from(ends);
    this.hasSingles = singles;
    this.hasLonger = longer;
    // At most half full, so a miss ends within a few slots.
    const bits = Math.max(4, Math.ceil(Math.log2(2 * children.size + 1)));
    this.shift = 32 - bits;
    this.edgeNode = new Int32Array(1 << bits).fill(-1);
    this.edgeUnit = new Uint16Array(1 << bits);
    this.edgeChild = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    for (const [key, child] of children) {
      const node = Math.floor(key / 0x10000);
      const unit = key % 0x10000;
      let h = pairSlot(node, unit, this.shift);
      while (this.edgeNode[h] !== -1) h = (h + 1) & mask;
      this.edgeNode[h] = node;
      this.edgeUnit[h] = unit;
      this.edgeChild[h] = child;
    }
    [this.fail, this.output] = this.links(children);
  }

  /** The failure and output links, breadth first from the root. */
  private links(children: ReadonlyMap<number, number>): [Int32Array, Int32Array] {
    const nodes = this.ends.length;
    const fail = new Int32Array(nodes);
    const output = new Int32Array(nodes);
    // Each node's edges, to visit them breadth first.
    const edges: [unit: number, child: number][][] = Array.from({ length: nodes }, () => []);
    for (const [key, child] of children)
      edges[Math.floor(key / 0x10000)]?.push([key % 0x10000, child]);
    const queue: number[] = [0];
    for (let at = 0; at < queue.length; at += 1) {
      const node = queue[at] as number;
      for (const [unit, child] of edges[node] ?? []) {
        queue.push(child);
        let f = node === 0 ? -1 : (fail[node] as number);
        let to = 0;
        while (f >= 0) {
          const c = this.child(f, unit);
          if (c >= 0) {
            to = c;
            break;
          }
          f = f === 0 ? -1 : (fail[f] as number);
        }
        fail[child] = to;
        output[child] = this.ends[to] !== 0 ? to : (output[to] as number);
      }
    }
    return [fail, output];
  }

  /** The child of `node` by `unit`, or -1. */
  private child(node: number, unit: number): number {
    const { edgeNode } = this;
    const mask = edgeNode.length - 1;
    for (let h = pairSlot(node, unit, this.shift); ; h = (h + 1) & mask) {
      const at = edgeNode[h] as number;
      if (at === node && this.edgeUnit[h] === unit) return this.edgeChild[h] as number;
      if (at === -1) return -1;
    }
  }

  /**
   * Adds the indexes of the terms that `text` holds to `into`.
   *
   * @example
   * const v = new DenseVocabulary(['停戦', 'ロシア']);
   * const found = new Set<number>();
   * v.termsIn('ロシアは停戦を拒んだ', found); // found: {1, 0}
   */
  termsIn(text: string, into: { add(index: number): unknown }): void {
    if (this.hasSingles) this.singlesIn(text, into);
    if (!this.hasLonger) return;
    const { rootChildren, ends, fail, output } = this;
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      // Down an edge if there is one; else along the failure links (at the root, stay there).
      for (;;) {
        const next = state === 0 ? (rootChildren[unit] as number) : this.child(state, unit);
        if (next > 0) {
          state = next;
          break;
        }
        if (state === 0) break;
        state = fail[state] as number;
      }
      for (let at = ends[state] !== 0 ? state : (output[state] as number); at !== 0;) {
        into.add((ends[at] as number) - 1);
        at = output[at] as number;
      }
    }
  }

  /** The terms of one unit in `text`: a pass of its own, one table lookup per unit. */
  private singlesIn(text: string, into: { add(index: number): unknown }): void {
    const { single } = this;
    for (let i = 0; i < text.length; i += 1) {
      const index = single[text.charCodeAt(i)] as number;
      if (index !== 0) into.add(index - 1);
    }
  }
}

/**
 * The number of bits set in a 32-bit word.
 *
 * @example
 * popcount32(0b1011); // 3
 */
export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** A set of rowids as blocks of bits, block `b` holding rowids `b·BLOCK_BITS …`. */
export type RowBits = Map<number, Uint32Array>;

/**
 * Sets the bit of `rowid`.
 *
 * @example
 * const bits: RowBits = new Map();
 * setRow(bits, 70000); // block 1, bit 4464
 */
export function setRow(bits: RowBits, rowid: number): void {
  const block = Math.floor(rowid / BLOCK_BITS);
  let words = bits.get(block);
  if (!words) {
    words = new Uint32Array(BLOCK_WORDS);
    bits.set(block, words);
  }
  const at = rowid - block * BLOCK_BITS;
  words[at >>> 5] = ((words[at >>> 5] as number) | (1 << (at & 31))) >>> 0;
}

/**
 * Whether `rowid` is in the set.
 *
 * @example
 * hasRow(bits, 70000); // true after setRow(bits, 70000)
 */
export function hasRow(bits: RowBits, rowid: number): boolean {
  const block = Math.floor(rowid / BLOCK_BITS);
  const words = bits.get(block);
  if (!words) return false;
  const at = rowid - block * BLOCK_BITS;
  return (((words[at >>> 5] as number) >>> (at & 31)) & 1) === 1;
}

/**
 * A query over dense sets: every `all` set holds the rowid (each given as alternatives, any of
 * which may), and no `none` set does.
 */
export interface DenseCondition {
  all: readonly (readonly RowBits[])[];
  none: readonly RowBits[];
}

/**
 * Whether a rowid meets a condition.
 *
 * @example
 * meetsDense({ all: [[ukraine]], none: [truce] }, 7);
 */
export function meetsDense(c: DenseCondition, rowid: number): boolean {
  for (const alternatives of c.all) if (!alternatives.some((b) => hasRow(b, rowid))) return false;
  return !c.none.some((b) => hasRow(b, rowid));
}

/**
 * How many rowids meet a condition with at least one `all` set, less those in `skip`.
 *
 * @example
 * countDense({ all: [[ukraine], [truce]], none: [] }, new Set()); // entries holding both
 */
export function countDense(c: DenseCondition, skip: ReadonlySet<number>): number {
  if (c.all.length === 0)
    throw new KirinukiError('archive', 'a dense count needs a set every counted row is in');
  const blocks = new Set<number>();
  for (const b of c.all[0] ?? []) for (const block of b.keys()) blocks.add(block);
  const words = new Uint32Array(BLOCK_WORDS);
  let count = 0;
  for (const block of blocks) {
    if (!combineBlock(c, block, words)) continue;
    for (let i = 0; i < BLOCK_WORDS; i += 1) count += popcount32(words[i] as number);
  }
  for (const rowid of skip) if (meetsDense(c, rowid)) count -= 1;
  return count;
}

/**
 * The highest `limit` rowids that meet a condition with at least one `all` set, highest first:
 * the newest matches, read from the sets without touching an entry.
 *
 * @example
 * newestDense({ all: [[ukraine]], none: [] }, 300); // [999812, 999807, …]
 */
export function newestDense(c: DenseCondition, limit: number): number[] {
  if (c.all.length === 0)
    throw new KirinukiError('archive', 'a dense listing needs a set every listed row is in');
  const blocks = new Set<number>();
  for (const b of c.all[0] ?? []) for (const block of b.keys()) blocks.add(block);
  const words = new Uint32Array(BLOCK_WORDS);
  const out: number[] = [];
  for (const block of [...blocks].sort((a, b) => b - a)) {
    if (out.length >= limit) break;
    if (!combineBlock(c, block, words)) continue;
    for (let i = BLOCK_WORDS - 1; i >= 0 && out.length < limit; i -= 1) {
      let w = words[i] as number;
      while (w !== 0 && out.length < limit) {
        const bit = 31 - Math.clz32(w);
        out.push(block * BLOCK_BITS + i * 32 + bit);
        w &= ~(1 << bit);
      }
    }
  }
  return out;
}

/** The condition's bits of one block into `out`; false when none can be set. */
function combineBlock(c: DenseCondition, block: number, out: Uint32Array): boolean {
  let first = true;
  for (const alternatives of c.all) {
    const present = alternatives.map((b) => b.get(block)).filter((w) => w !== undefined);
    if (present.length === 0) return false;
    for (let i = 0; i < BLOCK_WORDS; i += 1) {
      let any = 0;
      for (const w of present) any |= w[i] as number;
      out[i] = first ? any : (out[i] as number) & any;
    }
    first = false;
  }
  for (const b of c.none) {
    const w = b.get(block);
    if (w) for (let i = 0; i < BLOCK_WORDS; i += 1) out[i] = (out[i] as number) & ~(w[i] as number);
  }
  return true;
}

/**
 * A block's bits as bytes to store. A block of fewer than 4,096 rowids is stored as their
 * offsets (16-bit, ascending), as a roaring bitmap's array container: fewer bytes than the
 * 8 KiB of bits (a phrase or filter a few percent of entries have fills a block to a few
 * percent). Fuller blocks are the bits themselves, little-endian 32-bit words as every platform
 * Node runs on keeps them; the two are told apart by their length.
 *
 * @example
 * blockBytes(new Uint32Array(BLOCK_WORDS).fill(0xffffffff)).length; // 8192
 * blockBytes(bitsOf([3, 70])).length; // 4: two offsets
 */
export function blockBytes(words: Uint32Array): Buffer {
  let count = 0;
  for (let i = 0; i < BLOCK_WORDS; i += 1) count += popcount32(words[i] as number);
  if (2 * count >= 4 * BLOCK_WORDS)
    return Buffer.from(words.buffer, words.byteOffset, 4 * BLOCK_WORDS);
  const out = Buffer.alloc(2 * count);
  let at = 0;
  for (let i = 0; i < BLOCK_WORDS; i += 1) {
    let w = words[i] as number;
    while (w !== 0) {
      const bit = 31 - Math.clz32(w & -w);
      out.writeUInt16LE(i * 32 + bit, at);
      at += 2;
      w &= w - 1;
    }
  }
  return out;
}

/**
 * A stored block read back (either form `blockBytes` writes): copied, since the bytes a driver
 * hands back need not be aligned for 32-bit words.
 *
 * @example
 * blockFromBytes(blockBytes(words)); // equal to words
 */
export function blockFromBytes(bytes: Uint8Array): Uint32Array {
  const words = new Uint32Array(BLOCK_WORDS);
  if (bytes.length >= 4 * BLOCK_WORDS) {
    new Uint8Array(words.buffer).set(bytes.subarray(0, 4 * BLOCK_WORDS));
    return words;
  }
  for (let at = 0; at + 1 < bytes.length; at += 2) {
    const offset = (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
    words[offset >>> 5] = ((words[offset >>> 5] as number) | (1 << (offset & 31))) >>> 0;
  }
  return words;
}
