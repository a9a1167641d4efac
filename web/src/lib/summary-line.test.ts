import { describe, expect, it } from 'vitest';
import { cleanTag, retagLine, tagOfLine } from './summary-line.js';
import { correctionOf, editedLines, isNew, retaggedLines, startingLines } from './corrections.js';

describe('tagOfLine', () => {
  it('reads the tag of #Tag( and ＃Tag（ lines, and nothing else', () => {
    expect(tagOfLine('#ウクライナ戦況(東部・国防省「集落を掌握した」)')).toBe('ウクライナ戦況');
    expect(tagOfLine('  ＃露朝（首脳会談）')).toBe('露朝');
    expect(tagOfLine('#NATOexpansion')).toBeNull();
    expect(tagOfLine('#(空のタグ)')).toBeNull();
    expect(tagOfLine('#露朝 (空白)')).toBeNull();
    expect(tagOfLine('本文の行')).toBeNull();
  });
});

describe('retagLine', () => {
  it('replaces the tag and keeps the content exactly', () => {
    expect(retagLine('#露斯(イラン製無人機「シャヘド」)', '露朝')).toBe(
      '#露朝(イラン製無人機「シャヘド」)',
    );
    expect(retagLine('＃露斯（全角）', '#和平 ')).toBe('#和平（全角）');
  });

  it('wraps a line that is not a summary line, and an empty one', () => {
    expect(retagLine('停戦協議', '和平')).toBe('#和平(停戦協議)');
    expect(retagLine('', '和平')).toBe('#和平()');
  });

  it('cleans what cannot be part of a tag', () => {
    expect(cleanTag(' #露朝 (x) ')).toBe('露朝x');
  });
});

describe('corrections', () => {
  const fresh = { summaryLines: [] as string[] };
  const filed = { summaryLines: ['#露斯(無人機)', '#露朝(会談)'] };
  const suggestion = {
    tags: [{ tag: '和平', score: 0.8, reasons: [] }],
    line: '#和平(停戦)',
    lineReasons: [],
  };

  it('reads edited lines one a line, trimmed, without blanks', () => {
    expect(editedLines(' #露朝(会談)\r\n\n#露斯(無人機) \n')).toEqual([
      '#露朝(会談)',
      '#露斯(無人機)',
    ]);
    expect(editedLines('\n  \n')).toEqual([]);
  });

  it('accepts one line for a new entry, and replaces the lines otherwise', () => {
    expect(correctionOf(fresh, ['#和平(停戦)'])).toEqual({ kind: 'accept', line: '#和平(停戦)' });
    expect(correctionOf(fresh, ['#a(x)', '#b(y)'])).toEqual({
      kind: 'replace',
      lines: ['#a(x)', '#b(y)'],
    });
    expect(correctionOf(filed, ['#露朝(会談)'])).toEqual({
      kind: 'replace',
      lines: ['#露朝(会談)'],
    });
    expect(correctionOf(filed, [])).toEqual({ kind: 'replace', lines: [] });
  });

  it('starts the editor from the entry’s lines, or the proposed line of a new entry', () => {
    expect(isNew(fresh)).toBe(true);
    expect(isNew(filed)).toBe(false);
    expect(startingLines(fresh, suggestion)).toEqual(['#和平(停戦)']);
    expect(startingLines(fresh, null)).toEqual([]);
    expect(startingLines(filed, suggestion)).toEqual(filed.summaryLines);
  });

  it('retags the first line, or says there is none', () => {
    expect(retaggedLines(filed, suggestion, '戦況')).toEqual(['#戦況(無人機)', '#露朝(会談)']);
    expect(retaggedLines(fresh, suggestion, '露朝')).toEqual(['#露朝(停戦)']);
    expect(retaggedLines(fresh, null, '露朝')).toBeNull();
  });
});
