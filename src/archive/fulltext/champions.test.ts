import { describe, expect, it } from 'vitest';
import { isIndexable } from './bigram-tokens.js';
import { SECTION_WEIGHTS } from './bm25.js';
import {
  ChampionCollector,
  type ChampionCollectorOptions,
  type ChampionList,
} from './champions.js';
import { recencyFactor, termImpact } from './ranking.js';

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Kana, kanji, ASCII letters and punctuation, a space, a character outside the BMP, a control.
const NARROW = [...'ロシアの停戦をはがa1-. 𠮷露\u0007'];
// Enough characters for tens of thousands of pairs: the key table grows several times.
const WIDE = [
  ...NARROW,
  ...Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7)),
  ...Array.from({ length: 20 }, (_, i) => String.fromCodePoint(0x20000 + i)),
];

interface Entry {
  rowid: number;
  date: string;
  sections: { post: string; body: string; summary: string };
}

/** Each key's weighted frequency in an entry, counted the plain way: runs, then characters and pairs. */
function frequencies(e: Entry): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (key: string, w: number): void => void tf.set(key, (tf.get(key) ?? 0) + w);
  for (const name of ['post', 'body', 'summary'] as const) {
    const chars = [...e.sections[name]];
    chars.forEach((c, i) => {
      const counted = (x: string | undefined): boolean => {
        const cp = x?.codePointAt(0) ?? 0;
        return (cp >= 0x3001 && cp <= 0x9fff) || isIndexable(cp);
      };
      if (!counted(c)) return;
      add(c, SECTION_WEIGHTS[name]);
      const before = chars[i - 1];
      if (i > 0 && counted(before)) add(`${before}${c}`, SECTION_WEIGHTS[name]);
    });
  }
  return tf;
}

/** Random entries over an alphabet: short posts and summaries, bodies up to `bodies` long. */
function randomEntries(seed: number, alphabet: string[], bodies: number, count = 300): Entry[] {
  const next = random(seed);
  const text = (n: number): string =>
    Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  return Array.from({ length: count }, (_, i) => ({
    rowid: i * 3 + 1,
    date: `2024-0${1 + Math.floor(next() * 3)}-1${Math.floor(next() * 10)}`,
    sections: {
      post: text(next() * 6),
      body: text(next() * bodies),
      summary: text(next() * 8),
    },
  }));
}

const PER_KEY = 4;
const AVERAGE_LENGTH = 40;
const NEWEST = '2024-03-19';

/** Every key held by more than `minDf` entries, with its entries' impacts, the plain way. */
function expectedLists(entries: readonly Entry[], minDf: number) {
  const byKey = new Map<string, { rowid: number; impact: number; blend: number }[]>();
  const facts = new Map<number, { tf: Map<string, number>; length: number; recency: number }>();
  for (const e of entries) {
    const s = e.sections;
    const length = s.post.length + s.body.length + s.summary.length;
    const recency = recencyFactor(e.date, NEWEST);
    const tf = frequencies(e);
    facts.set(e.rowid, { tf, length, recency });
    for (const [key, n] of tf) {
      const impact = termImpact(n, length, AVERAGE_LENGTH);
      const held = byKey.get(key) ?? [];
      held.push({ rowid: e.rowid, impact, blend: impact * recency });
      byKey.set(key, held);
    }
  }
  return { expected: [...byKey].filter(([, held]) => held.length > minDf), facts };
}

/** What is wrong in the lists given, against the plain count (keys without a list aside). */
function wrongIn(
  lists: readonly ChampionList[],
  entries: readonly Entry[],
  minDf: number,
): string[] {
  const { expected, facts } = expectedLists(entries, minDf);
  const byKey = new Map(expected);
  // Compared without an expect per item (thousands of keys): the differences, listed.
  const wrong: string[] = [];
  const check = (ok: boolean, what: string): void => void (ok || wrong.push(what));
  for (const list of lists) {
    const key = list.key;
    const held = byKey.get(key);
    if (held === undefined) {
      wrong.push(`${key} listed, held by at most ${minDf}`);
      continue;
    }
    check(list.df === held.length, `${key} df`);
    const impacts = held.map((h) => h.impact).sort((a, b) => b - a);
    const blends = held.map((h) => h.blend).sort((a, b) => b - a);
    // A list not yet full has no floor: every entry holding the key is in it.
    const full = held.length >= PER_KEY;
    check(list.floor === (full ? impacts[PER_KEY - 1] : 0), `${key} floor`);
    check(list.blendFloor === (full ? blends[PER_KEY - 1] : 0), `${key} blend floor`);
    // The first PER_KEY are the strongest by impact, best first (ties in any order).
    const listed = list.rowids.map((rowid, i) => {
      const f = facts.get(rowid);
      const tf = f?.tf.get(key) ?? 0;
      check(list.tfs[i] === tf && tf > 0, `${key} ${rowid} tf`);
      check(list.lengths[i] === f?.length, `${key} ${rowid} length`);
      check(list.recencies[i] === f?.recency, `${key} ${rowid} recency`);
      return termImpact(tf, f?.length ?? 0, AVERAGE_LENGTH);
    });
    const strongest = impacts.slice(0, PER_KEY);
    check(
      listed.slice(0, PER_KEY).every((x, i) => x === strongest[i]),
      `${key} by impact`,
    );
    // Then those of the strongest blends not listed yet: every blend above the floor is in.
    const blendOf = new Map(held.map((h) => [h.rowid, h.blend]));
    const rowids = new Set(list.rowids);
    check(rowids.size === list.rowids.length, `${key} listed twice`);
    for (const h of held)
      if (h.blend > list.blendFloor) check(rowids.has(h.rowid), `${key} ${h.rowid} missing`);
    for (const rowid of list.rowids.slice(PER_KEY))
      check((blendOf.get(rowid) ?? 0) >= list.blendFloor, `${key} ${rowid} weak`);
  }
  return wrong;
}

