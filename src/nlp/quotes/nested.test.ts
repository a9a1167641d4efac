import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../model/index.js';
import { annotate } from '../annotate.js';
import { loadKnowledge } from '../knowledge/index.js';

const knowledge = loadKnowledge();
const quotesOf = (text: string): Quote[] =>
  annotate(text, { knowledge }).quotes.filter((q) => q.kind !== 'indirect');
const brief = (q: Quote) => ({
  kind: q.kind,
  text: q.text,
  speaker: q.speaker,
  canonical: q.canonical,
});

describe('extractQuotes: quotes inside quotes', () => {
  it('an inner quote is spoken by whom the outer words name as saying it', () => {
    const text = 'ヘルマン報道官は「ペスコフ氏が『対話の扉は開いている』と述べた」と語った。';
    expect(quotesOf(text).map(brief)).toEqual([
      {
        kind: 'speech',
        text: 'ペスコフ氏が『対話の扉は開いている』と述べた',
        speaker: 'ヘルマン報道官',
        canonical: 'ヘルマン',
      },
      {
        kind: 'speech',
        text: '対話の扉は開いている',
        speaker: 'ペスコフ氏',
        canonical: 'ペスコフ',
      },
    ]);
  });

  it('a bare title inside the quote is held by the person named so before it', () => {
    const text =
      'ロシアのプーチン大統領は会見に臨んだ。ペスコフ報道官は「大統領は『いつでも会う用意がある』と述べている」と説明した。';
    const [, inner] = quotesOf(text);
    expect(inner).toMatchObject({
      text: 'いつでも会う用意がある',
      speaker: '大統領',
      canonical: 'プーチン',
      attribution: 'coreference',
    });
    expect(quotesOf(text.slice(text.indexOf('ペスコフ')))[1]?.canonical).toBeNull();
  });

  it('同氏, 彼 or 同 with a title inside the quote names the person named before it, not the one quoting', () => {
    const [, byPronoun] = quotesOf(
      '架空国のミロフ外相は20日、隣国のサバン首相と会談した。ミロフ氏は会見で「同氏は『国境の橋は開けたままにする』と繰り返した」と述べた。',
    );
    expect(byPronoun).toMatchObject({
      kind: 'speech',
      text: '国境の橋は開けたままにする',
      canonical: 'サバン',
      attribution: 'coreference',
    });
    const [, byHe] = quotesOf(
      'ケスラー議長はベルン首相の訪問について語り、「彼は私に『冬までに必ず返事をする』と約束した」と明かした。',
    );
    expect(byHe).toMatchObject({ text: '冬までに必ず返事をする', canonical: 'ベルン' });
    // 同大統領 needs someone named 大統領 before the quote: a 首相 is not it.
    const [, noHolder] = quotesOf(
      'ケスラー議長はベルン首相と会った後、「同大統領は『冬までに必ず返事をする』と約束した」と語った。',
    );
    expect(noHolder).toMatchObject({ kind: 'term', speaker: null });
    // With no one else named before the quote, the pronoun is no one we know.
    const [, alone] = quotesOf(
      'ケスラー議長は「彼は『冬までに必ず返事をする』と約束した」と語った。',
    );
    expect(alone).toMatchObject({ kind: 'term', speaker: null });
  });

  it('a speaker named after the inner quote, inside the outer one, speaks it', () => {
    const [, inner] = quotesOf(
      'ヤンセン外相は「『国境は閉ざさない』とペスコフ報道官は述べたが、現実は違う」と述べた。',
    );
    expect(inner).toMatchObject({ text: '国境は閉ざさない', canonical: 'ペスコフ' });
  });

  it('the agent of a passive report said the words, inside a quote or not', () => {
    const [, inner] = quotesOf(
      '捕虜になった若い兵士は「上官から『撤退すれば撃つ』と言われた」と証言した。',
    );
    expect(inner).toMatchObject({ kind: 'speech', text: '撤退すれば撃つ', speaker: '上官' });
    expect(quotesOf('兵士は指揮官から「持ち場を離れるな」と命じられたという。')[0]).toMatchObject({
      kind: 'speech',
      speaker: '指揮官',
      reasons: ['agent of a passive report'],
    });
  });

  it('a passive report with no agent is hearsay: a term, with no speaker', () => {
    const found = quotesOf(
      'ゼレンスキー大統領は「『戦争はすぐ終わる』と言われていた」と振り返った。',
    );
    expect(found.map((q) => [q.kind, q.text, q.speaker])).toEqual([
      ['speech', '『戦争はすぐ終わる』と言われていた', 'ゼレンスキー大統領'],
      ['term', '戦争はすぐ終わる', null],
    ]);
  });

  it('a speaker naming themself inside the quote is the outer speaker', () => {
    const [, inner] = quotesOf(
      'ヤンセン外相は「私はラブロフ外相に『戦争を止めるべきだ』と伝えた」と明らかにした。',
    );
    expect(inner).toMatchObject({
      kind: 'speech',
      text: '戦争を止めるべきだ',
      speaker: 'ヤンセン外相',
      attribution: 'coreference',
    });
  });

  it('words quoted inside with no one named as saying them are the speaker quoting someone unknown: a term', () => {
    const [, inner] = quotesOf('ヤンセン外相は「『必ず勝つ』と約束したはずだ」と述べた。');
    expect(inner).toMatchObject({ kind: 'term', text: '必ず勝つ', speaker: null });
  });

  it('a phrase quoted inside a quote is a term, not speech', () => {
    const [, inner] = quotesOf(
      'プーチン大統領は「西側の『いわゆる和平の方式』は受け入れられない」と述べた。',
    );
    expect(inner).toMatchObject({ kind: 'term', text: 'いわゆる和平の方式', speaker: null });
  });

  it('『』 as the outer quote, with 「」 inside it', () => {
    const found = quotesOf(
      'バイデン大統領は『ショルツ首相が「会議を延期する」と通告してきた』と明かした。',
    );
    expect(found.map((q) => [q.kind, q.text, q.canonical])).toEqual([
      ['speech', 'ショルツ首相が「会議を延期する」と通告してきた', 'バイデン'],
      ['speech', '会議を延期する', 'ショルツ'],
    ]);
  });

  it('reads two levels down, each with its own speaker', () => {
    const found = quotesOf(
      'ルッテ事務総長は「ゼレンスキー大統領が『プーチン氏から「降伏しろ」と言われた』と明かした」と述べた。',
    );
    expect(found.map((q) => [q.text, q.canonical])).toEqual([
      ['ゼレンスキー大統領が『プーチン氏から「降伏しろ」と言われた』と明かした', 'ルッテ'],
      ['プーチン氏から「降伏しろ」と言われた', 'ゼレンスキー'],
      ['降伏しろ', 'プーチン'],
    ]);
  });

  it('quotes inside a term are part of its name', () => {
    expect(quotesOf('通称『「鉄の壁」作戦』が始まった。').map((q) => q.kind)).toEqual(['term']);
  });

  it('finds no report without brackets inside quoted words', () => {
    const text = 'ヘルマン報道官は「ペスコフ氏が『対話の扉は開いている』と述べた」と語った。';
    const indirect = annotate(text, { knowledge }).quotes.filter((q) => q.kind === 'indirect');
    expect(indirect).toEqual([]);
  });
});

