import { describe, expect, it } from 'vitest';
import { memoryArchives } from '../../test/support/memory-archives.js';
import {
  importFiles,
  importFilesInSteps,
  type LazySourceFile,
  type SourceFile,
} from './import-files.js';
import { reindexArchive, reindexArchiveInSteps } from './reindex-archive.js';

const open = memoryArchives();

/** A clip document of one post filed on `day` (fictional text written for this test). */
function digest(day: string, n: number): SourceFile {
  const [y, m, d] = day.split('-').map(Number);
  const month = ['January', 'February', 'March'][(m ?? 1) - 1];
  const text = [
    `第${n}報 北部の変電所で送電再開、${n * 100}世帯に https://t.co/Step${n}`,
    `— 架空通信 (@kakuu_step) ${month} ${d}, ${y}`,
    `州当局によると、北部の変電所で${n}日目の復旧作業が終わり、${n * 100}世帯に送電が戻った。`,
    `#インフラ攻撃(北部変電所・送電再開)`,
    '',
  ].join('\n');
  return { name: `${day}.txt`, bytes: new TextEncoder().encode(text) };
}

const files = ['2024-02-01', '2024-02-02', '2024-02-03', '2024-02-04'].map((d, i) =>
  digest(d, i + 1),
);

describe('importFilesInSteps', () => {
  it('imports what importFiles imports, reading lazy files one at a time', async () => {
    const read: string[] = [];
    const lazy = files.map((f) => ({ name: f.name, read: () => (read.push(f.name), f.bytes) }));
    const stepped = await importFilesInSteps(open(), lazy, { today: '2024-02-05' });
    const direct = importFiles(open(), files, { today: '2024-02-05' });
    expect(stepped.cancelled).toBe(false);
    expect(stepped.files).toEqual(direct.files);
    expect(read).toEqual(files.map((f) => f.name));
  });

  it('stops between files when aborted: whole files only, the rest never read', async () => {
    const a = open();
    const stop = new AbortController();
    const read: string[] = [];
    const lazy = files.map((f) => ({ name: f.name, read: () => (read.push(f.name), f.bytes) }));
    const summary = await importFilesInSteps(a, lazy, {
      today: '2024-02-05',
      signal: stop.signal,
      onFile: (done) => {
        if (done === 2) stop.abort();
      },
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.files.map((f) => f.file)).toEqual(files.slice(0, 2).map((f) => f.name));
    expect(read).toEqual(files.slice(0, 2).map((f) => f.name));
    expect(a.stats().entries).toBe(2);
  });

  it('imports nothing when aborted before it starts', async () => {
    const a = open();
    const stop = new AbortController();
    stop.abort();
    const summary = await importFilesInSteps(a, files, {
      today: '2024-02-05',
      signal: stop.signal,
    });
    expect(summary).toMatchObject({ cancelled: true, files: [] });
    expect(a.stats().entries).toBe(0);
  });
});

describe('importFiles with files read at their turn', () => {
  /** The files, each read only when asked, with the reads and filings in one log. */
  function logged(log: string[]): LazySourceFile[] {
    return files.map((f) => ({ name: f.name, read: () => (log.push(`read ${f.name}`), f.bytes) }));
  }

  it('reads each file when its turn comes, after the file before it was filed', () => {
    const log: string[] = [];
    const summary = importFiles(open(), logged(log), {
      today: '2024-02-05',
      onFile: (_, __, name) => log.push(`filed ${name}`),
    });
    expect(summary.files.map((f) => f.report?.inserted)).toEqual([1, 1, 1, 1]);
    expect(log).toEqual(files.flatMap((f) => [`read ${f.name}`, `filed ${f.name}`]));
  });

  it('reports a file that cannot be read, and imports the others', () => {
    const a = open();
    const lazy = logged([]);
    lazy[1] = {
      name: 'gone.txt',
      read: () => {
        throw new Error('ENOENT: no such file or directory');
      },
    };
    const summary = importFiles(a, lazy, { today: '2024-02-05' });
    expect(summary.files.map((f) => [f.file, f.report === null])).toEqual([
      [files[0]?.name, false],
      ['gone.txt', true],
      [files[2]?.name, false],
      [files[3]?.name, false],
    ]);
    expect(summary.diagnostics).toEqual([
      {
        severity: 'error',
        file: 'gone.txt',
        message: 'pipeline: not imported: cannot read gone.txt: ENOENT: no such file or directory',
      },
    ]);
    expect(a.stats().entries).toBe(3);
  });
});

describe('reindexArchiveInSteps', () => {
  it('gives the report reindexArchive gives, with progress', async () => {
    const a = open();
    importFiles(a, files, { today: '2024-02-05' });
    const progress: number[] = [];
    const stepped = await reindexArchiveInSteps(a, { onProgress: (n) => progress.push(n) });
    expect(stepped).toEqual(reindexArchive(a));
    expect(stepped.cancelled).toBeUndefined();
    expect(progress.at(-1)).toBe(files.length);
  });

  it('says cancelled, having done nothing, when aborted before it starts', async () => {
    const a = open();
    importFiles(a, files, { today: '2024-02-05' });
    const stop = new AbortController();
    stop.abort();
    const r = await reindexArchiveInSteps(a, { signal: stop.signal });
    expect(r).toMatchObject({ entries: 0, cancelled: true });
  });
});
