import { describe, expect, it } from 'vitest';
import { isIndexable } from './bigram-tokens.js';
import { SECTION_WEIGHTS } from './bm25.js';
import { ChampionCollector, type ChampionList } from './champions.js';
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

describe('champion lists against a plain count', () => {
  it.each([
    { alphabet: NARROW, minDf: 20, bodies: 60, seeds: [1, 2, 3, 4] },
    { alphabet: WIDE, minDf: 2, bodies: 400, seeds: [5] },
  ])(
    'gives every key held by more than minDf ($minDf) entries its df, floors and strongest entries',
    ({ alphabet, minDf, bodies, seeds }) => {
      for (const seed of seeds) {
        const next = random(seed);
        const ALPHABET = alphabet;
        const text = (n: number): string =>
          Array.from({ length: n }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
        const entries: Entry[] = Array.from({ length: 300 }, (_, i) => ({
          rowid: i * 3 + 1,
          date: `2024-0${1 + Math.floor(next() * 3)}-1${Math.floor(next() * 10)}`,
          sections: {
            post: text(next() * 6),
            body: text(next() * bodies),
            summary: text(next() * 8),
          },
        }));
        const perKey = 4;
        const averageLength = 40;
        const newest = '2024-03-19';
        const c = new ChampionCollector(averageLength, newest, perKey);
        for (const e of entries) c.add(e.rowid, e.sections, e.date);
        const lists = new Map<string, ChampionList>(c.lists(minDf).map((l) => [l.key, l]));

        // The plain way: every key's entries with their impacts.
        const byKey = new Map<string, { rowid: number; impact: number; blend: number }[]>();
        const facts = new Map<
          number,
          { tf: Map<string, number>; length: number; recency: number }
        >();
        for (const e of entries) {
          const s = e.sections;
          const length = s.post.length + s.body.length + s.summary.length;
          const recency = recencyFactor(e.date, newest);
          const tf = frequencies(e);
          facts.set(e.rowid, { tf, length, recency });
          for (const [key, n] of tf) {
            const impact = termImpact(n, length, averageLength);
            const held = byKey.get(key) ?? [];
            held.push({ rowid: e.rowid, impact, blend: impact * recency });
            byKey.set(key, held);
          }
        }
        const expected = [...byKey].filter(([, held]) => held.length > minDf);
        expect([...lists.keys()].sort()).toEqual(expected.map(([key]) => key).sort());
        expect(expected.length).toBeGreaterThan(5);
        // Compared without an expect per item (thousands of keys): the differences, listed.
        const wrong: string[] = [];
        const check = (ok: boolean, what: string): void => void (ok || wrong.push(what));
        for (const [key, held] of expected) {
          const list = lists.get(key) as ChampionList;
          check(list.df === held.length, `${key} df`);
          const impacts = held.map((h) => h.impact).sort((a, b) => b - a);
          const blends = held.map((h) => h.blend).sort((a, b) => b - a);
          // A list not yet full has no floor: every entry holding the key is in it.
          const full = held.length >= perKey;
          check(list.floor === (full ? impacts[perKey - 1] : 0), `${key} floor`);
          check(list.blendFloor === (full ? blends[perKey - 1] : 0), `${key} blend floor`);
          // The first perKey are the strongest by impact, best first (ties in any order).
          const listed = list.rowids.map((rowid, i) => {
            const f = facts.get(rowid);
            const tf = f?.tf.get(key) ?? 0;
            check(list.tfs[i] === tf && tf > 0, `${key} ${rowid} tf`);
            check(list.lengths[i] === f?.length, `${key} ${rowid} length`);
            check(list.recencies[i] === f?.recency, `${key} ${rowid} recency`);
            return termImpact(tf, f?.length ?? 0, averageLength);
          });
          const strongest = impacts.slice(0, perKey);
          check(
            listed.slice(0, perKey).every((x, i) => x === strongest[i]),
            `${key} by impact`,
          );
          // Then those of the strongest blends not listed yet: every blend above the floor is in.
          const blendOf = new Map(held.map((h) => [h.rowid, h.blend]));
          const rowids = new Set(list.rowids);
          check(rowids.size === list.rowids.length, `${key} listed twice`);
          for (const h of held)
            if (h.blend > list.blendFloor) check(rowids.has(h.rowid), `${key} ${h.rowid} missing`);
          for (const rowid of list.rowids.slice(perKey))
            check((blendOf.get(rowid) ?? 0) >= list.blendFloor, `${key} ${rowid} weak`);
        }
        expect(wrong).toEqual([]);
      }
    },
  );
});
