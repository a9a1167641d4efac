import { describe, expect, it } from 'vitest';
import { termMatch } from './term-match.js';

describe('termMatch', () => {
  it('answers one-character terms from the chars column', () => {
    expect(termMatch('露')).toEqual({ normalised: '露', fts: '{chars} : "露"', verify: false });
  });

  it('answers longer terms with a phrase of bigrams, exactly', () => {
    expect(termMatch('停戦')).toEqual({
      normalised: '停戦',
      fts: '"停戦"',
      verify: false,
    });
    expect(termMatch('ゼレンスキー').fts).toBe('"ゼレ レン ンス スキ"');
  });

  it('filters columns only where chars holds the same token: a lone unigram', () => {
    // Bigrams are only ever in the text columns; a one-character token is also in chars.
    expect(termMatch('露 ').fts).toBe('{post body summary} : "露"');
    expect(termMatch('露朝 ').fts).toBe('"露朝 朝"');
  });

  it('normalises the term first', () => {
    expect(termMatch('ＮＡＴＯ').normalised).toBe('nato');
    expect(termMatch('ヴォルチャンスク').normalised).toBe('ボルチャンスク');
  });

  it('narrows terms with whitespace by their runs and asks for a check', () => {
    // Runs followed by a separator must end a text run: their phrase includes the unigram.
    expect(termMatch('国防省 によると')).toEqual({
      normalised: '国防省 によると',
      fts: '"国防 防省 省" AND "によ よる ると"',
      verify: true,
    });
    expect(termMatch('露 朝').fts).toBe('{post body summary} : "露" AND {chars} : "朝"');
    expect(termMatch('露 ').fts).toBe('{post body summary} : "露"');
  });

  it('has nothing to ask the index for a term without indexable characters', () => {
    expect(termMatch('\u3000')).toEqual({ normalised: ' ', fts: null, verify: true });
  });
});
