import { describe, expect, it } from 'vitest';
import { parseSummaryLine } from '../../format/index.js';
import type { Annotations, Entity, Quote, SummaryLine } from '../../model/index.js';
import { makeEntry, NO_ANNOTATIONS } from '../../../test/fixtures/tagging.js';
import { WRITING_RULES } from '../../../test/fixtures/writer.js';
import { proposeSummaryLine } from './propose.js';
import { cleanQuote } from './clean.js';
import { parseSummaryStyle } from './style-schema.js';
import { DEFAULT_SUMMARY_STYLE, learnStyle } from './style.js';

const quote = (text: string, start: number, over: Partial<Quote> = {}): Quote => ({
  kind: 'speech',
  text,
  start,
  end: start + text.length,
  speaker: null,
  canonical: null,
  org: null,
  verb: '述べた',
  attribution: 'explicit',
  speakerSpan: null,
  ...over,
});
const entity = (
  type: Entity['type'],
  surface: string,
  title: string | null,
  start: number,
): Entity => ({
  type,
  surface,
  canonical: surface,
  title,
  via: 'gazetteer',
  start,
  end: start + surface.length,
});
const line = (raw: string): SummaryLine => parseSummaryLine(raw) as SummaryLine;

// A made-up story: an alliance official and a foreign prime minister on frozen assets.
const entry = makeEntry('e', '凍結資産の運用益「最後の手段」', [
  'ロシアの凍結資産を巡り、ハルトマン事務次長は「運用益の活用は最後の手段だ」と述べた。',
  'ハルトマン氏は「法的な裏付けが要る。時間もかかる」と続けた。チェコのフィアラ首相は「活用そのものには反対しないが、手続きを定めるべきだ」と述べた。',
]);
const hartmann = { speaker: 'ハルトマン事務次長', canonical: 'ハルトマン', org: 'NATO' };
const annotations: Annotations = {
  ...NO_ANNOTATIONS,
  quotes: [
    quote('運用益の活用は最後の手段だ', 40, hartmann),
    quote('法的な裏付けが要る。時間もかかる', 80, {
      ...hartmann,
      speaker: 'ハルトマン氏',
      attribution: 'coreference',
    }),
    quote('活用そのものには反対しないが、手続きを定めるべきだ', 120, {
      speaker: 'フィアラ首相',
      canonical: 'フィアラ',
      org: 'チェコ',
    }),
  ],
  entities: [
    entity('country', 'ロシア', null, 20),
    entity('country', 'ロシア', null, 25),
    entity('country', 'ウクライナ', null, 30),
    entity('country', 'ウクライナ', null, 32),
    entity('person', 'ハルトマン', '事務次長', 30),
    entity('person', 'ハルトマン', '氏', 70),
    entity('country', 'チェコ', null, 100),
    entity('person', 'フィアラ', '首相', 105),
  ],
};
const style = { ...DEFAULT_SUMMARY_STYLE, maxQuotes: 3, quotesPerSpeaker: 2, contextShare: 0 };

describe('proposeSummaryLine', () => {
  const proposed = proposeSummaryLine(
    entry,
    annotations,
    'ウクライナ経済制裁',
    WRITING_RULES,
    style,
  );

  it('writes the curator’s shape, one segment per speaker, quotes in text order', () => {
    expect(proposed.raw).toBe(
      '#ウクライナ経済制裁(ハルトマン事務次長「運用益の活用は最後の手段だ」「法的な裏付けが要る。時間もかかる」・チェコ、フィアラ首相「活用そのものには反対しないが、手続きを定めるべきだ」)',
    );
  });

  it('gives segments that the summary-line parser reads back from its raw', () => {
    expect(parseSummaryLine(proposed.raw)?.segments).toEqual(proposed.segments);
  });

  it('is deterministic', () => {
    expect(
      proposeSummaryLine(entry, annotations, 'ウクライナ経済制裁', WRITING_RULES, style),
    ).toEqual(proposed);
  });

  it('keeps to the number of quotes the style allows', () => {
    const one = proposeSummaryLine(entry, annotations, 'X', WRITING_RULES, {
      ...style,
      maxQuotes: 1,
    });
    expect(one.segments.flatMap((s) => (s.kind === 'quote' ? s.quotes : []))).toHaveLength(1);
  });

  it('writes a speaker the way the curator did before', () => {
    const known = { ...style, speakers: { ハルトマン次長: 3 } };
    expect(proposeSummaryLine(entry, annotations, 'X', WRITING_RULES, known).raw).toMatch(
      /^#X\(ハルトマン次長「/u,
    );
  });

  it('falls back to the headline without quotes', () => {
    expect(proposeSummaryLine(entry, null, '制裁', WRITING_RULES, style).raw).toBe(
      '#制裁(凍結資産の運用益)',
    );
  });

  it('opens with a phrase the curator uses for the tag when the entry says it', () => {
    const habit = { ...style, contexts: { 制裁: { ロシアの凍結資産: 3, 国防相会合: 5 } } };
    expect(proposeSummaryLine(entry, annotations, '制裁', WRITING_RULES, habit).raw).toMatch(
      /^#制裁\(ロシアの凍結資産・/u,
    );
  });
});

