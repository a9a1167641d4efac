import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileKnowledge,
  foldWord,
  mergeKnowledge,
  parseKnowledgeFile,
  parseKnowledgeFiles,
  loadKnowledge,
  SHIPPED_KNOWLEDGE_DIR,
  Trie,
  TitleSet,
} from './index.js';

const k = loadKnowledge();

const shippedFiles = readdirSync(SHIPPED_KNOWLEDGE_DIR).filter((f) => f.endsWith('.json'));

describe('shipped knowledge files', () => {
  it.each(shippedFiles)('%s parses', (file) => {
    const r = parseKnowledgeFile({
      path: file,
      text: readFileSync(join(SHIPPED_KNOWLEDGE_DIR, file), 'utf8'),
    });
    expect(r.ok).toBe(true);
  });

  it('never gives one alias two canonical names', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of shippedFiles) {
      const r = parseKnowledgeFile({
        path: file,
        text: readFileSync(join(SHIPPED_KNOWLEDGE_DIR, file), 'utf8'),
      });
      if (!r.ok) continue;
      for (const e of r.value.entities ?? []) {
        for (const name of [e.canonical, ...e.aliases]) {
          const key = foldWord(name);
          const before = seen.get(key);
          if (before !== undefined && before !== e.canonical)
            clashes.push(`${name}: ${before} / ${e.canonical}`);
          seen.set(key, e.canonical);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('maps every flag to a country or organisation the gazetteer knows', () => {
    const unknown = [...k.flags.values()].filter((c) => !k.byCanonical.has(c));
    expect(unknown).toEqual([]);
  });

  it('resolves the transliteration variants the curators meet', () => {
    const canonical = (s: string): string | undefined => k.gazetteer.scan(s)[0]?.value.canonical;
    expect(canonical('ハリコフ')).toBe('ハルキウ');
    expect(canonical('キエフ')).toBe('キーウ');
    expect(canonical('ゼレンシキー')).toBe('ゼレンスキー');
    expect(canonical('ナワルヌイ')).toBe('ナワリヌイ');
  });
});

describe('mergeKnowledge', () => {
  it('lets a later file add aliases and override an entity', () => {
    const src = mergeKnowledge([
      { entities: [{ canonical: 'キーウ', type: 'place', aliases: ['キエフ'] }] },
      { entities: [{ canonical: 'キーウ', type: 'place', aliases: ['Kyiv'], org: 'ウクライナ' }] },
    ]);
    expect(src.entities).toEqual([
      { canonical: 'キーウ', type: 'place', aliases: ['キエフ', 'Kyiv'], org: 'ウクライナ' },
    ]);
  });

  it('merges the subject markers word list by word list, and a user marker takes effect', () => {
    const src = mergeKnowledge([
      { subjectMarkers: { topic: ['は'], ga: ['が'] } },
      { subjectMarkers: { topic: ['としては'] } },
    ]);
    expect(src.subjectMarkers.topic).toEqual(['は', 'としては']);
    const g = compileKnowledge(src).subjects;
    expect(g.subject.exec('としては慎重だ')?.[0]).toBe('としては');
    expect(g.subject.exec('を見た')).toBeNull();
  });

  it('removes words and entities named in remove', () => {
    const src = mergeKnowledge([
      { titles: ['大統領', '氏'], entities: [{ canonical: 'X', type: 'person', aliases: [] }] },
      { remove: ['氏', 'X'] },
    ]);
    expect(src.titles).toEqual(['大統領']);
    expect(src.entities).toEqual([]);
  });

  it('reports a bad user file with its path', () => {
    const r = parseKnowledgeFiles([{ path: 'mine.json', text: '{"titles": [1]}' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.file).toBe('mine.json');
    expect(parseKnowledgeFile({ path: 'x.json', text: 'not json' }).ok).toBe(false);
  });

  it('compiles a user alias into the matcher', () => {
    const mine = compileKnowledge(
      mergeKnowledge([
        { entities: [{ canonical: 'ハルキウ', type: 'place', aliases: ['Kharkiv'] }] },
      ]),
    );
    expect(mine.gazetteer.scan('in Kharkiv today')[0]?.value.canonical).toBe('ハルキウ');
  });

  it('finds a person whose short name is a common word by the other names only', () => {
    const entity = {
      canonical: 'プライス',
      type: 'person' as const,
      aliases: ['ネッド・プライス'],
    };
    const scanned = (alone?: boolean) =>
      compileKnowledge(
        mergeKnowledge([{ entities: [{ ...entity, ...(alone === undefined ? {} : { alone }) }] }]),
      )
        .gazetteer.scan('プライスの上昇とネッド・プライス報道官')
        .map((m) => m.value.canonical);
    expect(scanned(false)).toEqual(['プライス']);
    expect(scanned()).toEqual(['プライス', 'プライス']);
  });

  it('gives shipped people their short name, the full one as an alias', () => {
    for (const canonical of ['パーネル', 'マスク', 'グラム'])
      expect(k.gazetteer.scan(`x${canonical}氏`).length, canonical).toBe(
        canonical === 'パーネル' ? 1 : 0,
      );
    expect(k.gazetteer.scan('ショーン・パーネル')[0]?.value.canonical).toBe('パーネル');
    expect(k.gazetteer.scan('イーロン・マスク')[0]?.value.canonical).toBe('マスク');
    // Of two people with one family name, one takes it; the other keeps the full name.
    expect(k.gazetteer.scan('マイク・ジョンソン')[0]?.value.canonical).toBe('ジョンソン');
    expect(k.gazetteer.scan('ボリス・ジョンソン')[0]?.value.canonical).toBe('ボリス・ジョンソン');
    // Korean names as curators write them, whichever way the article does.
    expect(k.gazetteer.scan('キム・ジョンウン')[0]?.value.canonical).toBe('金正恩');
    expect(k.gazetteer.scan('チェ・ソニ外相')[0]?.value.canonical).toBe('崔善姫');
  });
});

describe('TitleSet', () => {
  it('composes a listed topic, 担当 or not, with a title', () => {
    const titles = new TitleSet(['相', '編集長'], ['前'], [], ['経済再生', '政治']);
    expect(titles.withTopic('経済再生担当相')).toBe(true);
    expect(titles.withTopic('経済再生相')).toBe(true);
    expect(titles.withTopic('政治担当編集長')).toBe(true);
    expect(titles.withTopic('赤沢経済再生担当相')).toBe(false);
    expect(titles.withTopic('担当相')).toBe(false);
    expect(titles.withTopic('経済再生担当')).toBe(false);
    // Where a title found at its last kanji starts once its topic is read.
    const text = '赤沢経済再生担当相';
    expect(titles.topicStart(text, 0, text.length - 1)).toBe(2);
    expect(titles.topicStart('林外相', 0, 1)).toBe(1);
  });
});

describe('Trie', () => {
  const t = new Trie<string>();
  t.add('ゼレンスキー', 'Z');
  t.add('ミック・ウォレス', 'W');
  t.add('NATO', 'N');
  t.add('ロシア', 'R');

  it('matches through long vowels, middle dots, full-width letters and ヴ spellings', () => {
    expect(t.scan('ゼレンスキ氏').map((m) => m.value)).toEqual(['Z']);
    expect(t.scan('ミックウォレス議員').map((m) => m.value)).toEqual(['W']);
    expect(t.scan('ＮＡＴＯ首脳').map((m) => [m.value, m.start, m.end])).toEqual([['N', 0, 4]]);
  });

  it('keeps the trailing long vowel in the span', () => {
    expect(t.scan('ゼレンスキー氏')[0]).toMatchObject({ start: 0, end: 6 });
  });

  it('does not cut a name out of a longer katakana or Latin word', () => {
    expect(t.scan('ベロシア')).toEqual([]);
    expect(t.scan('NATOS')).toEqual([]);
    expect(t.scan('#nato_news')).toEqual([]);
  });

  it('finds every word under a node of many branches, the longest first', () => {
    // Twenty words sharing 国防: the node after 国防 has more edges than are read one by one.
    const many = new Trie<string>();
    const ends = '相省長官庁費軍策力網案会議法局部課室院団隊'.split('');
    for (const e of ends) many.add(`国防${e}`, e);
    many.add('国防', '-');
    many.add('国防省報道官', 'spokes');
    for (const e of ends) expect(many.longestAt(`${e}国防${e}は`, 1)?.value).toBe(e);
    expect(many.longestAt('国防次官', 0)?.value).toBe('-');
    expect(many.scan('国防省報道官は')).toEqual([{ start: 0, end: 6, value: 'spokes' }]);
  });

  it('sees a word added after it was first scanned', () => {
    const late = new Trie<string>();
    late.add('キーウ', 'K');
    expect(late.scan('ハルキウとキーウ').map((m) => m.value)).toEqual(['K']);
    late.add('ハルキウ', 'H');
    expect(late.scan('ハルキウとキーウ').map((m) => m.value)).toEqual(['H', 'K']);
  });
});
