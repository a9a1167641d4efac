import { describe, expect, it } from 'vitest';
import { makeEntry, topicExamples } from '../../../test/fixtures/tagging.js';
import type { Taxonomy } from '../taxonomy.js';
import { descriptionShare } from './description-prior.js';
import { relabelTagModel } from './edit-model.js';
import { explainSuggestion } from './explain.js';
import { parseTagModel, serialiseTagModel } from './serialise.js';
import { suggestTags } from './suggest.js';
import { createTagModel, trainTagModel } from './train.js';
import { updateTagModel } from './update.js';

// Descriptions in English, as a curator may write them, found in Japanese text by the glossary.
const glossary = {
  ceasefire: ['停戦'],
  talks: ['協議', '交渉'],
  sanction: ['制裁'],
  frozen: ['凍結'],
  asset: ['資産'],
  drone: ['ドローン', '無人機'],
  'air defence': ['防空', '迎撃', '撃墜'],
};
const taxonomy: Taxonomy = {
  version: 1,
  tags: [
    { name: '停戦', description: 'ceasefire talks' },
    { name: '制裁', description: 'sanctions and frozen assets' },
    { name: '無人機', description: 'drones and air defence' },
  ],
};
const ask = (head: string, body: string[], id = head) => ({
  entry: makeEntry(id, head, body),
  annotations: null,
});

describe('tag descriptions', () => {
  it('tag an entry with nothing learned yet, through the glossary', () => {
    const cold = createTagModel(taxonomy, {}, glossary);
    const s = suggestTags(cold, ask('凍結資産の扱い', ['各国は凍結した資産の扱いを協議した。']));
    expect(s.ranked[0]?.tag).toBe('制裁');
  });

  it('weigh less as labelled entries arrive', () => {
    const cold = createTagModel(taxonomy, {}, glossary);
    const trained = trainTagModel(topicExamples(6), { taxonomy, glossary });
    expect(descriptionShare(cold, 0)).toBe(1);
    expect(descriptionShare(trained, 0)).toBeLessThan(descriptionShare(cold, 0));
    // An entry close to a labelled one goes by its label, not by the descriptions.
    expect(descriptionShare(trained, 0.9)).toBeLessThan(descriptionShare(trained, 0.1));
  });

  it('count the words of the learned entries into a background', () => {
    const trained = trainTagModel(topicExamples(6), { taxonomy, glossary });
    expect(trained.background.docs).toBe(18);
    expect(trained.background.seen['制裁']).toBeGreaterThan(0);
    const before = trained.background.docs;
    updateTagModel(trained, ask('制裁', ['追加の制裁。'], 'n1'), ['制裁']);
    expect(trained.background.docs).toBe(before + 1);
  });
});

describe('explainSuggestion', () => {
  const model = trainTagModel(topicExamples(6), { taxonomy, glossary });
  const input = ask('追加制裁と資産凍結', ['政府は追加の制裁を発表し、資産凍結を広げた。']);

  it('names the description words the entry says and the description feature', () => {
    const why = explainSuggestion(model, input);
    expect(why?.tag).toBe('制裁');
    expect(why?.description?.words.map((w) => w.term)).toEqual(
      expect.arrayContaining(['制裁', '凍結', '資産']),
    );
    expect(why?.description?.probability).toBeGreaterThan(0.5);
    const features = [...(why?.for ?? []), ...(why?.against ?? [])].map((f) => f.feature);
    expect(features).toContain('説明:制裁');
  });

  it('names the labelled entries behind the tag: similar ones that carry it', () => {
    const why = explainSuggestion(model, input, { tag: '無人機' });
    expect(why?.similar.length).toBeGreaterThan(0);
    for (const n of why?.similar ?? []) expect(n.labels).toContain('無人機');
  });
});

describe('a correction', () => {
  it('takes a tag off the entry at once, however sure the model was', () => {
    const model = trainTagModel(topicExamples(6), { taxonomy, glossary });
    const input = ask('無人機を撃墜', ['防空部隊が無人機を撃墜した。', '制裁も発表した。'], 'c1');
    expect(suggestTags(model, input).ranked[0]?.tag).toBe('無人機');
    updateTagModel(model, input, ['制裁']);
    const next = suggestTags(model, input);
    expect(next.labels).toEqual(['制裁']);
    expect(model.stats).toMatchObject({ trained: 18, updates: 1, corrections: 1 });
  });
});

describe('a renamed tag', () => {
  it('keeps what the model learned of its description', () => {
    const model = trainTagModel(topicExamples(6), { taxonomy, glossary });
    const input = ask('資産凍結', ['凍結資産の扱いを協議した。']);
    const renamed = relabelTagModel(model, { 制裁: '対ロ制裁' });
    const before = suggestTags(model, input).ranked.map((r) => r.score);
    const after = suggestTags(renamed, input).ranked.map((r) => r.score);
    expect(after).toEqual(before);
    expect(renamed.descriptions.map((d) => d.tag)).toContain('対ロ制裁');
  });
});

describe('a tag about two parties together', () => {
  const pairs: Taxonomy = {
    version: 1,
    tags: [
      { name: '露朝', description: 'Russia and North Korea together: talks, troops' },
      { name: '派兵', description: 'troops sent to the front' },
    ],
  };
  const words = { ...glossary, russia: ['ロシア'], 'north korea': ['北朝鮮'], troop: ['部隊'] };

  it('is kept through a stored model, its concepts too', () => {
    const model = createTagModel(pairs, {}, words);
    const back = parseTagModel(serialiseTagModel(model));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.descriptions).toEqual(model.descriptions);
    expect(back.value.descriptions[0]?.parties).toEqual([['ロシア'], ['北朝鮮']]);
    const input = ask('ロシア軍の部隊', ['ロシアが部隊を送った。']);
    expect(suggestTags(back.value, input)).toEqual(suggestTags(model, input));
  });

  it('merged with another, needs neither pair', () => {
    const model = createTagModel(pairs, {}, words);
    const merged = relabelTagModel(model, { 露朝: '軍事', 派兵: '軍事' });
    expect(merged.descriptions).toHaveLength(1);
    expect(merged.descriptions[0]?.parties).toBeUndefined();
    expect(merged.descriptions[0]?.requires).toBeUndefined();
    const renamed = relabelTagModel(model, { 露朝: '朝露' });
    expect(renamed.descriptions[0]?.parties).toEqual([['ロシア'], ['北朝鮮']]);
  });
});

describe('a stored model', () => {
  it('keeps its descriptions and background', () => {
    const model = trainTagModel(topicExamples(4), { taxonomy, glossary });
    const back = parseTagModel(serialiseTagModel(model));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.background).toEqual(model.background);
    const input = ask('停戦協議', ['停戦協議が再開された。']);
    expect(suggestTags(back.value, input)).toEqual(suggestTags(model, input));
  });

  it('written before description features, is read as it was trained', () => {
    const model = trainTagModel(topicExamples(4), { taxonomy, glossary });
    const json = JSON.parse(serialiseTagModel(model)) as {
      options: Record<string, unknown> & { features: Record<string, unknown> };
      background?: unknown;
    };
    delete json.options.features['descriptionScale'];
    delete json.options['descriptionBackground'];
    delete json.background;
    const old = parseTagModel(JSON.stringify(json));
    if (!old.ok) throw new Error(old.error.message);
    expect(old.value.options.features.descriptionScale).toBe(0);
    expect(old.value.options.descriptionBackground).toBe(0);
    expect(old.value.background).toEqual({ docs: 0, seen: {} });
  });
});
