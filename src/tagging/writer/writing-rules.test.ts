import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { article, entityOf, outletAnnotations, quoteOf } from '../../../test/fixtures/writer.js';
import { cleanQuote } from './clean.js';
import { opensWithReference, withoutConnective } from './references.js';
import { homeCountries, writeSpeaker } from './speaker.js';
import { DEFAULT_SUMMARY_STYLE } from './style.js';
import {
  compileWritingRules,
  parseWritingRules,
  WritingLexiconSchema,
  type WritingLexicon,
} from './writing-rules.js';

const shippedText = readFileSync(
  new URL('../../../data/tagging/writing.json', import.meta.url),
  'utf8',
);
const shipped = WritingLexiconSchema.parse(JSON.parse(shippedText));
const rules = compileWritingRules(shipped);

describe('the writing lexicon (data/tagging/writing.json)', () => {
  it('is read and compiled from the shipped file', () => {
    const r = parseWritingRules(shippedText);
    expect(r.ok).toBe(true);
  });

  it('drops the openers of reported speech, but not one what follows points back to', () => {
    const indirect = (text: string): string => cleanQuote({ kind: 'indirect', text }, rules);
    expect(indirect('国防省によると、補給拠点を攻撃した')).toBe('補給拠点を攻撃した');
    expect(indirect('記者会見で、交渉には応じると述べた')).toBe('交渉には応じると述べた');
    expect(indirect('また、支援は続けると述べた')).toBe('支援は続けると述べた');
    expect(indirect('声明で同氏の発言を否定した')).toBe('声明で同氏の発言を否定した');
    // A quotation proper keeps its words.
    expect(cleanQuote({ kind: 'speech', text: 'また、来年も来る' }, rules)).toBe(
      'また、来年も来る',
    );
  });

  it('knows the words that point back, and the look-alikes that do not', () => {
    for (const q of ['それは夏に起こる', 'この措置は違法だ', '同氏は否定した', '彼らは撤退した'])
      expect(opensWithReference(q, rules), q).toBe(true);
    for (const q of ['それぞれの国が決める', 'そのまま続ける', '彼岸に', '同時に発表した'])
      expect(opensWithReference(q, rules), q).toBe(false);
  });

  it('drops a connective from a sentence that stands alone', () => {
    expect(withoutConnective('しかし、計画は遅れている', rules)).toBe('計画は遅れている');
    expect(withoutConnective('それでも前に進む', rules)).toBe('前に進む');
  });

  it('drops a connective or venue only where the word ends, never the start of a longer word', () => {
    // Words that begin like a connective: ただちに (at once), 一方的 (one-sided), または (or).
    expect(withoutConnective('ただちに撤退する', rules)).toBe('ただちに撤退する');
    expect(withoutConnective('一方的に併合した', rules)).toBe('一方的に併合した');
    expect(withoutConnective('一方は譲らない', rules)).toBe('一方は譲らない');
    expect(withoutConnective('ただ、期限は決めていない', rules)).toBe('期限は決めていない');
    expect(withoutConnective('一方ロシアは反発した', rules)).toBe('ロシアは反発した');
    const indirect = (text: string): string => cleanQuote({ kind: 'indirect', text }, rules);
    expect(indirect('または停戦の延長を求める')).toBe('または停戦の延長を求める');
    expect(indirect('また東部では砲撃が続いた')).toBe('東部では砲撃が続いた');
    expect(indirect('そして、協力を続けることで一致した')).toBe('協力を続けることで一致した');
    // 会見では is no venue followed by what was said: cutting at で would leave は.
    expect(indirect('会見では多くを語らなかった')).toBe('会見では多くを語らなかった');
    expect(indirect('会見で支援の継続を約束した')).toBe('支援の継続を約束した');
  });

  it('is the user’s to extend: a new spokesperson title, connective, opener or reference counts', () => {
    const extended: WritingLexicon = {
      ...shipped,
      spokespersonTitles: { words: [...shipped.spokespersonTitles.words, '広報担当者'] },
      connectives: { words: [...shipped.connectives.words, 'ところで'] },
      reportOpeners: {
        ...shipped.reportOpeners,
        venues: { words: [...shipped.reportOpeners.venues.words, '議会証言'] },
      },
      pointingBack: {
        groups: [...shipped.pointingBack.groups, { words: ['当該'] }],
      },
    };
    const more = compileWritingRules(extended);
    expect(withoutConnective('ところで、会談は続く', rules)).toBe('ところで、会談は続く');
    expect(withoutConnective('ところで、会談は続く', more)).toBe('会談は続く');
    const said = { kind: 'indirect' as const, text: '議会証言で、予算は足りないと述べた' };
    expect(cleanQuote(said, rules)).toBe(said.text);
    expect(cleanQuote(said, more)).toBe('予算は足りないと述べた');
    expect(opensWithReference('当該措置は違法だ', rules)).toBe(false);
    expect(opensWithReference('当該措置は違法だ', more)).toBe(true);

    // A spokesperson is written after their organisation.
    const { entry, text } = article('声明', [
      'ワグネルのセルゲイ・ボルコフ広報担当者は「撤退しない」と述べた。',
    ]);
    const q = quoteOf(text, '撤退しない', {
      speaker: 'セルゲイ・ボルコフ広報担当者',
      canonical: 'ボルコフ',
      org: 'ワグネル',
    });
    const annotations = outletAnnotations(
      [q],
      [
        entityOf(text, 'person', 'セルゲイ・ボルコフ', {
          canonical: 'ボルコフ',
          title: '広報担当者',
        }),
      ],
    );
    const scene = {
      entry,
      annotations,
      style: DEFAULT_SUMMARY_STYLE,
      homeCountries: homeCountries(annotations),
    };
    expect(writeSpeaker(q, { ...scene, rules })).toBe('セルゲイ・ボルコフ広報担当者');
    expect(writeSpeaker(q, { ...scene, rules: more })).toBe(
      'ワグネル、セルゲイ・ボルコフ広報担当者',
    );
  });

  it('is the user’s to extend: a meeting report or a word of the speaker’s own voice counts', () => {
    const more = compileWritingRules({
      ...shipped,
      meetingReports: { words: [...shipped.meetingReports.words, '面会した'] },
      voice: { ...shipped.voice, address: [...shipped.voice.address, '諸君'] },
    });
    expect(rules.meetingReport.test('首相と面会した')).toBe(false);
    expect(more.meetingReport.test('首相と面会した')).toBe(true);
    expect(rules.meetingReport.test('首相と協議した')).toBe(true);
    expect(rules.address.test('諸君は前を向け')).toBe(false);
    expect(more.address.test('諸君は前を向け')).toBe(true);
    // A question or an exclamation mark is an appeal whatever the list says.
    const none = compileWritingRules({ ...shipped, voice: { address: [], appeals: [] } });
    expect(none.appeal.test('まだ続けるのか?')).toBe(true);
    expect(none.appeal.test('まだ続けるのか')).toBe(false);
    expect(rules.appeal.test('まだ続けるのか')).toBe(true);
    expect(rules.appeal.test('支援は続いている。')).toBe(false);
  });

  it('finds the source a sentence opens by naming', () => {
    const m = rules.credited.exec('地元紙によるとダムは決壊寸前だ');
    expect([m?.[1], m?.[2]]).toEqual(['地元紙', 'ダムは決壊寸前だ']);
    expect(rules.credited.exec('ダムは決壊寸前だと伝えられる')).toBeNull();
  });

  it('matches words as written, whatever characters they hold', () => {
    const odd = compileWritingRules({
      ...shipped,
      connectives: { words: ['(笑)', 'a.b', 'x|y'] },
    });
    expect(withoutConnective('(笑)それで', odd)).toBe('それで');
    expect(withoutConnective('axb続く', odd)).toBe('axb続く');
    expect(withoutConnective('x続く', odd)).toBe('x続く');
    const none = compileWritingRules({ ...shipped, connectives: { words: [] } });
    expect(withoutConnective('しかし続く', none)).toBe('しかし続く');
  });

  it('says what is wrong with a malformed lexicon', () => {
    const bad = parseWritingRules('{ "version": 1 }');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/^tagging: writing lexicon: reportOpeners/u);
    const notJson = parseWritingRules('{');
    expect(!notJson.ok && notJson.error.message).toMatch(/not JSON/u);
  });
});
