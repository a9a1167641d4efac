import { describe, expect, it } from 'vitest';
import { asTextMatch, termMatch } from './term-match.js';

describe('termMatch', () => {
  it('answers one-character terms from the chars table', () => {
    expect(termMatch('露')).toEqual({
      normalised: '露',
      fts: '"露"',
      table: 'chars',
      verify: false,
    });
  });

  it('answers longer terms with a phrase of bigrams, exactly', () => {
    expect(termMatch('停戦')).toEqual({
      normalised: '停戦',
      fts: '"停戦"',
      table: 'text',
      verify: false,
    });
    expect(termMatch('ゼレンスキー').fts).toBe('"ゼレ レン ンス スキ"');
  });

  it('asks the text table for a lone unigram, which ends a text run', () => {
    expect(termMatch('露 ')).toMatchObject({ fts: '"露"', table: 'text', verify: true });
    expect(termMatch('露朝 ').fts).toBe('"露朝 朝"');
  });

  it('normalises the term first', () => {
    expect(termMatch('ＮＡＴＯ').normalised).toBe('nato');
    expect(termMatch('ヴォルチャンスク').normalised).toBe('ボルチャンスク');
  });

  it('narrows terms with whitespace by their runs, in one table, and asks for a check', () => {
    // Runs followed by a separator must end a text run: their phrase includes the unigram.
    expect(termMatch('国防省 によると')).toEqual({
      normalised: '国防省 によると',
      fts: '"国防 防省 省" AND "によ よる ると"',
      table: 'text',
      verify: true,
    });
    // The lone 朝, anywhere in a run, is left to the check: the text table narrows.
    expect(termMatch('露 朝')).toMatchObject({ fts: '"露"', table: 'text', verify: true });
    // Only a lone character to narrow by: the chars table.
    expect(termMatch(' 露')).toMatchObject({ fts: '"露"', table: 'chars', verify: true });
  });

  it('has nothing to ask the index for a term without indexable characters', () => {
    expect(termMatch('\u3000')).toEqual({
      normalised: ' ',
      fts: null,
      table: 'text',
      verify: true,
    });
  });
});

describe('asTextMatch', () => {
  it('asks the text table for a character as the prefix of its tokens', () => {
    expect(asTextMatch(termMatch('露'))).toBe('"露" *');
    expect(asTextMatch(termMatch('停戦'))).toBe('"停戦"');
  });
});
