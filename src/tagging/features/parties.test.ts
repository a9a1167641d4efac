import { describe, expect, it } from 'vitest';
import type { Glossary } from './glossary.js';
import { describedParties } from './parties.js';

// A glossary written for these tests, in the shape of data/tagging/glossary.json.
const glossary: Glossary = {
  russia: ['ロシア', '露'],
  'north korea': ['北朝鮮', '朝鮮'],
  iran: ['イラン'],
  west: ['西側', '欧米'],
  'united states': ['米国', 'アメリカ'],
};

describe('describedParties', () => {
  it('reads two names joined by "and" at the opening of an English description', () => {
    expect(describedParties('Russia and North Korea together: visits, arms', glossary)).toEqual([
      ['ロシア', '露'],
      ['北朝鮮', '朝鮮'],
    ]);
    expect(describedParties('The United States and Iran: talks and threats', glossary)).toEqual([
      ['米国', 'アメリカ'],
      ['イラン'],
    ]);
  });

  it('reads a Japanese description whose subject is two parties acting together', () => {
    // With the glossary's other words for each (露 for ロシア).
    expect(describedParties('ロシアとイランが組む動き。条約、無人機', glossary)).toEqual([
      ['ロシア', '露'],
      ['イラン'],
    ]);
    expect(describedParties('ロシアとイランが組む動き', {})).toEqual([['ロシア'], ['イラン']]);
  });

  it('finds no pair where the names are not the subject, or not known', () => {
    // Two names inside the description, not its subject: the tag is about the war.
    expect(
      describedParties('the war seen as a contest between the West and Russia', glossary),
    ).toEqual([]);
    // 西側とロシアの争い: something of theirs, not the two of them together.
    expect(describedParties('西側とロシアの争いとして見た戦争', glossary)).toEqual([]);
    expect(describedParties('Russia at home: protests and trials', glossary)).toEqual([]);
    // A name the glossary does not know cannot be looked for.
    expect(describedParties('Russia and Belarus together', glossary)).toEqual([]);
  });
});
