import { describe, expect, it } from 'vitest';
import { makeEntry, topicExamples } from '../../../test/fixtures/tagging.js';
import type { Taxonomy } from '../taxonomy.js';
import { fitPlatt } from './calibration.js';
import { explainSuggestion } from './explain.js';
import { suggestTags } from './suggest.js';
import { createTagModel, trainTagModel } from './train.js';
import { updateTagModel } from './update.js';

const taxonomy: Taxonomy = {
  version: 1,
  tags: [
    { name: '停戦', description: '戦争を終わらせる交渉', keywords: ['停戦', '和平'] },
    { name: '制裁', keywords: ['制裁', '資産凍結'] },
    { name: '無人機', keywords: ['無人機', 'ドローン'] },
  ],
};
const examples = topicExamples(6);
const model = trainTagModel(examples, { taxonomy });
const ask = (head: string, body: string[], id = head) => ({
  entry: makeEntry(id, head, body),
  annotations: null,
});

describe('trainTagModel and suggestTags', () => {
  it('ranks the tag whose words an unseen entry uses first', () => {
    const s = suggestTags(
      model,
      ask('EUが新たな制裁', ['EUは新たな制裁を発表し、資産凍結の対象を広げた。']),
    );
    expect(s.ranked[0]?.tag).toBe('制裁');
    expect(s.labels[0]).toBe('制裁');
    expect(s.none).toBe(false);
  });

  it('gives probabilities, highest first', () => {
    const s = suggestTags(model, ask('停戦協議', ['停戦協議が再開され、和平案が示された。']));
    expect(s.ranked.map((r) => r.score)).toEqual(
      [...s.ranked.map((r) => r.score)].sort((a, b) => b - a),
    );
    for (const r of s.ranked) expect(r.score).toBeGreaterThanOrEqual(0);
    for (const r of s.ranked) expect(r.score).toBeLessThanOrEqual(1);
  });

  it('says none fits for an entry unlike anything it knows', () => {
    const s = suggestTags(
      model,
      ask('株価が最高値', ['東京株式市場で日経平均株価が最高値を更新した。半導体株が買われた。']),
    );
    expect(s.none).toBe(true);
    expect(s.labels).toEqual([]);
  });

  it('is deterministic', () => {
    const again = trainTagModel(examples, { taxonomy });
    expect(Array.from(again.linear.weights)).toEqual(Array.from(model.linear.weights));
    expect(again.calibration).toEqual(model.calibration);
  });

  it('learns tags that are only in the labels', () => {
    const m = trainTagModel(
      examples.map((e) => ({ ...e, labels: [...e.labels, '全般'] })),
      { taxonomy },
    );
    expect(m.tags).toEqual(['停戦', '制裁', '無人機', '全般']);
  });
});

describe('createTagModel (cold start)', () => {
  it('suggests from descriptions and keywords alone', () => {
    const cold = createTagModel(taxonomy);
    const s = suggestTags(
      cold,
      ask('ドローン攻撃', ['夜間に無人機が飛来し、防空部隊が迎撃した。']),
    );
    expect(s.ranked[0]?.tag).toBe('無人機');
  });
});

describe('updateTagModel', () => {
  it('remembers a correction for the entry and its near-duplicates', () => {
    const m = trainTagModel(examples, { taxonomy });
    const input = ask('制裁と停戦', ['政府は追加の制裁を発表した。', '停戦協議も続く。'], 'x1');
    updateTagModel(m, input, ['停戦', '制裁']);
    expect(suggestTags(m, input).labels.slice(0, 2)).toEqual(['停戦', '制裁']);
    expect(m.stats).toMatchObject({ updates: 1 });
  });

  it('adds a tag it has never seen and can suggest it afterwards', () => {
    const m = trainTagModel(examples, { taxonomy });
    const input = ask('株価が最高値', ['日経平均株価が最高値を更新した。'], 'x2');
    updateTagModel(m, input, ['市場']);
    expect(m.tags).toContain('市場');
    expect(suggestTags(m, input).labels[0]).toBe('市場');
  });

  it('counts a correction only when the labels differ from the suggestion', () => {
    const m = trainTagModel(examples, { taxonomy });
    const e = examples[0];
    if (!e) throw new Error('no example');
    updateTagModel(m, e, suggestTags(m, e).labels);
    expect(m.stats.corrections).toBe(0);
  });
});

describe('explainSuggestion', () => {
  it('names the features and the similar entries behind a tag', () => {
    const why = explainSuggestion(model, ask('追加制裁', ['政府は追加の制裁を発表した。']));
    expect(why?.tag).toBe('制裁');
    expect(why?.for.map((f) => f.feature).join(' ')).toMatch(/制裁/u);
    expect(why?.similar[0]?.labels).toEqual(['制裁']);
  });

  it('is null for an unknown tag', () => {
    expect(explainSuggestion(model, ask('a', ['b']), { tag: 'ない' })).toBeNull();
  });
});

describe('fitPlatt', () => {
  it('turns separable scores into increasing probabilities', () => {
    const c = fitPlatt([-3, -2, -1, 1, 2, 3], [0, 0, 0, 1, 1, 1]);
    expect(c.a).toBeGreaterThan(0);
  });

  it('falls back to the identity without both classes', () => {
    expect(fitPlatt([1, 2], [1, 1])).toEqual({ a: 1, b: 0 });
  });
});

describe('a curator correction, online', () => {
  it('changes the next suggestion for a new, similar entry without retraining', () => {
    const m = trainTagModel(examples, { taxonomy });
    const trained = m.stats.trained;
    // Both entries speak of a drone strike on a port; the curator files the first under 制裁.
    const first = ask('港に無人機攻撃', ['無人機が港を攻撃し、輸出が止まった。'], 'c1');
    const next = ask('港へ無人機攻撃', ['無人機が港を攻撃し、輸出が止まったという。'], 'c2');
    expect(suggestTags(m, next).ranked[0]?.tag).toBe('無人機');
    updateTagModel(m, first, ['制裁']);
    expect(suggestTags(m, next).ranked[0]?.tag).toBe('制裁');
    expect(m.stats).toMatchObject({ trained, updates: 1, corrections: 1 });
  });
});
