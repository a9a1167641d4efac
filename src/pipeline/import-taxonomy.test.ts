import { describe, expect, it } from 'vitest';
import { mergeTaxonomy } from './import-taxonomy.js';

describe('mergeTaxonomy', () => {
  const base = {
    version: 1 as const,
    tags: [
      { name: 'NATO', description: '同盟', keywords: ['加盟国'] },
      { name: '露朝' },
      { name: '露斯', keywords: ['イラン'] },
    ],
  };

  it('adds new tags at the end, extends known ones, keeps their descriptions', () => {
    const r = mergeTaxonomy(base, {
      tags: [
        { name: '露朝', description: '接近', keywords: ['金正恩'] },
        { name: 'NATO', description: '別の説明', keywords: ['加盟国', '演習'] },
        { name: '露斯', keywords: ['イラン'] },
        { name: '中東', keywords: ['ガザ'] },
      ],
    });
    expect(r).toEqual({
      taxonomy: {
        version: 1,
        tags: [
          { name: 'NATO', description: '同盟', keywords: ['加盟国', '演習'] },
          { name: '露朝', description: '接近', keywords: ['金正恩'] },
          { name: '露斯', keywords: ['イラン'] },
          { name: '中東', keywords: ['ガザ'] },
        ],
      },
      added: ['中東'],
      extended: ['露朝', 'NATO'],
      unchanged: ['露斯'],
    });
  });

  it('changes nothing when merged with itself', () => {
    const r = mergeTaxonomy(base, base);
    expect(r.taxonomy).toEqual(base);
    expect(r).toMatchObject({ added: [], extended: [], unchanged: ['NATO', '露朝', '露斯'] });
  });
});
