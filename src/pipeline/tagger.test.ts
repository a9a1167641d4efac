import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteArchive } from '../archive/index.js';
import { loadKnowledge } from '../nlp/index.js';
import { entryLabels, suggestTags } from '../tagging/index.js';
import { makeEntry, topicExamples } from '../../test/fixtures/tagging.js';
import { readTagModel, tagStorePaths } from './tag-store.js';
import { learnCuratorTags, trainAndStoreTags } from './tagger.js';
import { annotatedEntry } from './train-tags.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-tagger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const knowledge = loadKnowledge();

/** An archive of the fixture topics, their tags written as summary lines, and a trained model. */
function trainedStore(name: string) {
  const archive = openSqliteArchive(':memory:');
  const entries = topicExamples(4).map(({ entry, labels }) => ({
    ...entry,
    summaries: labels.map((tag) => ({
      raw: `#${tag}(発表)`,
      tag,
      content: '発表',
      segments: [{ kind: 'context' as const, text: '発表' }],
    })),
  }));
  archive.importBatch({ source: 'test', day: '2024-04-01', entries, documentTagLines: [] });
  const paths = tagStorePaths(join(dir, `${name}.db`), join(dir, `${name}-taxonomy.json`));
  writeFileSync(paths.taxonomy, JSON.stringify({ version: 1, tags: [] }));
  const trained = trainAndStoreTags(archive, paths, knowledge);
  if (!trained.ok) throw new Error(trained.error.map((d) => d.message).join('\n'));
  return { archive, paths };
}

/** An entry as the curator left it: the tags they kept or chose, as summary lines. */
function curated(id: string, head: string, body: string[], tags: string[]) {
  const entry = makeEntry(id, head, body);
  return {
    ...entry,
    summaries: tags.map((tag) => ({ raw: `#${tag}(…)`, tag, content: '…', segments: [] })),
  };
}

describe('learnCuratorTags', () => {
  it('stores a retag at once, without retraining, and the next suggestion shows it', () => {
    const { archive, paths } = trainedStore('retag');
    const retagged = curated('r1', '無人機を撃墜', ['防空部隊が無人機を撃墜した。'], ['制裁']);
    const stored = readTagModel(paths.model);
    if (!stored.ok || !stored.value) throw new Error('no stored model');
    const input = annotatedEntry({ ...retagged, summaries: [] }, knowledge);
    expect(suggestTags(stored.value, input).labels).toEqual(['無人機']);

    const r = learnCuratorTags(archive, paths, knowledge, [retagged]);
    expect(r).toMatchObject({ ok: true, value: { learned: 1, corrected: 1, newTags: [] } });
    const after = readTagModel(paths.model);
    if (!after.ok || !after.value) throw new Error('no stored model');
    expect(suggestTags(after.value, input).labels).toEqual(['制裁']);
    expect(after.value.stats).toMatchObject({ trained: 12, updates: 1, corrections: 1 });
  });

  it('counts an accepted suggestion, skips unlabelled entries, and learns a new tag', () => {
    const { archive, paths } = trainedStore('accept');
    const accepted = curated('a1', '追加制裁', ['政府は追加の制裁を発表した。'], ['制裁']);
    const fresh = curated('a2', '株価が最高値', ['日経平均株価が最高値を更新した。'], ['市場']);
    const unlabelled = makeEntry('a3', '停戦協議', ['停戦協議が再開された。']);
    expect(entryLabels(unlabelled)).toEqual([]);
    const r = learnCuratorTags(archive, paths, knowledge, [accepted, fresh, unlabelled]);
    expect(r).toMatchObject({ ok: true, value: { learned: 2, corrected: 1, newTags: ['市場'] } });
  });
});
