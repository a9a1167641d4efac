/**
 * The curator's loop from the command line, as the workbench's API runs it through the same
 * pipeline functions: `days`, `accept` (the proposed line, or a correction, learned at once),
 * `edit`, `drop`, a day's order, `tags import`. Real CLI in process, real SQLite archives and
 * tag stores in a temp dir, the bundled samples (fictional) as the curator's past work.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteArchive } from '../../src/archive/index.js';
import { entryLines, parseClipDocument, parseSummaryLine } from '../../src/format/index.js';
import type { Entry } from '../../src/model/index.js';
import { loadKnowledge } from '../../src/nlp/index.js';
import {
  reorderDay,
  suggestionFor,
  tagStorePaths,
  type AcceptedSuggestion,
  type EntryCard,
} from '../../src/pipeline/index.js';
import { kirinuki, type Captured } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const LABELLED = ['2024-03-04', '2024-03-05'];
const INBOX_DAY = '2024-03-06';
const sampleText = (day: string): string => readFileSync(join(samples, `${day}.txt`), 'utf8');

/** The day with its summary lines taken out: as it comes in, before the curator writes. */
const unsummarised = (text: string): string =>
  text
    .split('\n')
    .filter((l) => parseSummaryLine(l) === null)
    .join('\n');

const entriesOf = (text: string): Entry[] =>
  parseClipDocument(text).document.parts.flatMap((p) => (p.kind === 'entry' ? [p.entry] : []));

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kirinuki-curate-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An archive in its own directory: the labelled sample days, and the inbox day without lines. */
async function curatorArchive(name: string): Promise<{ dir: string; db: string; inbox: Entry[] }> {
  const dir = join(root, name);
  mkdirSync(dir);
  copyFileSync(join(samples, 'taxonomy.json'), join(dir, 'taxonomy.json'));
  const inboxFile = join(dir, `${INBOX_DAY}.txt`);
  writeFileSync(inboxFile, unsummarised(sampleText(INBOX_DAY)));
  const db = join(dir, 'archive.db');
  const files = [...LABELLED.map((d) => join(samples, `${d}.txt`)), inboxFile];
  const r = await kirinuki(['--db', db, 'import', ...files]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, db, inbox: entriesOf(readFileSync(inboxFile, 'utf8')) };
}

