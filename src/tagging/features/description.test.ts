import { describe, expect, it } from 'vitest';
import { normaliseForMatch } from '../../text/index.js';
import { describeTags, splitName, type DescriptionTerms } from './description.js';
import {
  addToBackground,
  describedWords,
  descriptionScores,
  emptyBackground,
  type DescriptionScoring,
} from './description-score.js';
import { glossaryTerms, type Glossary } from './glossary.js';

// A glossary written for these tests, in the shape of data/tagging/glossary.json.
const glossary: Glossary = {
  russia: ['ロシア', '露'],
  'north korea': ['北朝鮮', '朝鮮'],
  korea: ['韓国'],
  drone: ['ドローン', '無人機'],
  'drone attack': ['ドローン攻撃', '無人機攻撃'],
  attack: ['攻撃'],
  'air defence': ['防空', '迎撃'],
  defence: ['防衛'],
  sanction: ['制裁'],
  ukraine: ['ウクライナ'],
  fighting: ['戦闘', '前線'],
  together: ['協力'],
};

const scoring: DescriptionScoring = {
  headHits: 4,
  leadHits: 1,
  backgroundPower: 1,
  lengthPower: 0.5,
};
const termsOf = (d: DescriptionTerms | undefined): string[] => d?.terms.map((t) => t.term) ?? [];
const weightOf = (d: DescriptionTerms | undefined, term: string): number =>
  d?.terms.find((t) => t.term === term)?.weight ?? Number.NaN;

describe('glossaryTerms', () => {
  it('reads a phrase before its words, and plurals as their singular', () => {
    expect(glossaryTerms('Drone attacks, and air defence against them', glossary)).toEqual([
      ['ドローン攻撃', '無人機攻撃'],
      ['防空', '迎撃'],
    ]);
    expect(glossaryTerms("North Korea's drones", glossary)).toEqual([
      ['北朝鮮', '朝鮮'],
      ['ドローン', '無人機'],
    ]);
  });
});

describe('splitName', () => {
  const vocabulary = new Set(['ウクライナ', '軍事', '支援', '露']);

  it('splits a tag name into known words, keeping what lies between them', () => {
    expect(splitName('ウクライナ軍事支援', vocabulary)).toEqual(['ウクライナ', '軍事', '支援']);
    expect(splitName('ウクライナ戦況', vocabulary)).toEqual(['ウクライナ', '戦況']);
  });

  it('drops a single leftover character and gives nothing for an unknown or whole name', () => {
    expect(splitName('露朝', vocabulary)).toEqual(['露']);
    expect(splitName('中東', vocabulary)).toEqual([]);
    expect(splitName('ウクライナ', vocabulary)).toEqual([]);
  });
});

describe('describeTags', () => {
  const tags = [
    { name: 'ウクライナ戦況', description: 'the fighting' },
    { name: 'ウクライナドローン攻撃', description: 'drone attacks and air defence' },
    { name: '露朝', description: 'Russia and North Korea together' },
  ];
  const [war, drones, dprk] = describeTags(tags, glossary);

  it('says the words of the name, without bigrams that straddle two words', () => {
    expect(termsOf(war)).toEqual(['ウクライナ戦況', 'ウクライナ', '戦況', '戦闘', '前線']);
    // Terms are normalised as entry text is: ドローン is ドロン to both.
    expect(termsOf(drones).slice(0, 3)).toEqual(
      ['ウクライナドローン攻撃', 'ウクライナ', 'ドローン攻撃'].map((w) => normaliseForMatch(w)),
    );
    expect(termsOf(drones)).not.toContain('ナド');
    expect(termsOf(dprk)).toEqual(['露朝', '露', 'ロシア', '北朝鮮', '朝鮮', '協力']);
  });

  it('weighs a word every tag says less than one only this tag says', () => {
    // ウクライナ is in two of the three names; 戦況 in one.
    expect(weightOf(war, 'ウクライナ')).toBeLessThan(weightOf(war, '戦況'));
    expect(weightOf(drones, '防空')).toBeCloseTo(weightOf(war, '戦況'));
    // 露 is inside 露朝 only: still one tag.
    expect(weightOf(dprk, '露')).toBeCloseTo(weightOf(dprk, '北朝鮮'));
  });
});

