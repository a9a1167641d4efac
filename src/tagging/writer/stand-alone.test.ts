import { describe, expect, it } from 'vitest';
import {
  article,
  outletAnnotations,
  quoteOf,
  WRITING_RULES,
} from '../../../test/fixtures/writer.js';
import { proposeSummaryLine } from './propose.js';
import { standAlone } from './stand-alone.js';
import { DEFAULT_SUMMARY_STYLE } from './style.js';

// Made-up reports whose quote opens by pointing back to the sentence before it.
const report = (before: string) => {
  const { entry, text } = article('ダムに危険', [
    `${before}。技術者の試算によれば、それは来月にも起こりうるという。`,
  ]);
  const quote = quoteOf(text, 'それは来月にも起こりうる', {
    kind: 'indirect',
    speaker: '技術者',
    attribution: 'explicit',
  });
  return { entry, text, quote };
};
const style = { ...DEFAULT_SUMMARY_STYLE, contextShare: 0 };

describe('a quote that points back', () => {
  it('takes the sentence before when it names its source, and credits that source', () => {
    const { text, quote } = report('地元紙が入手した内部文書によるとダムは決壊寸前だ');
    expect(standAlone(quote, text, WRITING_RULES)).toEqual({
      text: 'ダムは決壊寸前だ。技術者の試算によれば、それは来月にも起こりうる',
      credit: '地元紙が入手した内部文書',
    });
  });

  it('is written after the source it credits', () => {
    const { entry, quote } = report('地元紙が入手した内部文書によるとダムは決壊寸前だ');
    const line = proposeSummaryLine(
      entry,
      outletAnnotations([quote]),
      '防災',
      WRITING_RULES,
      style,
    );
    expect(line.raw).toBe(
      '#防災(地元紙が入手した内部文書「ダムは決壊寸前だ。技術者の試算によれば、それは来月にも起こりうる」)',
    );
  });

  it('is left out when the sentence before names nobody: no line quotes words of no one', () => {
    const { entry, text, quote } = report('ダムは築六十年を超えている');
    expect(standAlone(quote, text, WRITING_RULES)).toBeNull();
    const line = proposeSummaryLine(
      entry,
      outletAnnotations([quote]),
      '防災',
      WRITING_RULES,
      style,
    );
    expect(line.segments.some((s) => s.kind === 'quote')).toBe(false);
  });

  it('stands as it is when it does not point back', () => {
    const { text } = report('ダムは築六十年を超えている');
    const plain = quoteOf(text, 'ダムは築六十年を超えている', { kind: 'indirect' });
    expect(standAlone(plain, text, WRITING_RULES)).toEqual({
      text: 'ダムは築六十年を超えている',
      credit: null,
    });
  });
});
