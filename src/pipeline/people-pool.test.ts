import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryArchives } from '../../test/support/memory-archives.js';
import type { Archive } from '../archive/index.js';
import { KirinukiError, type Entry } from '../model/index.js';
import { loadKnowledgeSource, compileKnowledge, type Knowledge } from '../nlp/index.js';
import { entryPeople } from './entry-people.js';
import { importFiles, importFilesAhead, readFile, type SourceFile } from './import-files.js';
import { peoplePoolSize, startPeoplePool, type PeopleAnnotator } from './people-pool.js';

const samplesDir = join(import.meta.dirname, '../../samples');
const files: SourceFile[] = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, bytes: readFileSync(join(samplesDir, f)) }));
const entries: Entry[] = files.flatMap((f) =>
  readFile(f, { today: '2024-03-07' }).batches.flatMap((b) => b.entries),
);

let knowledge: Knowledge;
let pool: PeopleAnnotator;
beforeAll(() => {
  const source = loadKnowledgeSource();
  knowledge = compileKnowledge(source);
  pool = startPeoplePool(source, 2);
});
afterAll(async () => {
  await pool.close();
});

const open = memoryArchives();

describe('startPeoplePool', () => {
  it('finds on its worker threads the people the main thread finds', async () => {
    expect(entries.length).toBeGreaterThan(10);
    const found = await pool.peopleOf(entries);
    expect(Object.keys(found).sort()).toEqual(entries.map((e) => e.id).sort());
    for (const e of entries) expect(found[e.id]).toEqual(entryPeople(e, knowledge));
    expect(Object.values(found).some((p) => p.speakers.length > 0)).toBe(true);
  });

  it('answers requests made at once, each with its own entries', async () => {
    const halves = [entries.slice(0, 7), entries.slice(7)];
    const [a, b] = await Promise.all(halves.map((h) => pool.peopleOf(h)));
    expect(Object.keys(a ?? {}).sort()).toEqual(halves[0]?.map((e) => e.id).sort());
    expect(Object.keys(b ?? {}).sort()).toEqual(halves[1]?.map((e) => e.id).sort());
  });

  it('rejects, naming the module, when annotating an entry fails; the pool goes on', async () => {
    const broken = { ...entries[0], body: null } as unknown as Entry;
    await expect(pool.peopleOf([broken])).rejects.toThrow(/^pipeline: annotating entries failed/);
    await expect(pool.peopleOf(entries.slice(0, 1))).resolves.toBeDefined();
  });

  it('refuses work once closed', async () => {
    const closing = startPeoplePool(loadKnowledgeSource(), 1);
    await closing.close();
    await expect(closing.peopleOf(entries)).rejects.toBeInstanceOf(KirinukiError);
  });

  it('sizes itself one thread below the cores, between 1 and 4', () => {
    expect([1, 2, 3, 8, 64].map((cores) => peoplePoolSize(cores))).toEqual([1, 1, 2, 4, 4]);
  });
});

describe('importFilesAhead', () => {
  it('files what importFiles files with the same knowledge: entries, stories and people', async () => {
    const ahead = open();
    const direct = open();
    const viaPool = await importFilesAhead(ahead, files, { today: '2024-03-07', people: pool });
    const onThread = importFiles(direct, files, { today: '2024-03-07', knowledge });
    expect(viaPool).toEqual(onThread);
    expect(ahead.personNames()).toEqual(direct.personNames());
    expect(ahead.personNames().length).toBeGreaterThan(0);
    const all = (a: Archive) => [...a.allEntries()].map((s) => [s.entry.id, s.story, s.day]);
    expect(all(ahead)).toEqual(all(direct));
    for (const q of ['speaker:ゼレンスキー', 'person:プーチン', 'speaker:ラブロフ'])
      expect(ahead.count(q)).toEqual(direct.count(q));
  });

  it('does not annotate on the calling thread when given knowledge too', async () => {
    const calls: number[] = [];
    const counting: PeopleAnnotator = {
      peopleOf: (es) => (calls.push(es.length), pool.peopleOf(es)),
      close: () => Promise.resolve(),
    };
    const a = open();
    // Knowledge that fails when used: the import must not use it.
    const unusable = {} as Knowledge;
    await importFilesAhead(a, files, {
      today: '2024-03-07',
      knowledge: unusable,
      people: counting,
    });
    expect(calls.reduce((x, y) => x + y, 0)).toBe(entries.length);
    expect(a.personNames().length).toBeGreaterThan(0);
  });
});
