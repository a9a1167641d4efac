import { describe, expect, it } from 'vitest';
import { article, quoteOf } from '../../../test/fixtures/writer.js';
import { restatements } from './restatements.js';

const { text } = article('港の再建', [
  '大臣は港の再建を急ぐと表明。「港の再建は急務だ。来月には工事を始める」と語った。',
  'さらに、鉄道の復旧には国際的な支援が要ると述べた。',
  '市長は港の再建を急ぐべきだと話した。',
]);
const minister = { speaker: '大臣', canonical: '大臣' };
const quotation = quoteOf(text, '港の再建は急務だ。来月には工事を始める', minister);
const gloss = quoteOf(text, '港の再建を急ぐ', { ...minister, kind: 'indirect' });
const news = quoteOf(text, '鉄道の復旧には国際的な支援が要る', { ...minister, kind: 'indirect' });
const mayor = quoteOf(text, '港の再建を急ぐべきだ', {
  kind: 'indirect',
  speaker: '市長',
  canonical: '市長',
});

describe('restatements', () => {
  it('finds the reported speech that glosses the next quotation of the same speaker', () => {
    expect(restatements([gloss, quotation, news, mayor], text)).toEqual(new Set([gloss]));
  });

  it('keeps reported speech that adds to the quotation, or is another speaker’s', () => {
    const found = restatements([gloss, quotation, news, mayor], text);
    expect(found.has(news)).toBe(false);
    expect(found.has(mayor)).toBe(false);
  });

  it('keeps a gloss when there is no quotation to prefer', () => {
    expect(restatements([gloss, news], text).size).toBe(0);
  });
});
