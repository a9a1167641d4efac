import { describe, expect, it } from 'vitest';
import { article } from '../../../test/fixtures/writer.js';
import { quoteCheck } from './quote-check.js';

const { entry } = article('市長「橋は来年」', [
  '市長は「新しい橋を\n来年までに完成させる🌉」と述べた。',
]);
const stands = quoteCheck(entry);

describe('quoteCheck', () => {
  it('passes the entry’s words, across line breaks, emoji and brackets', () => {
    expect(stands('新しい橋を来年までに完成させる')).toBe(true);
    expect(stands('『新しい橋』を来年までに')).toBe(true);
  });

  it('fails words the entry does not hold, and abbreviations it never wrote', () => {
    expect(stands('新しい橋を今年中に完成させる')).toBe(false);
    expect(matchesAbbreviation()).toBe(false);
  });
});

/** The writer's check knows no abbreviations: `米` does not stand for a text's `アメリカ`. */
function matchesAbbreviation(): boolean {
  const { entry: e } = article('見出し', ['アメリカの当局者が話した。']);
  return quoteCheck(e)('米の当局者が話した');
}
