import { describe, expect, it } from 'vitest';
import { article, entityOf, quoteOf } from '../../../test/fixtures/writer.js';
import { headlineOf, namedInHeadline } from './headline.js';

const { entry, text } = article('ポルトガルも反発 外相が記者会見 https://t.co/x', [
  'リスボンで13日、ソアレス外相は「協定には署名しない」と述べた。',
  'ポルトガル政府は「交渉は続ける」と発表した。リスボン市当局は「道路を封鎖する」とした。',
  '港湾労働者は「賃金が先だ」と話した。',
]);
const entities = [
  entityOf(text, 'place', 'リスボン'),
  entityOf(text, 'person', 'ソアレス', { title: '外相' }),
  entityOf(text, 'country', 'ポルトガル'),
  entityOf(text, 'country', 'ポルトガル', {}, 1),
  entityOf(text, 'place', 'リスボン', {}, 1),
];
const head = headlineOf(entry);

describe('headlineOf', () => {
  it('is the first line of the post without its link', () => {
    expect(head).toBe('ポルトガルも反発 外相が記者会見');
  });
});

describe('namedInHeadline', () => {
  it('finds a speaker the headline names by title alone', () => {
    const q = quoteOf(text, '協定には署名しない', {
      speaker: 'ソアレス外相',
      canonical: 'ソアレス',
    });
    expect(namedInHeadline(q, head, entities)).toBe(true);
  });

  it('finds officials of a country the headline names', () => {
    const q = quoteOf(text, '交渉は続ける', {
      speaker: 'ポルトガル政府',
      canonical: 'ポルトガル政府',
      org: 'ポルトガル',
    });
    expect(namedInHeadline(q, head, entities)).toBe(true);
  });

  it('does not take a place for its officials, nor a bystander for the news', () => {
    const city = quoteOf(text, '道路を封鎖する', {
      speaker: 'リスボン市当局',
      canonical: 'リスボン市当局',
      org: 'リスボン',
    });
    const worker = quoteOf(text, '賃金が先だ', { speaker: '港湾労働者' });
    expect(namedInHeadline(city, 'リスボンで衝突', entities)).toBe(false);
    expect(namedInHeadline(worker, head, entities)).toBe(false);
  });
});
