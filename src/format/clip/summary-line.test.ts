import { describe, expect, it } from 'vitest';
import { isTagOnlyLine, parseSummaryLine, renderSummaryLine } from './summary-line.js';

describe('parseSummaryLine', () => {
  it('splits segments on ・ but not inside katakana names', () => {
    const s = parseSummaryLine(
      '#ウクライナ代理戦争(アイルランド出身ミック・ウォレス議員「戦争を煽った」・反転攻勢)',
    );
    expect(s?.segments).toEqual([
      {
        kind: 'quote',
        speaker: 'アイルランド出身ミック・ウォレス議員',
        quotes: ['戦争を煽った'],
        rest: '',
      },
      { kind: 'context', text: '反転攻勢' },
    ]);
  });

  it('keeps several quotes of one speaker and nested 『』', () => {
    const s = parseSummaryLine('#NATO(将軍「第一だ」「将軍『離れている』と述べた」)');
    expect(s?.segments[0]).toEqual({
      kind: 'quote',
      speaker: '将軍',
      quotes: ['第一だ', '将軍『離れている』と述べた'],
      rest: '',
    });
  });

  it('does not split on ・ inside a quote or parentheses', () => {
    const s = parseSummaryLine('#NATO(委員長「予見可能・管理可能だ」・(補足・注))');
    expect(s?.segments.map((x) => x.kind)).toEqual(['quote', 'context']);
  });

  it('treats a bracketed name of a thing as context, not speech', () => {
    const s = parseSummaryLine('#世界経済フォーラム(年次総会「ダボス会議」・首相「支援を続ける」)');
    expect(s?.segments.map((x) => x.kind)).toEqual(['context', 'quote']);
  });

  it('keeps an unbalanced quote as context rather than failing', () => {
    expect(parseSummaryLine('#ロシア(報道官「未完')).toBeNull();
    expect(parseSummaryLine('#ロシア(報道官「未完)')?.segments).toEqual([
      { kind: 'context', text: '報道官「未完' },
    ]);
  });

  it('accepts full-width ＃ and parentheses, and an empty content', () => {
    expect(parseSummaryLine('＃露朝（会談）')?.tag).toBe('露朝');
    expect(parseSummaryLine('#露朝()')?.segments).toEqual([]);
  });

  it('rejects lines that are not summary lines', () => {
    expect(parseSummaryLine('#NATOexpansion')).toBeNull();
    expect(parseSummaryLine('本文 #タグ(x)')).toBeNull();
    expect(isTagOnlyLine('#反ロシア#対中露戦')).toBe(true);
    expect(isTagOnlyLine('#露朝(会談)')).toBe(false);
  });
});

describe('renderSummaryLine', () => {
  it('is the inverse of parsing for lines in the curator’s shape', () => {
    const raw =
      '#ウクライナ戦況(反転攻勢・プーチン大統領「主導権がある」・ゼレンスキー大統領「平和で終わらせる」「決定的な年だ」)';
    const s = parseSummaryLine(raw);
    expect(s && renderSummaryLine(s.tag, s.segments)).toBe(raw);
  });
});