function collector(
  entries: readonly Entry[],
  options: ChampionCollectorOptions,
): ChampionCollector {
  const c = new ChampionCollector(AVERAGE_LENGTH, NEWEST, { perKey: PER_KEY, ...options });
  for (const e of entries) c.add(e.rowid, e.sections, e.date);
  return c;
}

function collect(entries: readonly Entry[], options: ChampionCollectorOptions): ChampionList[] {
  return collector(entries, options).lists();
}

describe('champion lists against a plain count', () => {
  it.each([
    { alphabet: NARROW, minDf: 20, bodies: 60, seeds: [1, 2, 3, 4] },
    { alphabet: WIDE, minDf: 2, bodies: 400, seeds: [5] },
  ])(
    'gives every key held by more than minDf ($minDf) entries its df, floors and strongest entries',
    ({ alphabet, minDf, bodies, seeds }) => {
      for (const seed of seeds) {
        const entries = randomEntries(seed, alphabet, bodies);
        const lists = collect(entries, { minDf });
        const { expected } = expectedLists(entries, minDf);
        expect(lists.map((l) => l.key).sort()).toEqual(expected.map(([key]) => key).sort());
        expect(expected.length).toBeGreaterThan(5);
        expect(wrongIn(lists, entries, minDf)).toEqual([]);
      }
    },
  );

  it('gives the same lists when told how many entries come, following fewer keys', () => {
    const entries = randomEntries(6, WIDE, 400);
    const { expected } = expectedLists(entries, 100);
    expect(expected.length).toBeGreaterThan(5);
    const told = collector(entries, { minDf: 100, entries: entries.length });
    const untold = collector(entries, { minDf: 100 });
    expect(told.lists()).toEqual(untold.lists());
    expect(told.keysFollowed()).toBeLessThan(untold.keysFollowed() / 2);
    // Keys at the edge: 甲 first met just in time to reach 101 entries; 乙 kept through the sweep
    // that drops what can no longer reach it, then held by 99 more.
    const edge: Entry[] = Array.from({ length: 300 }, (_, i) => ({
      rowid: i + 1,
      date: NEWEST,
      sections: {
        post: '',
        body: `あい${i >= 199 ? '甲' : ''}${i < 2 || i >= 201 ? '乙' : ''}`,
        summary: '',
      },
    }));
    const edgeLists = collect(edge, { minDf: 100, entries: edge.length });
    expect(edgeLists).toEqual(collect(edge, { minDf: 100 }));
    expect(edgeLists.filter((l) => '甲乙'.includes(l.key)).map((l) => [l.key, l.df])).toEqual([
      ['乙', 101],
      ['甲', 101],
    ]);
    // A count too low costs lists, never gives a wrong one.
    const low = collect(entries, { minDf: 100, entries: 150 });
    expect(wrongIn(low, entries, 100)).toEqual([]);
  });

  it('past its budget of keys or chained entries, drops the rarest and never lists a key it missed entries of', () => {
    const entries = randomEntries(7, WIDE, 400);
    const { expected } = expectedLists(entries, 2);
    for (const budget of [{ maxKeys: 5000 }, { maxChained: 20_000 }]) {
      const lists = collect(entries, { minDf: 2, ...budget });
      expect(wrongIn(lists, entries, 2)).toEqual([]);
      // Some keys were dropped, and those held by most entries were kept.
      expect(lists.length).toBeLessThan(expected.length);
      const common = expected.filter(([, held]) => held.length > 100).map(([key]) => key);
      expect(common.length).toBeGreaterThan(5);
      for (const key of common) expect(lists.some((l) => l.key === key)).toBe(true);
    }
  });
});
