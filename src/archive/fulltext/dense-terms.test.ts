import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../../test/support/seeded-random.js';
import {
  BLOCK_BITS,
  blockBytes,
  blockFromBytes,
  chooseDenseTerms,
  countDense,
  denseCandidates,
  denseThreshold,
  denseThresholds,
  DenseVocabulary,
  hasRow,
  meetsDense,
  newestDense,
  popcount32,
  sampleLetters,
  setRow,
  type RowBits,
} from './dense-terms.js';

/** The miner on a sample of normalised sections, as the archive gives it one. */
const wordsOf = (sample: readonly (readonly string[])[], share: number): Map<string, number> =>
  denseCandidates(sampleLetters(sample), share);

describe('the sample as rows of letter ids', () => {
  it('numbers letters as first met, one id per code point, -1 for the rest and between sections', () => {
    const { rows, letterOf } = sampleLetters([['露朝、𠮷', '露'], ['a1朝']]);
    expect(letterOf).toEqual(['露', '朝', '𠮷', 'a']);
    expect([...(rows[0] ?? [])]).toEqual([0, 1, -1, 2, -1, 0, -1]);
    expect([...(rows[1] ?? [])]).toEqual([3, -1, 1, -1]);
  });

  it('reads the sample once, entry by entry, into one buffer', () => {
    const sample = [['露朝、𠮷', '露'], ['a1朝'], ['']];
    let read = 0;
    function* entries(): Generator<string[]> {
      for (const sections of sample) {
        read += 1;
        yield sections;
      }
    }
    const { rows, letterOf } = sampleLetters(entries());
    expect(read).toBe(3);
    expect(rows.map((row) => [...row])).toEqual(sampleLetters(sample).rows.map((row) => [...row]));
    expect(letterOf).toEqual(['露', '朝', '𠮷', 'a']);
    // Views of one buffer, one entry after another.
    expect(new Set(rows.map((row) => row.buffer)).size).toBe(1);
    expect(rows.map((row) => row.byteOffset / 4)).toEqual([0, 7, 11]);
  });

  it('keeps a pair from being counted across two sections', () => {
    // 露 ends one section and 朝 starts the next: no entry holds the pair 露朝.
    const held = wordsOf(
      [
        ['露', '朝'],
        ['露', '朝'],
      ],
      1,
    );
    expect(held.has('露朝')).toBe(false);
    expect(held.get('露')).toBe(2);
  });
});

