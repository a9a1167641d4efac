import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectImportFormat, isImportableName } from '../ingest/index.js';
import { err, ok, type Diagnostic, type Result } from '../model/index.js';
import type { LazySourceFile } from './import-files.js';

/** What an import of a path reads, and the files of a folder it left out, with why. */
export interface SourceFiles {
  files: LazySourceFile[];
  skipped: { name: string; reason: string }[];
}

/**
 * The files an import of `path` reads, as `kirinuki import` takes them: a file as it is, a
 * directory as the files in it that kirinuki reads by their names (sorted; hidden ones left
 * out; notes, databases and the like listed as skipped). Their bytes are read when the import
 * comes to them.
 *
 * @example
 * const r = sourceFilesAt('samples');
 * if (r.ok) await importFilesInSteps(archive, r.value.files, { today });
 * r.ok && r.value.skipped; // [{ name: 'samples/README.md', reason: 'not a kind of file kirinuki reads' }]
 */
export function sourceFilesAt(path: string): Result<SourceFiles, Diagnostic> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return err({ severity: 'error', file: path, message: `pipeline: no such file: ${path}` });
  }
  const lazy = (name: string): LazySourceFile => ({
    name,
    size: statSync(name).size,
    read: () => readFileSync(name),
  });
  if (!isDirectory) return ok({ files: [lazy(path)], skipped: [] });
  const names = readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
  const out: SourceFiles = { files: [], skipped: [] };
  for (const n of names) {
    const name = join(path, n);
    const reason = !isImportableName(n)
      ? 'not a kind of file kirinuki reads'
      : n.toLowerCase().endsWith('.json') && detectImportFormat(n, headOf(name)) === 'paste'
        ? 'JSON that is not a Telegram export, an oEmbed answer or a JSON Feed'
        : null;
    if (reason === null) out.files.push(lazy(name));
    else out.skipped.push({ name, reason });
  }
  return ok(out);
}

/** The first 4 KB of a file: what `detectImportFormat` looks at. */
function headOf(name: string): Uint8Array {
  const fd = openSync(name, 'r');
  try {
    const head = new Uint8Array(4096);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}
