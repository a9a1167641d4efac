import { describe, expect, it } from 'vitest';
import {
  article,
  outletAnnotations,
  quoteOf,
  quotesOf,
  WRITING_RULES,
} from '../../../test/fixtures/writer.js';
import { passages } from './passages.js';
import { proposeSummaryLine } from './propose.js';
import { DEFAULT_SUMMARY_STYLE } from './style.js';

// Made-up commentary posts quoting a member's speech in a 🗣️ block, the poster's closing
// remark (naming him) taken into the block by the annotator.
const speaker = {
  speaker: 'ベルク議員',
  canonical: 'ベルク',
  speakerKind: 'person' as const,
  attribution: 'mark' as const,
};
const post = (lines: string[]) => {
  const { entry, text } = article('議会で異例の演説', lines);
  const block = lines.join('\n');
  const quote = quoteOf(text, block, speaker);
  const annotations = {
    ...outletAnnotations([quote]),
    source: { kind: 'individual' as const, outlet: null, reasons: [] },
  };
  return { entry, text, quote, annotations };
};
// A curator whose usual quote is about twenty characters: passages of up to forty.
const style = { ...DEFAULT_SUMMARY_STYLE, usualQuoteLength: 20, contextShare: 0 };

describe('a long speech', () => {
  const answering = post([
    'それは避けられた失敗だった。しかし誰も止めなかった。',
    '数字は先月の報告にすべて載っている。',
    'あなた方はまだ目を閉じているつもりなのか?今こそ予算を見直すべきだ。',
    '…ベルク議員は声を荒らげた。',
  ]);

  it('is cut into runs of whole sentences, none opening by pointing back or naming its speaker', () => {
    const { quote, text } = answering;
    const parts = passages(quote, text, 40, WRITING_RULES) ?? [];
    expect(parts.map((p) => p.text)).toEqual([
      '誰も止めなかった。数字は先月の報告にすべて載っている',
      '数字は先月の報告にすべて載っている。あなた方はまだ目を閉じているつもりなのか?',
      'あなた方はまだ目を閉じているつもりなのか?今こそ予算を見直すべきだ',
      '今こそ予算を見直すべきだ',
    ]);
    expect(parts.map((p) => p.voice)).toEqual([0, 0.5, 1, 1]);
    for (const p of parts) expect(text.slice(p.start, p.end)).not.toMatch(/ベルク/u);
  });

  it('is quoted whole when it is short enough', () => {
    const { quote, text } = answering;
    expect(passages(quote, text, 500, WRITING_RULES)).toBeNull();
  });

  it('that answers something is quoted where the speaker turns to the listeners', () => {
    const { entry, annotations } = answering;
    const line = proposeSummaryLine(entry, annotations, '議会', WRITING_RULES, style);
    expect(quotesOf(line.segments)).toEqual([
      'あなた方はまだ目を閉じているつもりなのか?今こそ予算を見直すべきだ',
    ]);
  });

  it('that opens with a sentence of its own is quoted from its opening', () => {
    const { entry, annotations } = post([
      'われわれは三年間、同じ約束を聞かされてきた。工場は閉じたままだ。',
      '納税者は使い道を知らされていない。',
      'あなた方はこれ以上待てるのか?',
    ]);
    const line = proposeSummaryLine(entry, annotations, '議会', WRITING_RULES, style);
    expect(quotesOf(line.segments)).toEqual([
      'われわれは三年間、同じ約束を聞かされてきた。工場は閉じたままだ',
    ]);
  });
});
