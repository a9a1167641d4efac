import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEntry } from '../../test/contract/make-entry.js';
import { committedEntries } from '../../test/support/committed-entries.js';
import { KirinukiError } from '../model/index.js';
import { openSqliteArchive, type Archive } from '../archive/index.js';
import { GROUP_FILES, GroupedFiling } from './file-groups.js';
import type { ImportSummary } from './import-files.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-file-groups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let made = 0;
function archiveFile(): { archive: Archive; path: string } {
  const path = join(dir, `g${(made += 1)}.db`);
  return { archive: openSqliteArchive(path), path };
}

/** Files one "file" of one entry, recording it in the summary as the import does. */
function fileOne(archive: Archive, summary: ImportSummary, n: number, day = '2024-01-18') {
  return (): void => {
    const report = archive.importBatches([
      {
        source: `file-${n}`,
        day,
        entries: [makeEntry({ id: `e${n}`, text: `停戦協議 第${n}報` })],
        documentTagLines: [],
      },
    ]);
    summary.files.push({
      file: `file-${n}`,
      format: 'clip',
      days: [day],
      report: { ...report, duplicates: 0, joinedStories: 0 },
    });
  };
}

describe('GroupedFiling', () => {
  it(`commits every ${GROUP_FILES} files, and the rest when finished`, () => {
    const { archive, path } = archiveFile();
    const summary: ImportSummary = { files: [], diagnostics: [] };
    const groups = new GroupedFiling(archive, summary);
    for (let n = 1; n < GROUP_FILES; n += 1) groups.file(fileOne(archive, summary, n));
    expect(committedEntries(path)).toBe(0);
    groups.file(fileOne(archive, summary, GROUP_FILES));
    expect(committedEntries(path)).toBe(GROUP_FILES);
    for (let n = GROUP_FILES + 1; n <= GROUP_FILES + 5; n += 1)
      groups.file(fileOne(archive, summary, n));
    expect(committedEntries(path)).toBe(GROUP_FILES);
    groups.finish();
    expect(committedEntries(path)).toBe(GROUP_FILES + 5);
    expect(summary.files).toHaveLength(GROUP_FILES + 5);
    archive.close();
  });

  it('keeps the files before one that fails inside a group, once each, and throws its failure', () => {
    const { archive, path } = archiveFile();
    const summary: ImportSummary = { files: [], diagnostics: [] };
    const groups = new GroupedFiling(archive, summary);
    for (let n = 1; n <= 4; n += 1) groups.file(fileOne(archive, summary, n));
    // A day the archive refuses: the import of that file fails and stores nothing of it.
    expect(() => groups.file(fileOne(archive, summary, 5, 'not a day'))).toThrow(KirinukiError);
    expect(committedEntries(path)).toBe(4);
    expect(summary.files.map((f) => f.file)).toEqual(['file-1', 'file-2', 'file-3', 'file-4']);
    // The import goes on after it as before.
    groups.file(fileOne(archive, summary, 6));
    groups.finish();
    expect(committedEntries(path)).toBe(5);
    archive.close();
  });

  it('files each file on its own where the archive has no groups', () => {
    const { archive, path } = archiveFile();
    const summary: ImportSummary = { files: [], diagnostics: [] };
    // The same archive seen through the interface alone, without openImportGroup.
    const plain = new Proxy(archive, {
      get: (target, key) =>
        key === 'openImportGroup' ? undefined : (Reflect.get(target, key, target) as unknown),
    });
    const groups = new GroupedFiling(plain, summary);
    groups.file(fileOne(archive, summary, 1));
    expect(committedEntries(path)).toBe(1);
    groups.finish();
    archive.close();
  });
});