describe('extractQuotes: titles of works are terms', () => {
  it('a word for a work before the bracket, in a sentence that reports speech', () => {
    const found = quotesOf(
      'マクロン大統領は小説『戦争と平和』を引用し、「歴史は繰り返さない」と述べた。',
    );
    expect(found.map((q) => [q.kind, q.text])).toEqual([
      ['term', '戦争と平和'],
      ['speech', '歴史は繰り返さない'],
    ]);
  });

  it('what is done with a work after the bracket, and a work on a headline', () => {
    expect(quotesOf('元外相は『夜明けまでの日々』を出版した。')[0]?.kind).toBe('term');
    expect(quotesOf('ドキュメンタリー映画『ふたつの岸辺』が公開へ\n本文。')[0]?.kind).toBe('term');
  });

  it('a title inside a quote is a term too', () => {
    const [, inner] = quotesOf('監督は「映画『ふたつの岸辺』で伝えたかったのは希望だ」と語った。');
    expect(inner).toMatchObject({ kind: 'term', text: 'ふたつの岸辺' });
  });
});

describe('extractQuotes: ranges of nested quotes', () => {
  const piece = fc.constantFrom(
    '「',
    '」',
    '『',
    '』',
    'ペスコフ氏が',
    '上官から',
    '私は',
    'と述べた',
    'と言われた',
    '著書',
    '。',
    '、',
    '戦争を止めるべきだ',
    'ゼレンスキー大統領は',
    '\n',
  );

  it('every quote is the exact inside of its brackets and lies in the text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        for (const q of annotate(text, { knowledge }).quotes) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(q.start, q.end)).toBe(q.text);
          if (q.kind !== 'indirect' && q.kind !== 'speech') continue;
          const span = q.speakerSpan;
          if (span && q.speaker && q.attribution === 'explicit')
            expect(text.slice(span.start, span.end)).toContain(q.speaker.slice(0, 1));
        }
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it('a nested quote lies inside the quote that holds it, brackets excluded', () => {
    const text =
      'ルッテ事務総長は「ゼレンスキー大統領が『プーチン氏から「降伏しろ」と言われた』と明かした」と述べた。';
    const [outer, middle, inner] = quotesOf(text);
    expect(outer && middle && inner).toBeTruthy();
    if (!outer || !middle || !inner) return;
    expect(text.charAt(middle.start - 1)).toBe('『');
    expect(text.charAt(middle.end)).toBe('』');
    expect(text.charAt(inner.start - 1)).toBe('「');
    expect(middle.start > outer.start && middle.end < outer.end).toBe(true);
    expect(inner.start > middle.start && inner.end < middle.end).toBe(true);
    expect(text.slice(inner.speakerSpan?.start, inner.speakerSpan?.end)).toBe('プーチン氏');
  });
});
