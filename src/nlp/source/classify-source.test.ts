import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/index.js';
import { classifySource } from './classify-source.js';

const k = loadKnowledge();

describe('classifySource', () => {
  it('knows outlets by handle and by name', () => {
    expect(classifySource('', { handle: 'ReutersJapan' }, k)).toMatchObject({
      kind: 'outlet',
      outlet: 'ロイター',
    });
    expect(classifySource('', { handle: 'someone', authorName: 'NHKニュース' }, k)).toMatchObject({
      kind: 'outlet',
      outlet: 'NHK',
    });
  });

  it('tells commentary by its shape when the handle is unknown', () => {
    const post = '🇷🇺🐻プーさんは落ち着いている。🇺🇸米国の課題は明らかだろう！🐸';
    expect(classifySource(post, { handle: 'Reloaded7701', authorName: 'morpheus🪖' }, k).kind).toBe(
      'individual',
    );
  });

  it('tells a report by its shape when the handle is unknown', () => {
    const report =
      '国防省によると、攻撃があったということです。当局は調査を進めています。関係者は「確認中だ」と述べました。';
    expect(classifySource(report, {}, k).kind).toBe('outlet');
  });
});
