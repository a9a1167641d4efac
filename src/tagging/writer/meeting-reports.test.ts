import { describe, expect, it } from 'vitest';
import {
  article,
  outletAnnotations,
  quoteOf,
  WRITING_RULES,
} from '../../../test/fixtures/writer.js';
import { meetingReports } from './meeting-reports.js';
import { proposeSummaryLine } from './propose.js';
import { DEFAULT_SUMMARY_STYLE } from './style.js';

// A made-up report: the president says he met his minister, then what he said.
const { entry, text } = article('大統領、物価に言及', [
  'ノヴァク大統領は、週末に財務相と物価について協議したと述べた。',
  '大統領は「物価の上昇は一時的だ。年金は必ず守る」と語った。',
]);
const president = { speaker: 'ノヴァク大統領', canonical: 'ノヴァク' };
const met = quoteOf(text, '週末に財務相と物価について協議した', {
  ...president,
  kind: 'indirect',
});
const said = quoteOf(text, '物価の上昇は一時的だ。年金は必ず守る', president);

describe('meetingReports', () => {
  it('finds the report of a meeting by a speaker whose own words are quoted too', () => {
    expect(meetingReports([met, said], WRITING_RULES)).toEqual(new Set([met]));
  });

  it('keeps a meeting that is the news itself: no words of the speaker beside it', () => {
    expect(meetingReports([met], WRITING_RULES).size).toBe(0);
  });

  it('leaves the line to the words said', () => {
    // A curator who quotes reported speech as readily as quotations, and strings one
    // speaker's words together: only the rule keeps the meeting out.
    const style = {
      ...DEFAULT_SUMMARY_STYLE,
      contextShare: 0,
      maxQuotes: 3,
      quotesPerSpeaker: 2,
      indirectWeight: 1,
    };
    const line = proposeSummaryLine(
      entry,
      outletAnnotations([met, said]),
      '経済',
      WRITING_RULES,
      style,
    );
    expect(line.raw).toBe('#経済(ノヴァク大統領「物価の上昇は一時的だ。年金は必ず守る」)');
  });
});
