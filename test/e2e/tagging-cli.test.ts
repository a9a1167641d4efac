import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';
import { parseSummaryLine } from '../../src/format/index.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
const DAYS = ['2024-03-04', '2024-03-05', '2024-03-06'];
const sampleFile = (day: string): string => join(samples, `${day}.txt`);

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kirinuki-tagging-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh archive of the samples in its own directory, `taxonomy.json` beside it. */
async function sampleArchive(name: string): Promise<{ dir: string; db: string }> {
  const dir = join(root, name);
  mkdirSync(dir);
  copyFileSync(join(samples, 'taxonomy.json'), join(dir, 'taxonomy.json'));
  const db = join(dir, 'archive.db');
  const r = await kirinuki(['--db', db, 'import', ...DAYS.map(sampleFile)]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, db };
}

/** Tag → [entries, lines], read straight from the sample files' summary lines. */
function sampleTagCounts(): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  for (const day of DAYS) {
    // Entries are separated by their summary-line runs: a run of `#Tag(` lines ends an entry.
    const blocks = readFileSync(sampleFile(day), 'utf8').split(/(?<=\))\n(?!#)/u);
    for (const block of blocks) {
      const tags = [...block.matchAll(/^#([^(\s#]+)\(/gmu)].map((m) => m[1] as string);
      for (const t of tags) (counts.get(t) ?? counts.set(t, [0, 0]).get(t)!)[1] += 1;
      for (const t of new Set(tags)) counts.get(t)![0] += 1;
    }
  }
  return counts;
}

async function total(db: string, query: string): Promise<number> {
  const r = await kirinuki(['--db', db, 'search', query, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).total as number;
}

const taxonomyTags = (dir: string): string[] =>
  (JSON.parse(readFileSync(join(dir, 'taxonomy.json'), 'utf8')).tags as { name: string }[]).map(
    (t) => t.name,
  );

/** A sample day with every summary line taken out: what a curator has before writing them. */
function unsummarised(day: string): string {
  return readFileSync(sampleFile(day), 'utf8')
    .split('\n')
    .filter((l) => !/^#[^(\s#]+\(/u.test(l))
    .join('\n');
}

/** The runs of proposed `#Tag(…)` lines in a suggested document: one run per entry. */
function proposedRuns(document: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const line of document.split('\n')) {
    if (/^#[^(\s#]+\(/u.test(line)) run.push(line);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

describe.skipIf(!existsSync(samples))('tagging from the command line', () => {
  it('tags lists every taxonomy tag with its entry and line counts', async () => {
    const { db, dir } = await sampleArchive('list');
    const r = await kirinuki(['--db', db, 'tags', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const listed = JSON.parse(r.stdout) as { tag: string; entries: number; lines: number }[];
    expect(listed.map((c) => c.tag)).toEqual(taxonomyTags(dir));
    const expected = sampleTagCounts();
    for (const c of listed)
      expect([c.tag, c.entries, c.lines]).toEqual([c.tag, ...(expected.get(c.tag) ?? [0, 0])]);
    expect(listed.find((c) => c.tag === '露朝')).toMatchObject({ entries: 3, lines: 4 });
    const text = await kirinuki(['--db', db, 'tags']);
    expect(text.stdout).toMatch(/^\s+3\s+4\s+露朝$/mu);
  });

  it('tags rename relabels the stored entries, byte for byte otherwise', async () => {
    const { db, dir } = await sampleArchive('rename');
    const before = await total(db, 'tag:露斯');
    expect(before).toBe(3);
    const r = await kirinuki(['--db', db, 'tags', 'rename', '露斯', '露イラン']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 stored entries relabelled');
    expect(await total(db, 'tag:露イラン')).toBe(before);
    expect(await total(db, 'tag:露斯')).toBe(0);
    expect(await total(db, '露斯')).toBe(0);
    expect(taxonomyTags(dir)).toContain('露イラン');
    expect(taxonomyTags(dir)).not.toContain('露斯');
    const digest = await kirinuki(['--db', db, 'digest', '--date', '2024-03-04']);
    const original = readFileSync(sampleFile('2024-03-04'), 'utf8');
    expect(digest.stdout.trimEnd()).toBe(original.replaceAll('#露斯(', '#露イラン(').trimEnd());
  });

  it('tags merge and add edit the taxonomy; unknown tags and bad names are user errors', async () => {
    const { db, dir } = await sampleArchive('merge');
    const counts = sampleTagCounts();
    const merged = await kirinuki([
      '--db',
      db,
      'tags',
      'merge',
      'ウクライナ代理戦争',
      'ウクライナ和平交渉',
      'ウクライナ政治',
    ]);
    expect(merged.code, merged.stderr).toBe(0);
    const sum =
      (counts.get('ウクライナ代理戦争')?.[0] ?? 0) + (counts.get('ウクライナ和平交渉')?.[0] ?? 0);
    // One entry carries both tags: the merged tag counts it once.
    expect(await total(db, 'tag:ウクライナ政治')).toBe(sum - 1);
    expect(await total(db, 'tag:ウクライナ和平交渉')).toBe(0);
    const added = await kirinuki([
      '--db',
      db,
      'tags',
      'add',
      '中東',
      '--description',
      'イスラエルとガザ',
      '--keywords',
      'ガザ',
      'ハマス',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const taxonomy = JSON.parse(readFileSync(join(dir, 'taxonomy.json'), 'utf8'));
    expect(taxonomy.tags).toContainEqual({
      name: '中東',
      description: 'イスラエルとガザ',
      keywords: ['ガザ', 'ハマス'],
    });
    expect(taxonomyTags(dir)).not.toContain('ウクライナ代理戦争');
    expect((await kirinuki(['--db', db, 'tags', 'rename', '無い', '新'])).code).toBe(1);
    const onto = await kirinuki(['--db', db, 'tags', 'rename', '露朝', 'ウクライナ政治']);
    expect(onto.stderr).toMatch(/already used in the archive; merge/);
    const bad = await kirinuki(['--db', db, 'tags', 'add', 'a b']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/tags: 'a b' cannot be a tag/);
    expect((await kirinuki(['--db', db, 'tags', 'add', '中東'])).code).toBe(1);
  });

  it('train stores a model; suggest writes summary lines with taxonomy tags into the document', async () => {
    const { db, dir } = await sampleArchive('suggest');
    const trained = await kirinuki(['--db', db, 'train']);
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.stdout).toContain('from 30 labelled entries');
    expect(existsSync(`${db}.tag-model.json`) && existsSync(`${db}.style.json`)).toBe(true);
    const input = unsummarised('2024-03-05');
    const r = await kirinuki(['--db', db, 'suggest', '-'], input);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.trimEnd().split('\n');
    const added = out.filter((l) => !input.split('\n').includes(l));
    // The document is given back as it was, with the proposed lines added.
    expect(out.filter((l) => !added.includes(l))).toEqual(input.trimEnd().split('\n'));
    expect(added.length).toBeGreaterThanOrEqual(10);
    const tags = taxonomyTags(dir);
    for (const line of added) {
      const parsed = parseSummaryLine(line);
      expect(parsed, line).not.toBeNull();
      expect(tags).toContain(parsed?.tag);
      expect(parsed?.segments.length).toBeGreaterThan(0);
    }
    // Entries the model was trained on are recognised: the curator's own tags come back.
    const curator = readFileSync(sampleFile('2024-03-05'), 'utf8').match(/^#[^(\s#]+(?=\()/gmu);
    expect(added.map((l) => l.split('(')[0])).toEqual(curator);
  });

  it("suggest writes an entry's lines together: two tags never carry the same quote", async () => {
    const { db } = await sampleArchive('together');
    expect((await kirinuki(['--db', db, 'train'])).code).toBe(0);
    let entriesWithTwoLines = 0;
    for (const day of DAYS) {
      const r = await kirinuki(['--db', db, 'suggest', '-'], unsummarised(day));
      expect(r.code, r.stderr).toBe(0);
      for (const lines of proposedRuns(r.stdout)) {
        if (lines.length < 2) continue;
        entriesWithTwoLines += 1;
        const quotes = lines.map(
          (l) =>
            parseSummaryLine(l)?.segments.flatMap((s) => (s.kind === 'quote' ? s.quotes : [])) ??
            [],
        );
        for (let i = 0; i < quotes.length; i += 1)
          for (let j = i + 1; j < quotes.length; j += 1)
            expect(
              quotes[i]?.filter((q) => quotes[j]?.includes(q)),
              `${lines[i]}\n${lines[j]}`,
            ).toEqual([]);
      }
    }
    // The sample days have entries about two things: the check is not vacuous.
    expect(entriesWithTwoLines).toBeGreaterThanOrEqual(3);
  });

  it('suggest --explain --json says why, and trains first when there is no model', async () => {
    const { db } = await sampleArchive('explain');
    const r = await kirinuki(
      ['--db', db, 'suggest', '-', '--explain', '--json'],
      unsummarised('2024-03-04'),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'suggest: no tag model yet: trained one from the 30 labelled entries',
    );
    const json = JSON.parse(r.stdout);
    expect(json.text).toContain('#露朝(');
    const first = json.entries[0];
    expect(first.tags[0].score).toBeGreaterThan(0.5);
    expect(first.explanations[0].tag).toBe(first.tags[0].tag);
    expect(first.explanations[0].for.length).toBeGreaterThan(0);
    expect(existsSync(`${db}.tag-model.json`)).toBe(true);
  });

  it('suggest --explain names the description words and the labelled entries behind a tag', async () => {
    const { db } = await sampleArchive('explain-text');
    expect((await kirinuki(['--db', db, 'train'])).code).toBe(0);
    const r = await kirinuki(['--db', db, 'suggest', '-', '--explain'], unsummarised('2024-03-06'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^ {4}words: \S+×\d+/mu);
    // A similar labelled entry is named by id and headline, with its tags.
    expect(r.stderr).toMatch(/^ {4}like: [0-9a-f]{12}「[^」]+」 \([^)]+\) 0\.\d\d/mu);
  });

  it('tags learn takes a retag into the model at once: the next suggest shows it', async () => {
    const { db } = await sampleArchive('learn');
    expect((await kirinuki(['--db', db, 'train'])).code).toBe(0);
    const day = unsummarised('2024-03-06');
    const first = await kirinuki(['--db', db, 'suggest', '-'], day);
    const proposed = first.stdout.split('\n');
    const at = proposed.findIndex((l) => /^#[^(]+\(/u.test(l));
    const tag = /^#([^(]+)\(/u.exec(proposed[at] ?? '')?.[1] ?? '';
    const retag = tag === '露朝' ? 'NATO' : '露朝';
    // The curator keeps the line but files the entry under another tag.
    const edited = proposed.map((l, i) => (i === at ? l.replace(`#${tag}(`, `#${retag}(`) : l));
    const learned = await kirinuki(['--db', db, 'tags', 'learn', '-'], edited.join('\n'));
    expect(learned.code, learned.stderr).toBe(0);
    expect(learned.stdout).toMatch(
      /^tags: learned \d+ entries \(1 retagged, \d+ accepted\); model updated$/mu,
    );
    const again = await kirinuki(['--db', db, 'suggest', '-'], day);
    const next = again.stdout.split('\n').find((l) => /^#[^(]+\(/u.test(l)) ?? '';
    expect(next.startsWith(`#${retag}(`), next).toBe(true);
  });

  it('suggest starts cold from the taxonomy, and says so; with no tags at all it is a user error', async () => {
    const dir = join(root, 'cold');
    mkdirSync(dir);
    const db = join(dir, 'archive.db');
    expect((await kirinuki(['--db', db, 'suggest', '-'], unsummarised('2024-03-06'))).code).toBe(1);
    const taxonomy = join(dir, 'custom-taxonomy.json');
    copyFileSync(join(samples, 'taxonomy.json'), taxonomy);
    const r = await kirinuki(
      ['--db', db, 'suggest', '-', '--taxonomy', taxonomy],
      unsummarised('2024-03-06'),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("suggesting from the taxonomy's descriptions and keywords alone");
    expect(r.stdout).toMatch(/^#(ウクライナ|ロシア|NATO|露)[^(]*\(/mu);
  });

  it('annotate --jsonl --db adds the ranked tags and the proposed summary line', async () => {
    const { db } = await sampleArchive('jsonl');
    expect((await kirinuki(['--db', db, 'train'])).code).toBe(0);
    const lines = [
      {
        id: 'dprk',
        text: '北朝鮮の外務次官がモスクワ入り\nロシア外務省の報道官は「あらゆる分野で協力を深めていく用意がある」と述べた。',
        date: '2024-03-06',
      },
      {
        id: 2,
        text: 'NATO、北欧で大規模演習\nNATOの報道官は「同盟の北の守りを示すものだ」と述べた。',
      },
    ];
    const stdin = lines.map((l) => JSON.stringify(l)).join('\n');
    const r = await kirinuki(['--db', db, 'annotate', '--jsonl', '-'], stdin);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['dprk', 2]);
    for (const o of out) {
      expect(o.quotes.length).toBeGreaterThan(0);
      const scores = o.tags.map((t: { score: number }) => t.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(o.summary).toMatch(new RegExp(`^#${o.tags[0].tag}\\(.*「.+」.*\\)$`, 'u'));
    }
    expect(out[0].tags[0].tag).toBe('露朝');
    expect(out[1].tags[0].tag).toBe('NATO');
    // Without an archive, only the annotations.
    const bare = await kirinuki(['--db', join(root, 'none.db'), 'annotate', '--jsonl', '-'], stdin);
    expect(JSON.parse(bare.stdout.split('\n')[0] ?? '{}')).not.toHaveProperty('tags');
    expect(existsSync(join(root, 'none.db'))).toBe(false);
  });

  it("demo shows proposed summary lines next to the curator's", async () => {
    const r = await kirinuki(['--db', join(root, 'demo.db'), 'demo']);
    expect(r.code, r.stderr).toBe(0);
    const section = r.stdout.split('===== proposed summary lines')[1]?.split('=====')[1] ?? '';
    expect(section.match(/^ {2}curator: {2}#/gmu)?.length).toBeGreaterThanOrEqual(3);
    const proposed = section.match(/^ {2}kirinuki: (#.*)$/gmu) ?? [];
    expect(proposed.length).toBeGreaterThanOrEqual(3);
    for (const l of proposed)
      expect(parseSummaryLine(l.slice('  kirinuki: '.length))).not.toBeNull();
  });

  it('prints help for the new commands', async () => {
    for (const cmd of [
      ['tags'],
      ['tags', 'add'],
      ['tags', 'rename'],
      ['tags', 'merge'],
      ['tags', 'learn'],
      ['train'],
      ['suggest'],
    ]) {
      const r = await kirinuki([...cmd, '--help']);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toContain(`Usage: kirinuki ${cmd.join(' ')}`);
    }
  });
});