function cliOf(db: string) {
  const cli = (...args: string[]): Promise<Captured> => kirinuki(['--db', db, ...args]);
  const json = async <T>(...args: string[]): Promise<T> => {
    const r = await cli(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  const ids = async (query: string): Promise<string[]> =>
    (await json<{ hits: { id: string }[] }>('search', query, '--limit', '100')).hits.map(
      (h) => h.id,
    );
  return { cli, json, ids };
}

interface ModelFile {
  tags: string[];
  stats: { updates: number; corrections: number };
}
const modelOf = (db: string): ModelFile =>
  JSON.parse(readFileSync(`${db}.tag-model.json`, 'utf8')) as ModelFile;

describe('days', () => {
  it('lists the filed days newest first with the counts export has', async () => {
    const { db } = await curatorArchive('days');
    const { cli, json } = cliOf(db);
    const exported = (await cli('export')).stdout
      .split('\n')
      .filter((l) => l.startsWith('{"kind":"entry"'));
    const counts = new Map<string, number>();
    for (const l of exported) {
      const { day } = JSON.parse(l) as { day: string };
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
    const expected = [...counts]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([day, entries]) => ({ day, entries }));
    expect(expected).toHaveLength(3);
    expect(await json('days')).toEqual({ days: expected });
    const text = await cli('days');
    expect(text.stdout.trim().split('\n')).toEqual(
      expected.map((d) => `${d.day}  ${String(d.entries).padStart(5)} entries`),
    );
  });

  it('says so when the archive is empty', async () => {
    const { cli } = cliOf(join(root, 'empty.db'));
    const r = await cli('days');
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain('no entries yet');
  });
});

describe('accept', () => {
  let db: string;
  let inbox: Entry[];
  let cli: ReturnType<typeof cliOf>;
  beforeAll(async () => {
    ({ db, inbox } = await curatorArchive('accept'));
    cli = cliOf(db);
  });

  it('files the proposed line, which search and show then carry, and teaches the model', async () => {
    const entry = inbox[0]!;
    const r = await cli.json<AcceptedSuggestion>('accept', entry.id.slice(0, 10));
    const line = parseSummaryLine(r.accepted);
    expect(line, r.accepted).not.toBeNull();
    expect(r.card).toMatchObject({
      id: entry.id,
      day: INBOX_DAY,
      summaryLines: [r.accepted],
      tags: [line!.tag],
    });
    expect(await cli.ids(`tag:${line!.tag}`)).toContain(entry.id);
    const shown = await cli.json<EntryCard>('show', entry.id);
    expect(shown.summaryLines).toEqual([r.accepted]);
    expect(r.suggestionAfter?.tags[0]?.tag).toBe(line!.tag);
    expect(modelOf(db).stats.updates).toBeGreaterThanOrEqual(1);
  });

  it('takes a correction, and the next suggestion for the entry reflects it', async () => {
    const entry = inbox[1]!;
    const options = { paths: tagStorePaths(db), knowledge: loadKnowledge() };
    const archive = openSqliteArchive(db);
    const before = suggestionFor(archive, archive.findEntry(entry.id)!, options);
    archive.close();
    expect(before.ok).toBe(true);
    const proposed = before.ok ? before.value : null;
    const taxonomy = JSON.parse(readFileSync(options.paths.taxonomy, 'utf8')) as {
      tags: { name: string }[];
    };
    // A tag of the taxonomy the tagger did not put first: the curator's correction.
    const other = taxonomy.tags.map((t) => t.name).find((t) => t !== proposed?.tags[0]?.tag)!;
    const corrected = `#${other}(訂正した要約・架空の報道官「方針は変わらない」)`;
    const updates = modelOf(db).stats.updates;
    const r = await cli.json<AcceptedSuggestion>('accept', entry.id, '--line', corrected);
    expect(r.accepted).toBe(corrected);
    expect(r.card.summaryLines).toEqual([corrected]);
    expect(r.suggestionAfter?.tags[0]?.tag).toBe(other);
    expect(r.suggestionAfter?.line?.startsWith(`#${other}(`)).toBe(true);
    expect(modelOf(db).stats.updates).toBe(updates + 1);
    expect(await cli.ids('speaker:架空の報道官')).toEqual([entry.id]);
  });

  it('replaces a line of the same tag and keeps the others', async () => {
    const entry = inbox[2]!;
    await cli.json('edit', entry.id, '--line', '#露朝(最初の行)', '--line', '#NATO(二つ目)');
    const r = await cli.json<AcceptedSuggestion>('accept', entry.id, '--line', '#露朝(直した行)');
    expect(r.card.summaryLines).toEqual(['#NATO(二つ目)', '#露朝(直した行)']);
  });

  it('refuses a line that is no summary line, and an unknown id, changing nothing', async () => {
    const entry = inbox[3]!;
    const bad = await cli.cli('accept', entry.id, '--line', '露朝(括弧だけ)');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^accept: not a summary line/u);
    expect((await cli.json<EntryCard>('show', entry.id)).summaryLines).toEqual([]);
    const unknown = await cli.cli('accept', 'ffffffffffffffff');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no entry with id "ffffffffffffffff"');
  });
});

describe('edit', () => {
  let db: string;
  let inbox: Entry[];
  let cli: ReturnType<typeof cliOf>;
  beforeAll(async () => {
    ({ db, inbox } = await curatorArchive('edit'));
    cli = cliOf(db);
    expect((await cli.cli('train')).code).toBe(0);
  });

  it('sets the lines: tags, speakers and the search index follow, and the model learns', async () => {
    const entry = inbox[0]!;
    const stats = await cli.json<{ summaryLines: number }>('stats');
    const updates = modelOf(db).stats.updates;
    const lines = ['#露朝(ケルベロス作戦・偽名の大臣「協議を続ける」)', '#NATO(東方の演習)'];
    const card = await cli.json<EntryCard>(
      'edit',
      entry.id,
      '--line',
      lines[0]!,
      '--line',
      lines[1]!,
    );
    expect(card).toMatchObject({ id: entry.id, summaryLines: lines, tags: ['露朝', 'NATO'] });
    expect(await cli.ids('ケルベロス作戦')).toEqual([entry.id]);
    expect(await cli.ids('speaker:偽名の大臣')).toEqual([entry.id]);
    expect(await cli.ids('tag:NATO')).toContain(entry.id);
    expect((await cli.json<{ summaryLines: number }>('stats')).summaryLines).toBe(
      stats.summaryLines + 2,
    );
    expect(modelOf(db).stats.updates).toBe(updates + 1);

    const again = await cli.json<EntryCard>('edit', entry.id, '--line', '#NATO(東方の演習)');
    expect(again.tags).toEqual(['NATO']);
    expect(await cli.ids('ケルベロス作戦')).toEqual([]);
    expect(await cli.ids('tag:露朝')).not.toContain(entry.id);
  });

  it('names the line that does not parse and changes nothing', async () => {
    const entry = inbox[1]!;
    const r = await cli.cli('edit', entry.id, '--line', '#露朝(よい行)', '--line', '#露朝 (空白)');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('summary line 1 is not a summary line');
    expect((await cli.json<EntryCard>('show', entry.id)).summaryLines).toEqual([]);
    expect(await cli.ids('よい行')).toEqual([]);
  });

  it('needs lines or --clear, and clears with --clear', async () => {
    const entry = inbox[2]!;
    expect((await cli.cli('edit', entry.id)).code).toBe(1);
    await cli.json('edit', entry.id, '--line', '#露朝(消す行)');
    const cleared = await cli.json<EntryCard>('edit', entry.id, '--clear');
    expect(cleared.summaryLines).toEqual([]);
    expect(await cli.ids('消す行')).toEqual([]);
  });
});

describe('drop', () => {
  it('removes the entry from its day, search and show; a second drop finds nothing', async () => {
    const { db, inbox } = await curatorArchive('drop');
    const { cli, json, ids } = cliOf(db);
    const entry = inbox[0]!;
    const word = [...(entry.post?.text ?? '')].slice(0, 5).join('');
    expect(await ids(`"${word}"`)).toContain(entry.id);
    const days = await json<{ days: { day: string; entries: number }[] }>('days');
    const r = await json<{ removed: EntryCard }>('drop', entry.id);
    expect(r.removed).toMatchObject({ id: entry.id, day: INBOX_DAY });
    expect((await cli('show', entry.id)).code).toBe(1);
    expect(await ids(`"${word}"`)).not.toContain(entry.id);
    const after = await json<{ days: { day: string; entries: number }[] }>('days');
    expect(after.days).toEqual(
      days.days.map((d) => (d.day === INBOX_DAY ? { ...d, entries: d.entries - 1 } : d)),
    );
    expect((await cli('drop', entry.id)).code).toBe(1);
    const text = await cli('drop', entry.id.slice(0, 8));
    expect(text.stderr).toContain('drop: no entry with id');
  });
});

describe("a day's order", () => {
  it('is stored, and digest prints the day in it; a wrong order is refused naming why', async () => {
    const { db } = await curatorArchive('order');
    const day = LABELLED[0]!;
    const archive = openSqliteArchive(db);
    const filed = archive.entriesOfDay(day).map((s) => s.entry);
    const reversed = [...filed].reverse();
    const r = reorderDay(
      archive,
      day,
      reversed.map((e) => e.id),
    );
    expect(r.ok && r.value.map((c) => c.id)).toEqual(reversed.map((e) => e.id));
    expect(r.ok && r.value.map((c) => c.seq)).toEqual(reversed.map((_, i) => i));

    const missing = reorderDay(
      archive,
      day,
      reversed.slice(1).map((e) => e.id),
    );
    expect(missing).toMatchObject({ ok: false, error: { reason: 'invalid', field: 'ids' } });
    expect(!missing.ok && missing.error.message).toContain(`missing: ${reversed[0]!.id}`);
    const twice = reorderDay(archive, day, [...reversed.map((e) => e.id), reversed[0]!.id]);
    expect(!twice.ok && twice.error.message).toContain('named more than once');
    const stranger = reorderDay(archive, day, [...reversed.slice(1).map((e) => e.id), 'zzz']);
    expect(!stranger.ok && stranger.error.message).toContain(`not filed under ${day}: zzz`);
    expect(reorderDay(archive, '1999-01-01', [])).toMatchObject({ ok: false });
    archive.close();

    const digest = await kirinuki(['--db', db, 'digest', '--date', day, '--no-check']);
    expect(digest.code, digest.stderr).toBe(0);
    const tagLines = sampleText(day)
      .split('\n')
      .filter((l) => /^#[^(]+$/u.test(l));
    expect(digest.stdout).toBe(
      `${[...reversed.flatMap(entryLines), ...new Set(tagLines)].join('\n')}\n`,
    );
    const stories = await kirinuki(['--db', db, 'digest', '--date', day, '--stories']);
    const at = reversed.map((e) => stories.stdout.indexOf(entryLines(e)[0]!));
    expect(at.every((x, i) => x >= 0 && (i === 0 || x > (at[i - 1] as number)))).toBe(true);
  });
});

describe('tags import', () => {
  const sampleTaxonomy = join(samples, 'taxonomy.json');
  const names = (file: string): string[] =>
    (JSON.parse(readFileSync(file, 'utf8')) as { tags: { name: string }[] }).tags.map(
      (t) => t.name,
    );

  it('merges a taxonomy file into the one beside the archive, and again changes nothing', async () => {
    const dir = join(root, 'taxonomy');
    mkdirSync(dir);
    const { json } = cliOf(join(dir, 'archive.db'));
    const first = await json<{ added: string[]; unchanged: string[]; model: boolean }>(
      'tags',
      'import',
      sampleTaxonomy,
    );
    expect(first).toMatchObject({ added: names(sampleTaxonomy), unchanged: [], model: false });
    expect(names(join(dir, 'taxonomy.json'))).toEqual(names(sampleTaxonomy));
    const listed = await json<{ tag: string; defined: boolean }[]>('tags');
    expect(listed.filter((t) => t.defined).map((t) => t.tag)).toEqual(names(sampleTaxonomy));
    const again = await json<{ added: string[]; unchanged: string[] }>(
      'tags',
      'import',
      sampleTaxonomy,
    );
    expect(again).toMatchObject({ added: [], unchanged: names(sampleTaxonomy) });
  });

  it("adds new tags and keywords, keeps the curator's descriptions, and teaches a stored model", async () => {
    const { dir, db } = await curatorArchive('taxonomy-model');
    const { cli, json } = cliOf(db);
    expect((await cli('train')).code).toBe(0);
    const mine = JSON.parse(readFileSync(join(dir, 'taxonomy.json'), 'utf8')) as {
      tags: { name: string; description?: string; keywords?: string[] }[];
    };
    const first = mine.tags[0]!;
    const file = join(dir, 'more.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        tags: [
          { name: first.name, description: '上書きされない説明', keywords: ['新しい語'] },
          { name: '黒海航路', description: '黒海の穀物輸出と航路', keywords: ['穀物回廊'] },
        ],
      }),
    );
    const r = await json<{ added: string[]; extended: string[]; model: boolean }>(
      'tags',
      'import',
      file,
    );
    expect(r).toMatchObject({ added: ['黒海航路'], extended: [first.name], model: true });
    const now = JSON.parse(readFileSync(join(dir, 'taxonomy.json'), 'utf8')) as typeof mine;
    expect(now.tags[0]).toEqual({
      ...first,
      keywords: [...(first.keywords ?? []), '新しい語'],
    });
    expect(now.tags.at(-1)).toEqual({
      name: '黒海航路',
      description: '黒海の穀物輸出と航路',
      keywords: ['穀物回廊'],
    });
    expect(modelOf(db).tags).toContain('黒海航路');
  });

  it('refuses a file that is not a taxonomy, naming where, and changes nothing', async () => {
    const { dir, db } = await curatorArchive('taxonomy-bad');
    const before = readFileSync(join(dir, 'taxonomy.json'), 'utf8');
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ tags: [{ name: 'ok' }, { name: 'bad tag' }] }));
    const r = await cliOf(db).cli('tags', 'import', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tags[1].name');
    expect(readFileSync(join(dir, 'taxonomy.json'), 'utf8')).toBe(before);
    const missing = await cliOf(db).cli('tags', 'import', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });
});
