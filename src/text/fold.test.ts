import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOINERS, LONG_VOWEL_MARKS } from './chars.js';
import { foldCode, foldUnit, foldWord, unitsFoldingTo } from './fold.js';
import { normaliseForMatch } from './normalise.js';

/**
 * The per-unit fold (what the gazetteer's matcher runs) and the normaliser (what the search
 * index runs) must give the same text for every word they both read. They share the rules by
 * construction (the normaliser calls `foldCode` on its NFKC text), so what can break is the
 * per-unit fold's stand-in for NFKC: the width, case and half-width forms it folds itself,
 * and whether a neighbour counts as katakana before or after NFKC.
 */

const ch = (u: number): string => String.fromCharCode(u);
const nfkc = (s: string): string => s.normalize('NFKC').toLowerCase();
const HANGUL_JAMO: [number, number][] = [
  [0x1100, 0x11ff],
  [0xa960, 0xa97f],
  [0xd7b0, 0xd7ff],
];

/**
 * The units whose NFKC form the per-unit fold gives by itself, wherever they stand: NFKC and
 * lower-casing make one unit of them, the fold folds them to what it folds that unit to, and
 * NFKC does not compose them with a neighbour (as it does a voicing mark with its kana).
 * These are the rules the two share; the rest (half-width katakana, ligatures, Cyrillic capitals,
 * compatibility ideographs) only the normaliser folds.
 */
function inSharedDomain(u: number): boolean {
  if (u >= 0xd800 && u <= 0xdfff) return false;
  // What NFKC composes with the unit before it: combining marks (ゕ゙, ≠ → ≠) and Hangul jamo.
  if (/\p{M}/u.test(ch(u)) || HANGUL_JAMO.some(([a, b]) => u >= a && u <= b)) return false;
  const n = nfkc(ch(u));
  if (n.length !== 1 || foldUnit(u) !== foldUnit(n.charCodeAt(0))) return false;
  return ['ア', 'か', 'a', ''].every((x) => nfkc(x + ch(u)) === nfkc(x) + n);
}

const SHARED: number[] = [];
for (let u = 0; u < 0x10000; u += 1) if (inSharedDomain(u)) SHARED.push(u);
const SHARED_SET = new Set(SHARED);

/** The units the context-dependent rules turn on, in every width: what words are made of. */
const RULE_UNITS = [
  ...'アイカキスバブボヴァィゥェォーｰ―‐−〜～~・･=＝-ゔぶあ字Aａ',
  ...LONG_VOWEL_MARKS.map(ch),
  ...JOINERS.map(ch),
];

function agree(word: string): void {
  expect(foldWord(word), JSON.stringify(word)).toBe(normaliseForMatch(word));
}

