import { describe, expect, it } from 'vitest';
import { article, entityOf, outletAnnotations, quoteOf } from '../../../test/fixtures/writer.js';
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
