import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileBlockSpill } from '../block-spill.js';
import { chooseDenseWords, DenseSetBuilder, memoryBlockSpill } from './dense-set-builder.js';
import { BLOCK_BITS, blockFromBytes, DEFAULT_DENSE_TERM_OPTIONS } from './dense-terms.js';

const thresholds = { words: 3, phrases: 2, filters: 1 };

describe('collecting the dense sets', () => {
  it('keeps words, phrases and filters each from its own threshold', () => {
    const b = new DenseSetBuilder(['停戦', '停戦に応じない']);
    b.add(1, ['ロシアは停戦に応じない']);
    b.add(2, ['停戦に応じない考え']);
    b.add(5, ['会談']);
    b.addFilterRow('tag:露朝', 5);
    const kept = [...b.kept(thresholds)].map((s) => [s.term, s.entries]);
    // The word is held by 2 entries, under its threshold of 3; the phrase by 2, at its own.
    expect(kept).toEqual([
      ['停戦に応じない', 2],
      ['tag:露朝', 1],
    ]);
  });

  it('gives a set with exactly the entries of one before as the same set', () => {
    const b = new DenseSetBuilder(['前線の状況を説明', '線の状況を説明した', 'ロシアは']);
    for (const rowid of [3, 70_000, 70_001])
      b.add(rowid, ['司令官は前線の状況を説明した', rowid === 3 ? 'ロシアは' : '']);
    b.add(9, ['ロシアは拒んだ']);
    b.add(70_002, ['ロシアは応じない']);
    const kept = [...b.kept(thresholds)];
    expect(kept.map((s) => [s.term, s.entries, s.sameAs])).toEqual([
      ['前線の状況を説明', 3, undefined],
      ['線の状況を説明した', 3, '前線の状況を説明'],
      // As many entries, other ones: a set of its own.
      ['ロシアは', 3, undefined],
    ]);
  });
});

describe('choosing the words from a sample', () => {
  it('chooses from a sample read once, as from one held whole', () => {
    const sample = Array.from({ length: 40 }, (_, i) => [
      i % 2 === 0 ? 'ロシアは支援を継続すると述べた' : 'ウクライナ巡り協議。支援を継続する',
      `会談${i}`,
    ]);
    const options = { ...DEFAULT_DENSE_TERM_OPTIONS, minEntries: 10, minPhraseEntries: 10 };
    const whole = chooseDenseWords(sample, 400, options);
    function* once(): Generator<string[]> {
      yield* sample;
    }
    expect(whole).toContain('支援を継続する');
    expect(chooseDenseWords(once(), 400, options)).toEqual(whole);
  });
});

describe('the sets as the pass leaves their blocks behind', () => {
  /** Rowids of a stored set, read back from its blocks. */
  const rowidsOf = (blocks: [number, Buffer][]): number[] =>
    blocks.flatMap(([block, bytes]) => {
      const words = blockFromBytes(bytes);
      const out: number[] = [];
      for (let i = 0; i < BLOCK_BITS; i += 1)
        if (((words[i >>> 5] as number) >>> (i & 31)) & 1) out.push(block * BLOCK_BITS + i);
      return out;
    });

  it('gives the same sets in rowid order, out of order, spilled to a file or kept in memory', () => {
    const words = ['停戦', 'ロシア', '支援を継続', '会談'];
    const texts = ['ロシアは停戦を拒んだ', '支援を継続する', '会談の後ロシアは支援を継続', '雨'];
    // Rowids over five blocks, some blocks dense (bits), some sparse (offsets).
    const entries: [number, string][] = [];
    for (let i = 0; i < 6000; i += 1) {
      const block = i % 5;
      const rowid = block * BLOCK_BITS + ((i * 7919) % (block === 2 ? 60_000 : 9000)) + 1;
      entries.push([rowid, texts[(i * 31) % texts.length] as string]);
    }
    const unique = [...new Map(entries).entries()];
    const expected = words.map((w) =>
      unique
        .filter(([, t]) => t.includes(w))
        .map(([r]) => r)
        .sort((a, b) => a - b),
    );
    const ascending = [...unique].sort((a, b) => a[0] - b[0]);
    // Blocks in turn, then back to earlier ones and forward again.
    const shuffled = [...unique].sort(
      (a, b) => ((a[0] * 13) % 7) - ((b[0] * 13) % 7) || a[0] - b[0],
    );
    const dir = mkdtempSync(join(tmpdir(), 'kirinuki-spill-'));
    try {
      for (const [order, spill] of [
        [ascending, fileBlockSpill(dir)],
        [shuffled, fileBlockSpill(dir)],
        [shuffled, memoryBlockSpill()],
      ] as const) {
        const b = new DenseSetBuilder(words, spill);
        for (const [rowid, text] of order) b.add(rowid, [text]);
        const kept = [...b.kept({ words: 1, phrases: 1, filters: 1 })];
        b.close();
        expect(kept.map((s) => s.term)).toEqual(words);
        kept.forEach((s, i) => {
          expect(s.entries).toBe(expected[i]?.length);
          expect(s.blocks.map(([block]) => block)).toEqual([
            ...new Set(expected[i]?.map((r) => Math.floor(r / BLOCK_BITS))),
          ]);
          expect(rowidsOf(s.blocks)).toEqual(expected[i]);
        });
        // '支援を継続' and '会談' are in the same entries only where both are: not the same set.
        expect(kept.every((s) => s.sameAs === undefined)).toBe(true);
      }
      // The spill files are gone as soon as they were opened.
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
