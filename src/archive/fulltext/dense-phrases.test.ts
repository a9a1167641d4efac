import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../../test/support/seeded-random.js';
import { densePhraseCandidates, isPhraseTerm, MAX_PHRASE } from './dense-phrases.js';
import { sampleLetters } from './dense-terms.js';

/** The miner on a sample of normalised sections, as the archive gives it one. */
const phrasesOf = (sample: readonly (readonly string[])[], share: number): Map<string, number> =>
  densePhraseCandidates(sampleLetters(sample), share);

describe('which phrases are phrases', () => {
  it('takes a term with hiragana, or longer than a word, for a phrase', () => {
    expect(isPhraseTerm('支援を継続する')).toBe(true);
    expect(isPhraseTerm('ウクライナ巡り')).toBe(true);
    expect(isPhraseTerm('ゼレンスキ大統領')).toBe(true);
    expect(isPhraseTerm('ロシア国防省')).toBe(false);
    expect(isPhraseTerm('停戦')).toBe(false);
  });
});

describe('which phrases a sample suggests', () => {
  it('counts phrases by the entries holding them, in any context', () => {
    const held = phrasesOf(
      [
        ['ロシアは支援を継続する。'],
        ['米国が支援を継続すると述べた'],
        ['支援を継続する方針'],
        ['停戦'],
      ],
      0.5,
    );
    expect(held.get('支援を継続する')).toBe(3);
    // Held by fewer entries than the share asks.
    expect(held.has('ロシアは支援を継続する')).toBe(false);
  });

  it('leaves out a phrase that always comes inside one a letter longer', () => {
    const sample = [['ウクライナ巡り協議'], ['ウクライナ巡り対立'], ['会談']];
    const held = phrasesOf(sample, 0.5);
    // `ウクライナ巡` always continues with `り`: only the longer phrase is kept.
    expect(held.get('ウクライナ巡り')).toBe(2);
    expect(held.has('ウクライナ巡')).toBe(false);
    // Words without kana of up to six letters are the dense words' (`dense-terms.ts`).
    expect(held.has('ウクライナ')).toBe(false);
    // Phrases start where a word may start: not with hiragana.
    expect([...held.keys()].some((p) => /^[ぁ-ゟー々]/u.test(p))).toBe(false);
  });

  it('finds what a brute-force count of every phrase finds', () => {
    const next = random(5);
    const alphabet = [...'ロシア停戦のを、'];
    // Words and particles strung at random, so that phrases repeat in many contexts.
    const chunks = ['ロシア', '停戦', 'の', 'を', '、', 'ア'];
    const sample = Array.from({ length: 80 }, () => [
      Array.from({ length: 12 }, () => chunks[Math.floor(next() * chunks.length)]).join(''),
      'ロシアの停戦',
    ]);
    const share = 0.1;
    const held = new Map<string, number>();
    for (const sections of sample) {
      const grams = new Set<string>();
      for (const text of sections)
        for (let i = 0; i < text.length; i += 1)
          for (let n = 1; n <= MAX_PHRASE && i + n <= text.length; n += 1) {
            const g = text.slice(i, i + n);
            if (!g.includes('、')) grams.add(g);
          }
      for (const g of grams) held.set(g, (held.get(g) ?? 0) + 1);
    }
    const common = (g: string): boolean => (held.get(g) ?? 0) >= share * sample.length;
    const phrase = (g: string): boolean =>
      g.length >= 3 && common(g) && isPhraseTerm(g) && !/^[のを]/u.test(g);
    const expected = [...held]
      .filter(([g, n]) => {
        if (!phrase(g)) return false;
        // Left out when a phrase one letter longer is held as widely.
        const longer = [...alphabet].flatMap((c) => [g + c, c + g]);
        return !longer.some((h) => phrase(h) && held.get(h) === n);
      })
      .sort();
    expect([...phrasesOf(sample, share)].sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(8);
    expect(expected.some(([g]) => g.length >= 5)).toBe(true);
  });
});
