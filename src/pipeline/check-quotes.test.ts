import { describe, expect, it } from 'vitest';
import { parseClipDocument } from '../format/index.js';
import { loadKnowledge } from '../nlp/index.js';
import { checkDocumentQuotes, loadAbbreviations } from './check-quotes.js';

// A made-up commentary post and a made-up report, with the lines a curator might write.
const DOC = [
  '北の港で新しい防波堤の工事が始まった。',
  '— 港町ウォッチ🌊 (@minato_watch) May 4, 2024',
  '北の港で新しい防波堤の工事が始まった。完成は再来年の見込みだ。',
  '#港湾(港町ウォッチ「北の港で新しい防波堤の工事が始まった」)',
  '#港湾(港湾局長「完成は再来年の見込みだ」)',
  'ロシア南部で洪水 https://t.co/Fict0Check3',
  '— 架空通信 (@fict_news) May 5, 2024',
  'ロシア南部のダゲスタン共和国の内務省は5日、堤防が決壊したと発表した。',
  '#ロシア(ダゲスタン共和国内務省「堤防が決壊した」)',
  '#ロシア(ウクライナ内務省「堤防が決壊した」)',
].join('\n');

describe('checkDocumentQuotes: speakers', () => {
  const report = checkDocumentQuotes(
    parseClipDocument(DOC).document,
    { knowledge: loadKnowledge(), abbreviations: loadAbbreviations() },
    DOC,
  );
  const unnamed = report.flags.filter((f) => f.kind === 'speaker').map((f) => f.speaker);

  it('counts the author of a post as named by its attribution line', () => {
    expect(unnamed).not.toContain('港町ウォッチ');
  });

  it('counts a body glued to the place the text wrote before it with の', () => {
    expect(unnamed).not.toContain('ダゲスタン共和国内務省');
  });

  it('still flags a speaker the entry never names', () => {
    expect(unnamed).toEqual(expect.arrayContaining(['港湾局長', 'ウクライナ内務省']));
  });
});

describe('checkDocumentQuotes: a topic before a quote is not a speaker', () => {
  // A made-up post: the curator puts the topic before the quote, the text never writes it so.
  const TOPIC_DOC = [
    '北の島に新しい橋を架ける「可能性は排除しない」と知事が述べた。',
    '— 架空ウォッチ (@kakuu_watch) May 6, 2024',
    '北の島に新しい橋を架ける「可能性は排除しない」と知事が述べた。',
    '#島(北島架橋計画「可能性は排除しない」)',
    '#島(ジョン・スミス「可能性は排除しない」)',
    '#島(北島開発委員会「可能性は排除しない」)',
  ].join('\n');
  const report = checkDocumentQuotes(
    parseClipDocument(TOPIC_DOC).document,
    { knowledge: loadKnowledge(), abbreviations: loadAbbreviations() },
    TOPIC_DOC,
  );
  const unnamed = report.flags.filter((f) => f.kind === 'speaker').map((f) => f.speaker);

  it('neither flags nor counts a kanji topic phrase the gazetteer finds no one in', () => {
    expect(unnamed).not.toContain('北島架橋計画');
    expect(report.speakers).toBe(2);
    expect(report.quotes).toBe(3);
    expect(report.passed).toBe(3);
  });

  it('still flags an unknown name in kana and an unknown body the text never names', () => {
    expect(unnamed).toEqual(['ジョン・スミス', '北島開発委員会']);
  });
});
