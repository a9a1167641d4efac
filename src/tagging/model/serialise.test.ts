import { describe, expect, it } from 'vitest';
import { makeEntry, topicExamples } from '../../../test/fixtures/tagging.js';
import { addTagToModel, relabelTagModel } from './edit-model.js';
import { parseTagModel, serialiseTagModel } from './serialise.js';
import { suggestTags } from './suggest.js';
import { trainTagModel } from './train.js';
import { updateTagModel } from './update.js';

const model = trainTagModel(topicExamples(4), {
  taxonomy: { tags: [{ name: '停戦' }, { name: '制裁', keywords: ['制裁'] }, { name: '無人機' }] },
});
const input = {
  entry: makeEntry('q', '追加制裁', ['政府は追加の制裁を発表した。']),
  annotations: null,
};

describe('serialiseTagModel / parseTagModel', () => {
  it('gives back a model that suggests the same', () => {
    const back = parseTagModel(serialiseTagModel(model));
    expect(back.ok).toBe(true);
    if (back.ok) expect(suggestTags(back.value, input)).toEqual(suggestTags(model, input));
  });

  it('keeps online learning working after a reload', () => {
    const back = parseTagModel(serialiseTagModel(model));
    if (!back.ok) throw new Error(back.error.message);
    updateTagModel(back.value, input, ['停戦']);
    expect(suggestTags(back.value, input).labels[0]).toBe('停戦');
  });

  it('reports text that is not a model', () => {
    expect(parseTagModel('{"format":"other"}')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^tagging: not a tag model/u) },
    });
    expect(parseTagModel('{')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^tagging: .*not JSON/u) },
    });
  });

  it('reports a model whose weights were cut short', () => {
    const json = JSON.parse(serialiseTagModel(model)) as { weights: string };
    json.weights = json.weights.slice(0, 8);
    expect(parseTagModel(JSON.stringify(json)).ok).toBe(false);
  });
});

describe('relabelTagModel', () => {
  it('renames a tag with its weights', () => {
    const renamed = relabelTagModel(model, { 制裁: '対ロ制裁' });
    expect(renamed.tags).toEqual(['停戦', '対ロ制裁', '無人機']);
    expect(suggestTags(renamed, input).ranked[0]?.tag).toBe('対ロ制裁');
    expect(renamed.keywords.map((k) => k.tag)).toEqual(['対ロ制裁']);
  });

  it('merges tags into one column and relabels the memory', () => {
    const merged = relabelTagModel(model, { 停戦: '戦争', 無人機: '戦争' });
    expect(merged.tags).toEqual(['戦争', '制裁']);
    expect(merged.linear.tags).toBe(2);
    expect(new Set(merged.memory.flatMap((m) => m.labels))).toEqual(new Set(['戦争', '制裁']));
  });
});

describe('addTagToModel', () => {
  it('lets a new tag be suggested from its keywords before any entry has it', () => {
    const m = trainTagModel(topicExamples(4), {
      taxonomy: { tags: [{ name: '停戦' }, { name: '制裁' }] },
    });
    addTagToModel(m, { name: '無人機', keywords: ['無人機', 'ドローン', '撃墜', '迎撃'] });
    const drone = {
      entry: makeEntry('d', 'ドローン攻撃', ['夜間に無人機が飛来し、防空部隊が撃墜した。']),
      annotations: null,
    };
    expect(suggestTags(m, drone).ranked[0]?.tag).toBe('無人機');
    expect(m.stats.updates).toBe(0);
  });
});
