import { describe, expect, it } from 'vitest';
import { matchQuote } from '../../text/index.js';
import {
  article,
  entityOf,
  outletAnnotations,
  quoteOf,
  quotesOf,
  WRITING_RULES,
} from '../../../test/fixtures/writer.js';
import { proposeSummaryLine, proposeSummaryLines } from './propose.js';
import { annotatedText } from './source-text.js';
import { DEFAULT_SUMMARY_STYLE, learnStyle, type SummaryStyle } from './style.js';

// A made-up report: a defence minister named in the headline, and a passer-by.
const body = [
  'ノルデン国防相は11日、「北部の基地を来年までに倍に広げる」と述べた。',
  '同氏は「予算は議会が認めた範囲で賄う。追加の増税はしない」と強調した。',
  'また「近隣国との共同演習を毎年行う」と語った。',
  '基地の近くに住む男性は「騒音が心配だ」と話した。',
];
const minister = { speaker: 'ノルデン国防相', canonical: 'ノルデン', org: null };
const scene = (headline: string) => {
  const { entry, text } = article(headline, body);
  const annotations = outletAnnotations(
    [
      quoteOf(text, '北部の基地を来年までに倍に広げる', minister),
      quoteOf(text, '予算は議会が認めた範囲で賄う。追加の増税はしない', minister),
      quoteOf(text, '近隣国との共同演習を毎年行う', minister),
      quoteOf(text, '騒音が心配だ', { speaker: '男性' }),
    ],
    [entityOf(text, 'person', 'ノルデン', { title: '国防相' })],
  );
  return { entry, annotations };
};
// A curator who writes short lines, three quotes at most.
const tight: SummaryStyle = {
  ...DEFAULT_SUMMARY_STYLE,
  maxQuotes: 3,
  quotesPerSpeaker: 2,
  contextShare: 0,
  quoteBudget: 40,
};

describe('the speakers a headline names', () => {
  it('get all their statements into the line, whatever the length budget', () => {
    const { entry, annotations } = scene('国防相、基地拡張を表明');
    const line = proposeSummaryLine(entry, annotations, '防衛', WRITING_RULES, tight);
    expect(quotesOf(line.segments)).toEqual([
      '北部の基地を来年までに倍に広げる',
      '予算は議会が認めた範囲で賄う。追加の増税はしない',
      '近隣国との共同演習を毎年行う',
    ]);
  });

  it('are quoted from the article, not from the headline that condenses them', () => {
    const { entry, text } = article('国防相「守りを固める」', body);
    const annotations = outletAnnotations(
      [
        quoteOf(text, '守りを固める', minister),
        quoteOf(text, '北部の基地を来年までに倍に広げる', minister),
      ],
      [entityOf(text, 'person', 'ノルデン', { title: '国防相' })],
    );
    const line = proposeSummaryLine(entry, annotations, '防衛', WRITING_RULES, tight);
    expect(quotesOf(line.segments)).toEqual(['北部の基地を来年までに倍に広げる']);
  });

  it('are not news when the headline is about something else: the budget rules', () => {
    const { entry, annotations } = scene('北部で基地拡張へ');
    const line = proposeSummaryLine(entry, annotations, '防衛', WRITING_RULES, tight);
    expect(quotesOf(line.segments)).toHaveLength(1);
  });
});

describe('the quote check on proposed lines', () => {
  // An annotator's slip: a quote whose words are nowhere in the entry.
  const { entry, text } = article('国防相、基地拡張を表明', body);
  const annotations = outletAnnotations(
    [
      {
        ...quoteOf(text, '北部の基地を来年までに倍に広げる', minister),
        text: '南部の港を閉鎖する',
      },
      quoteOf(text, '近隣国との共同演習を毎年行う', minister),
    ],
    [entityOf(text, 'person', 'ノルデン', { title: '国防相' })],
  );

  it('never proposes a quote that is not in the entry’s text', () => {
    const line = proposeSummaryLine(entry, annotations, '防衛', WRITING_RULES, tight);
    expect(quotesOf(line.segments)).toEqual(['近隣国との共同演習を毎年行う']);
  });

  it('passes every quote it proposes, cleaned of emoji, line breaks and inner brackets', () => {
    const { entry: e, text: t } = article('国防相、基地拡張を表明', [
      'ノルデン国防相は「「北の盾」計画を進める🛡️\n予算は足りる(と思う)。増税はしない」と述べた。',
    ]);
    const a = outletAnnotations([
      quoteOf(t, '「北の盾」計画を進める🛡️\n予算は足りる(と思う)。増税はしない', minister),
    ]);
    for (const style of [tight, { ...tight, maxQuoteLength: 12 }]) {
      const quotes = quotesOf(proposeSummaryLine(e, a, '防衛', WRITING_RULES, style).segments);
      expect(quotes.length).toBe(1);
      for (const q of quotes) expect(matchQuote(q, annotatedText(e)).passes, q).toBe(true);
    }
  });
});