describe('cleanQuote', () => {
  it('nests inner brackets in a quotation and drops them from reported speech', () => {
    expect(cleanQuote({ kind: 'speech', text: '「最終案」は受け入れない。' }, WRITING_RULES)).toBe(
      '『最終案』は受け入れない',
    );
    expect(
      cleanQuote({ kind: 'indirect', text: '発表によると、「補給拠点」を攻撃した' }, WRITING_RULES),
    ).toBe('補給拠点を攻撃した');
  });

  it('joins the lines of a quoted post', () => {
    expect(
      cleanQuote({ kind: 'speech', text: '予定通り進める。\n変更はない。' }, WRITING_RULES),
    ).toBe('予定通り進める。変更はない');
  });
});

describe('learnStyle', () => {
  const lines = [
    '#NATO(外相会合・ハルトマン事務次長「抑止を強める」「支援を続ける」)',
    '#NATO(外相会合・ストルテンベルグ事務総長「抑止は挑発ではない」「同盟を守る」)',
    '#制裁(チェコ、フィアラ首相「反対はしない」)',
    '#露朝(プーチン大統領「協力する」)',
    '#露朝(会談・ショイグ国防相「友情は新たな段階に入った」)',
  ].map(line);

  it('learns lengths, quote counts, titles and country prefixes', () => {
    const s = learnStyle(lines);
    expect(s.keepTitles).toBe(true);
    expect(s.prefixCountries).toBe(true);
    expect(s.maxQuotes).toBe(2);
    expect(s.contextShare).toBeCloseTo(3 / 5);
    expect(s.contexts['NATO']).toEqual({ 外相会合: 2 });
    expect(s.speakers['プーチン大統領']).toBe(1);
  });

  it('learns a quote budget from the quotes of the lines, contexts left out', () => {
    // Quote segments: 9, 7+6, 2+5+2… the longest quoted line sets the ninth decile of five.
    const s = learnStyle(lines);
    expect(s.quoteBudget).toBe(
      'ストルテンベルグ事務総長「抑止は挑発ではない」「同盟を守る」'.length,
    );
    expect(learnStyle(lines.slice(0, 4)).quoteBudget).toBe(DEFAULT_SUMMARY_STYLE.quoteBudget);
  });

  it('learns the length of a usual quote, the median of the quotes of the lines', () => {
    // Quotes of 4, 5, 6, 6, 6, 9 and 12 characters.
    expect(learnStyle(lines).usualQuoteLength).toBe(6);
  });

  it('learns that a curator drops titles', () => {
    const bare = [
      '#A(プーチン「協力する」)',
      '#A(ゼレンスキー「戦う」)',
      '#A(ラブロフ「交渉する」)',
      '#B(ショイグ「友情だ」)',
      '#B(x)',
    ].map(line);
    expect(learnStyle(bare).keepTitles).toBe(false);
  });
});

describe('parseSummaryStyle', () => {
  it('reads back a stored style and refuses something else', () => {
    const s = learnStyle(
      ['#A(x「長い引用です、はい」)', '#A(y)', '#B(z)', '#B(w)', '#C(v)'].map(line),
    );
    expect(parseSummaryStyle(JSON.stringify(s))).toEqual({ ok: true, value: s });
    expect(parseSummaryStyle('{"maxQuotes":0}').ok).toBe(false);
    // A style stored before the usual quote length was learned still reads.
    const older = JSON.stringify({ ...s, usualQuoteLength: undefined });
    expect(older).not.toMatch(/usualQuoteLength/u);
    expect(parseSummaryStyle(older).ok).toBe(true);
  });
});
