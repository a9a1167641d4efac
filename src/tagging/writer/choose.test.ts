import { describe, expect, it } from 'vitest';
import {
  article,
  outletAnnotations,
  quoteOf,
  quotesOf,
  WRITING_RULES,
} from '../../../test/fixtures/writer.js';
import { proposeSummaryLine } from './propose.js';
import { DEFAULT_SUMMARY_STYLE } from './style.js';

// A made-up report: one minister's announcement told over three sentences.
const { entry, text } = article('国境管理を強化へ', [
  'ハーン外相は「国境の検問所を増やす」と述べた。',
  '同氏は「予算は足りている」と強調した。',
  'さらに「来年には人員を倍にする」と語った。',
]);
const minister = { speaker: 'ハーン外相', canonical: 'ハーン' };
const annotations = outletAnnotations([
  quoteOf(text, '国境の検問所を増やす', minister),
  quoteOf(text, '予算は足りている', { ...minister, attribution: 'coreference' }),
  quoteOf(text, '来年には人員を倍にする', { ...minister, attribution: 'carried' }),
]);
const style = { ...DEFAULT_SUMMARY_STYLE, maxQuotes: 2, quoteBudget: 300, contextShare: 0 };

describe('a statement told over several sentences', () => {
  it('is one statement for a curator who strings a speaker’s words together', () => {
    const stringer = { ...style, quotesPerSpeaker: 2 };
    const line = proposeSummaryLine(entry, annotations, '国境', WRITING_RULES, stringer);
    expect(quotesOf(line.segments)).toEqual([
      '国境の検問所を増やす',
      '予算は足りている',
      '来年には人員を倍にする',
    ]);
  });

  it('keeps to the quote count for a curator who seldom strings one speaker’s words', () => {
    const single = { ...style, quotesPerSpeaker: 1.4 };
    const line = proposeSummaryLine(entry, annotations, '国境', WRITING_RULES, single);
    expect(quotesOf(line.segments)).toHaveLength(2);
  });
});