describe('per-unit fold and normaliser agree', () => {
  it('share the units names and news are written in', () => {
    const ranges: [number, number][] = [
      [0x20, 0x7e], // ASCII
      [0xff01, 0xff5e], // full-width ASCII
      [0x3041, 0x3096], // hiragana
      [0x30a1, 0x30fc], // katakana, ・ and ー
      [0x4e00, 0x9fff], // kanji
      [0x3001, 0x3011], // Japanese punctuation and brackets
    ];
    const missing: string[] = [];
    for (const [from, to] of ranges)
      for (let u = from; u <= to; u += 1) if (!SHARED_SET.has(u)) missing.push(u.toString(16));
    for (const u of [...LONG_VOWEL_MARKS, ...JOINERS])
      if (!SHARED_SET.has(u)) missing.push(u.toString(16));
    expect(missing).toEqual([]);
  });

  it('on every shared BMP unit, alone and next to each rule it can trigger or break', () => {
    const contexts: [string, string][] = [
      ['', ''],
      ['ア', 'イ'], // between katakana
      ['', 'ー'], // before a long vowel mark: is it katakana?
      ['', '〜'],
      ['ア・', ''], // after a joiner: is it katakana?
      ['', '・ア'], // before a joiner
      ['ヴ', ''], // after ヴ: does it make a syllable with it?
      ['あ', 'ｰ'],
    ];
    for (const u of SHARED) for (const [x, y] of contexts) agree(x + ch(u) + y);
  });

  it('on every pair and triple of the units the rules turn on', () => {
    for (const a of RULE_UNITS)
      for (const b of RULE_UNITS) {
        agree(a + b);
        for (const c of RULE_UNITS) agree(a + b + c);
      }
  });

  it('on random words of those units and of any shared units', () => {
    const unit = fc.oneof(
      fc.constantFrom(...RULE_UNITS),
      fc.constantFrom(...SHARED).map((u) => ch(u)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }), (units) => agree(units.join(''))),
      { numRuns: 5000 },
    );
  });

  it('on every name of the shipped gazetteer and its spelling variants, which fold as one', () => {
    const names = gazetteerNames();
    expect(names.length).toBeGreaterThan(1000);
    let variants = 0;
    for (const name of names) {
      agree(name);
      for (const v of spellingVariants(name)) {
        agree(v);
        // ゼレンスキ〜 is ゼレンスキー to the annotator and to the search index alike.
        expect(foldWord(v), `${v} = ${name}`).toBe(foldWord(name));
        variants += 1;
      }
    }
    expect(variants).toBeGreaterThan(names.length);
  });

  it('folds the spellings the issue names as one', () => {
    const same = [
      ['ゼレンスキー', 'ゼレンスキ〜', 'ゼレンスキ～', 'ゼレンスキｰ', 'ゼレンスキ―', 'ゼレンスキ'],
      ['イェルマーク', 'イエルマーク', 'イェルマ〜ク'],
      ['ヴォロディミル', 'ボロディミル', 'ウォロディミル'.replace('ウォ', 'ヴォ')],
      [
        'ミック・ウォレス',
        'ミック＝ウォレス',
        'ミック=ウォレス',
        'ミック･ウォレス',
        'ミックウォレス',
      ],
      ['ＮＡＴＯ', 'NATO', 'nato'],
    ];
    for (const group of same) {
      const folded = group.map(foldWord);
      expect(new Set(folded).size, group.join(' ')).toBe(1);
      expect(new Set(group.map(normaliseForMatch)).size, group.join(' ')).toBe(1);
    }
    // Marks that join words, not spell vowels, stay.
    expect(foldWord('F-16')).toBe('f-16');
    expect(foldWord('あ〜')).toBe('あ〜');
    expect(foldWord('・ア')).toBe('・ア');
  });

  it('lists every unit that folds to a code, for matchers indexing words by their first unit', () => {
    for (const code of [0x61, 0x30a2, 0x30d0, 0x30d6, 0x30fc, 0x30fb, 0x3076, 0x5b57]) {
      const expected: number[] = [];
      for (let u = 0; u < 0x10000; u += 1)
        if (foldCode(ch(u) + 'ァ', 0) === code || foldCode(ch(u), 0) === code) expected.push(u);
      expect([...unitsFoldingTo(code)].sort(), code.toString(16)).toEqual(expected.sort());
    }
  });
});

/** Every name and alias of data/nlp's people, places, countries and organisations. */
function gazetteerNames(): string[] {
  const out = new Set<string>();
  for (const file of ['people', 'places', 'countries', 'organisations']) {
    const url = new URL(`../../data/nlp/${file}.json`, import.meta.url);
    const json = JSON.parse(readFileSync(url, 'utf8')) as {
      entities: { canonical: string; aliases?: string[] }[];
    };
    for (const e of json.entities) for (const n of [e.canonical, ...(e.aliases ?? [])]) out.add(n);
  }
  return [...out];
}

const SMALL_OF: Record<string, string> = { ア: 'ァ', イ: 'ィ', ウ: 'ゥ', エ: 'ェ', オ: 'ォ' };
const VU_OF: Record<string, string> = { バ: 'ヴァ', ビ: 'ヴィ', ブ: 'ヴ', ベ: 'ヴェ', ボ: 'ヴォ' };

/**
 * The ways a name is spelled that kirinuki treats as the same: each long vowel mark after
 * katakana written as each of its look-alikes, each joiner between katakana as each other, a vowel after katakana written
 * small, バ行 written with ヴ, Latin letters in full width or capitals.
 */
function spellingVariants(name: string): string[] {
  const out: string[] = [];
  for (const mark of LONG_VOWEL_MARKS) out.push(name.replace(/(?<=[\u30a1-\u30fa])ー/gu, ch(mark)));
  for (const joiner of JOINERS)
    out.push(name.replace(/(?<=[\u30a1-\u30fa\u30fc])・(?=[\u30a1-\u30fa])/gu, ch(joiner)));
  out.push(name.replace(/(?<=[\u30a1-\u30fa])[アイウエオ]/gu, (v) => SMALL_OF[v] ?? v));
  out.push(name.replace(/[バビブベボ]/gu, (v) => VU_OF[v] ?? v));
  out.push(name.replace(/[A-Za-z]/gu, (c) => ch(c.toUpperCase().charCodeAt(0) + 0xfee0)));
  return [...new Set(out)].filter((v) => v !== name);
}
