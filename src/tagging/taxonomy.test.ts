import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTaxonomy, renderTaxonomy, validateTaxonomy, type Taxonomy } from './taxonomy.js';

describe('parseTaxonomy', () => {
  it('reads tags with optional description and keywords', () => {
    const r = parseTaxonomy('{"tags":[{"name":"露朝","keywords":["北朝鮮"]},{"name":"NATO"}]}');
    expect(r.ok && r.value.tags.map((t) => t.name)).toEqual(['露朝', 'NATO']);
    expect(r.ok && r.value.tags[0]?.keywords).toEqual(['北朝鮮']);
  });

  it('reports invalid JSON with the file name', () => {
    const r = parseTaxonomy('{"tags": [', 'taxonomy.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]?.message).toMatch(/^tagging: taxonomy is not valid JSON/u);
      expect(r.error[0]?.file).toBe('taxonomy.json');
    }
  });

  it('reports every problem with where it is', () => {
    const r = parseTaxonomy(
      JSON.stringify({
        tags: [{ name: 'a b' }, { name: 'NATO' }, { name: 'NATO', colour: 'red' }],
      }),
    );
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.error.map((d) => d.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^tagging: taxonomy: tags\[0\]\.name: .*spaces/u),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/tags\[2\]\.name: duplicate tag 'NATO'/u),
    );
    expect(messages).toContainEqual(expect.stringMatching(/tags\[2\]: .*colour/u));
  });

  it('refuses empty keywords and a missing tag list', () => {
    expect(parseTaxonomy('{"tags":[{"name":"x","keywords":[" "]}]}').ok).toBe(false);
    expect(validateTaxonomy({}).ok).toBe(false);
  });
});

describe('renderTaxonomy', () => {
  const tagName = fc.stringMatching(/^[^\s#＃()（）]{1,8}$/u);
  const taxonomy: fc.Arbitrary<Taxonomy> = fc
    .uniqueArray(
      fc.record(
        {
          name: tagName,
          description: fc.string(),
          keywords: fc.array(fc.stringMatching(/^\S{1,6}$/u)),
        },
        { requiredKeys: ['name'] },
      ),
      { selector: (t) => t.name, maxLength: 6 },
    )
    .map((tags) => ({ version: 1 as const, tags }));

  it('gives back what it was given when parsed', () => {
    fc.assert(
      fc.property(taxonomy, (t) => {
        const r = parseTaxonomy(renderTaxonomy(t));
        expect(r.ok && r.value).toEqual(t);
      }),
    );
  });
});