describe('an entry with several tags', () => {
  // A made-up report touching two tags: drones shot down, and a pact with another country.
  const { entry, text } = article('隣国と新協定へ最終調整', [
    '空軍は12日、自爆型無人機20機のうち15機を迎撃したと発表した。',
    '外務省のリンド報道官は「隣国ヴェスタとの協定の署名が近い。両国の関係はかつてなく深い」と述べた。',
  ]);
  const annotations = outletAnnotations([
    quoteOf(text, '自爆型無人機20機のうち15機を迎撃した', {
      kind: 'indirect',
      speaker: '空軍',
      canonical: '空軍',
    }),
    quoteOf(text, '隣国ヴェスタとの協定の署名が近い。両国の関係はかつてなく深い', {
      speaker: 'リンド報道官',
      canonical: 'リンド',
    }),
  ]);
  const tags = ['無人機攻撃', '対ヴェスタ'];
  const described = learnStyle([], null, {
    無人機攻撃: '無人機攻撃 無人機やドローンによる攻撃と迎撃、防空',
    対ヴェスタ: '対ヴェスタ ヴェスタとの協定や条約、両国の関係',
    制裁: '制裁 制裁と資産凍結',
    和平: '和平 停戦と和平交渉',
  });
  const style = { ...described, maxQuotes: 3, contextShare: 0 };

  it('gives each tag’s line the quote that speaks to it, from the tags’ descriptions', () => {
    const [drones, pact] = proposeSummaryLines(entry, annotations, tags, WRITING_RULES, style);
    expect(quotesOf(drones?.segments ?? [])).toEqual(['自爆型無人機20機のうち15機を迎撃した']);
    expect(quotesOf(pact?.segments ?? [])).toEqual([
      '隣国ヴェスタとの協定の署名が近い。両国の関係はかつてなく深い',
    ]);
  });

  it('without descriptions, the main line takes both', () => {
    const plain = { ...DEFAULT_SUMMARY_STYLE, maxQuotes: 3, contextShare: 0 };
    const [drones] = proposeSummaryLines(entry, annotations, tags, WRITING_RULES, plain);
    expect(quotesOf(drones?.segments ?? [])).toHaveLength(2);
  });
});

describe('a quote cut short in one line', () => {
  const { entry, text } = article('港の再建', [
    '市長は「港の再建は急務だ。来月には工事を始める。費用は国と市で分け合う。遅れは許されない」と述べた。',
  ]);
  const annotations = outletAnnotations([
    quoteOf(
      text,
      '港の再建は急務だ。来月には工事を始める。費用は国と市で分け合う。遅れは許されない',
      {
        speaker: '市長',
      },
    ),
  ]);

  it('is not said again under the next tag, which quotes another passage of it', () => {
    const style = { ...DEFAULT_SUMMARY_STYLE, maxQuoteLength: 20, contextShare: 0 };
    const [first, second] = proposeSummaryLines(
      entry,
      annotations,
      ['再建', '財政'],
      WRITING_RULES,
      style,
    );
    expect(quotesOf(first?.segments ?? [])).toEqual(['港の再建は急務だ。来月には工事を始める']);
    expect(quotesOf(second?.segments ?? [])).toEqual(['費用は国と市で分け合う。遅れは許されない']);
  });
});

describe('lines with nothing to quote', () => {
  // A commentary post: no headline, no quotes, emoji, connectives.
  const { entry } = article('🌍各国の軍は冬の備えを急いでいる。', [
    '🌍各国の軍は冬の備えを急いでいる。',
    'しかし燃料の備蓄は昨年の半分しかない🛢️。',
    'それは補給線が長く伸びたためだ。',
    '前線の部隊は交代なしで三か月目に入った。',
  ]);
  const annotations = {
    ...outletAnnotations([]),
    source: { kind: 'individual' as const, outlet: null, reasons: [] },
  };
  const lines = proposeSummaryLines(
    entry,
    annotations,
    ['戦況', '支援', '代理戦争'],
    WRITING_RULES,
    {
      ...DEFAULT_SUMMARY_STYLE,
      contextShare: 0,
    },
  );
  const contents = lines.map((l) => l.raw.slice(l.raw.indexOf('(') + 1, -1));

  it('say something different under each tag', () => {
    expect(new Set(contents).size).toBe(3);
  });

  it('carry no emoji, no opening connective and no dangling reference', () => {
    for (const c of contents) {
      expect(c).not.toMatch(/\p{Extended_Pictographic}/u);
      expect(c).not.toMatch(/^(?:しかし|それは)/u);
    }
    expect(contents).toContain('燃料の備蓄は昨年の半分しかない');
  });
});

describe('context keywords', () => {
  it('never name the speaker again, not even by title alone', () => {
    const { entry, text } = article('北国の国防長官、演習を拡大', [
      '北国のリンドクヴィスト国防長官は「演習の規模を倍にする」と述べた。',
    ]);
    const annotations = outletAnnotations(
      [
        quoteOf(text, '演習の規模を倍にする', {
          speaker: 'リンドクヴィスト国防長官',
          canonical: 'リンドクヴィスト',
        }),
      ],
      [entityOf(text, 'person', 'リンドクヴィスト', { title: '国防長官' })],
    );
    const style = { ...DEFAULT_SUMMARY_STYLE, contextShare: 1, contextsPerLine: 2 };
    const line = proposeSummaryLine(entry, annotations, '演習', WRITING_RULES, style);
    expect(line.raw).toBe('#演習(演習を拡大・リンドクヴィスト国防長官「演習の規模を倍にする」)');
  });
});

describe('a later line with nothing left to quote', () => {
  // A made-up post: the only quote goes to the first line; the second must say something else.
  const { entry, text } = article('港の話', [
    '【港町共同】港湾公社は「運賃を来月から倍に上げる」と発表した。',
    '港の労働者は三日間のストを予告した。',
  ]);
  const annotations = {
    ...outletAnnotations([quoteOf(text, '運賃を来月から倍に上げる', { speaker: '港湾公社' })]),
    source: { kind: 'individual' as const, outlet: null, reasons: [] },
  };
  const style = { ...DEFAULT_SUMMARY_STYLE, contextShare: 0 };

  it('says neither the first line’s speaker nor its quote again, and no dateline', () => {
    const lines = proposeSummaryLines(entry, annotations, ['港湾', '労働'], WRITING_RULES, style);
    expect(lines.map((l) => l.raw)).toEqual([
      '#港湾(港湾公社「運賃を来月から倍に上げる」)',
      '#労働(港の労働者は三日間のストを予告した)',
    ]);
  });
});
