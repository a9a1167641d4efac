import { describe, expect, it } from 'vitest';
import { describedTagWords } from './tag-words.js';

const texts = {
  無人機攻撃: '無人機攻撃 無人機による攻撃と、それを防ぐ防空',
  対ヴェスタ: '対ヴェスタ ヴェスタとの条約や軍事協力',
  制裁: '制裁 ロシアへの制裁と資産凍結',
  和平: '和平 ロシアとの停戦と和平交渉',
  戦況: '戦況 ロシア軍の攻勢と前線',
};

describe('describedTagWords', () => {
  const words = describedTagWords(texts);

  it('gives each tag the content bigrams of what the curator wrote about it', () => {
    expect(words['無人機攻撃']).toEqual(expect.arrayContaining(['無人', '人機', '防空']));
    // Bigrams are taken after normalisation: ヴェ is written ベ.
    expect(words['対ヴェスタ']).toEqual(expect.arrayContaining(['条約', 'ベス']));
  });

  it('leaves out particles and the words many tags share', () => {
    const all = Object.values(words).flat();
    expect(all).not.toContain('ロシ');
    expect(all.some((b) => /\p{sc=Hiragana}/u.test(b))).toBe(false);
  });
});
