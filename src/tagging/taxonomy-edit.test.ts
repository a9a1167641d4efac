import { describe, expect, it } from 'vitest';
import { addTag, mergeTags, relabelTag, renameTag } from './taxonomy-edit.js';
import type { Taxonomy } from './taxonomy.js';

const base: Taxonomy = {
  version: 1,
  tags: [
    { name: 'ロシア', description: '国内', keywords: ['デモ'] },
    { name: '露斯', description: 'ロシアとイラン', keywords: ['イラン'] },
    { name: 'イラン', keywords: ['テヘラン', 'イラン'] },
  ],
};

describe('addTag', () => {
  it('appends a new tag and relabels nothing', () => {
    const r = addTag(base, { name: '中東' });
    expect(r.ok && r.value.taxonomy.tags.map((t) => t.name)).toEqual([
      'ロシア',
      '露斯',
      'イラン',
      '中東',
    ]);
    expect(r.ok && r.value.relabelling).toEqual({});
  });

  it('refuses a taken or unwritable name', () => {
    expect(addTag(base, { name: 'ロシア' })).toEqual({
      ok: false,
      error: expect.stringMatching(/^tagging: .*already exists/u),
    });
    expect(addTag(base, { name: '中東(新)' }).ok).toBe(false);
  });
});

describe('renameTag', () => {
  it('keeps the definition and its place, and relabels the old name', () => {
    const r = renameTag(base, '露斯', '露イラン');
    expect(r.ok && r.value.taxonomy.tags[1]).toEqual({
      name: '露イラン',
      description: 'ロシアとイラン',
      keywords: ['イラン'],
    });
    expect(r.ok && r.value.relabelling).toEqual({ 露斯: '露イラン' });
  });

  it('refuses to rename onto an existing tag', () => {
    const r = renameTag(base, '露斯', 'イラン');
    expect(r.ok ? '' : r.error).toMatch(/merge/u);
  });

  it('relabels a tag the taxonomy does not define', () => {
    const r = renameTag(base, '古いタグ', '新しいタグ');
    expect(r.ok && r.value.taxonomy).toEqual(base);
    expect(r.ok && r.value.relabelling).toEqual({ 古いタグ: '新しいタグ' });
  });
});

describe('mergeTags', () => {
  it('unites keywords, keeps the target description, drops the sources', () => {
    const r = mergeTags(base, ['イラン'], '露斯');
    expect(r.ok && r.value.taxonomy.tags).toEqual([
      base.tags[0],
      { name: '露斯', description: 'ロシアとイラン', keywords: ['イラン', 'テヘラン'] },
    ]);
    expect(r.ok && r.value.relabelling).toEqual({ イラン: '露斯' });
  });

  it('creates the target when it is new, in the place of the first merged tag', () => {
    const r = mergeTags(base, ['露斯', 'イラン'], '露イラン');
    expect(r.ok && r.value.taxonomy.tags.map((t) => t.name)).toEqual(['ロシア', '露イラン']);
    expect(r.ok && r.value.relabelling).toEqual({ 露斯: '露イラン', イラン: '露イラン' });
  });

  it('refuses to merge nothing', () => {
    expect(mergeTags(base, ['露斯'], '露斯').ok).toBe(false);
  });
});

describe('relabelTag', () => {
  it('follows the relabelling and leaves other tags alone', () => {
    expect(relabelTag('露斯', { 露斯: 'x' })).toBe('x');
    expect(relabelTag('toString', { 露斯: 'x' })).toBe('toString');
  });
});
