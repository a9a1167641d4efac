import { describe, expect, it } from 'vitest';
import { termMatch } from './term-match.js';

describe('termMatch', () => {
  it('answers one-character terms from the chars column', () => {
    expect(termMatch('露')).toEqual({ normalised: '露', fts: '{chars} : "露"', verify: false });
  });

  it('answers longer terms with a phrase of bigrams, exactly', () => {
    expect(termMatch('停戦')).toEqual({
      normalised: '停戦',
      fts: '{post body summary} : "停戦"',
      verify: false,
    });
    expect(termMatch('ゼレンスキー').fts).toBe('{post body summary} : "ゼレ レン ンス スキ"');
  });

  it('normalises the term first', () => {
    expect(termMatch('ＮＡＴＯ').normalised).toBe('nato');
    expect(termMatch('ヴォルチャンスク').normalised).toBe('ボルチャンスク');
  });

  it('narrows terms with whitespace by their runs and asks for a check', () => {
    // Runs followed by a separator must end a text run: their phrase includes the unigram.
    expect(termMatch('国防省 によると')).toEqual({
      normalised: '国防省 によると',
      fts: '{post body summary} : "国防 防省 省" AND {post body summary} : "によ よる ると"',
      verify: true,
    });
    expect(termMatch('露 朝').fts).toBe('{post body summary} : "露" AND {chars} : "朝"');
    expect(termMatch('露 ').fts).toBe('{post body summary} : "露"');
  });

  it('has nothing to ask the index for a term without indexable characters', () => {
    expect(termMatch('\u3000')).toEqual({ normalised: ' ', fts: null, verify: true });
  });
});