describe('which n-grams a sample suggests', () => {
  it('counts word-like n-grams by the entries holding them, not by occurrences', () => {
    const held = wordsOf([['露朝会談と露朝会談'], ['露朝の会談'], ['停戦']], 0.5);
    expect(held.get('露朝')).toBe(2);
    expect(held.get('会談')).toBe(2);
    // Held by one entry of three: below the share asked for.
    expect(held.has('露朝会談')).toBe(false);
    expect(held.has('停戦')).toBe(false);
  });

  it('leaves out n-grams with hiragana, digits or punctuation', () => {
    const sample = Array.from({ length: 4 }, () => ['ロシアは2024年、停戦を拒んだ。']);
    const held = [...wordsOf(sample, 1).keys()];
    expect(held).toContain('ロシア');
    expect(held).toContain('停戦');
    expect(held.some((g) => /[ぁ-ゟ]/u.test(g))).toBe(false);
    expect(held.some((g) => /[0-9、。]/u.test(g))).toBe(false);
    expect(held.every((g) => [...g].length >= 1 && [...g].length <= 6)).toBe(true);
    // Single letters that may start a word: not a long vowel mark, which continues one.
    expect(held).toEqual(expect.arrayContaining(['ロ', '停', '戦']));
    expect(held).not.toContain('は');
  });

  it('counts single letters by the entries holding them', () => {
    const held = wordsOf([['露朝と露'], ['露の会談'], ['停戦ー']], 0.5);
    expect(held.get('露')).toBe(2);
    expect(held.has('停')).toBe(false);
    expect(held.has('ー')).toBe(false);
  });

  it('finds what a brute-force count of every word-like n-gram finds', () => {
    const next = random(7);
    const alphabet = [...'ロシア停戦の'];
    const sample = Array.from({ length: 60 }, () => [
      Array.from({ length: 60 }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    ]);
    const brute = new Map<string, number>();
    for (const [text] of sample) {
      const grams = new Set<string>();
      for (let i = 0; i < (text as string).length; i += 1)
        for (let n = 1; n <= 6; n += 1) {
          const g = (text as string).slice(i, i + n);
          if (g.length === n && !g.includes('の')) grams.add(g);
        }
      for (const g of grams) brute.set(g, (brute.get(g) ?? 0) + 1);
    }
    const expected = [...brute].filter(([, n]) => n >= 18).sort();
    expect([...wordsOf(sample, 0.3)].sort()).toEqual(expected);
    expect(expected.some(([g]) => g.length >= 3)).toBe(true);
  });
});

describe('choosing the dense terms', () => {
  it('keeps terms over the threshold, most widely held first, at most maxTerms', () => {
    const held = new Map([
      ['停戦', 500],
      ['会談', 700],
      ['露朝', 100],
    ]);
    expect(chooseDenseTerms(held, 300, 10)).toEqual(['会談', '停戦']);
    expect(chooseDenseTerms(held, 300, 1)).toEqual(['会談']);
  });

  it('leaves out a term a longer one holds in nearly all its entries', () => {
    const held = new Map([
      ['ウクライナ', 990],
      ['ウクライ', 995],
      ['ライナ', 2000],
    ]);
    expect(chooseDenseTerms(held, 300, 10)).toEqual(['ライナ', 'ウクライナ']);
  });

  it('keeps single characters in a budget of their own', () => {
    const held = new Map([
      ['露', 900],
      ['朝', 800],
      ['会談', 700],
      ['停戦', 500],
    ]);
    expect(chooseDenseTerms(held, 300, 1, 1)).toEqual(['露', '会談']);
    expect(chooseDenseTerms(held, 300, 2)).toEqual(['会談', '停戦']);
    expect(chooseDenseTerms(held, 300, 0, 5)).toEqual(['露', '朝']);
  });

  it('leaves out a character a longer word holds within its run, not one a script bounds', () => {
    const held = new Map([
      ['北朝鮮', 990],
      ['鮮', 995],
      ['ロシア軍', 990],
      ['軍', 995],
    ]);
    expect(chooseDenseTerms(held, 300, 10, 10).sort()).toEqual(['ロシア軍', '北朝鮮', '軍']);
  });

  it('keeps a word that a change of script bounds inside the longer one', () => {
    const held = new Map([
      ['ゼレンスキ大統領', 990],
      ['ゼレンスキ', 1000],
      ['大統', 995],
      ['大統領', 995],
    ]);
    expect(chooseDenseTerms(held, 300, 10).sort()).toEqual([
      'ゼレンスキ',
      'ゼレンスキ大統領',
      '大統領',
    ]);
  });

  it('asks for a share of the archive and a floor of entries', () => {
    const options = {
      minEntries: 5000,
      minShare: 0.05,
      maxTerms: 256,
      maxChars: 64,
      minFilterShare: 0.01,
      phraseShare: 0.02,
      minPhraseEntries: 20_000,
      maxPhrases: 512,
    };
    expect(denseThreshold(1_000_000, options)).toBe(50_000);
    expect(denseThreshold(20_000, options)).toBe(5000);
    // Phrases from a lower share, but only where the index would count them slowly.
    expect(denseThresholds(1_000_000, options)).toEqual({
      words: 50_000,
      phrases: 20_000,
      filters: 10_000,
    });
    expect(denseThresholds(100_000, options)).toEqual({
      words: 5000,
      phrases: 20_000,
      filters: 5000,
    });
  });
});

describe('finding the terms a text holds', () => {
  it('finds every term, overlapping ones and ones after a surrogate pair included', () => {
    const v = new DenseVocabulary(['ロシア', 'シア軍', '停戦', '𠮷野', 'nato', '軍', '戦', '𠮷']);
    const found = new Set<number>();
    v.termsIn('𠮷野でロシア軍とnatoが停戦', found);
    expect([...found].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const none = new Set<number>();
    v.termsIn('ロシ ア停', none);
    expect(none.size).toBe(0);
  });

  it.each([
    // A few terms, singles among them; then thousands sharing their starts (the automaton's
    // failure links across long overlaps).
    {
      seed: 11,
      letters: 'ロシア停戦会談軍のは',
      terms: 30,
      shortest: 1,
      longest: 5,
      length: 30,
      texts: 200,
    },
    {
      seed: 12,
      letters: 'ロシア停戦会談軍のはウクライナ支援継続する大統領',
      terms: 4000,
      shortest: 2,
      longest: 8,
      length: 200,
      texts: 100,
    },
  ])(
    'agrees with includes() on random texts ($terms terms)',
    ({ seed, letters, terms: count, shortest, longest, length, texts }) => {
      const next = random(seed);
      const alphabet = [...letters];
      const text = (n: number): string =>
        Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const terms = [
        ...new Set(
          Array.from({ length: count }, () =>
            text(shortest + Math.floor(next() * (longest - shortest + 1))),
          ),
        ),
      ];
      const v = new DenseVocabulary(terms);
      let held = 0;
      for (let i = 0; i < texts; i += 1) {
        const t = text(length);
        const found = new Set<number>();
        v.termsIn(t, found);
        const expected = terms.flatMap((term, index) => (t.includes(term) ? [index] : []));
        expect([...found].sort((a, b) => a - b)).toEqual(expected);
        held += expected.length;
      }
      expect(held).toBeGreaterThan(texts);
      if (shortest === 1) expect(terms.some((t) => t.length === 1)).toBe(true);
    },
  );
});

describe('sets of rowids', () => {
  it('counts bits as a loop over them does', () => {
    const next = random(3);
    for (let i = 0; i < 1000; i += 1) {
      const x = Math.floor(next() * 2 ** 32) >>> 0;
      let naive = 0;
      for (let b = 0; b < 32; b += 1) naive += (x >>> b) & 1;
      expect(popcount32(x)).toBe(naive);
    }
    expect(popcount32(0xffffffff)).toBe(32);
  });

  it('combines and counts sets as a brute-force check of each rowid does', () => {
    const next = random(5);
    const max = 3 * BLOCK_BITS;
    const sets: Set<number>[] = [];
    const bits: RowBits[] = [];
    for (let s = 0; s < 4; s += 1) {
      const rows = new Set<number>();
      const b: RowBits = new Map();
      // Dense in one block, sparse in another, absent from the third.
      for (let i = 0; i < 40_000; i += 1) {
        const rowid =
          s === 3
            ? 2 * BLOCK_BITS + Math.floor(next() * BLOCK_BITS)
            : Math.floor(next() * 2 * BLOCK_BITS);
        rows.add(rowid);
        setRow(b, rowid);
      }
      sets.push(rows);
      bits.push(b);
    }
    const [a, b, c, d] = bits as [RowBits, RowBits, RowBits, RowBits];
    const [sa, sb, sc, sd] = sets as [Set<number>, Set<number>, Set<number>, Set<number>];
    const skip = new Set([1, 2, 3, BLOCK_BITS + 5, 2 * BLOCK_BITS + 9]);
    const condition = { all: [[a], [b, d]], none: [c] };
    let expected = 0;
    for (let rowid = 0; rowid < max; rowid += 1) {
      const meets = sa.has(rowid) && (sb.has(rowid) || sd.has(rowid)) && !sc.has(rowid);
      expect(hasRow(a, rowid)).toBe(sa.has(rowid));
      if (rowid % 97 === 0) expect(meetsDense(condition, rowid)).toBe(meets);
      if (meets && !skip.has(rowid)) expected += 1;
    }
    expect(countDense(condition, skip)).toBe(expected);
    expect(expected).toBeGreaterThan(1000);
    // The highest rowids that meet it, highest first, as the same scan finds them.
    const newest: number[] = [];
    for (let rowid = max - 1; rowid >= 0 && newest.length < 2000; rowid -= 1)
      if (sa.has(rowid) && (sb.has(rowid) || sd.has(rowid)) && !sc.has(rowid)) newest.push(rowid);
    expect(newestDense(condition, 2000)).toEqual(newest);
    expect(newestDense(condition, 10)).toEqual(newest.slice(0, 10));
    expect(newestDense(condition, 1_000_000)).toHaveLength(countDense(condition, new Set()));
  });

  it('stores a block as bytes and reads it back from unaligned bytes', () => {
    const next = random(11);
    // A sparse block (offsets), one just short of the switch, and full ones (bits).
    for (const size of [5, 4095, 4096, 30_000]) {
      const rowids = new Set<number>([0, 31, 32, 4097, BLOCK_BITS - 1]);
      while (rowids.size < size) rowids.add(Math.floor(next() * BLOCK_BITS));
      const bits: RowBits = new Map();
      for (const rowid of rowids) setRow(bits, rowid);
      const bytes = blockBytes(bits.get(0) as Uint32Array);
      expect(bytes.length).toBe(size < 4096 ? 2 * size : BLOCK_BITS / 8);
      // One byte in: a driver's buffer may start anywhere.
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      const words = blockFromBytes(shifted.subarray(1));
      expect(words).toEqual(bits.get(0));
      const read: RowBits = new Map([[0, words]]);
      for (const rowid of [0, 31, 32, 4097, BLOCK_BITS - 1]) expect(hasRow(read, rowid)).toBe(true);
      expect(countDense({ all: [[read]], none: [] }, new Set())).toBe(size);
    }
  });
});
