import { describe, expect, it } from 'vitest';
import {
  article,
  entityOf,
  outletAnnotations,
  quoteOf,
  WRITING_RULES,
} from '../../../test/fixtures/writer.js';
import { homeCountries, writeSpeaker } from './speaker.js';
import { DEFAULT_SUMMARY_STYLE } from './style.js';

// A made-up report: a ministry known to the gazetteer under its country's canonical name.
const { entry, text } = article('防空網に穴', [
  'イギリス国防省は、前線の防空網に穴があると分析した。',
  'ポルトガルのソアレス外相は「支援を続ける」と述べた。ロシアは反発した。ロシアの報道官も同調した。',
  'ウクライナ側は歓迎した。ウクライナの世論も好意的だ。',
]);
const ministry = quoteOf(text, '前線の防空網に穴がある', {
  kind: 'indirect',
  speaker: 'イギリス国防省',
  canonical: '英国国防省',
  org: '英国',
});
const minister = quoteOf(text, '支援を続ける', {
  speaker: 'ソアレス外相',
  canonical: 'ソアレス',
  org: 'ポルトガル',
});
const annotations = outletAnnotations(
  [ministry, minister],
  [
    entityOf(text, 'organisation', 'イギリス国防省', { canonical: '英国国防省' }),
    entityOf(text, 'country', 'ポルトガル'),
    entityOf(text, 'person', 'ソアレス', { title: '外相' }),
    entityOf(text, 'country', 'ロシア'),
    entityOf(text, 'country', 'ロシア', {}, 1),
    entityOf(text, 'country', 'ウクライナ'),
    entityOf(text, 'country', 'ウクライナ', {}, 1),
  ],
);
const scene = {
  entry,
  annotations,
  style: DEFAULT_SUMMARY_STYLE,
  rules: WRITING_RULES,
  homeCountries: homeCountries(annotations),
};

describe('writeSpeaker', () => {
  it('never puts a name the entry does not write before the speaker', () => {
    // `英国` is the gazetteer's name for the country; the entry writes イギリス.
    expect(writeSpeaker(ministry, scene)).toBe('イギリス国防省');
  });

  it('puts a foreign official’s country first when the entry writes it', () => {
    expect(writeSpeaker(minister, scene)).toBe('ポルトガル、ソアレス外相');
  });
});

describe('writeSpeaker, for someone unnamed', () => {
  const { entry: report, text: reportText } = article('前線の声', [
    '東部の前線にいる部隊の兵士は「弾が足りない」と話した。',
  ]);
  const soldier = quoteOf(reportText, '弾が足りない', {
    speaker: '東部の前線にいる部隊の兵士',
    speakerKind: 'unnamed',
  });
  const reportScene = {
    ...scene,
    entry: report,
    annotations: outletAnnotations([soldier], []),
    homeCountries: [],
  };

  it('leaves out the clause the text tells them by, keeping what they belong to', () => {
    expect(writeSpeaker(soldier, reportScene)).toBe('部隊の兵士');
  });

  it('keeps a named body’s phrase whole', () => {
    const body = {
      ...soldier,
      speaker: '東部の前線にいる部隊',
      speakerKind: 'organisation' as const,
    };
    expect(writeSpeaker(body, reportScene)).toBe('東部の前線にいる部隊');
  });
});

describe('writeSpeaker, for someone the curator has written before', () => {
  const { entry: e, text: t } = article('対話の扉', [
    'ロシア大統領府のドミトリー・ペスコフ報道官は「対話の扉は閉ざしていない」と述べた。',
  ]);
  const q = quoteOf(t, '対話の扉は閉ざしていない', {
    speaker: 'ドミトリー・ペスコフ報道官',
    canonical: 'ペスコフ',
    org: 'ロシア大統領府',
  });
  const a = outletAnnotations(
    [q],
    [entityOf(t, 'person', 'ドミトリー・ペスコフ', { canonical: 'ペスコフ', title: '報道官' })],
  );
  const at = (speakers: Record<string, number>) => ({
    entry: e,
    annotations: a,
    style: { ...DEFAULT_SUMMARY_STYLE, speakers },
    rules: WRITING_RULES,
    homeCountries: homeCountries(a),
  });

  it('uses the curator’s short form, met by family name across a full first mention', () => {
    expect(writeSpeaker(q, at({ ペスコフ報道官: 2 }))).toBe('ペスコフ報道官');
  });

  it('writes the text’s form, body first, for someone new', () => {
    expect(writeSpeaker(q, at({}))).toBe('ロシア大統領府ドミトリー・ペスコフ報道官');
  });
});

describe('writeSpeaker, in a commentary post', () => {
  // A made-up post: a slogan the poster takes up in brackets, then the poster's own verdict.
  const { entry: e, text: t } = article('いつもの標語', [
    '「最後まで支える」。だが誰も期限を言わない。',
    'この支援は終わらせる気のない約束だ。',
  ]);
  const slogan = quoteOf(t, '最後まで支える');
  const verdict = quoteOf(t, 'この支援は終わらせる気のない約束だ', { attribution: 'unknown' });
  const a = {
    ...outletAnnotations([slogan, verdict]),
    source: { kind: 'individual' as const, outlet: null, reasons: [] },
  };
  const s = { ...scene, entry: e, annotations: a };

  it('credits the account with its own words', () => {
    expect(writeSpeaker(verdict, s)).toBe('通信社');
  });

  it('credits no one with words it puts in brackets without saying whose they are', () => {
    expect(writeSpeaker(slogan, s)).toBeNull();
  });
});
