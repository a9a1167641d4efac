import { describe, expect, it } from 'vitest';
import { makeEntry, NO_ANNOTATIONS } from '../../../test/fixtures/tagging.js';
import { annotationFeatures } from './annotation-features.js';
import { DEFAULT_FEATURE_OPTIONS, extractFeatures } from './extract.js';
import { featureNames } from './names.js';
import { forEachBigram } from './units.js';

describe('forEachBigram', () => {
  it('pairs adjacent word characters, breaking at punctuation, digits folded', () => {
    const pairs: string[] = [];
    forEachBigram('露朝、会談 17日🇷🇺', (a, b) => pairs.push(String.fromCodePoint(a, b)));
    expect(pairs).toEqual(['露朝', '会談', '00', '0日', '日🇷', '🇷🇺']);
  });
});

describe('extractFeatures', () => {
  const entry = makeEntry('e', '北朝鮮外相がモスクワ訪問', ['北朝鮮の外相がロシアを訪れた。']);

  it('does not look at the summary lines (they are the labels)', () => {
    const labelled = {
      ...entry,
      summaries: [{ raw: '#露朝(会談)', tag: '露朝', content: '会談', segments: [] }],
    };
    const a = extractFeatures({ entry, annotations: null }, [], DEFAULT_FEATURE_OPTIONS);
    const b = extractFeatures({ entry: labelled, annotations: null }, [], DEFAULT_FEATURE_OPTIONS);
    expect(b).toEqual(a);
  });

  it('gives sorted, distinct buckets inside the hash space', () => {
    const { vector } = extractFeatures(
      { entry, annotations: null },
      [{ tag: '露朝', keywords: ['北朝鮮'] }],
      DEFAULT_FEATURE_OPTIONS,
    );
    const idx = Array.from(vector.idx);
    expect(idx).toEqual([...new Set(idx)].sort((x, y) => x - y));
    expect(Math.max(...idx)).toBeLessThan(2 ** DEFAULT_FEATURE_OPTIONS.bits);
  });

  it('names its features for explanations', () => {
    const names = [
      ...featureNames(
        { entry, annotations: null },
        [{ tag: '露朝', keywords: ['北朝鮮'] }],
        DEFAULT_FEATURE_OPTIONS,
      ).values(),
    ].flat();
    expect(names).toContain('kw:露朝');
    expect(names).toContain('見出し:朝鮮');
    expect(names).toContain('handle:wire');
  });
});

describe('annotationFeatures', () => {
  it('pairs the countries mentioned together', () => {
    const country = (canonical: string, start: number) => ({
      type: 'country' as const,
      surface: canonical,
      canonical,
      title: null,
      via: 'gazetteer' as const,
      start,
      end: start + 2,
    });
    const features = annotationFeatures({
      ...NO_ANNOTATIONS,
      entities: [country('北朝鮮', 0), country('ロシア', 5)],
    });
    expect(features).toContain('pair:ロシア+北朝鮮');
    expect(features).toContain('country:北朝鮮');
  });
});
