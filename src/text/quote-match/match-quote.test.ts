import { describe, expect, it } from 'vitest';
import { matchQuote, prepareQuoteText } from './match-quote.js';
import { quotePieces } from './split-pieces.js';

const ABBREVIATIONS = { ウク: ['ウクライナ'], 露: ['ロシア'], 米: ['アメリカ', '米国'] };

describe('quotePieces', () => {
  it('splits at 。、, ellipses, slashes and nested brackets', () => {
    expect(
      quotePieces('雨が降る。風も吹く、寒い…明日は晴れ...たぶん/きっと').map((p) => p.text),
    ).toEqual(['雨が降る', '風も吹く', '寒い', '明日は晴れ', 'たぶん', 'きっと']);
    expect(quotePieces('山田教授『橋は古い』').map((p) => p.text)).toEqual([
      '山田教授',
      '橋は古い',
    ]);
  });

  it('splits at a middle-dot ellipsis and at a passage-left-out mark, not at one middle dot', () => {
    expect(quotePieces('雨が降る・・・晴れる(中略)風が吹く（略）寒い').map((p) => p.text)).toEqual([
      '雨が降る',
      '晴れる',
      '風が吹く',
      '寒い',
    ]);
    expect(quotePieces('予見可能・管理可能').map((p) => p.text)).toEqual(['予見可能・管理可能']);
  });

  it('leaves out a lone character between marks, which is no evidence either way', () => {
    expect(quotePieces('『古い方式』と『新しい要求』は拒む').map((p) => p.text)).toEqual([
      '古い方式',
      '新しい要求',
      'は拒む',
    ]);
    expect(quotePieces('嘘').map((p) => p.text)).toEqual(['嘘']);
  });

  it('gives each piece its range in the quote', () => {
    const [, second] = quotePieces('一つ目。二つ目');
    expect(second).toMatchObject({ start: 4, end: 7, text: '二つ目' });
  });
});

describe('matchQuote', () => {
  const text = '市長は会見で「新しい橋を来年までに完成させる。費用は市が負担する」と述べた。';

  it('passes a quote whose pieces all stand in the text, with their ranges', () => {
    const m = matchQuote('新しい橋を来年までに完成させる。費用は市が負担する', text);
    expect(m.passes).toBe(true);
    expect(m.nearest).toBeNull();
    const [first, second] = m.pieces;
    expect(text.slice(first?.found?.start, first?.found?.end)).toBe(
      '新しい橋を来年までに完成させる',
    );
    expect(text.slice(second?.found?.start, second?.found?.end)).toBe('費用は市が負担する');
  });

  it('passes trims and joins: pieces in another order, parts left out', () => {
    expect(matchQuote('費用は市が負担する…橋を来年までに完成', text).passes).toBe(true);
    expect(matchQuote('新しい橋を・・・完成させる', text).passes).toBe(true);
    expect(matchQuote('新しい橋を(中略)費用は市が負担する', text).passes).toBe(true);
  });

  it('ignores width, brackets, white space, line breaks and emoji', () => {
    const wide = '知事は「ＡＩ　の導入を\n進める🚀」と語り、\r\n「予算は２０億円だ」とした。';
    expect(matchQuote('AIの導入を進める。予算は20億円だ', wide).passes).toBe(true);
    expect(matchQuote('🌸AI の導入を進める', wide).passes).toBe(true);
  });

  it('maps a found piece back to the original text across what the view dropped', () => {
    const wide = '「ＡＩ　の導入を\n進める」';
    const piece = matchQuote('AIの導入を進める', wide).pieces[0];
    expect(piece?.found).toEqual({ start: 1, end: 12 });
  });

  it('passes abbreviations either way round', () => {
    const t = 'ウクライナ軍はロシアの攻撃を退けたとアメリカ当局者は話した。';
    expect(matchQuote('ウク軍は露の攻撃を退けた', t, { abbreviations: ABBREVIATIONS }).passes).toBe(
      true,
    );
    expect(matchQuote('ウク軍は露の攻撃を退けた', t).passes).toBe(false);
    const short = '米当局者は宇の勝利を疑わないと話した。';
    expect(matchQuote('アメリカ当局者は', short, { abbreviations: ABBREVIATIONS }).passes).toBe(
      true,
    );
  });

  it('passes a quote that leaves out an aside in round brackets, or keeps one', () => {
    const t = '「いずれその職に(前任者は)戻らない」と書いた。';
    expect(matchQuote('いずれその職に戻らない', t).passes).toBe(true);
    expect(matchQuote('いずれその職に(前任者は)戻らない', t).passes).toBe(true);
    expect(matchQuote('(市は)いずれその職に戻らない', t).passes).toBe(true);
  });

  it('counts equivalent forms as one word (the names of one person)', () => {
    const t = '鈴木一郎(スズキ・イチロー)氏は「スズキ氏の案は古い」と言われた。';
    const equivalents = [['鈴木一郎', 'スズキ・イチロー', 'スズキ']];
    expect(matchQuote('鈴木一郎氏の案は古い', t, { equivalents }).passes).toBe(true);
    expect(matchQuote('鈴木一郎氏の案は古い', t).passes).toBe(false);
  });

  it('flags a quote not in the text, with the missing pieces and the nearest passage', () => {
    const t = '前置きの文がある。大臣は「港の工事は秋に終わる」と述べた。後書きもある。';
    const m = matchQuote('港の工事は春に終わる。予算も足りる', t);
    expect(m.passes).toBe(false);
    expect(m.pieces.map((p) => p.found === null)).toEqual([true, true]);
    const near = m.pieces[0]?.nearest;
    expect(near?.text).toBe('港の工事は秋に終わる');
    expect(near?.similarity).toBeGreaterThan(0.6);
    expect(near?.similarity).toBeLessThan(1);
    expect(m.nearest?.text).toContain('港の工事は秋');
  });

  it('gives no nearest passage when nothing is shared', () => {
    const m = matchQuote('まったく別の話', 'ABCDEF');
    expect(m.passes).toBe(false);
    expect(m.nearest).toBeNull();
  });

  it('reuses a prepared text for many quotes with the same result', () => {
    const prepared = prepareQuoteText(text);
    expect(matchQuote('費用は市が負担する', prepared)).toEqual(
      matchQuote('費用は市が負担する', text),
    );
  });

  it('stays linear on a 1 MB text (no quadratic window search)', () => {
    const big = `${'あいうえおかきくけこ'.repeat(100_000)}「港の工事は秋に終わる」`;
    const m = matchQuote('港の工事は春に終わる', big);
    expect(m.nearest?.text).toBe('港の工事は秋に終わる');
    expect(m.nearest?.start).toBe(1_000_001);
  });
});
