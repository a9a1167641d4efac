import { describe, expect, it } from 'vitest';
import {
  hasHiragana,
  HIRAGANA_CLASS,
  isHiragana,
  isKanji,
  isKatakana,
  isLongVowelMark,
  isJoiner,
  isWordOf,
  KANJI_CLASS,
  KATAKANA_CLASS,
} from './chars.js';

describe('character classes', () => {
  it('each predicate and its regular-expression class hold the same units (every BMP unit)', () => {
    const pairs: [string, (c: number) => boolean, string][] = [
      ['katakana', isKatakana, KATAKANA_CLASS],
      ['hiragana', isHiragana, HIRAGANA_CLASS],
      ['kanji', isKanji, KANJI_CLASS],
    ];
    for (const [name, predicate, body] of pairs) {
      const re = new RegExp(`^[${body}]$`, 'u');
      const differ: string[] = [];
      for (let c = 0; c < 0x10000; c += 1) {
        if (c >= 0xd800 && c <= 0xdfff) continue; // a lone surrogate is no character for /u
        if (predicate(c) !== re.test(String.fromCharCode(c))) differ.push(c.toString(16));
      }
      expect(differ, name).toEqual([]);
    }
  });

  it('finds a hiragana letter anywhere in a text, and none in kanji, katakana or ー', () => {
    expect(hasHiragana('ロシアが優勢だ')).toBe(true);
    expect(hasHiragana('国家情報院(NIS)')).toBe(false);
    expect(hasHiragana('ゼレンスキー')).toBe(false);
    expect(hasHiragana('')).toBe(false);
  });

  it('tells a word written in one script, and no empty one', () => {
    expect(isWordOf('河智勲', isKanji)).toBe(true);
    expect(isWordOf('ペスコフ', isKatakana)).toBe(true);
    expect(isWordOf('ペスコフ氏', isKatakana)).toBe(false);
    expect(isWordOf('', isKanji)).toBe(false);
  });

  it('sorts the characters of Japanese news as a reader would', () => {
    const classes = (ch: string): string[] => {
      const c = ch.charCodeAt(0);
      return [
        isKatakana(c) && 'katakana',
        isHiragana(c) && 'hiragana',
        isKanji(c) && 'kanji',
        isLongVowelMark(c) && 'long',
        isJoiner(c) && 'joiner',
      ].filter((x): x is string => x !== false);
    };
    expect(classes('ア')).toEqual(['katakana']);
    expect(classes('ァ')).toEqual(['katakana']);
    expect(classes('ヴ')).toEqual(['katakana']);
    expect(classes('ー')).toEqual(['katakana', 'long']);
    expect(classes('〜')).toEqual(['long']);
    expect(classes('～')).toEqual(['long']);
    expect(classes('・')).toEqual(['joiner']);
    expect(classes('＝')).toEqual(['joiner']);
    expect(classes('-')).toEqual([]);
    expect(classes('ん')).toEqual(['hiragana']);
    expect(classes('ゝ')).toEqual([]);
    expect(classes('露')).toEqual(['kanji']);
    expect(classes('々')).toEqual(['kanji']);
    // ヶ is a katakana letter that reads as kanji inside words (霞ヶ関): both.
    expect(classes('ヶ')).toEqual(['katakana', 'kanji']);
    expect(isKatakana(Number.NaN)).toBe(false);
  });
});
