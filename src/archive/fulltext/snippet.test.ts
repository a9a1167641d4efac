import { describe, expect, it } from 'vitest';
import { normaliseForMatch } from '../../text/index.js';
import { findRanges, makeSnippet } from './snippet.js';

const slices = (text: string, ranges: [number, number][]): string[] =>
  ranges.map(([s, e]) => text.slice(s, e));

describe('findRanges', () => {
  it('maps matches in normalised text back to the original characters', () => {
    const text = 'ＮＡＴＯとnatoとヴォルチャンスク、ゼレンスキー氏';
    const terms = ['nato', 'ボルチャンスク', 'ゼレンスキ'].map(normaliseForMatch);
    expect(slices(text, findRanges(text, terms))).toEqual([
      'ＮＡＴＯ',
      'nato',
      'ヴォルチャンスク',
      'ゼレンスキー',
    ]);
  });

  it('merges overlapping matches and ignores empty terms', () => {
    expect(findRanges('停戦停戦', ['停戦', '戦停', ''])).toEqual([[0, 4]]);
    expect(findRanges('停戦', [])).toEqual([]);
  });
});

describe('makeSnippet', () => {
  it('returns short texts whole, with highlights into the excerpt', () => {
    expect(makeSnippet('ロシアと露朝の会談', ['露朝'])).toEqual({
      text: 'ロシアと露朝の会談',
      highlights: [[4, 6]],
      offset: 0,
    });
  });

  it('cuts the window with the most matches, with some lead', () => {
    const text = `${'あ'.repeat(300)}停戦${'い'.repeat(300)}停戦と停戦${'う'.repeat(300)}`;
    const s = makeSnippet(text, ['停戦'], { length: 60, lead: 10 });
    expect(s.text.length).toBe(60);
    expect(s.offset).toBe(602 - 10);
    expect(slices(s.text, s.highlights)).toEqual(['停戦', '停戦']);
    expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(makeSnippet('abcdef', ['x'], { length: 3 })).toEqual({
      text: 'abc',
      highlights: [],
      offset: 0,
    });
  });

  it('finds a match deep in a long text, reading it a part at a time', () => {
    const filler = '市民の避難が続いている。\n'.repeat(3000);
    const text = `${filler}前線で停戦の交渉が始まった。${filler}`;
    const s = makeSnippet(text, ['停戦']);
    expect(slices(s.text, s.highlights)).toEqual(['停戦']);
    expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
    expect(s.offset).toBeGreaterThan(30_000);
    expect(makeSnippet(text, ['和平']).offset).toBe(0);
  });

  it('in a long text, goes to where a term is spelled as normalised, else reads the parts in turn', () => {
    const filler = '市民の避難が続いている。\n'.repeat(1500);
    // すす before a combining voiced mark reads すず: not a match, and the real one comes later.
    const marked = `${filler}すす\u3099が${filler}ここですすを見た。${filler}`;
    const s = makeSnippet(marked, ['すす']);
    expect(slices(s.text, s.highlights)).toEqual(['すす']);
    expect(s.offset + (s.highlights[0]?.[0] ?? 0)).toBe(marked.indexOf('ここですす') + 3);
    // Spelled only otherwise (full width, capitals): found by normalising the parts.
    const wide = `${filler}${filler}ＮＡＴＯの会議。${filler}`;
    const w = makeSnippet(wide, ['nato']);
    expect(slices(w.text, w.highlights)).toEqual(['ＮＡＴＯ']);
    // Spelled both ways: the part around the term as normalised is read, not those before it.
    const both = `${filler}ＮＡＴＯの会議。${filler}natoの声明。${filler}`;
    const b = makeSnippet(both, ['nato']);
    expect(slices(b.text, b.highlights)).toEqual(['nato']);
  });

  it('in a long text, takes its excerpt from the first part that has a match', () => {
    const part = '市民の避難が続いている。\n'.repeat(1000);
    const text = `停戦${part}${'停戦と停戦、停戦。'.repeat(5)}${part}`;
    const s = makeSnippet(text, ['停戦']);
    expect(s.offset).toBe(0);
    expect(slices(s.text, s.highlights)).toEqual(['停戦']);
  });

  it('in a long text, reads a small first part before larger ones', () => {
    // One match near the start, five a few thousand units on: the excerpt stays at the first,
    // which a first part of 8,000 units would have passed over for the richer window.
    const text = `序文。停戦。${'市民の避難が続いている。\n'.repeat(300)}${'停戦と停戦、停戦。'.repeat(5)}${'市民の避難が続いている。\n'.repeat(2000)}`;
    const s = makeSnippet(text, ['停戦']);
    expect(s.offset).toBe(0);
    expect(slices(s.text, s.highlights)).toEqual(['停戦']);
  });

  it('never cuts a surrogate pair in half', () => {
    const s = makeSnippet(`${'🐸'.repeat(50)}停戦`, ['停戦'], { length: 9, lead: 3 });
    expect(s.text.startsWith('\udc38')).toBe(false);
    expect(slices(s.text, s.highlights)).toEqual(['停戦']);
  });
});

describe('makeSnippet cuts at phrase boundaries', () => {
  const text = `トルコ外相、仲介に意欲。${'各国の外交官が集まり、協議は深夜まで続いた。'.repeat(3)}ロシアとウクライナの全面的な停戦が実現するかは不透明だ。${'市民の避難も続く。'.repeat(8)}`;

  it('starts after a break rather than inside a word, and ends at one', () => {
    const s = makeSnippet(text, ['停戦']);
    expect(s.text.slice(...(s.highlights[0] as [number, number]))).toBe('停戦');
    const before = text.charAt(s.offset - 1);
    expect(s.offset === 0 || /[、。\s」』）)]/u.test(before) || s.text.startsWith('「')).toBe(true);
    expect(s.text.endsWith('。') || s.offset + s.text.length === text.length).toBe(true);
  });

  it('keeps a match near the start whole, from the first character', () => {
    const s = makeSnippet(`ゼレンスキー氏、${'前線を訪れた。'.repeat(2)}停戦には応じないと語った`, [
      '停戦',
    ]);
    expect(s.offset).toBe(0);
    expect(s.text.startsWith('ゼレンスキー')).toBe(true);
  });
});