describe('descriptionScores', () => {
  const [dprk, sanctions] = describeTags(
    [
      { name: '露朝', description: 'Russia and North Korea together' },
      { name: '制裁', description: 'sanctions on Russia' },
    ],
    glossary,
  );
  const both = [dprk, sanctions].filter((d): d is DescriptionTerms => d !== undefined);

  it('ranks the tag whose words the entry says, a headline word counting more', () => {
    const s = descriptionScores(
      both,
      '北朝鮮外相が訪露',
      'ロシアと北朝鮮が協力を確認した。',
      scoring,
    );
    expect(s[0]).toBeGreaterThan(s[1] as number);
    const inBody = descriptionScores(both, '外相が会談', '北朝鮮とロシアの外相が来た。', scoring);
    const inHead = descriptionScores(both, '北朝鮮の外相', 'ロシアの外相が来た。', scoring);
    expect(inHead[0]).toBeGreaterThan(inBody[0] as number);
  });

  it('counts a word the background says everywhere for less', () => {
    const text = 'ロシアが北朝鮮への制裁に反発した。';
    const common = emptyBackground();
    for (let i = 0; i < 20; i += 1) addToBackground(common, both, 'ロシアの話。');
    const rare = emptyBackground();
    for (let i = 0; i < 20; i += 1) addToBackground(rare, both, '制裁の話、ロシアの話。');
    // ロシア is in every background entry either way; 制裁 only in `rare`'s.
    expect(common.seen['ロシア']).toBe(20);
    const a = descriptionScores(both, '', text, scoring, common);
    const b = descriptionScores(both, '', text, scoring, rare);
    expect((b[1] as number) / (b[0] as number)).toBeLessThan((a[1] as number) / (a[0] as number));
  });

  it('names the words behind a tag, strongest first', () => {
    if (!dprk) throw new Error('no description');
    const words = describedWords(dprk, '北朝鮮外相が訪露', 'ロシアと北朝鮮が協力。', scoring);
    expect(words[0]?.term).toBe('北朝鮮');
    expect(words.map((w) => w.term)).toEqual(expect.arrayContaining(['露', 'ロシア', '協力']));
    expect(words.find((w) => w.term === '北朝鮮')?.hits).toBe(4 + 1);
  });
});

describe('a tag about two parties together', () => {
  const [dprk, troops, sanctions] = describeTags(
    [
      { name: '露朝', description: 'Russia and North Korea together: visits, talks, troops' },
      { name: '派兵', description: 'troops sent abroad' },
      { name: '制裁', description: 'sanctions on Russia' },
    ],
    { ...glossary, troop: ['部隊', '派兵'], visit: ['訪問'], talks: ['会談'] },
  );
  const all = [dprk, troops, sanctions].filter((d): d is DescriptionTerms => d !== undefined);
  const score = (head: string, body: string): Float64Array =>
    descriptionScores(all, normaliseForMatch(head), normaliseForMatch(body), scoring);

  it('knows its parties from the opening of its description, and which one is its own', () => {
    expect(dprk?.parties).toEqual([
      ['ロシア', '露'],
      ['北朝鮮', '朝鮮'],
    ]);
    // Russia is named by 制裁 too: common ground, not what sets 露朝 apart.
    expect(dprk?.requires).toEqual(['北朝鮮', '朝鮮']);
    expect(troops?.parties).toBeUndefined();
    expect(troops?.requires).toBeUndefined();
  });

  it('says nothing of an entry without its own party, however many of its words it says', () => {
    const s = score('ロシア軍の部隊', 'ロシアが部隊を派兵した。訪問と会談。');
    expect(s[0]).toBe(0);
    expect(s[1]).toBeGreaterThan(0);
    // North Korea with Russia named only by its capital: still the pair's story.
    expect(score('北朝鮮の部隊', 'モスクワに北朝鮮の部隊が着いた。')[0]).toBeGreaterThan(0);
  });

  it('counts the two named together where the story is told, so the pair outranks generic words', () => {
    const s = score('北朝鮮の部隊', 'ロシアに北朝鮮が部隊を派兵した。');
    expect(s[0]).toBeGreaterThan(s[1] as number);
    // Named together only deep in the body, an aside: the pair is not the story.
    const aside = score('部隊の派兵', '部隊を派兵した。昨年はロシアと北朝鮮も話題になった。');
    const told = score('部隊の派兵', 'ロシアと北朝鮮が部隊を派兵した。昨年も話題になった。');
    expect(told[0]).toBeGreaterThan(aside[0] as number);
  });

  it("takes the tag's keywords as its own party's words", () => {
    const [withKeywords] = describeTags(
      [
        { name: '露朝', description: 'Russia and North Korea together', keywords: ['平壌'] },
        { name: '制裁', description: 'sanctions on Russia' },
      ],
      glossary,
    );
    expect(withKeywords?.requires).toContain('平壌');
    if (!withKeywords) throw new Error('no description');
    expect(
      descriptionScores([withKeywords], '平壌で会談', 'ロシアの外相が来た。', scoring)[0],
    ).toBeGreaterThan(0);
  });
});

describe('a glossary phrase', () => {
  const [drones] = describeTags(
    [{ name: '無人機', description: 'drone attacks, and the defence ministers who answer them' }],
    { ...glossary, 'defence minister': ['国防相'], defence: ['国防'], minister: ['相'] },
  );

  it('also says the known words inside its Japanese, so ドローン alone finds the tag', () => {
    const terms = termsOf(drones);
    expect(terms).toEqual(
      expect.arrayContaining(
        ['ドローン攻撃', '無人機攻撃', 'ドローン', '無人機', '攻撃'].map((w) =>
          normaliseForMatch(w),
        ),
      ),
    );
    // 国防相 holds 国防, a word; 相 alone says too little to keep.
    expect(terms).toContain('国防');
    expect(terms).not.toContain('相');
    if (!drones) throw new Error('no description');
    expect(
      descriptionScores([drones], '', normaliseForMatch('ドローンが飛来した。'), scoring)[0],
    ).toBeGreaterThan(0);
  });
});
